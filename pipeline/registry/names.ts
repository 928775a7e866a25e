// The French and Spanish WTO names of every entry, by its English registry name. Each language's value is the name
// as a sentence writes it after "of" ("du Canada", "del Japón"), or, where the list form is inverted, the list form
// and that sentence form ("Corée, République de", "de la République de Corée"). The forms of "of" are registry data
// (`circulation-fr-es`), never worked out in code. Sources: names domain.md lists are `domain-fr-es` [C] (see
// `confirmed` below); the others follow the WTO's lists of Members and observers in French and Spanish, written from
// memory of those lists and not checked against them here (`wto-fr-es` [I]); organisations' names are their official
// French and Spanish names (`organisations-fr-es` [I]).
import type {SourceId} from './schema.js'

/** The "of" form of the name, or the list form then the "of" form. */
type Written = string | readonly [list: string, of: string]

export interface NameRow {
  fr: Written
  es: Written
  /**
   * Other ways reports in French or Spanish write the name: common, short and former names (`Corée du Sud`,
   * `Centrafrique`, `Birmania`), source `usage` as the English aliases (sources.ts `factSources`).
   */
  aliases?: {fr?: string[]; es?: string[]}
}

/** Names that domain.md lists as seen on WTO pages [C], by language: exactly as written there. */
export const confirmed: {fr: Record<string, string>; es: Record<string, string>} = {
  fr: {
    'United States of America': "États-Unis d'Amérique",
    'European Union': 'Union européenne',
    'Korea, Republic of': 'Corée, République de',
    'Venezuela, Bolivarian Republic of': 'Venezuela, République bolivarienne du',
    'Bolivia, Plurinational State of': 'Bolivie, État plurinational de',
    'South Africa': 'Afrique du Sud'
  },
  es: {
    'United States of America': 'Estados Unidos de América',
    'European Union': 'Unión Europea',
    'Korea, Republic of': 'Corea, República de',
    'Venezuela, Bolivarian Republic of': 'Venezuela, República Bolivariana de',
    'Hong Kong, China': 'Hong Kong, China'
  }
}

/** The source of `name`'s French or Spanish name. */
export function nameSource(english: string, language: 'fr' | 'es', kind: 'member' | 'observer' | 'organisation'): SourceId {
  if (confirmed[language][english] !== undefined) return 'domain-fr-es'
  return kind === 'organisation' ? 'organisations-fr-es' : 'wto-fr-es'
}

