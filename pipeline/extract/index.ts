// Stage 3, extract: find the front matter, the narrative and the programmes in each file's mdast, keeping positions.
import type {Heading, List, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {toBlocks} from './blocks.js'
import {fieldKeys, fieldKinds, type Block, type FieldKey} from '../model.js'
import {span} from '../place.js'
import type {ParsedFile} from '../parse/index.js'
import {sourcePath} from '../read/index.js'
import {report} from '../rules/index.js'
import {nearest} from '../suggest.js'
import type {Labels} from '../templates.js'

/** Text as written and, when it could be found verbatim, its offset in the file. */
export interface RawText {
  value: string
  place: Position
  valueOffset: number | undefined
}

/** A field as written. A list field may give its values as a nested list instead: `items`. */
export interface RawField extends RawText {
  key: FieldKey
  label: string
  items?: RawText[]
}

export interface RawProgramme {
  file: VFile
  place: Position
  /** A `##` section with a field list, or a row of a programme table. */
  form: 'section' | 'row'
  title: string
  fields: RawField[]
  description: Block[]
}

export interface Extracted {
  /** Narrative blocks of all files, in file order; headings not numbered yet. */
  narrative: Block[]
  annexIntro: Block[]
  programmes: RawProgramme[]
}

/** Labels compared without case, emphasis markers, a trailing colon or full stop, or extra spaces. */
export const normalizeLabel = (label: string) =>
  label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:.]$/, '')

class LabelIndex {
  readonly fields = new Map<string, FieldKey>()
  readonly programmesHeadings: Set<string>
  readonly numberColumns: Set<string>
  readonly titleColumns: Set<string>
  /** Every label a field list may use, as written in the templates. */
  readonly known: string[]

  constructor(labels: Labels) {
    const sources = labels.sources
    this.known = fieldKeys.flatMap((key) => sources.fields[key])
    for (const key of fieldKeys) for (const label of sources.fields[key]) this.fields.set(normalizeLabel(label), key)
    this.programmesHeadings = new Set(sources.programmesHeadings.map(normalizeLabel))
    this.numberColumns = new Set(sources.tableColumns.no.map(normalizeLabel))
    this.titleColumns = new Set(sources.tableColumns.title.map(normalizeLabel))
  }
}

function startOffset(node: {position?: Position | undefined}): number {
  return node.position?.start.offset ?? 0
}

/** Find `value` verbatim in the source of `node`, at or after `from` inside it. */
function offsetOf(file: VFile, node: {position?: Position | undefined}, value: string, from = 0): number | undefined {
  const start = startOffset(node)
  const end = node.position?.end.offset ?? start
  const index = String(file.value).slice(start, end).indexOf(value, from)
  return index === -1 ? undefined : start + index
}

const noPosition: Position = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
const placeOf = (node: {position?: Position | undefined}) => node.position ?? noPosition

class Extractor {
  readonly result: Extracted = {narrative: [], annexIntro: [], programmes: []}
  private readonly index: LabelIndex

  constructor(labels: Labels) {
    this.index = new LabelIndex(labels)
  }

  file({file, tree}: ParsedFile) {
    // The front matter is read by its own stage.
    const nodes = tree.children.filter((node) => node.type !== 'yaml')
    if (sourcePath(file).startsWith('programmes/')) {
      this.territory(file, nodes, 1)
      return
    }
    let i = 0
    while (i < nodes.length) {
      const node = nodes[i]!
      if (node.type === 'heading' && this.index.programmesHeadings.has(normalizeLabel(toString(node)))) {
        const end = sectionEnd(nodes, i + 1, node.depth)
        this.territory(file, nodes.slice(i + 1, end), node.depth)
        i = end
      } else {
        const end = nextProgrammesHeading(nodes, i + 1, this.index)
        this.result.narrative.push(...toBlocks(file, nodes.slice(i, end)))
        i = end
      }
    }
  }

  /** Content under a programmes heading of `depth`: each heading one level deeper is a programme. */
  private territory(file: VFile, nodes: RootContent[], depth: number) {
    let i = 0
    while (i < nodes.length) {
      const node = nodes[i]!
      if (node.type === 'heading' && node.depth === depth + 1) {
        const end = sectionEnd(nodes, i + 1, node.depth)
        this.section(file, node, nodes.slice(i + 1, end))
        i = end
      } else if (node.type === 'table' && this.isProgrammeTable(file, node)) {
        this.table(file, node)
        i++
      } else {
        this.result.annexIntro.push(...toBlocks(file, [node]))
        i++
      }
    }
  }

  private section(file: VFile, heading: Heading, content: RootContent[]) {
    const [first, ...rest] = content
    const fields = first?.type === 'list' ? this.fieldList(file, first) : undefined
    this.result.programmes.push({
      file,
      place: placeOf(heading),
      form: 'section',
      title: toString(heading).replace(/\s+/g, ' ').trim(),
      fields: fields ?? [],
      description: toBlocks(file, fields ? rest : content)
    })
  }

