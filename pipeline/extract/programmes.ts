// Programmes as written: a heading with its field list and description, or a row of a programme table. This is
// where source syntax is read (labels, `;`-separated lists, nested items, exact places); validate reads the values.
import type {Heading, List, ListItem, Paragraph, RootContent, Table, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fieldKind, type FieldKey} from '../fields.js'
import type {Block} from '../model.js'
import {span} from '../place.js'
import {problem} from '../rules/index.js'
import {nearest} from '../suggest.js'
import {collapseWhitespace} from '../text.js'
import {toBlocks} from './blocks.js'
import type {LabelIndex} from './labels.js'

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

export interface RawProgramme {
  file: VFile
  /** The title's place. */
  place: Position
  /** A heading with a field list, or a row of a programme table. */
  form: 'section' | 'row'
  /** White space collapsed; empty when the source gives none. */
  title: string
  fields: RawField[]
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

/** Values separated by `;` (WTO names contain commas), each placed exactly when it is written verbatim. */
function splitValues(file: VFile, node: {position?: Position | undefined}, written: string, from: number): RawText[] {
  const items: RawText[] = []
  let searchFrom = from
  for (const piece of written.split(';')) {
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

export class ProgrammeReader {
  readonly programmes: RawProgramme[] = []

  constructor(private readonly labels: LabelIndex) {}

  /** A programme heading and the content under it: the list right after it is its field list. */
  section(file: VFile, heading: Heading, content: RootContent[]) {
    const [first, ...rest] = content
    const fields = first?.type === 'list' ? this.fieldList(file, first) : undefined
    this.programmes.push({
      file,
      place: placeOf(heading),
      form: 'section',
      title: collapseWhitespace(toString(heading)),
      fields: fields ?? [],
      description: toBlocks(file, fields ? rest : content)
    })
  }

  private fieldList(file: VFile, list: List): RawField[] {
    return list.children.flatMap((item) => this.fieldItem(file, item) ?? [])
  }

  private fieldItem(file: VFile, item: ListItem): RawField | undefined {
    const [paragraph, ...rest] = item.children
    const text = paragraph?.type === 'paragraph' ? toString(paragraph) : ''
    const colon = text.indexOf(':')
    if (!paragraph || colon === -1) {
      problem(file, 'field-syntax', {as: 'not-a-field', found: text.slice(0, 60)}, placeOf(item))
      return undefined
    }
    const label = text.slice(0, colon).replace(/[*_]/g, '').trim()
    const key = this.labels.field(label)
    if (!key) {
      this.unknownLabel(file, 'field', label, placeOf(paragraph))
      return undefined
    }
    const written = text.slice(colon + 1)
    const result = field(file, key, label, paragraph as Paragraph, written, offsetIn(file, paragraph, ':') + 1)
    const [nested] = rest
    if (!result.value.value && rest.length === 1 && nested?.type === 'list' && fieldKind[key] === 'list') {
      result.items = nested.children.flatMap((child) => {
        const value = collapseWhitespace(toString(child))
        return value ? [{value, place: placeIn(file, child, value)}] : []
      })
      result.value = {value: result.items.map((item) => item.value).join('; '), place: placeOf(nested)}
    } else if (rest.length > 0) {
      problem(file, 'field-syntax', {as: 'trailing', label}, placeOf(rest[0]!))
    }
    // An empty field says nothing, as an empty table cell.
    return result.value.value ? result : undefined
  }

  private unknownLabel(file: VFile, what: 'field' | 'column', label: string, place: Position) {
    const suggestion = nearest(label, this.labels.known)
    problem(file, 'unknown-field', {what, label, suggestions: suggestion ? [suggestion] : []}, place)
  }

  /** A table with a title column lists programmes; one with only a number column is a mistake worth saying. */
  isProgrammeTable(file: VFile, table: Table): boolean {
    const headers = table.children[0]?.children.map((cell) => this.labels.column(toString(cell))) ?? []
    if (headers.includes('title')) return true
    if (headers.includes('no')) problem(file, 'table-columns', {}, placeOf(table))
    return false
  }

  table(file: VFile, table: Table) {
    const [head, ...rows] = table.children
    const headers = (head?.children ?? []).map((cell) => collapseWhitespace(toString(cell)))
    const columns = headers.map((text, index) => {
      const key = this.labels.column(text)
      if (!key && text) this.unknownLabel(file, 'column', text, placeOf(head!.children[index]!))
      return key
    })
    for (const row of rows) {
      const programme: RawProgramme = {file, place: placeOf(row), form: 'row', title: '', fields: [], description: []}
      row.children.forEach((cell: TableCell, column) => {
        const key = columns[column]
        const value = collapseWhitespace(toString(cell))
        if (!value) return
        if (key === 'title') {
          programme.title = value
          programme.place = placeIn(file, cell, value)
        } else if (key && key !== 'no') {
          programme.fields.push(field(file, key, headers[column]!, cell, toString(cell), 0))
        } else if (!key && !headers[column]) {
          problem(file, 'unknown-field', {what: 'cell'}, placeOf(cell))
        }
      })
      this.programmes.push(programme)
    }
  }
}
