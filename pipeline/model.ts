// The report model: the single source of truth for what art67 reads and writes. Every data type that crosses
// stages is inferred from these schemas; the carriers of files and trees (read, parse, extract) are typed beside
// their stage, since they hold vfiles and mdast nodes rather than data.
import {z} from 'zod'
import {fieldKind, fieldTable, type DetailKey, type FieldKind} from './fields.js'

/** A full calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
export type IsoDate = z.infer<typeof IsoDate>

/** A date as precise as the source gave it: never a day that was not written. */
export const PartialDate = z.object({
  /** `2021`, `2021-04` or `2021-04-24`. */
  iso: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: z.enum(['year', 'month', 'day']),
  /** The text as written in the source. */
  written: z.string()
})
export type PartialDate = z.infer<typeof PartialDate>

/** A run of text with its formatting, as kept from Markdown. */
export const Inline = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  strike: z.boolean().optional(),
  code: z.boolean().optional(),
  link: z.string().optional()
})
export type Inline = z.infer<typeof Inline>

export const Heading = z.object({
  type: z.literal('heading'),
  depth: z.number().int().min(1).max(6),
  /** Section number such as `1` or `1.2.1`. */
  number: z.string(),
  content: z.array(Inline)
})

export const Paragraph = z.object({
  type: z.literal('paragraph'),
  /** Paragraph number, counted straight through the body; absent inside lists, quotes and the annex. */
  number: z.number().int().positive().optional(),
  content: z.array(Inline)
})

export const Code = z.object({type: z.literal('code'), text: z.string()})
export const Rule = z.object({type: z.literal('rule')})

export const Table = z.object({
  type: z.literal('table'),
  header: z.array(z.array(Inline)),
  rows: z.array(z.array(z.array(Inline)))
})

export interface List {
  type: 'list'
  ordered: boolean
  start?: number | undefined
  items: Block[][]
}
export interface Quote {
  type: 'quote'
  children: Block[]
}
export type Block =
  | z.infer<typeof Heading>
  | z.infer<typeof Paragraph>
  | z.infer<typeof Code>
  | z.infer<typeof Rule>
  | z.infer<typeof Table>
  | List
  | Quote

// Lists and quotes nest blocks, so the union is recursive.
export const List: z.ZodType<List> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    ordered: z.boolean(),
    start: z.number().int().optional(),
    items: z.array(z.array(Block))
  })
)
export const Quote: z.ZodType<Quote> = z.lazy(() =>
  z.object({type: z.literal('quote'), children: z.array(Block)})
)
export const Block: z.ZodType<Block> = z.lazy(() =>
  z.union([Heading, Paragraph, Code, Rule, Table, List, Quote])
)

/** Where a record was written: a path relative to the sources folder, 1-based line and column. */
export const SourceRef = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive()
})
export type SourceRef = z.infer<typeof SourceRef>

/** The schema of each kind of field value. */
const fieldValue = {
  text: () => z.string().optional(),
  date: () => PartialDate.optional(),
  list: () => z.array(z.string().min(1))
} satisfies Record<FieldKind, () => z.ZodType>

type FieldValue = {[Kind in FieldKind]: ReturnType<(typeof fieldValue)[Kind]>}
type ProgrammeFields = {[Key in DetailKey]: FieldValue[(typeof fieldKind)[Key]]}

/** Every field of the field table but `id`, which a programme always has. */
const programmeFields = Object.fromEntries(
  fieldTable.filter((field) => field.key !== 'id').map((field) => [field.key, fieldValue[field.kind]().describe(field.description)])
) as unknown as ProgrammeFields

export const Programme = z.object({
  /** Position in the annex, from 1. */
  no: z.number().int().positive(),
  /** Stable identifier: the `ID` field, or a slug of the title. */
  id: z.string().min(1),
  title: z.string().min(1),
  ...programmeFields,
  description: z.array(Block),
  /** Every place the programme is written, first one first. */
  sources: z.array(SourceRef).min(1)
})
export type Programme = z.infer<typeof Programme>

/** A beneficiary as the outputs name it: its WTO name, a group, or free text kept as written. */
export const Beneficiary = z.object({
  name: z.string().min(1),
  kind: z.enum(['member', 'observer', 'organisation', 'group', 'free']),
  /** ISO 3166-1 alpha-3, where one exists. */
  code: z.string().optional(),
  region: z.string().optional(),
  /** An LDC on some day of the reporting period (for the group "LDC Members": always). */
  ldc: z.boolean()
})
export type Beneficiary = z.infer<typeof Beneficiary>

export const Period = z.object({
  /** Short form as reports write it, e.g. `2020-2021`. */
  label: z.string().min(1),
  from: IsoDate,
  to: IsoDate
})
export type Period = z.infer<typeof Period>

/** The front matter as read and checked: what the report says about itself. */
export const Meta = z.object({
  member: z.string().min(1),
  period: Period,
  date: IsoDate.optional(),
  symbol: z.string().optional(),
  job: z.string().optional(),
  original: z.string().optional(),
  language: z.string().min(2),
  requester: z.string().optional()
})
export type Meta = z.infer<typeof Meta>

export const Report = z.object({
  member: z.string().min(1),
  period: Period,
  /** Date of the communication; absent while the report is a draft. */
  date: IsoDate.optional(),
  symbol: z.string().optional(),
  job: z.string().optional(),
  /** Language of the original, as printed after "Original:". */
  original: z.string().min(1),
  /** Language of the templates used for fixed text. */
  language: z.string().min(2),
  /** Who asked for circulation, e.g. "the delegation of Canada". */
  requester: z.string().min(1),
  /** The narrative: numbered sections and paragraphs. */
  body: z.array(Block),
  /** Text written under the programmes heading before the first programme. */
  annexIntro: z.array(Block),
  programmes: z.array(Programme),
  /** Every beneficiary the programmes name, by name. */
  beneficiaries: z.array(Beneficiary)
}).superRefine((report, context) => {
  const described = new Set(report.beneficiaries.map((beneficiary) => beneficiary.name))
  report.programmes.forEach((programme, index) => {
    for (const name of programme.beneficiaries) {
      if (!described.has(name)) {
        context.addIssue({code: 'custom', path: ['programmes', index, 'beneficiaries'], message: `\`${name}\` is not described in \`beneficiaries\``})
      }
    }
  })
})
export type Report = z.infer<typeof Report>