  private fieldList(file: VFile, list: List): RawField[] {
    const fields: RawField[] = []
    for (const item of list.children) {
      const [paragraph, ...rest] = item.children
      const text = paragraph?.type === 'paragraph' ? toString(paragraph) : ''
      const colon = text.indexOf(':')
      if (!paragraph || colon === -1) {
        report(file, 'field-syntax', `Expected a field as \`Label: value\`, found \`${text.slice(0, 60)}\``, placeOf(item))
        continue
      }
      const label = text.slice(0, colon).replace(/[*_]/g, '').trim()
      const key = this.index.fields.get(normalizeLabel(label))
      if (!key) {
        this.unknownLabel(file, 'field', label, placeOf(paragraph))
        continue
      }
      const value = text.slice(colon + 1).trim()
      const labelEnd = offsetOf(file, paragraph, ':')
      const valueOffset = value && labelEnd !== undefined ? offsetOf(file, paragraph, value, labelEnd - startOffset(paragraph)) : undefined
      const field: RawField = {key, label, value, place: placeOf(paragraph), valueOffset}
      const [nested] = rest
      if (!value && rest.length === 1 && nested?.type === 'list' && fieldKinds[key] === 'list') {
        field.items = nested.children.map((child) => {
          const written = toString(child).replace(/\s+/g, ' ').trim()
          return {value: written, place: placeOf(child), valueOffset: offsetOf(file, child, written)}
        })
      } else if (rest.length > 0) {
        report(file, 'field-syntax', `Only the first line of the field \`${label}\` is read; what follows it in the item is left out`, placeOf(rest[0]!))
      }
      // An empty field says nothing, as an empty table cell.
      if (value || field.items) fields.push(field)
    }
    return fields
  }

  private unknownLabel(file: VFile, what: 'field' | 'column', label: string, place: Position) {
    const suggestion = nearest(label, this.index.known)
    const reason = `Unknown ${what} \`${label}\`, left out of the report${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`
    report(file, 'unknown-field', reason, place)
  }

  private columnKey(header: string): 'no' | 'title' | FieldKey | undefined {
    const label = normalizeLabel(header)
    if (this.index.numberColumns.has(label)) return 'no'
    if (this.index.titleColumns.has(label)) return 'title'
    return this.index.fields.get(label)
  }

  private isProgrammeTable(file: VFile, table: Table): boolean {
    const headers = table.children[0]?.children.map((cell) => this.columnKey(toString(cell))) ?? []
    if (headers.includes('title')) return true
    if (headers.includes('no')) {
      report(file, 'table-columns', 'This table has a number column but no title column, so it is not read as programmes', placeOf(table))
    }
    return false
  }

  private table(file: VFile, table: Table) {
    const [head, ...rows] = table.children
    const columns = (head?.children ?? []).map((cell) => {
      const text = toString(cell).trim()
      const key = this.columnKey(text)
      if (!key && text) this.unknownLabel(file, 'column', text, placeOf(cell))
      return key
    })
    for (const row of rows) {
      const programme: RawProgramme = {file, place: placeOf(row), form: 'row', title: '', fields: [], description: []}
      row.children.forEach((cell, column) => {
        const key = columns[column]
        const value = toString(cell).replace(/\s+/g, ' ').trim()
        if (!key && value && !toString(head?.children[column] ?? {type: 'text', value: ''}).trim()) {
          report(file, 'unknown-field', 'This cell has no column title, so it is left out of the report', placeOf(cell))
        }
        if (key === 'title') {
          const offset = value ? offsetOf(file, cell, value) : undefined
          programme.title = value
          programme.place = (offset === undefined ? undefined : span(file, offset, value.length)) ?? placeOf(cell)
        } else if (key && key !== 'no' && value) {
          programme.fields.push({key, label: toString(head!.children[column]!), value, place: placeOf(cell), valueOffset: offsetOf(file, cell, value)})
        }
      })
      this.result.programmes.push(programme)
    }
  }
}

/** Index of the first node at or after `from` that is a heading of `depth` or shallower. */
function sectionEnd(nodes: RootContent[], from: number, depth: number): number {
  let i = from
  while (i < nodes.length) {
    const node = nodes[i]!
    if (node.type === 'heading' && node.depth <= depth) break
    i++
  }
  return i
}

function nextProgrammesHeading(nodes: RootContent[], from: number, index: LabelIndex): number {
  let i = from
  while (i < nodes.length) {
    const node = nodes[i]!
    if (node.type === 'heading' && index.programmesHeadings.has(normalizeLabel(toString(node)))) break
    i++
  }
  return i
}

export function extract(files: readonly ParsedFile[], labels: Labels): Extracted {
  const extractor = new Extractor(labels)
  for (const file of files) extractor.file(file)
  return extractor.result
}
