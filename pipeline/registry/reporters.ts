// Intergovernmental organisations that report to the Council for TRIPS on their technical cooperation, as Members
// do (shared/domain.md). A report's `member` may name them; they are partners, never a programme's beneficiaries.
import type {EntryInput} from './schema.js'

type Row = Omit<EntryInput, 'kind' | 'beneficiary' | 'article' | 'delegation' | 'sources'>

const rows: Row[] = [
  {name: 'World Intellectual Property Organization', aliases: ['WIPO']},
  {name: 'Organisation for Economic Co-operation and Development', aliases: ['OECD', 'Organization for Economic Cooperation and Development']},
  {name: 'International Union for the Protection of New Varieties of Plants', aliases: ['UPOV']}
]

// In a sentence with "the", and in their own name, not through a delegation: "at the request of the World
// Intellectual Property Organization".
export const reporters: EntryInput[] = rows.map((row) => ({
  ...row,
  kind: 'organisation',
  beneficiary: false,
  article: 'the',
  delegation: false,
  sources: ['domain-reporters', 'organisations']
}))
