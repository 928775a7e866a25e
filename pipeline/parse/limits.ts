// Shapes of Markdown that the parser (micromark and its extensions) handles in time that grows faster than the
// text, or with recursion as deep as the nesting: refused before parsing, each at its place, by one linear scan.
// A refused line or paragraph is an error, and is parsed as empty lines so the rest of the file is still checked.
import type {Nodes} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {problem} from '../rules/index.js'
import {opensFrontMatter} from './chunk.js'

export const limits = {
  /** Levels of block quotes and lists before a line's text (see `nestingOf`). */
  nesting: 100,
  /**
   * Characters in one paragraph, heading, table row or code block: pdfmake lays a text out in time that grows with
   * the square of its length past about 100,000 characters.
   */
  blockLength: 50_000,
  /** Emphasis and strikethrough marks (`*`, `_`, `~`) in one paragraph. */
  emphasisMarks: 1_000,
  /** Brackets `[` open at once, or `]` closing none, in one paragraph. */
  brackets: 100,
  /**
   * Rows in one table: a table is one block to the parser, which holds about 27 KB a row while it parses it (50,000
   * rows: 1.4 GB, 14 s; 400,000 rows ran out of memory).
   */
  tableRows: 20_000
}

/** The block quote markers, list markers and indentation before a line's text. */
const containerPrefix = /^(?:[ \t]|>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*/
const listMarker = /[-+*]|\d{1,9}[.)]/y

/**
 * How deep a line may be nested: each `>` and list marker before its text counts as one level, and so do each two
 * columns of indentation (a tab is four). No line is nested deeper than this; a line with no marker opens nothing.
 * `item`: the line starts a list item, so it starts a paragraph of its own.
 */
function nestingOf(prefix: string): {nesting: number; item: boolean} {
  let markers = 0
  let columns = 0
  let item = false
  for (let i = 0; i < prefix.length; i++) {
    const character = prefix[i]!
    if (character === ' ') columns++
    else if (character === '\t') columns += 4
    else if (character === '>') markers++
    else {
      listMarker.lastIndex = i
      listMarker.exec(prefix)
      markers++
      item = true
      i = listMarker.lastIndex - 1
    }
  }
  return {nesting: markers === 0 ? 0 : markers + Math.floor(columns / 2), item}
}

