// The report model: the single source of truth for what art67 reads and writes. Every data type that crosses
// stages is inferred from these schemas (the carriers of files and trees of read, parse and extract, which hold
// vfiles and mdast nodes rather than data, are typed beside their stage), and the JSON Schema of the JSON output
// (pipeline/schema.ts) is generated from them: `.meta({id})` names a definition there, `.describe()` documents a field.
import {z} from 'zod'
import {parseDate} from './dates.js'
import {fieldKind, fieldTable, type DetailKey, type FieldKind} from './fields.js'
import {dateReason} from './rules/catalogue.js'

/**
 * A date the calendar has (no 30 February), as sources are read: a model `build` writes holds no other. Checked once
 * the form is (`abort` on the form's check), so a date in another form is said to be that only.
 */
function onCalendar(iso: string, context: z.RefinementCtx<string>): void {
  const read = parseDate(iso)
  if (!read.ok) context.addIssue({code: 'custom', message: `\`${iso}\` is not a date: ${dateReason(read.reason)}`})
}

export const IsoDate = z
  .string()
  .regex(/^[1-9]\d{3}-\d{2}-\d{2}$/, {error: 'Expected a date as YYYY-MM-DD, from the year 1000', abort: true})
  .superRefine(onCalendar)
  .meta({id: 'IsoDate', description: 'A full calendar date, `YYYY-MM-DD`, from the year 1000.'})
export type IsoDate = z.infer<typeof IsoDate>

export const PartialDate = z
  .object({
    iso: z
      .string()
      .regex(/^[1-9]\d{3}(-\d{2}(-\d{2})?)?$/, {abort: true})
      .superRefine(onCalendar)
      .describe('`2021`, `2021-04` or `2021-04-24`, from the year 1000.'),
    precision: z.enum(['year', 'month', 'day']).describe('How much of `iso` the source gave.'),
    written: z.string().describe('The text as written in the source.')
  })
  .meta({id: 'PartialDate', description: 'A date as precise as the source gave it: never a day that was not written.'})
export type PartialDate = z.infer<typeof PartialDate>

export const Inline = z
  .object({
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    strike: z.boolean().optional(),
    code: z.boolean().optional(),
    link: z.string().optional().describe('The link target, as written.')
  })
  .meta({id: 'Inline', description: 'A run of text with its formatting, as kept from Markdown.'})
export type Inline = z.infer<typeof Inline>

export const Heading = z
  .object({
    type: z.literal('heading'),
    depth: z.number().int().min(1).max(6),
    number: z.string().describe('Section number such as `1` or `1.2.1`.'),
    content: z.array(Inline)
  })
  .meta({id: 'Heading'})

export const Paragraph = z
  .object({
    type: z.literal('paragraph'),
    number: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Paragraph number, counted straight through the body; absent inside lists, quotes and the annex.'),
    content: z.array(Inline)
  })
  .meta({id: 'Paragraph'})

export const Code = z.object({type: z.literal('code'), text: z.string()}).meta({id: 'Code'})
export const Rule = z.object({type: z.literal('rule')}).meta({id: 'Rule'})

export const Table = z
  .object({
    type: z.literal('table'),
    header: z.array(z.array(Inline)).describe('The header cells, each a run of inlines.'),
    rows: z.array(z.array(z.array(Inline))).describe('The rows, each a list of cells.')
  })
  .meta({id: 'Table'})

export interface List {
  type: 'list'
  ordered: boolean
  start?: number | undefined
  delimiter?: ')' | undefined
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

// Lists and quotes nest blocks, so the union is recursive (a `$ref` to `Block` in the JSON Schema).
export const List: z.ZodType<List> = z
  .lazy(() =>
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().optional().describe('Number of the first item; only on ordered lists.'),
      delimiter: z.literal(')').optional().describe('`)` on an ordered list whose numbers are written `1)`; absent for `1.`.'),
      items: z.array(z.array(Block)).describe('The items, each a list of blocks.')
    })
  )
  .meta({id: 'List'})