export const memberNames: Record<string, NameRow> = {
  Afghanistan: {fr: "de l'Afghanistan", es: 'del Afganistán'},
  Albania: {fr: "de l'Albanie", es: 'de Albania'},
  Angola: {fr: "de l'Angola", es: 'de Angola'},
  'Antigua and Barbuda': {fr: "d'Antigua-et-Barbuda", es: 'de Antigua y Barbuda'},
  Argentina: {fr: "de l'Argentine", es: 'de la Argentina'},
  Armenia: {fr: "de l'Arménie", es: 'de Armenia'},
  Australia: {fr: "de l'Australie", es: 'de Australia'},
  Austria: {fr: "de l'Autriche", es: 'de Austria'},
  'Bahrain, Kingdom of': {
    fr: ['Bahreïn, Royaume de', 'du Royaume de Bahreïn'],
    es: ['Bahrein, Reino de', 'del Reino de Bahrein'],
    aliases: {fr: ['Bahreïn'], es: ['Bahrein', 'Baréin']}
  },
  Bangladesh: {fr: 'du Bangladesh', es: 'de Bangladesh'},
  Barbados: {fr: 'de la Barbade', es: 'de Barbados'},
  Belgium: {fr: 'de la Belgique', es: 'de Bélgica'},
  Belize: {fr: 'du Belize', es: 'de Belice'},
  Benin: {fr: 'du Bénin', es: 'de Benin'},
  'Bolivia, Plurinational State of': {
    fr: ['Bolivie, État plurinational de', "de l'État plurinational de Bolivie"],
    es: ['Bolivia, Estado Plurinacional de', 'del Estado Plurinacional de Bolivia'],
    aliases: {fr: ['Bolivie']}
  },
  Botswana: {fr: 'du Botswana', es: 'de Botswana'},
  Brazil: {fr: 'du Brésil', es: 'del Brasil'},
  'Brunei Darussalam': {fr: 'du Brunéi Darussalam', es: 'de Brunei Darussalam'},
  Bulgaria: {fr: 'de la Bulgarie', es: 'de Bulgaria'},
  'Burkina Faso': {fr: 'du Burkina Faso', es: 'de Burkina Faso'},
  Burundi: {fr: 'du Burundi', es: 'de Burundi'},
  'Cabo Verde': {fr: 'de Cabo Verde', es: 'de Cabo Verde', aliases: {fr: ['Cap-Vert']}},
  Cambodia: {fr: 'du Cambodge', es: 'de Camboya'},
  Cameroon: {fr: 'du Cameroun', es: 'del Camerún'},
  Canada: {fr: 'du Canada', es: 'del Canadá'},
  'Central African Republic': {fr: 'de la République centrafricaine', es: 'de la República Centroafricana', aliases: {fr: ['Centrafrique', 'RCA']}},
  Chad: {fr: 'du Tchad', es: 'del Chad'},
  Chile: {fr: 'du Chili', es: 'de Chile'},
  China: {fr: 'de la Chine', es: 'de China'},
  Colombia: {fr: 'de la Colombie', es: 'de Colombia'},
  Comoros: {fr: 'des Comores', es: 'de las Comoras'},
  Congo: {fr: 'du Congo', es: 'del Congo'},
  'Costa Rica': {fr: 'du Costa Rica', es: 'de Costa Rica'},
  "Côte d'Ivoire": {fr: "de la Côte d'Ivoire", es: "de Côte d'Ivoire", aliases: {es: ['Costa de Marfil']}},
  Croatia: {fr: 'de la Croatie', es: 'de Croacia'},
  Cuba: {fr: 'de Cuba', es: 'de Cuba'},
  Cyprus: {fr: 'de Chypre', es: 'de Chipre'},
  'Czech Republic': {fr: 'de la République tchèque', es: 'de la República Checa', aliases: {fr: ['Tchéquie'], es: ['Chequia']}},
  'Democratic Republic of the Congo': {
    fr: 'de la République démocratique du Congo',
    es: 'de la República Democrática del Congo',
    aliases: {fr: ['RDC', 'RD Congo'], es: ['RDC', 'RD Congo']}
  },
  Denmark: {fr: 'du Danemark', es: 'de Dinamarca'},
  Djibouti: {fr: 'de Djibouti', es: 'de Djibouti', aliases: {es: ['Yibuti']}},
  Dominica: {fr: 'de la Dominique', es: 'de Dominica'},
  'Dominican Republic': {fr: 'de la République dominicaine', es: 'de la República Dominicana'},
  Ecuador: {fr: "de l'Équateur", es: 'del Ecuador'},
  Egypt: {fr: "de l'Égypte", es: 'de Egipto'},
  'El Salvador': {fr: "d'El Salvador", es: 'de El Salvador'},
  Estonia: {fr: "de l'Estonie", es: 'de Estonia'},
  Eswatini: {fr: "d'Eswatini", es: 'de Eswatini', aliases: {es: ['Suazilandia']}},
  'European Union': {fr: "de l'Union européenne", es: 'de la Unión Europea', aliases: {fr: ['UE'], es: ['UE']}},
  Fiji: {fr: 'des Fidji', es: 'de Fiji'},
  Finland: {fr: 'de la Finlande', es: 'de Finlandia'},
  France: {fr: 'de la France', es: 'de Francia'},
  Gabon: {fr: 'du Gabon', es: 'del Gabón'},
  Gambia: {fr: 'de la Gambie', es: 'de Gambia'},
  Georgia: {fr: 'de la Géorgie', es: 'de Georgia'},
  Germany: {fr: "de l'Allemagne", es: 'de Alemania'},
  Ghana: {fr: 'du Ghana', es: 'de Ghana'},
  Greece: {fr: 'de la Grèce', es: 'de Grecia'},
  Grenada: {fr: 'de la Grenade', es: 'de Granada'},
  Guatemala: {fr: 'du Guatemala', es: 'de Guatemala'},
  Guinea: {fr: 'de la Guinée', es: 'de Guinea'},
  'Guinea-Bissau': {fr: 'de la Guinée-Bissau', es: 'de Guinea-Bissau'},
  Guyana: {fr: 'du Guyana', es: 'de Guyana'},
  Haiti: {fr: "d'Haïti", es: 'de Haití'},
  Honduras: {fr: 'du Honduras', es: 'de Honduras'},
  'Hong Kong, China': {fr: 'de Hong Kong, Chine', es: 'de Hong Kong, China'},
  Hungary: {fr: 'de la Hongrie', es: 'de Hungría'},
  Iceland: {fr: "de l'Islande", es: 'de Islandia'},
  India: {fr: "de l'Inde", es: 'de la India'},
  Indonesia: {fr: "de l'Indonésie", es: 'de Indonesia'},
  Ireland: {fr: "de l'Irlande", es: 'de Irlanda'},
  Israel: {fr: "d'Israël", es: 'de Israel'},
  Italy: {fr: "de l'Italie", es: 'de Italia'},
  Jamaica: {fr: 'de la Jamaïque', es: 'de Jamaica'},
  Japan: {fr: 'du Japon', es: 'del Japón'},
  Jordan: {fr: 'de la Jordanie', es: 'de Jordania'},
  Kazakhstan: {fr: 'du Kazakhstan', es: 'de Kazajstán'},
  Kenya: {fr: 'du Kenya', es: 'de Kenya'},
  'Korea, Republic of': {
    fr: ['Corée, République de', 'de la République de Corée'],
    es: ['Corea, República de', 'de la República de Corea'],
    aliases: {fr: ['Corée', 'Corée du Sud', 'République de Corée'], es: ['Corea', 'Corea del Sur', 'República de Corea']}
  },
  'Kuwait, the State of': {
    fr: ["Koweït, l'État du", "de l'État du Koweït"],
    es: ['Kuwait, el Estado de', 'del Estado de Kuwait'],
    aliases: {fr: ['Koweït']}
  },
  'Kyrgyz Republic': {fr: 'de la République kirghize', es: 'de la República Kirguisa', aliases: {fr: ['Kirghizistan'], es: ['Kirguistán']}},
  "Lao People's Democratic Republic": {
    fr: 'de la République démocratique populaire lao',
    es: 'de la República Democrática Popular Lao',
    aliases: {fr: ['RDP lao'], es: ['RDP Lao']}
  },
  Latvia: {fr: 'de la Lettonie', es: 'de Letonia'},
  Lesotho: {fr: 'du Lesotho', es: 'de Lesotho'},
  Liberia: {fr: 'du Libéria', es: 'de Liberia'},
  Liechtenstein: {fr: 'du Liechtenstein', es: 'de Liechtenstein'},
  Lithuania: {fr: 'de la Lituanie', es: 'de Lituania'},
  Luxembourg: {fr: 'du Luxembourg', es: 'de Luxemburgo'},
  'Macao, China': {fr: 'de Macao, Chine', es: 'de Macao, China'},
  Madagascar: {fr: 'de Madagascar', es: 'de Madagascar'},
  Malawi: {fr: 'du Malawi', es: 'de Malawi'},
  Malaysia: {fr: 'de la Malaisie', es: 'de Malasia'},
  Maldives: {fr: 'des Maldives', es: 'de Maldivas'},
  Mali: {fr: 'du Mali', es: 'de Malí'},
  Malta: {fr: 'de Malte', es: 'de Malta'},
  Mauritania: {fr: 'de la Mauritanie', es: 'de Mauritania'},
  Mauritius: {fr: 'de Maurice', es: 'de Mauricio'},
  Mexico: {fr: 'du Mexique', es: 'de México'},
  'Moldova, Republic of': {
    fr: ['Moldova, République de', 'de la République de Moldova'],
    es: ['Moldova, República de', 'de la República de Moldova'],
    aliases: {fr: ['Moldavie', 'République de Moldova'], es: ['Moldavia', 'República de Moldova']}
  },
  Mongolia: {fr: 'de la Mongolie', es: 'de Mongolia'},
  Montenegro: {fr: 'du Monténégro', es: 'de Montenegro'},
  Morocco: {fr: 'du Maroc', es: 'de Marruecos'},
  Mozambique: {fr: 'du Mozambique', es: 'de Mozambique'},
  Myanmar: {fr: 'du Myanmar', es: 'de Myanmar', aliases: {fr: ['Birmanie'], es: ['Birmania']}},
  Namibia: {fr: 'de la Namibie', es: 'de Namibia'},
  Nepal: {fr: 'du Népal', es: 'de Nepal'},
  Netherlands: {fr: 'des Pays-Bas', es: 'de los Países Bajos'},
  'New Zealand': {fr: 'de la Nouvelle-Zélande', es: 'de Nueva Zelandia', aliases: {es: ['Nueva Zelanda']}},
  Nicaragua: {fr: 'du Nicaragua', es: 'de Nicaragua'},
  Niger: {fr: 'du Niger', es: 'del Níger'},
  Nigeria: {fr: 'du Nigéria', es: 'de Nigeria'},
  'North Macedonia': {fr: 'de la Macédoine du Nord', es: 'de Macedonia del Norte'},
  Norway: {fr: 'de la Norvège', es: 'de Noruega'},
  Oman: {fr: "d'Oman", es: 'de Omán'},
  Pakistan: {fr: 'du Pakistan', es: 'del Pakistán'},
  Panama: {fr: 'du Panama', es: 'de Panamá'},
  'Papua New Guinea': {fr: 'de la Papouasie-Nouvelle-Guinée', es: 'de Papua Nueva Guinea', aliases: {es: ['Papúa Nueva Guinea']}},
  Paraguay: {fr: 'du Paraguay', es: 'del Paraguay'},
  Peru: {fr: 'du Pérou', es: 'del Perú'},
  Philippines: {fr: 'des Philippines', es: 'de Filipinas'},
  Poland: {fr: 'de la Pologne', es: 'de Polonia'},
  Portugal: {fr: 'du Portugal', es: 'de Portugal'},
  Qatar: {fr: 'du Qatar', es: 'de Qatar'},
  Romania: {fr: 'de la Roumanie', es: 'de Rumania'},
  'Russian Federation': {fr: 'de la Fédération de Russie', es: 'de la Federación de Rusia', aliases: {fr: ['Russie'], es: ['Rusia']}},
  Rwanda: {fr: 'du Rwanda', es: 'de Rwanda', aliases: {es: ['Ruanda']}},
  'Saint Kitts and Nevis': {fr: 'de Saint-Kitts-et-Nevis', es: 'de Saint Kitts y Nevis'},
  'Saint Lucia': {fr: 'de Sainte-Lucie', es: 'de Santa Lucía'},
  'Saint Vincent and the Grenadines': {fr: 'de Saint-Vincent-et-les Grenadines', es: 'de San Vicente y las Granadinas'},
  Samoa: {fr: 'du Samoa', es: 'de Samoa'},
  'Saudi Arabia, Kingdom of': {
    fr: ["Arabie saoudite, Royaume d'", "du Royaume d'Arabie saoudite"],
    es: ['Arabia Saudita, Reino de la', 'del Reino de la Arabia Saudita'],
    aliases: {fr: ['Arabie saoudite'], es: ['Arabia Saudita', 'Arabia Saudí']}
  },
  Senegal: {fr: 'du Sénégal', es: 'del Senegal'},
  Seychelles: {fr: 'des Seychelles', es: 'de Seychelles'},
  'Sierra Leone': {fr: 'de la Sierra Leone', es: 'de Sierra Leona'},
  Singapore: {fr: 'de Singapour', es: 'de Singapur'},
  'Slovak Republic': {fr: 'de la République slovaque', es: 'de la República Eslovaca', aliases: {fr: ['Slovaquie'], es: ['Eslovaquia']}},
  Slovenia: {fr: 'de la Slovénie', es: 'de Eslovenia'},
  'Solomon Islands': {fr: 'des Îles Salomon', es: 'de las Islas Salomón'},
  'South Africa': {fr: "de l'Afrique du Sud", es: 'de Sudáfrica'},
  Spain: {fr: "de l'Espagne", es: 'de España'},
  'Sri Lanka': {fr: 'de Sri Lanka', es: 'de Sri Lanka'},
  Suriname: {fr: 'du Suriname', es: 'de Suriname'},
  Sweden: {fr: 'de la Suède', es: 'de Suecia'},
  Switzerland: {fr: 'de la Suisse', es: 'de Suiza'},
  'Chinese Taipei': {fr: 'du Taipei chinois', es: 'del Taipei Chino'},
  Tajikistan: {fr: 'du Tadjikistan', es: 'de Tayikistán'},
  Tanzania: {fr: 'de la Tanzanie', es: 'de Tanzanía'},
  Thailand: {fr: 'de la Thaïlande', es: 'de Tailandia'},
  'Timor-Leste': {fr: 'du Timor-Leste', es: 'de Timor-Leste', aliases: {fr: ['Timor oriental'], es: ['Timor Oriental']}},
  Togo: {fr: 'du Togo', es: 'del Togo'},
  Tonga: {fr: 'des Tonga', es: 'de Tonga'},
  'Trinidad and Tobago': {fr: 'de la Trinité-et-Tobago', es: 'de Trinidad y Tabago', aliases: {es: ['Trinidad y Tobago']}},
  Tunisia: {fr: 'de la Tunisie', es: 'de Túnez'},
  Türkiye: {fr: 'de la Türkiye', es: 'de Türkiye', aliases: {fr: ['Turquie'], es: ['Turquía']}},
  Uganda: {fr: "de l'Ouganda", es: 'de Uganda'},
  Ukraine: {fr: "de l'Ukraine", es: 'de Ucrania'},
  'United Arab Emirates': {fr: 'des Émirats arabes unis', es: 'de los Emiratos Árabes Unidos', aliases: {fr: ['EAU'], es: ['EAU']}},
  'United Kingdom': {fr: 'du Royaume-Uni', es: 'del Reino Unido', aliases: {fr: ['Grande-Bretagne'], es: ['Gran Bretaña']}},
  'United States of America': {fr: "des États-Unis d'Amérique", es: 'de los Estados Unidos de América', aliases: {fr: ['États-Unis'], es: ['Estados Unidos', 'EE.UU.']}},
  Uruguay: {fr: "de l'Uruguay", es: 'del Uruguay'},
  Vanuatu: {fr: 'du Vanuatu', es: 'de Vanuatu'},
  'Venezuela, Bolivarian Republic of': {
    fr: ['Venezuela, République bolivarienne du', 'de la République bolivarienne du Venezuela'],
    es: ['Venezuela, República Bolivariana de', 'de la República Bolivariana de Venezuela']
  },
  'Viet Nam': {fr: 'du Viet Nam', es: 'de Viet Nam', aliases: {fr: ['Vietnam'], es: ['Vietnam']}},
  Yemen: {fr: 'du Yémen', es: 'del Yemen'},
  Zambia: {fr: 'de la Zambie', es: 'de Zambia'},
  Zimbabwe: {fr: 'du Zimbabwe', es: 'de Zimbabwe'}
}

