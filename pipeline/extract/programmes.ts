// Programmes as written: a heading with its field list and description, or a row of a programme table. This is
// where source syntax is read (labels, `;`-separated lists, nested items, exact places); validate reads the values.
import type {Blockquote, Heading, List, ListItem, RootContent, Table, TableCell} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fieldKind, type FieldKey} from '../fields.js'
import type {Block} from '../model.js'
import {span} from '../place.js'
import {problem} from '../rules/index.js'
import {collapseWhitespace} from '../text.js'
import {toBlocks, type PrintedTable} from './blocks.js'
import type {LabelIndex} from './labels.js'
import {groupCells, splitItem, type Shapes} from './shapes.js'
import {nodeText, writtenText} from './node-text.js'
import {addressesDropped, struckAsText} from './struck.js'

/** Text as written, white space collapsed, with its exact place when it could be found verbatim. */
export interface RawText {
  value: string
  place: Position
}

export interface RawField {
  key: FieldKey
  /** The label as written, e.g. `Start date`. */
  label: string
  /** The whole item or cell. */
  place: Position
  /** The value as written. */
  value: RawText
  /** A list field's values: its `;`-separated parts, or the items of a nested list. Empty for other fields. */
  items: RawText[]
}

/** Text under a label art67 does not know, kept as written: printed as “Other information”. */
export interface RawOther {
  /** The label or column title as written; empty for a table cell without a column title. */
  label: string
  value: string
}

export interface RawProgramme {
  file: VFile
  /** The title's place. */
  place: Position
  /** A heading with a field list, or a row of a programme table. */
  form: 'section' | 'row'
  /** White space collapsed; empty when the source gives none. */
  title: string
  fields: RawField[]
  other: RawOther[]
  description: Block[]
}

const noPosition: Position = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
export const placeOf = (node: {position?: Position | undefined}) => node.position ?? noPosition

/** The place of `value` as written inside `node` (at or after `from` characters into it), else the node's. */
function placeIn(file: VFile, node: {position?: Position | undefined}, value: string, from = 0): Position {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || !value) return placeOf(node)
  const index = String(file.value).slice(start, end).indexOf(value, from)
  return (index === -1 ? undefined : span(file, start + index, value.length)) ?? placeOf(node)
}

/** Quotation marks around free text (`"…"`, `“…”`, `„…“`; `«…»` below), inside which `;` separates nothing. */
const quoteMark = /["“”„]/

/** `written` cut at each `;` outside quotation marks; at every `;` when the marks are unbalanced. */
function pieces(written: string): string[] {
  const found: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < written.length; i++) {
    if (written[i] === '«') quoted = true
    else if (written[i] === '»') quoted = false
    else if (quoteMark.test(written[i]!)) quoted = !quoted
    else if (written[i] === ';' && !quoted) {
      found.push(written.slice(start, i))
      start = i + 1
    }
  }
  return quoted ? written.split(';') : [...found, written.slice(start)]
}

/** Values separated by `;` (WTO names contain commas), each placed exactly when it is written verbatim. */
function splitValues(file: VFile, node: {position?: Position | undefined}, written: string, from: number): RawText[] {
  const items: RawText[] = []
  let searchFrom = from
  for (const piece of pieces(written)) {
    const value = collapseWhitespace(piece)
    if (value) {
      const place = placeIn(file, node, value, searchFrom)
      items.push({value, place})
    }
    searchFrom += piece.length + 1
  }
  return items
}

/** Offset of `text` inside `node`'s source, from its start. */
function offsetIn(file: VFile, node: {position?: Position | undefined}, text: string): number {
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? start
  return Math.max(String(file.value).slice(start, end).indexOf(text), 0)
}

function field(file: VFile, key: FieldKey, label: string, node: {position?: Position | undefined}, written: string, from: number): RawField {
  const value = collapseWhitespace(written)
  return {
    key,
    label,
    place: placeOf(node),
    value: {value, place: placeIn(file, node, value, from)},
    items: fieldKind[key] === 'list' ? splitValues(file, node, written, from) : []
  }
}

/**
 * Whether a value keeps its links' addresses: text fields and text under labels art67 does not know do (a website,
 * a contact); names (title, ID, beneficiaries, partners) and dates do not, being resolved or printed as names.
 */
const keepsAddresses = (key: string | undefined) => key === undefined || (key !== 'id' && Object.hasOwn(fieldKind, key) && fieldKind[key as FieldKey] === 'text')

