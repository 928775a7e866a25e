// Intergovernmental organisations reports name as beneficiaries. WIPO, OECD, UPOV, APEC-IPEG and INTERPOL are
// partners or reporters in Article 67 reports, not beneficiaries, so they are not here.
import type {EntryInput} from './schema.js'

type Row = Omit<EntryInput, 'kind'>

const rows: Row[] = [
  {
    name: 'African Regional Intellectual Property Organization',
    region: 'Africa',
    aliases: ['ARIPO'],
    sources: ['domain-beneficiaries', 'organisations']
  },
  {
    name: 'African Intellectual Property Organization',
    region: 'Africa',
    aliases: ['OAPI', 'Organisation Africaine de la Propriété Intellectuelle'],
    sources: ['domain-beneficiaries', 'organisations']
  },
  {
    name: 'Patent Office of the Cooperation Council for the Arab States of the Gulf',
    region: 'Middle East',
    aliases: ['GCCPO', 'GCC Patent Office', 'GCC-PO'],
    sources: ['domain-beneficiaries', 'organisations']
  },
  {
    name: 'Association of Southeast Asian Nations',
    region: 'Asia',
    aliases: ['ASEAN', 'ASEAN Secretariat', 'Association of South-East Asian Nations'],
    sources: ['domain-beneficiaries', 'organisations'],
    note: 'The Association as a beneficiary; its member States are the group "ASEAN Member States".'
  },
  {
    name: 'African Union',
    region: 'Africa',
    aliases: ['AU', 'African Union Commission', 'AUC'],
    sources: ['domain-beneficiaries', 'organisations'],
    note: 'The Union or its Commission as a beneficiary; its member States are the group "African Union Member States".'
  },
  {
    name: 'Common Market for Eastern and Southern Africa',
    region: 'Africa',
    aliases: ['COMESA'],
    sources: ['domain-beneficiaries', 'organisations']
  },
  {
    name: 'Economic Community of West African States',
    region: 'Africa',
    aliases: ['ECOWAS', 'CEDEAO'],
    sources: ['organisations']
  },
  {name: 'Southern African Development Community', region: 'Africa', aliases: ['SADC'], sources: ['organisations']},
  {name: 'East African Community', region: 'Africa', aliases: ['EAC'], sources: ['organisations']},
  {
    name: 'Caribbean Community',
    region: 'South and Central America and the Caribbean',
    aliases: ['CARICOM', 'CARICOM Secretariat', 'Caribbean Community Secretariat'],
    sources: ['organisations']
  },
  {
    name: 'Secretariat for Central American Economic Integration',
    region: 'South and Central America and the Caribbean',
    aliases: ['SIECA', 'Secretaría de Integración Económica Centroamericana'],
    sources: ['organisations']
  },
  {
    name: 'Andean Community',
    region: 'South and Central America and the Caribbean',
    aliases: ['Comunidad Andina', 'General Secretariat of the Andean Community'],
    sources: ['organisations'],
    note: `Its acronym CAN is not an alias: it is Canada's ISO code. Its member States are "Andean Community countries".`
  },
  {
    name: 'Pacific Islands Forum Secretariat',
    region: 'Asia',
    aliases: ['PIFS', 'Pacific Islands Forum'],
    sources: ['organisations']
  }
]

export const organisations: EntryInput[] = rows.map((row) => ({...row, kind: 'organisation'}))
