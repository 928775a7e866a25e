// Where the registry's facts come from. Tags as in shared/domain.md: [C] seen in a WTO document, [I] inferred,
// [U] unconfirmed. No network was used: facts not in domain.md are well-established knowledge, said so below.
import type {Entry, SourceId, Sources} from './schema.js'

export const sources = {
  'domain-members':
    'WTO Members (166) and their WTO names: shared/domain.md, "Members, observers, LDCs". The list is [I]; the spellings in its spelling list are [C], those of Saudi Arabia, Moldova, Eswatini and Gambia [I].',
  'domain-observers':
    'WTO observer governments (23): shared/domain.md. The list is [I], its spellings partly [U]; common spellings are kept as aliases.',
  'domain-ldc':
    'LDC Members (37), observer LDCs (4), the graduations of Bhutan (13 December 2023) and Sao Tomé and Principe (13 December 2024), and the deferral of Angola\'s: shared/domain.md, [C]. Its scheduled graduations are [U] and not recorded as end dates.',
  'domain-beneficiaries':
    'Organisations and regions reports name as beneficiaries (ARIPO, OAPI, GCCPO, ASEAN, COMESA, African Union, "APEC economies", "Central America"): shared/domain.md, untagged.',
  'un-ldc':
    'UN LDC category (UN Committee for Development Policy, UN-OHRLLS): graduation dates of Cabo Verde (20 December 2007), Maldives (1 January 2011), Samoa (1 January 2014), Equatorial Guinea (4 June 2017) and Vanuatu (4 December 2020), and years of inclusion given in notes. Well-established knowledge, [I]: not checked against the UN list here.',
  issue:
    'The issue that asked for this registry (written by the lead engineer), for a fact neither domain.md nor well-established knowledge gives exactly; unconfirmed, see the note on the fact.',
  iso3166: 'ISO 3166-1 alpha-3 country codes. Well-established knowledge, [I].',
  'wto-regions':
    'WTO statistical regions of the World Trade Statistical Review (seven regions, Oceania within Asia). Assignments are well-established knowledge, [I]; organisations get the region they serve.',
  developed:
    'Members treated as developed for Article 67: those that report as developed Members (Australia, Canada, the European Union and its 27 member States, Iceland, Japan, Liechtenstein, New Zealand, Norway, Switzerland, United Kingdom, United States of America). The WTO has no definition of developed Members: this is the project\'s judgment, from the issue.',
  organisations:
    'Official names and acronyms of the intergovernmental organisations. Well-established knowledge, [I]. WIPO, OECD and UPOV report (domain-reporters) and are no beneficiaries; APEC-IPEG and INTERPOL are partners, and are left out.',
  'domain-reporters':
    'Intergovernmental organisations that report to the Council for TRIPS on their technical cooperation too (WIPO, OECD, UPOV): shared/domain.md, [C]. They ask for circulation in their own name, as the European Union does, [I].',
  groups: 'Compositions of named groups and the choice to expand or keep each, stated in its note. Well-established knowledge, [I].',
  usage:
    'Aliases: common and former names people write, in English (Vietnam, Swaziland, Turkey…), French (Corée du Sud, Centrafrique, Birmanie…) and Spanish (Corea del Sur, Costa de Marfil, Birmania…). Well-established knowledge, [I].',
  circulation:
    'How a circulation sentence names the requesting Member: "the delegation of the United States of America" and "at the request of the European Union" (no delegation) are [C] in shared/domain.md; the article and sentence order of the other Members ("the Philippines", "the Republic of Korea") follow English usage for their names. Well-established knowledge, [I].',
  'domain-fr-es':
    'French and Spanish WTO names that shared/domain.md lists as seen on WTO pages [C]: États-Unis d\'Amérique / Estados Unidos de América; Union européenne / Unión Europea; Corée, République de / Corea, República de; Venezuela, République bolivarienne du / Venezuela, República Bolivariana de; Bolivie, État plurinational de; Hong Kong, China (Spanish); Afrique du Sud.',
  'wto-fr-es':
    'French and Spanish WTO names of the other Members and observers, following the WTO\'s lists of Members and observers in French and Spanish as domain.md says [I] (its examples: Taipei chinois / Taipei Chino; République démocratique populaire lao / República Democrática Popular Lao; Fédération de Russie / Federación de Rusia; Tanzanie / Tanzanía; Kenya, Rwanda, Malawi, Botswana unchanged in Spanish). Written from knowledge of those lists, not checked against them here; never ISO 3166 names.',
  'organisations-fr-es': 'Official French and Spanish names of the intergovernmental organisations. Well-established knowledge, [I].',
  'circulation-fr-es':
    'The form of "of" and the article before each French and Spanish name in a circulation sentence (du/de la/de l\'/des/de/d\'; del/de la/de los/de las/de): domain.md gives the usage [C] ("la délégation du Canada", WTO Spanish "el Japón", "el Brasil") and examples of forms [I]; the forms of the other names follow French and WTO Spanish usage, [I].'
} satisfies Sources

/** Sources of facts that come from one place for every entry. */
export const factSources = {
  iso3: ['iso3166'],
  region: ['wto-regions'],
  developed: ['developed'],
  aliases: ['usage'],
  article: ['circulation'],
  inSentence: ['circulation'],
  delegation: ['circulation'],
  // The forms of "of" in French and Spanish; each name carries its own sources.
  fr: ['circulation-fr-es'],
  es: ['circulation-fr-es']
} as const satisfies Partial<Record<keyof Entry, readonly SourceId[]>>
