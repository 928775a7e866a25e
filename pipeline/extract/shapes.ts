// What programmes look like in mdast, so that programmes written where art67 does not read them (outside the
// programmes heading, under a heading of the wrong level, inside a list or an HTML block) are found and reported.
import type {BlockContent, DefinitionContent, Html, List, ListItem, Nodes, Paragraph, Parent, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import type {Position} from 'unist'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import {parseDate} from '../dates.js'
import type {FieldKey} from '../fields.js'
import {VFile} from 'vfile'
import {parseFile} from '../parse/index.js'
import type {LabelIndex} from './labels.js'
import {nodeText, writtenText} from './node-text.js'

/** Fields only programmes have: a list of one such item after a heading is a programme's field list. */
const programmeOnly: ReadonlySet<FieldKey> = new Set(['start', 'end', 'beneficiaries'])

/** A list item read as `Label: value`: the label without emphasis markers, the text after the colon, what follows. */
export interface ItemParts {
  label: string
  paragraph: Paragraph
  /** Everything after the first colon of the first paragraph, as written. */
  written: string
  /** The same, links with their addresses (see `nodeText`). */
  linked: string
  rest: Array<BlockContent | DefinitionContent>
}

/**
 * Whether the first `:` of a paragraph's text is written `\:`, so that it is text, not the end of a label. Only a text
 * node reads escapes: the first `:` written in it (`source` is the text its place points into) is its value's first,
 * escaped by a `\` before it that is not itself escaped.
 */
function colonEscaped(paragraph: Paragraph, source: string): boolean {
  const stack: Nodes[] = [paragraph]
  while (stack.length > 0) {
    const node = stack.pop()!
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
      continue
    }
    // What `nodeText` reads of the node.
    const text = 'value' in node ? node.value : 'alt' in node ? (node.alt ?? '') : node.type === 'footnoteReference' ? (node.label ?? node.identifier) : ''
    if (!text.includes(':')) continue
    const {start, end} = node.position ?? {}
    if (node.type !== 'text' || start?.offset === undefined || end?.offset === undefined) return false
    const written = source.slice(start.offset, end.offset)
    const colon = written.indexOf(':')
    let backslashes = 0
    while (written[colon - backslashes - 1] === '\\') backslashes++
    return colon !== -1 && backslashes % 2 === 1
  }
  return false
}

/**
 * The parts of an item whose first paragraph has a colon, not written `\:`, else undefined. `source` is the text the
 * item's place points into; `definitions` give reference links' addresses.
 */
export function splitItem(item: ListItem, source: string, definitions?: ReadonlyMap<string, string>): ItemParts | undefined {
  const [paragraph, ...rest] = item.children
  if (paragraph?.type !== 'paragraph') return undefined
  const text = nodeText(paragraph)
  const colon = text.indexOf(':')
  if (colon === -1 || colonEscaped(paragraph, source)) return undefined
  const written = text.slice(colon + 1)
  // With addresses, unless a link in the label would shift where the value starts.
  const withAddresses = nodeText(paragraph, {addresses: true, definitions})
  const linked = withAddresses.startsWith(text.slice(0, colon + 1)) ? withAddresses.slice(colon + 1) : written
  return {label: text.slice(0, colon).replace(/[*_]/g, '').trim(), paragraph, written, linked, rest}
}

/** What an HTML block hides from the report. */
export interface Hidden {
  headings: number
  fieldLists: number
  tables: number
}

/** A paragraph that was meant as a table: see `Shapes.brokenTable`. */
export interface BrokenTable {
  /** Its header has a title column: a programme table. */
  programmes: boolean
  /** Cells of its header, and of its second line when that is a delimiter row. */
  header: number
  delimiter: number | undefined
  /** Where its second line is in the file's text. */
  second: {offset: number; length: number}
}

/** Lines whose cells are separated by tabs, as a table copied from a word processor: see `Shapes.tabTable`. */
export interface TabTable {
  /** Its first line has a title column: a programme table. */
  programmes: boolean
  /** The cells of its first line, trimmed. */
  header: string[]
  /** How many lines it has, the first included. */
  lines: number
  /** How many paragraphs Markdown reads them as: one, unless blank lines part them. */
  paragraphs: number
  /** Where its lines are in the file's text, from the first's start to the last's end. */
  span: {offset: number; length: number}
}