export const observerNames: Record<string, NameRow> = {
  Algeria: {fr: "de l'Algérie", es: 'de Argelia'},
  Andorra: {fr: "de l'Andorre", es: 'de Andorra'},
  Azerbaijan: {fr: "de l'Azerbaïdjan", es: 'de Azerbaiyán'},
  Bahamas: {fr: 'des Bahamas', es: 'de las Bahamas'},
  Belarus: {fr: 'du Bélarus', es: 'de Belarús', aliases: {fr: ['Biélorussie'], es: ['Bielorrusia']}},
  Bhutan: {fr: 'du Bhoutan', es: 'de Bhután'},
  'Bosnia and Herzegovina': {fr: 'de la Bosnie-Herzégovine', es: 'de Bosnia y Herzegovina'},
  Curaçao: {fr: 'de Curaçao', es: 'de Curazao'},
  'Equatorial Guinea': {fr: 'de la Guinée équatoriale', es: 'de Guinea Ecuatorial'},
  Ethiopia: {fr: "de l'Éthiopie", es: 'de Etiopía'},
  'Holy See': {fr: 'du Saint-Siège', es: 'de la Santa Sede'},
  Iran: {fr: "de l'Iran", es: 'del Irán'},
  Iraq: {fr: "de l'Iraq", es: 'del Iraq', aliases: {fr: ['Irak'], es: ['Irak']}},
  'Lebanese Republic': {fr: 'de la République libanaise', es: 'de la República Libanesa', aliases: {fr: ['Liban'], es: ['Líbano']}},
  Libya: {fr: 'de la Libye', es: 'de Libia'},
  'Sao Tomé and Principe': {fr: 'de Sao Tomé-et-Principe', es: 'de Santo Tomé y Príncipe'},
  Serbia: {fr: 'de la Serbie', es: 'de Serbia'},
  Somalia: {fr: 'de la Somalie', es: 'de Somalia'},
  'South Sudan': {fr: 'du Soudan du Sud', es: 'de Sudán del Sur'},
  Sudan: {fr: 'du Soudan', es: 'del Sudán'},
  'Syrian Arab Republic': {fr: 'de la République arabe syrienne', es: 'de la República Árabe Siria', aliases: {fr: ['Syrie'], es: ['Siria']}},
  Turkmenistan: {fr: 'du Turkménistan', es: 'de Turkmenistán'},
  Uzbekistan: {fr: "de l'Ouzbékistan", es: 'de Uzbekistán'}
}