export const Quote: z.ZodType<Quote> = z
  .lazy(() => z.object({type: z.literal('quote'), children: z.array(Block)}))
  .meta({id: 'Quote'})
export const Block: z.ZodType<Block> = z
  .lazy(() => z.union([Heading, Paragraph, Code, Rule, Table, List, Quote]))
  .meta({id: 'Block', description: 'A block of text: lists and quotes hold further blocks.'})

export const SourceRef = z
  .object({
    file: z.string().describe('Path relative to the sources folder, with `/` separators.'),
    line: z.number().int().positive(),
    column: z.number().int().positive()
  })
  .meta({id: 'SourceRef', description: 'Where a record was written: a path relative to the sources folder, 1-based line and column.'})
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

export const OtherInformation = z
  .object({
    label: z.string().describe('The label or column title as written; empty for a table cell without a column title.'),
    value: z.string().describe('The text as written, white space collapsed.')
  })
  .meta({
    id: 'OtherInformation',
    description: 'Text a source gives under a label or table column that is not one of the fields, kept as written.'
  })
export type OtherInformation = z.infer<typeof OtherInformation>

export const Programme = z
  .object({
    no: z.number().int().positive().describe('Position in the annex, from 1.'),
    id: z.string().min(1).describe(fieldTable[0].description),
    title: z.string().min(1).describe('The programme’s heading, or its `Title` cell, as plain text.'),
    ...programmeFields,
    other: z
      .array(OtherInformation)
      .describe('Text under labels and columns that are not fields, in the order written: printed as “Other information”.'),
    description: z.array(Block).describe('Everything written about the programme after its field list.'),
    sources: z.array(SourceRef).min(1).describe('Every place the programme is written, first one first.')
  })
  .meta({id: 'Programme', description: 'One programme or activity of the annex.'})
export type Programme = z.infer<typeof Programme>

export const Beneficiary = z
  .object({
    name: z.string().min(1).describe('The WTO name, the group’s name, or the free text without its quotes.'),
    kind: z
      .enum(['member', 'observer', 'organisation', 'group', 'free'])
      .describe('A WTO Member, an observer government, an intergovernmental organisation, a named group, or free text.'),
    code: z.string().optional().describe('ISO 3166-1 alpha-3, where one exists.'),
    region: z.string().optional().describe('WTO statistical region, where one applies.'),
    ldc: z
      .boolean()
      .nullable()
      .describe('An LDC on some day of the reporting period (for the group "LDC Members": always); null when unknown: free text and the other groups kept as written.')
  })
  .meta({id: 'Beneficiary', description: 'A beneficiary as the outputs name it: its WTO name, a group, or free text kept as written.'})
export type Beneficiary = z.infer<typeof Beneficiary>

export const Period = z
  .object({
    label: z.string().min(1).describe('Short form as reports write it, e.g. `2020-2021`.'),
    from: IsoDate.describe('First day of the period.'),
    to: IsoDate.describe('Last day of the period.')
  })
  .meta({id: 'Period', description: 'The reporting period.'})
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
  member: z.string().min(1).describe('The WTO Member reporting, as its name is printed.'),
  period: Period,
  date: IsoDate.optional().describe('Date of the communication; absent while the report is a draft.'),
  symbol: z.string().optional().describe('The document symbol, e.g. `IP/C/R/TC/CAN/2`, as given.'),
  job: z.string().optional().describe('The job number, as given.'),
  original: z.string().min(1).describe('Language of the original, as printed after "Original:".'),
  language: z.string().min(2).describe('Language of the templates used for fixed text, e.g. `en`.'),
  requester: z.string().min(1).describe('Who asked for circulation, e.g. "the delegation of Canada" or "the European Union".'),
  body: z.array(Block).describe('The narrative: numbered sections and paragraphs.'),
  annexIntro: z.array(Block).describe('Text written under the programmes heading before the first programme.'),
  programmes: z.array(Programme).describe('The programmes in annex order.'),
  beneficiaries: z.array(Beneficiary).describe('Every beneficiary the programmes name, by name.')
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