/**
 * A row of a programme table as it was meant: the row, and the lines after it that continue it, split from it by a
 * line break typed inside the row (see `Shapes.tableRows`). Markdown reads each line as a row of its own.
 */
export interface RowGroup {
  rows: TableRow[]
  /** For each line after the first: whether its first cell goes on the last cell of the line before (left open). */
  joined: boolean[]
  /** How many cells the lines make, read as one row. */
  cells: number
}

/** A line of a paragraph: its offset in the file, its text without its container's prefix and end, its cells split at tabs. */
interface TabLine {
  offset: number
  written: string
  cells: string[]
}

/** A paragraph's lines split at tabs (see `TabLine`), or undefined when it has no tab. */
function tabLines(text: string, paragraph: Paragraph): TabLine[] | undefined {
  const start = paragraph.position?.start.offset
  const end = paragraph.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const source = text.slice(start, end)
  if (!source.includes('\t')) return undefined
  // Lines after the first carry their container's prefix (`> `, spaces).
  const lines: TabLine[] = []
  let offset = start
  for (const [index, written] of source.split('\n').entries()) {
    // A tab that indents a line or ends it separates no cells.
    const prefix = index === 0 ? 0 : (/^[ \t>]*/.exec(written)?.[0].length ?? 0)
    const line = written.slice(prefix).replace(/\s+$/, '')
    lines.push({offset: offset + prefix, written: line, cells: line.replace(/^\s+/, '').split('\t').map((cell) => cell.trim())})
    offset += written.length + 1
  }
  return lines
}

/** A `|` that is not escaped. */
const pipe = /(?<!\\)\|/
const opensWithPipe = (line: string) => line.trimStart().startsWith('|')
const closesWithPipe = (line: string) => /(?<!\\)\|\s*$/.test(line)

/** The cells of a group of rows read as one: a cell left open at a line's end goes on at the next line's start. */
export function groupCells({rows, joined}: RowGroup): TableCell[] {
  const cells: TableCell[] = []
  rows.forEach((row, index) => {
    const [first, ...rest] = row.children
    const open = index > 0 && joined[index - 1] && cells.length > 0
    if (first && open) {
      const last = cells.pop()!
      // Written over two lines, the cell is read as one line (`nodeText`'s `\n` is collapsed as white space).
      const position = last.position && first.position && {start: last.position.start, end: first.position.end}
      cells.push({type: 'tableCell', children: [...last.children, {type: 'text', value: '\n'}, ...first.children], ...(position ? {position} : {})})
    } else if (first) cells.push(first)
    cells.push(...rest)
  })
  return cells
}

/** The cells of a table line as written, trimmed: outer pipes dropped, split at every `|` not escaped. */
function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '')
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim())
}

/**
 * An HTML `<table>` whose first row has a title column, which lists programmes: the HTML blocks it is written in (a
 * blank line ends an HTML block, so a table with blank lines among its tags is several), its title column as written,
 * and its place, from its first block's start to its last's end.
 */
export interface HtmlTable {
  blocks: Html[]
  title: string
  place: Position | undefined
}

/** Nodes whose children are blocks, where an HTML node is a block of its own. */
const blockContainers = new Set<Nodes['type']>(['root', 'blockquote', 'listItem', 'footnoteDefinition'])
const tableStart = /<table[\s>]/gi
const tableEnd = /<\/table\s*>/gi
/** How many more tables `html` opens than it closes. */
const tablesLeftOpen = (html: string) => (html.match(tableStart)?.length ?? 0) - (html.match(tableEnd)?.length ?? 0)

/** Whether an HTML node's text is nothing but HTML comments (`<!-- a note to the team -->`). */
export const isComment = (html: string) => /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(html)

/** HTML blocks inside a hidden HTML block are looked into this many levels deep, and no deeper. */
const maxHtmlDepth = 2

export class Shapes {
  constructor(readonly labels: LabelIndex) {}