/** What a programme's field list holds besides its fields: items and trailing text that go to its description. */
type Leftover = ListItem[]

export class ProgrammeReader {
  readonly programmes: RawProgramme[] = []

  constructor(
    private readonly shapes: Shapes,
    private readonly tables: PrintedTable[]
  ) {}

  private get labels(): LabelIndex {
    return this.shapes.labels
  }

  /**
   * A programme heading and the content under it. The list right after it is its field list, unless no item
   * of it is `Label: value`; a programme table anywhere in it lists programmes of its own, read after this one.
   */
  section(file: VFile, heading: Heading, content: RootContent[]) {
    const [first] = content
    const fieldList = first?.type === 'list' && first.children.some((item) => splitItem(item, String(file.value))) ? first : undefined
    const programme: RawProgramme = {
      file,
      place: placeOf(heading),
      form: 'section',
      title: collapseWhitespace(nodeText(heading)),
      fields: [],
      other: [],
      description: []
    }
    this.programmes.push(programme)
    struckAsText(file, heading, 'title')
    addressesDropped(file, heading)
    // Fields typed as lines without bullets are one paragraph to Markdown: kept as description, not read.
    const asParagraph = !fieldList && first?.type === 'paragraph' ? this.shapes.fieldParagraphLabels(first, String(file.value)) : undefined
    if (asParagraph) problem(file, 'field-syntax', {as: 'paragraph', labels: asParagraph.slice(0, 3)}, placeOf(first!))
    const leftover = fieldList ? this.fieldList(file, fieldList, programme) : []
    const body = fieldList ? content.slice(1) : content
    if (fieldList) this.splitFields(file, body)
    const tables = body.filter((node): node is Table => node.type === 'table' && this.shapes.isProgrammeTable(node))
    const described = body.filter((node) => node.type !== 'table' || !tables.includes(node))
    this.misplaced(file, described, heading.depth, {afterHeadingOnly: true})
    this.lateFields(file, described, {fieldList: fieldList !== undefined})
    programme.description = [
      ...(leftover.length > 0 ? toBlocks(file, [{...fieldList!, children: leftover}], this.shapes, this.tables, [], {programmes: true}) : []),
      ...toBlocks(file, described, this.shapes, this.tables, [], {programmes: true})
    ]
    for (const table of tables) this.table(file, table)
  }

  /**
   * Lists of fields right after the field list: Markdown starts a new list at another bullet, so `+ End date: …`
   * after `- Start date: …` is a list of its own, read as description.
   */
  private splitFields(file: VFile, body: readonly RootContent[]) {
    for (const node of body) {
      if (node.type !== 'list') return
      // Mostly `Label: value` items, one of them a known field.
      const labels = node.children.flatMap((item) => splitItem(item, String(file.value))?.label ?? [])
      if (labels.some((label) => this.labels.field(label)) && labels.length * 2 > node.children.length) {
        problem(file, 'field-syntax', {as: 'split', labels: labels.slice(0, 3)}, placeOf(node))
      }
    }
  }

  /**
   * Fields written further down, in a list after text of the description (`- Start date: …` below a paragraph):
   * Markdown reads such a list as part of the description, so they are kept there, not read, and a second start date
   * would go unnoticed. A list counts when it is mostly `Known label: value` items, as a field list after a heading
   * outside programmes does (`Shapes.fieldListLabels`), so a description's own list (`- Objective: …`) is left alone.
   * The lists right after the field list are `splitFields`'s; a list right after a heading is `misplaced`'s. So are
   * fields in a list in a quotation, anywhere in the description (a converter writes an indented paragraph of a
   * word processor's document, such as a programme's details, as a quotation).
   */
  private lateFields(file: VFile, described: readonly RootContent[], {fieldList}: {fieldList: boolean}) {
    const source = String(file.value)
    // With a field list, the description starts at its first node that is not a list.
    let started = !fieldList
    let previous: RootContent | undefined
    for (const node of described) {
      if (node.type !== 'list') started = true
      else if (started && previous?.type !== 'heading') {
        const labels = this.shapes.fieldListLabels(node, source, {alone: true})
        if (labels) problem(file, 'field-syntax', {as: 'late', labels: labels.slice(0, 3)}, placeOf(node))
      }
      if (node.type === 'blockquote') this.quotedFields(file, node, source)
      previous = node
    }
  }