/** A fence opening or closing a code block at the top level (inside containers, fences are not followed). */
const fenceLine = /^ {0,3}(`{3,}|~{3,})/
/** A table's delimiter row: each row after it is cells of their own. */
const delimiterRow = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
/** A heading's text is a paragraph of its own. */
const heading = /^#{1,6}(?:[ \t]|$)/

interface Paragraph {
  start: number
  /** Emphasis marks so far. */
  marks: number
  /** Brackets open. */
  depth: number
  /** Brackets closing none. */
  unopened: number
  /** Characters so far. */
  length: number
  refused: boolean
}

const point = (line: number, lineStart: number, index: number) => ({line, column: index + 1, offset: lineStart + index})

/** Text taken out of the text to parse: `length` characters at `at` of the text parsed. */
export interface Cut {
  at: number
  length: number
}

/**
 * Report every shape over the limits in `text` (the file's text as read) on `file`, and return the text to parse:
 * the same, with each refused line or paragraph emptied (line ends kept, so lines and columns stay the same), and
 * the cuts that `restoreOffsets` undoes in the tree's offsets.
 */
export function refuseOverLimits(file: VFile, text: string): {text: string; cuts: Cut[]} {
  const refused: Array<{start: number; end: number}> = []
  /** Refuse the text from `start` to `end`: one range with the one before when it ends on the line before. */
  const refuse = (start: number, end: number) => {
    const last = refused.at(-1)
    if (last && last.end === start - 1) last.end = end
    else refused.push({start, end})
  }
  let fence: {mark: string; start: number; length: number; refused: boolean} | undefined
  let paragraph: Paragraph | undefined
  let inTable = false
  /** Rows of the table under way; those past the limit are refused from the first, with one problem. */
  let tableRows = 0
  let previousHadPipe = false
  const endParagraph = (end: number) => {
    if (paragraph?.refused) refuse(paragraph.start, end)
    paragraph = undefined
  }
  let deep: {nesting: number; lines: number; place: Position} | undefined
  const endDeep = () => {
    if (deep) problem(file, 'nesting-limit', {nesting: deep.nesting, lines: deep.lines, limit: limits.nesting}, deep.place)
    deep = undefined
  }

  // The front matter's lines are scanned between its fences, which are never refused: a value nested too deep is
  // refused as a paragraph is (the YAML parser runs out of memory on 100,000 brackets), the front matter stays.
  let frontMatter = opensFrontMatter.test(text)
  for (let lineStart = 0, lineNumber = 1; lineStart <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    const at = (index: number) => point(lineNumber, lineStart, index)
    const start = lineStart
    lineStart = lineEnd + 1
    if (frontMatter && (lineNumber === 1 || /^---[ \t]*$/.test(line))) {
      endParagraph(start)
      frontMatter = lineNumber === 1
      continue
    }
    // Each top-level `key:` of the front matter is a paragraph of its own: one refused leaves the others.
    if (frontMatter && /^[A-Za-z_][\w-]*[ \t]*:/.test(line)) endParagraph(start)

    const prefix = containerPrefix.exec(line)![0]
    const {nesting, item} = nestingOf(prefix)
    if (nesting > limits.nesting) {
      endParagraph(start)
      // One problem for a run of such lines, at the first.
      if (deep) deep.lines++
      else deep = {nesting, lines: 1, place: {start: at(0), end: at(prefix.length)}}
      refuse(start, lineEnd)
      continue
    }
    endDeep()

    // Code in fences is not parsed as Markdown.
    const mark = fenceLine.exec(line)?.[1]
    const after = mark ? line.slice(line.indexOf(mark) + mark.length) : ''
    if (fence) {
      if (mark && mark[0] === fence.mark[0] && mark.length >= fence.mark.length && /^[ \t]*$/.test(after)) {
        if (fence.refused) refuse(fence.start, lineEnd)
        fence = undefined
      } else if ((fence.length += line.length + 1) > limits.blockLength && !fence.refused) {
        fence.refused = true
        problem(file, 'block-too-long', {kind: 'code', limit: limits.blockLength}, at(0))
      }
      continue
    }
    if (mark && !(mark[0] === '`' && after.includes('`'))) {
      endParagraph(start)
      inTable = false
      fence = {mark, start, length: 0, refused: false}
      continue
    }

    if (/^[ \t>]*$/.test(line)) {
      endParagraph(start)
      inTable = false
    } else {
      // A heading or a list item ends a table, as a blank line does.
      if (inTable && (item || heading.test(line.slice(prefix.length)))) inTable = false
      if (inTable && ++tableRows > limits.tableRows) {
        if (tableRows === limits.tableRows + 1) problem(file, 'table-too-long', {limit: limits.tableRows}, at(0))
        endParagraph(start)
        refuse(start, lineEnd)
        continue
      }
      if (!inTable && previousHadPipe && delimiterRow.test(line)) {
        inTable = true
        tableRows = 0
      }
      // Each table row, heading and list item holds text of its own.
      if (inTable || item || heading.test(line.slice(prefix.length))) endParagraph(start)
      paragraph ??= {start, marks: 0, depth: 0, unopened: 0, length: 0, refused: false}
      scanInline(file, line, prefix.length, at, paragraph)
      if ((paragraph.length += line.length + 1) > limits.blockLength && !paragraph.refused) {
        paragraph.refused = true
        problem(file, 'block-too-long', {kind: 'text', limit: limits.blockLength}, at(0))
      }
    }
    previousHadPipe = line.includes('|')
  }
  endParagraph(text.length)
  endDeep()
  if (fence?.refused) refuse(fence.start, text.length)
  if (refused.length === 0) return {text, cuts: []}
  let parsed = ''
  let copied = 0
  const cuts: Cut[] = []
  for (const {start, end} of refused) {
    parsed += text.slice(copied, start)
    // Each line emptied, its line end kept (no slicing of `parsed`, which would copy it once a range).
    text.slice(start, end).split('\n').forEach((piece, index) => {
      if (index > 0) parsed += '\n'
      if (piece.length > 0) cuts.push({at: parsed.length, length: piece.length})
    })
    copied = end
  }
  return {text: parsed + text.slice(copied), cuts}
}

/** Move the offsets of a tree parsed from text with `cuts` to where they are in the text as read. */
export function restoreOffsets(tree: Nodes, cuts: readonly Cut[]): void {
  // Offset in the text parsed, and characters cut before it or at it.
  const starts = cuts.map((cut) => cut.at)
  const before: number[] = []
  let total = 0
  for (const cut of cuts) before.push((total += cut.length))
  const moved = (offset: number) => {
    // The last cut at or before `offset` (a point at a cut's place is before the cut: its line's start).
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (starts[middle]! < offset) low = middle + 1
      else high = middle
    }
    return low === 0 ? offset : offset + before[low - 1]!
  }
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset = moved(point.offset)
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

/** Count a paragraph line's emphasis runs and open brackets from `from`; report the first mark over a limit. */
function scanInline(file: VFile, line: string, from: number, at: (index: number) => Point, paragraph: Paragraph) {
  const over = (kind: 'emphasis' | 'brackets', index: number) => {
    if (paragraph.refused) return
    paragraph.refused = true
    problem(file, 'markup-limit', {kind, emphasisMarks: limits.emphasisMarks, brackets: limits.brackets}, at(index))
  }
  for (let i = from; i < line.length; i++) {
    const character = line[i]!
    if (character === '\\') i++
    else if (character === '*' || character === '_' || character === '~') {
      if (++paragraph.marks > limits.emphasisMarks) over('emphasis', i)
    } else if (character === '[') {
      if (++paragraph.depth > limits.brackets) over('brackets', i)
    } else if (character === ']') {
      if (paragraph.depth > 0) paragraph.depth--
      else if (++paragraph.unopened > limits.brackets) over('brackets', i)
    }
  }
}