  /**
   * The known labels of a list mostly of `Known label: value` items, at least two; with `alone` (a list right after a
   * heading), also a single item giving a start date, an end date or beneficiaries, which only programmes have.
   * `source` is the text the list's place points into.
   */
  fieldListLabels(list: List, source: string, {alone = false} = {}): string[] | undefined {
    const labels = list.children.flatMap((item) => {
      const parts = splitItem(item, source)
      return parts && this.labels.field(parts.label) ? [parts.label] : []
    })
    if (labels.length >= 2) return labels.length * 2 > list.children.length ? labels : undefined
    return alone && list.children.length === 1 && labels.length === 1 && programmeOnly.has(this.labels.field(labels[0]!)!) ? labels : undefined
  }

  /**
   * The known labels of a paragraph whose lines are mostly `Known label: value` (`**Start date:** 1 April 2025`, a
   * line each), at least two, or a single line giving beneficiaries, or a start or end date that is a date: fields
   * written without their list's bullets, which Markdown reads as one paragraph. A start or end that is no date is
   * no field (`Start: 09:00` then `End: 17:00`, a webinar's hours). `source` is the text its place points into.
   */
  fieldParagraphLabels(paragraph: Paragraph, source: string): string[] | undefined {
    const lines = (writtenText(source, paragraph) ?? '').split(/\r\n|\r|\n/).filter((line) => line.trim())
    const fields = lines.flatMap((line) => {
      const colon = line.indexOf(':')
      const key = colon > 0 ? this.labels.field(line.slice(0, colon)) : undefined
      const value = line.slice(colon + 1).replace(/^[\s*_]+|[\s\\]+$/g, '')
      if (!key || ((key === 'start' || key === 'end') && !parseDate(value).ok)) return []
      return [{key, label: line.slice(0, colon).replace(/[*_]/g, '').trim()}]
    })
    const labels = fields.map(({label}) => label)
    if (labels.length >= 2) return labels.length * 2 > lines.length ? labels : undefined
    const [only] = fields
    return lines.length === 1 && only && programmeOnly.has(only.key) ? labels : undefined
  }

  /** Field lists right after a heading inside the lists and quotations of `node` (not `node` itself): programmes not read. */
  nestedFieldLists(node: RootContent, source: string): Array<{list: List; labels: string[]}> {
    const found: Array<{list: List; labels: string[]}> = []
    const containers: Nodes[] = node.type === 'list' || node.type === 'blockquote' ? [node] : []
    while (containers.length > 0) {
      const children = (containers.pop() as Parent).children as Nodes[]
      children.forEach((child, index) => {
        const labels = child.type === 'list' && children[index - 1]?.type === 'heading' ? this.fieldListLabels(child, source, {alone: true}) : undefined
        if (labels) found.push({list: child as List, labels})
        if (child.type === 'list' || child.type === 'listItem' || child.type === 'blockquote') containers.push(child)
      })
    }
    return found.sort((a, b) => (a.list.position?.start.offset ?? 0) - (b.list.position?.start.offset ?? 0))
  }

  /** A table whose header has a title column: a list of programmes. */
  isProgrammeTable(table: Table): boolean {
    return (table.children[0]?.children ?? []).some((cell) => this.labels.column(nodeText(cell)) === 'title')
  }

  /**
   * The rows of a programme table as they were meant, in order. In a table whose lines start and end with `|` (its
   * header does), a line that does not start with one, right after a row that is left open (no `|` at its end) or
   * has fewer cells than the header and if it holds a `|` itself, continues that row when the two make no more cells
   * than the header: a line break was typed inside the row (Enter in a cell), and Markdown reads each line as a row.
   * A line with no `|` after a row closed with one is left a row of its own (`table-row-unpiped`: text after a table).
   * `text` is the file's text the table's place points into.
   */
  tableRows(table: Table, text: string): RowGroup[] {
    const [head, ...rows] = table.children
    const written = (node: TableRow) => writtenText(text, node)
    const header = head && written(head)
    const width = head?.children.length ?? 0
    const piped = header !== undefined && opensWithPipe(header)
    const groups: RowGroup[] = []
    for (const row of rows) {
      const group = groups.at(-1)
      const line = written(row)
      const first = group && written(group.rows[0]!)
      const before = group && written(group.rows.at(-1)!)
      if (piped && group && line !== undefined && first !== undefined && before !== undefined && opensWithPipe(first) && !opensWithPipe(line)) {
        const open = closesWithPipe(header) && !closesWithPipe(before)
        const cells = group.cells + row.children.length - (open ? 1 : 0)
        if ((open || (pipe.test(line) && group.cells < width)) && cells <= width) {
          group.rows.push(row)
          group.joined.push(open)
          group.cells = cells
          continue
        }
      }
      groups.push({rows: [row], joined: [], cells: row.children.length})
    }
    return groups
  }