  /** Field lists in a quotation and the quotations within it (not in its lists): see `lateFields`. */
  private quotedFields(file: VFile, quote: Blockquote, source: string) {
    const quotes = [quote]
    while (quotes.length > 0) {
      const children = quotes.shift()!.children
      children.forEach((child, index) => {
        if (child.type === 'blockquote') quotes.push(child)
        if (child.type !== 'list' || children[index - 1]?.type === 'heading') return
        const labels = this.shapes.fieldListLabels(child, source, {alone: true})
        if (labels) problem(file, 'field-syntax', {as: 'quoted', labels: labels.slice(0, 3)}, placeOf(child))
      })
    }
  }

  /**
   * Report programmes written under the programmes heading where they are not read: a field list after a heading
   * of the wrong level (or, unless `afterHeadingOnly`, at the start before any heading), and programme tables
   * inside lists and quotations. `before` is the heading the nodes follow, if any.
   */
  misplaced(file: VFile, nodes: readonly RootContent[], programmeDepth: number, options: {afterHeadingOnly: boolean; before?: Heading | undefined}) {
    let previous: RootContent | undefined = options.before
    let heading: Heading | undefined = options.before
    nodes.forEach((node, index) => {
      const atStart = index === 0 && !options.afterHeadingOnly
      const labels = node.type === 'list' && (previous?.type === 'heading' || atStart) ? this.shapes.fieldListLabels(node, String(file.value), {alone: true}) : undefined
      if (labels) {
        const where = {as: 'level', depth: heading?.depth, programmeDepth} as const
        problem(file, 'programme-misplaced', {found: {kind: 'list', labels: labels.slice(0, 3)}, ...where}, placeOf(node), heading && {file, place: placeOf(heading)})
      }
      for (const {list, labels: nested} of this.shapes.nestedFieldLists(node, String(file.value))) {
        problem(file, 'programme-misplaced', {found: {kind: 'list', labels: nested.slice(0, 3)}, as: 'nested'}, placeOf(list))
      }
      for (const table of this.shapes.nestedTables(node)) problem(file, 'programme-misplaced', {found: {kind: 'table'}, as: 'nested'}, placeOf(table))
      if (node.type === 'heading') heading = node
      previous = node
    })
  }

  /** Read a field list into `programme`; return what is not a field, for its description. */
  private fieldList(file: VFile, list: List, programme: RawProgramme): Leftover {
    return list.children.flatMap((item) => this.fieldItem(file, item, programme))
  }

  private fieldItem(file: VFile, item: ListItem, programme: RawProgramme): Leftover {
    const parts = splitItem(item, String(file.value), file.data.definitions)
    if (!parts) {
      problem(file, 'field-syntax', {as: 'not-a-field', found: collapseWhitespace(writtenText(String(file.value), item.children[0] ?? item) ?? nodeText(item)).slice(0, 60)}, placeOf(item))
      return [item]
    }
    const {label, paragraph, rest} = parts
    const from = offsetIn(file, paragraph, ':') + 1
    const key = this.labels.field(label)
    const addresses = keepsAddresses(key)
    const written = addresses ? parts.linked : parts.written
    const [nested] = rest
    // A list field may give its values as a nested list under an empty label.
    const nestedValues = !collapseWhitespace(written) && rest.length === 1 && nested?.type === 'list' && (!key || fieldKind[key] === 'list')
    const trailing = nestedValues ? [] : rest
    struckAsText(file, paragraph, 'field')
    if (nestedValues) struckAsText(file, nested, 'field')
    if (key && !addresses) addressesDropped(file, nestedValues ? nested : paragraph, label)
    if (trailing.length > 0) problem(file, 'field-syntax', {as: 'trailing', label}, placeOf(trailing[0]!))
    const leftover: Leftover = trailing.length > 0 ? [{type: 'listItem', spread: item.spread, children: trailing}] : []
    const values = nestedValues
      ? nested.children.flatMap((child) => {
          const value = collapseWhitespace(nodeText(child, {addresses, definitions: file.data.definitions}))
          return value ? [{value, place: placeIn(file, child, value)}] : []
        })
      : undefined
    if (!key) {
      this.unknownLabel(file, 'field', label, placeOf(paragraph))
      const value = values ? values.map((item) => item.value).join('; ') : collapseWhitespace(written)
      programme.other.push({label, value})
      return leftover
    }
    const result = field(file, key, label, paragraph, written, from)
    if (values) {
      result.items = values
      result.value = {value: values.map((item) => item.value).join('; '), place: placeOf(nested!)}
    }
    // An empty field says nothing, as an empty table cell.
    if (result.value.value) programme.fields.push(result)
    return leftover
  }