export const organisationNames: Record<string, NameRow> = {
  'World Intellectual Property Organization': {
    fr: "de l'Organisation Mondiale de la Propriété Intellectuelle",
    es: 'de la Organización Mundial de la Propiedad Intelectual',
    aliases: {fr: ['OMPI'], es: ['OMPI']}
  },
  'Organisation for Economic Co-operation and Development': {
    fr: "de l'Organisation de coopération et de développement économiques",
    es: 'de la Organización para la Cooperación y el Desarrollo Económicos',
    aliases: {fr: ['OCDE'], es: ['OCDE']}
  },
  'International Union for the Protection of New Varieties of Plants': {
    fr: "de l'Union internationale pour la protection des obtentions végétales",
    es: 'de la Unión Internacional para la Protección de las Obtenciones Vegetales'
  },
  'African Regional Intellectual Property Organization': {
    fr: "de l'Organisation régionale africaine de la propriété intellectuelle",
    es: 'de la Organización Regional Africana de la Propiedad Intelectual'
  },
  'African Intellectual Property Organization': {
    fr: "de l'Organisation africaine de la propriété intellectuelle",
    es: 'de la Organización Africana de la Propiedad Intelectual'
  },
  'Patent Office of the Cooperation Council for the Arab States of the Gulf': {
    fr: "de l'Office des brevets du Conseil de coopération des États arabes du Golfe",
    es: 'de la Oficina de Patentes del Consejo de Cooperación de los Estados Árabes del Golfo'
  },
  'Association of Southeast Asian Nations': {
    fr: "de l'Association des nations de l'Asie du Sud-Est",
    es: 'de la Asociación de Naciones de Asia Sudoriental'
  },
  'African Union': {fr: "de l'Union africaine", es: 'de la Unión Africana', aliases: {fr: ['UA'], es: ['UA']}},
  'Common Market for Eastern and Southern Africa': {
    fr: "du Marché commun de l'Afrique orientale et australe",
    es: 'del Mercado Común para África Oriental y Meridional'
  },
  'Economic Community of West African States': {
    fr: "de la Communauté économique des États de l'Afrique de l'Ouest",
    es: 'de la Comunidad Económica de los Estados de África Occidental'
  },
  'Southern African Development Community': {
    fr: "de la Communauté de développement de l'Afrique australe",
    es: 'de la Comunidad de África Meridional para el Desarrollo'
  },
  'East African Community': {fr: "de la Communauté d'Afrique de l'Est", es: 'de la Comunidad de África Oriental'},
  'Caribbean Community': {fr: 'de la Communauté des Caraïbes', es: 'de la Comunidad del Caribe'},
  'Secretariat for Central American Economic Integration': {
    fr: "du Secrétariat d'intégration économique centraméricaine",
    es: 'de la Secretaría de Integración Económica Centroamericana'
  },
  'Andean Community': {fr: 'de la Communauté andine', es: 'de la Comunidad Andina'},
  'Pacific Islands Forum Secretariat': {
    fr: 'du Secrétariat du Forum des îles du Pacifique',
    es: 'de la Secretaría del Foro de las Islas del Pacífico'
  }
}
