// Names reports use for several beneficiaries at once. A group is expanded only when its composition is fixed and
// every member is a WTO Member; otherwise it is kept as written.
import type {GroupInput} from './schema.js'

export const groups = [
  {
    name: 'Central America',
    fr: {name: 'Amérique centrale', aliases: ['Pays d’Amérique centrale']},
    es: {name: 'Centroamérica', aliases: ['América Central', 'Países centroamericanos']},
    aliases: ['Central American countries', 'Central American Members'],
    expand: true,
    members: ['Costa Rica', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama'],
    sources: ['domain-beneficiaries', 'groups'],
    note:
      'The six Members in Central American economic integration (SIECA). Belize is not included: it is a CARICOM State, and reports that mean it name it.'
  },
  {
    name: 'ASEAN Member States',
    fr: {name: "États membres de l'ASEAN", aliases: ["Pays de l'ASEAN"]},
    es: {name: 'Estados miembros de la ASEAN', aliases: ['Países de la ASEAN']},
    aliases: ['ASEAN countries', 'ASEAN Member Countries', 'ASEAN members'],
    expand: true,
    members: [
      'Brunei Darussalam',
      'Cambodia',
      'Indonesia',
      "Lao People's Democratic Republic",
      'Malaysia',
      'Myanmar',
      'Philippines',
      'Singapore',
      'Thailand',
      'Viet Nam'
    ],
    sources: ['groups'],
    note:
      "The ten ASEAN member States, all WTO Members. Timor-Leste's admission to ASEAN (reported for October 2025) is unconfirmed here and not included."
  },
  {
    name: 'Andean Community countries',
    fr: {name: 'Pays de la Communauté andine'},
    es: {name: 'Países de la Comunidad Andina'},
    aliases: ['Andean Community Member Countries', 'Member Countries of the Andean Community'],
    expand: true,
    members: ['Bolivia, Plurinational State of', 'Colombia', 'Ecuador', 'Peru'],
    sources: ['groups'],
    note:
      'The four member countries of the Andean Community since Venezuela left in 2006. The Community itself is an organisation entry.'
  },
  {
    name: 'APEC economies',
    fr: {name: "Économies de l'APEC"},
    es: {name: 'Economías del APEC'},
    aliases: ['APEC', 'APEC member economies'],
    expand: false,
    sources: ['domain-beneficiaries', 'groups'],
    note: 'Kept: the 21 APEC economies include developed Members, which are not Article 67 beneficiaries.'
  },
  {
    name: 'LDC Members',
    fr: {name: 'PMA Membres', aliases: ['PMA', 'pays les moins avancés', 'pays les moins avancés Membres']},
    es: {name: 'PMA Miembros', aliases: ['países menos adelantados', 'países menos adelantados Miembros']},
    aliases: ['LDCs', 'least-developed countries', 'least-developed country Members'],
    expand: false,
    computed: 'ldc-members',
    sources: ['domain-ldc'],
    note: 'Kept as written; it counts as reaching LDCs, and which Members were LDCs in a period follows from the dated LDC data.'
  },
  {
    name: 'Developing country Members',
    fr: {name: 'Pays en développement Membres', aliases: ['pays en développement']},
    es: {name: 'Países en desarrollo Miembros', aliases: ['países en desarrollo']},
    aliases: ['developing countries', 'developing Members'],
    expand: false,
    sources: ['groups'],
    note: 'Kept: developing status is self-declared in the WTO and not recorded in the registry.'
  },
  {
    name: 'Pacific Island countries',
    fr: {name: 'Pays insulaires du Pacifique'},
    es: {name: 'Países insulares del Pacífico'},
    aliases: ['Pacific Islands', 'Pacific Island countries and territories'],
    expand: false,
    sources: ['groups'],
    note:
      'Kept: reports include Pacific Island countries that are not WTO Members (Kiribati, Tuvalu…). Its WTO Members are Fiji, Papua New Guinea, Samoa, Solomon Islands, Tonga and Vanuatu.'
  },
  {
    name: 'African Union Member States',
    fr: {name: "États membres de l'Union africaine"},
    es: {name: 'Estados miembros de la Unión Africana'},
    aliases: ['AU Member States', 'African Union countries'],
    expand: false,
    sources: ['domain-beneficiaries', 'groups'],
    note: 'Kept: the 55 African Union member States include observers and non-Members (Eritrea…).'
  }
] satisfies GroupInput[]
