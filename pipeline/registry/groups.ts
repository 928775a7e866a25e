// Names reports use for several beneficiaries at once. A group is expanded only when its composition is fixed and
// every member is a WTO Member; otherwise it is kept as written.
import type {GroupInput} from './schema.js'

export const groups = [
  {
    name: 'Central America',
    aliases: ['Central American countries', 'Central American Members'],
    expand: true,
    members: ['Costa Rica', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama'],
    sources: ['domain-beneficiaries', 'groups'],
    note:
      'The six Members in Central American economic integration (SIECA). Belize is not included: it is a CARICOM State, and reports that mean it name it.'
  },
  {
    name: 'ASEAN Member States',
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
    aliases: ['Andean Community Member Countries', 'Member Countries of the Andean Community'],
    expand: true,
    members: ['Bolivia, Plurinational State of', 'Colombia', 'Ecuador', 'Peru'],
    sources: ['groups'],
    note:
      'The four member countries of the Andean Community since Venezuela left in 2006. The Community itself is an organisation entry.'
  },
  {
    name: 'APEC economies',
    aliases: ['APEC', 'APEC member economies'],
    expand: false,
    sources: ['domain-beneficiaries', 'groups'],
    note: 'Kept: the 21 APEC economies include developed Members, which are not Article 67 beneficiaries.'
  },
  {
    name: 'LDC Members',
    aliases: ['LDCs', 'least-developed countries', 'least-developed country Members'],
    expand: false,
    computed: 'ldc-members',
    sources: ['domain-ldc'],
    note: 'Kept as written; it counts as reaching LDCs, and which Members were LDCs in a period follows from the dated LDC data.'
  },
  {
    name: 'Developing country Members',
    aliases: ['developing countries', 'developing Members'],
    expand: false,
    sources: ['groups'],
    note: 'Kept: developing status is self-declared in the WTO and not recorded in the registry.'
  },
  {
    name: 'Pacific Island countries',
    aliases: ['Pacific Islands', 'Pacific Island countries and territories'],
    expand: false,
    sources: ['groups'],
    note:
      'Kept: reports include Pacific Island countries that are not WTO Members (Kiribati, Tuvalu…). Its WTO Members are Fiji, Papua New Guinea, Samoa, Solomon Islands, Tonga and Vanuatu.'
  },
  {
    name: 'African Union Member States',
    aliases: ['AU Member States', 'African Union countries'],
    expand: false,
    sources: ['domain-beneficiaries', 'groups'],
    note: 'Kept: the 55 African Union member States include observers and non-Members (Eritrea…).'
  }
] satisfies GroupInput[]