  /**
   * A paragraph written as a table that GFM did not read as one (its second line is not a delimiter row matching
   * the header): what is wrong and the second line's offset and length, or undefined. Its lines must all hold a `|`
   * and either start with one or have a title column in the first line, so text that merely uses `|` is left alone.
   */
  brokenTable(text: string, paragraph: Paragraph): BrokenTable | undefined {
    const start = paragraph.position?.start.offset
    const end = paragraph.position?.end.offset
    if (start === undefined || end === undefined) return undefined
    // Only the paragraph's own text is searched: searching the rest of the file for each paragraph is quadratic.
    const source = text.slice(start, end)
    const firstBreak = source.indexOf('\n')
    if (firstBreak === -1 || !source.includes('|')) return undefined
    const written = source.split('\n')
    // Lines after the first carry their container's prefix (`> `, a list item's indent).
    const lines = written.map((line, index) => (index === 0 ? line : line.replace(/^[ \t>]*/, '')))
    if (!lines.every((line) => /(?<!\\)\|/.test(line))) return undefined
    const header = tableCells(lines[0]!)
    const programmes = header.some((cell) => this.labels.column(cell.replace(/[*_`]/g, '')) === 'title')
    if (!programmes && !lines.every((line) => line.trimStart().startsWith('|'))) return undefined
    const second = tableCells(lines[1]!)
    const delimiter = second.every((cell) => /^:?-+:?$/.test(cell)) ? second.length : undefined
    if (delimiter === header.length) return undefined
    return {programmes, header: header.length, delimiter, second: {offset: start + firstBreak + 1, length: written[1]!.length}}
  }

  /**
   * The first run of two or more consecutive lines of a paragraph with cells separated by tabs, as a word processor
   * copies a table (two cells or more a line, none more than the first line), else undefined: Markdown reads it as
   * one paragraph. Tabs that indent or end a line separate nothing.
   */
  tabTable(text: string, paragraph: Paragraph): TabTable | undefined {
    const lines = tabLines(text, paragraph)
    if (!lines) return undefined
    for (let first = 0; first < lines.length - 1; first++) {
      const width = lines[first]!.cells.length
      if (width < 2) continue
      let last = first
      // Rows may have fewer cells than the header: an editor drops the tabs of empty cells at the end.
      while (last + 1 < lines.length && lines[last + 1]!.cells.length >= 2 && lines[last + 1]!.cells.length <= width) last++
      if (last === first) continue
      return this.tabTableOf(lines.slice(first, last + 1), 1)
    }
    return undefined
  }

  /**
   * The same table written with a blank line between its lines, so that each is a paragraph of its own: two or more
   * paragraphs in a row from `siblings[from]` on (a container's children), every line of each with cells separated by
   * tabs, none more than the first line. Lines with tabs are paragraphs of their own in ordinary text too (`1.1<tab>
   * Outline`, a paragraph number pasted from a word processor), so two cells a line are not enough: the first line
   * must have three or more, or a title column, or a paragraph must hold two lines. The run's paragraphs, and the
   * table when they make one (a run that makes none is passed over whole, even if a later line has a title column).
   */
  tabParagraphs(text: string, siblings: readonly Nodes[], from: number): {table: TabTable | undefined; paragraphs: Paragraph[]} {
    const paragraphs: Paragraph[] = []
    const lines: TabLine[] = []
    for (let at = from; at < siblings.length; at++) {
      const node = siblings[at]!
      const own = node.type === 'paragraph' ? tabLines(text, node) : undefined
      const width = (lines[0] ?? own?.[0])?.cells.length ?? 0
      if (!own || !own.every((line) => line.cells.length >= 2 && line.cells.length <= width)) break
      paragraphs.push(node as Paragraph)
      lines.push(...own)
    }
    if (paragraphs.length < 2) return {table: undefined, paragraphs}
    const table = this.tabTableOf(lines, paragraphs.length)
    const surely = lines[0]!.cells.length >= 3 || table.programmes || lines.length > paragraphs.length
    return {table: surely ? table : undefined, paragraphs}
  }

  private tabTableOf(lines: readonly TabLine[], paragraphs: number): TabTable {
    const [first] = lines
    const last = lines.at(-1)!
    return {
      programmes: first!.cells.some((cell) => this.labels.column(cell) === 'title'),
      header: first!.cells,
      lines: lines.length,
      paragraphs,
      span: {offset: first!.offset, length: last.offset + last.written.length - first!.offset}
    }
  }

  /** Programme tables inside lists, quotations and footnotes below `node` (not `node` itself). */
  nestedTables(node: RootContent): Table[] {
    return this.foundBelow(node, (current) => (current.type === 'table' && this.isProgrammeTable(current) ? current : undefined))
  }

  /** HTML programme tables (see `findHtmlTables`) inside lists, quotations and footnotes below `node` (not `node` itself), each once. */
  nestedHtmlTables(node: RootContent): HtmlTable[] {
    return this.foundBelow(node, (current) => {
      const table = current.type === 'html' ? this.htmlTables.get(current) : undefined
      return table?.blocks[0] === current ? table : undefined
    })
  }

  /** What `pick` takes among the blocks below `node` (in lists, quotations and footnotes; not `node` itself), in order. */
  private foundBelow<T>(node: RootContent, pick: (current: Nodes) => T | undefined): T[] {
    const found: T[] = []
    const stack: Nodes[] = 'children' in node ? [...node.children] : []
    while (stack.length > 0) {
      const current = stack.pop()!
      const picked = pick(current)
      if (picked !== undefined) found.push(picked)
      else if ('children' in current && !['table', 'paragraph', 'heading'].includes(current.type)) {
        for (const child of current.children) stack.push(child)
      }
    }
    return found.reverse()
  }

  /**
   * The title column of the first HTML `<table>` in `html` (an HTML block's text) whose first row has one, as written
   * (tags left out, character references read, white space collapsed), else undefined: such a table lists programmes.
   * A table whose first row is not in `html` is not known to have one (see `findHtmlTables`).
   */
  htmlTableTitle(html: string): string | undefined {
    // In one pass, so that a block of many tables takes time linear in its size: each table's first row is the
    // first `<tr` after its `<table`, and runs to its end tag, the next row or the table's end. No class of character
    // is matched up to one that may never come (`[^>]*` over `<<<…`), which would take time quadratic in its length.
    const cells: string[] = []
    let table = false
    for (const tag of html.matchAll(/<(table|tr)[\s>]/gi)) {
      if (tag[1]!.toLowerCase() === 'table') {
        table = true
        continue
      }
      if (!table) continue
      table = false
      const from = tag.index + tag[0].length
      const end = /<\/tr\s*>|<tr[\s>]|<\/table\s*>/gi
      end.lastIndex = from
      const row = html.slice(from, end.exec(html)?.index ?? html.length)
      for (const cell of row.matchAll(/<t[hd](?:\s[^<>]*)?>([\s\S]*?)(?=<\/?t[hd][\s>]|$)/gi)) {
        const text = cell[1]!.replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim()
        // No column title is this long.
        if (text.length <= maxTitleColumn) cells.push(text)
      }
    }
    return cells.map((text) => text.replace(characterReference, decodeReference)).find((text) => this.labels.column(text) === 'title')
  }

  /** Each HTML block of a programme table found by `findHtmlTables`, with its table. */
  private readonly htmlTables = new WeakMap<Html, HtmlTable>()

  /**
   * Find the HTML programme tables of a file's tree (before its blocks are read): in each container, an HTML block
   * that opens a `<table>` it does not close goes on in the HTML blocks right after it (only blank lines between
   * them) until the table is closed, and the table's title column is looked for in all of them together.
   */
  findHtmlTables(tree: Root) {
    const stack: Nodes[] = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (!('children' in node)) continue
      const children = node.children as Nodes[]
      if (blockContainers.has(node.type)) {
        for (let at = 0; at < children.length; at++) {
          const first = children[at]!
          if (first.type !== 'html' || !/<table[\s>]/i.test(first.value)) continue
          const blocks = [first]
          let open = tablesLeftOpen(first.value)
          while (open > 0 && children[at + 1]?.type === 'html') {
            const next = children[++at] as Html
            blocks.push(next)
            open += tablesLeftOpen(next.value)
          }
          const title = this.htmlTableTitle(blocks.map((block) => block.value).join('\n'))
          if (title === undefined) continue
          const [start, end] = [first.position?.start, blocks.at(-1)!.position?.end]
          const table = {blocks, title, place: start && end && {start, end}}
          for (const block of blocks) this.htmlTables.set(block, table)
        }
      }
      for (const child of children) if (child.type !== 'paragraph' && child.type !== 'heading') stack.push(child)
    }
  }

  /** The HTML programme table (see `findHtmlTables`) that the HTML block `html` is part of, if any. */
  htmlTable(html: Html): HtmlTable | undefined {
    return this.htmlTables.get(html)
  }

  /** What an HTML block hides: its content after the opening line, read as Markdown. Undefined when nothing. */
  hiddenIn(html: Html, depth = 0): Hidden | undefined {
    const newline = html.value.indexOf('\n')
    return this.hiddenInText(newline === -1 ? '' : html.value.slice(newline + 1), depth)
  }

  /** What `content` (a block's text that Markdown does not read: HTML, code) would be, read as Markdown. */
  hiddenInText(content: string, depth = 0): Hidden | undefined {
    // Headings, tables and field lists all need one of these characters.
    if (!/[#|:]/.test(content)) return undefined
    const {tree} = parseFile(new VFile(content))
    const hidden: Hidden = {headings: 0, fieldLists: 0, tables: 0}
    const stack: Nodes[] = [...tree.children]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.type === 'heading' && this.labels.isProgrammesHeading(nodeText(node))) hidden.headings++
      else if (node.type === 'list' && this.fieldListLabels(node, content)) hidden.fieldLists++
      else if (node.type === 'table' && this.isProgrammeTable(node)) hidden.tables++
      else if (node.type === 'html' && depth + 1 < maxHtmlDepth) {
        const inner = this.hiddenIn(node, depth + 1)
        if (inner) {
          hidden.headings += inner.headings
          hidden.fieldLists += inner.fieldLists
          hidden.tables += inner.tables
        }
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') for (const child of node.children) stack.push(child)
    }
    return hidden.headings + hidden.fieldLists + hidden.tables > 0 ? hidden : undefined
  }
}

/** The longest text of an HTML table cell looked up as a column title. */
const maxTitleColumn = 200

const characterReference = /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g

/** A character reference (`&eacute;`, `&#233;`, `&#xE9;`) as Markdown reads it; one that names no character as written. */
function decodeReference(reference: string): string {
  const name = reference.slice(1, -1)
  if (name[0] !== '#') return decodeNamedCharacterReference(name) || reference
  const hex = name[1] === 'x' || name[1] === 'X'
  return decodeNumericCharacterReference(name.slice(hex ? 2 : 1), hex ? 16 : 10)
}

/** How an HTML block opens: a comment, an element named by its tag, or other markup. */
export function htmlContainer(html: Html): {container: 'comment' | 'block'; tag?: string} {
  const opening = html.value.trimStart()
  if (opening.startsWith('<!--')) return {container: 'comment'}
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(opening)?.[1]
  return tag ? {container: 'block', tag: tag.toLowerCase()} : {container: 'block'}
}