  /** A typo of a known label is an error; another unknown label a warning, its text kept as other information. */
  private unknownLabel(file: VFile, what: 'field' | 'column', label: string, place: Position) {
    const unknown = this.labels.unknown(label, what)
    if (unknown.typo !== undefined) problem(file, 'field-typo', {what, label, suggestion: unknown.typo}, place)
    else problem(file, 'unknown-field', {what, label, suggestions: unknown.suggestions}, place)
  }

  /**
   * Whether `table` lists programmes (it has a title column); when it does not, reports it if it looks like a list of
   * programmes whose title column is missing or misnamed. Under the programmes heading, one with a misspelt title column, a
   * number column, or programme columns (a column titled like a title beside a field column, or mostly field
   * columns, at least two, a date among them) but no title column is a mistake worth saying: its programmes would
   * not be read. A table of mostly field columns with no date is a summary (`| Agency | Programmes | Budget |`), not
   * a list of programmes. With `underHeading` (a table alone under a programme heading, which may be that
   * programme's description: its sessions, numbered or titled, its phases' dates), only a number column or a column
   * titled like a title beside a beneficiaries column, which the e-TRIPS list has and such a description seldom, are.
   */
  checkProgrammeTable(file: VFile, table: Table, {underHeading = false} = {}): boolean {
    if (this.shapes.isProgrammeTable(table)) return true
    const headers = (table.children[0]?.children ?? []).map((cell) => ({cell, label: collapseWhitespace(nodeText(cell))}))
    for (const {cell, label} of headers) {
      const title = this.labels.titleTypo(label)
      if (title) {
        problem(file, 'field-typo', {what: 'column', label, suggestion: title}, placeOf(cell))
        return false
      }
    }
    const written = headers.filter(({label}) => label)
    const fields = written.filter(({label}) => {
      const key = this.labels.column(label)
      return key !== undefined && key !== 'no'
    })
    const keys = new Set(fields.map(({label}) => this.labels.column(label)))
    const titleLike = written.find(({label}) => this.labels.titleLike(label))?.label
    const numbered = written.some(({label}) => this.labels.column(label) === 'no')
    const mostlyFields = !underHeading && fields.length >= 2 && fields.length * 2 > written.length && (keys.has('start') || keys.has('end'))
    const untitled = (numbered || (titleLike !== undefined && fields.length > 0) || mostlyFields) && (!underHeading || keys.has('beneficiaries'))
    if (untitled) problem(file, 'table-columns', {titleLike, fields: fields.slice(0, 3).map(({label}) => label), numbered}, placeOf(table))
    return false
  }

  table(file: VFile, table: Table) {
    const [head] = table.children
    const headers = (head?.children ?? []).map((cell) => collapseWhitespace(nodeText(cell)))
    const columns = headers.map((text, index) => {
      const key = this.labels.column(text)
      if (!key && text) this.unknownLabel(file, 'column', text, placeOf(head!.children[index]!))
      return key
    })
    // A row split by a line break typed inside it is read as one (`table-row-split`).
    for (const group of this.shapes.tableRows(table, String(file.value))) {
      const [row] = group.rows
      const last = group.rows.at(-1)!
      const place = {start: placeOf(row!).start, end: placeOf(last).end}
      const programme: RawProgramme = {file, place, form: 'row', title: '', fields: [], other: [], description: []}
      groupCells(group).forEach((cell: TableCell, column) => {
        const key = columns[column]
        struckAsText(file, cell, key === 'title' ? 'title' : 'cell')
        if (key && key !== 'no' && !keepsAddresses(key)) addressesDropped(file, cell, headers[column])
        const written = nodeText(cell, {addresses: keepsAddresses(key), definitions: file.data.definitions})
        const value = collapseWhitespace(written)
        if (!value) return
        if (key === 'title') {
          programme.title = value
          programme.place = placeIn(file, cell, value)
        } else if (key && key !== 'no') {
          programme.fields.push(field(file, key, headers[column]!, cell, written, 0))
        } else if (!key) {
          // A cell beyond the header row has no column title: its text is kept all the same.
          if (!headers[column]) problem(file, 'unknown-field', {what: 'cell'}, placeOf(cell))
          programme.other.push({label: headers[column] ?? '', value})
        }
      })
      this.programmes.push(programme)
    }
  }
}
