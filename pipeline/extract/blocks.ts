// mdast content to the model's blocks and inline runs, keeping emphasis, links, quotes and lists.
import type {Code, List, Nodes, PhrasingContent, RootContent, TableRow} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Block, Inline} from '../model.js'
import type {Nesting} from '../page.js'
import {problem} from '../rules/index.js'
import {htmlContainer, isComment, type Shapes} from './shapes.js'

/** Lists and quotes nested deeper than this are kept as plain text. */
export const maxNesting = 12

/** Links that make sense in a PDF; a relative path to a file of the sources does not. */
const isWebLink = (url: string) => /^(https?:|mailto:)/i.test(url) || url.startsWith('#')

type Marks = Omit<Inline, 'text'>

const sameMarks = (a: Inline, b: Inline) =>
  a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.link === b.link

function push(runs: Inline[], run: Inline) {
  if (!run.text) return
  const last = runs.at(-1)
  if (last && sameMarks(last, run)) last.text += run.text
  else runs.push(run)
}

/** Inline nodes to runs, without recursion: emphasis nested any number of times deep is safe. */
function collect(file: VFile, nodes: readonly PhrasingContent[], runs: Inline[]) {
  const stack: Array<[node: PhrasingContent, marks: Marks]> = []
  const pushAll = (children: readonly PhrasingContent[], marks: Marks) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, marks])
  }
  pushAll(nodes, {})
  while (stack.length > 0) {
    const [node, marks] = stack.pop()!
    switch (node.type) {
      case 'text':
        push(runs, {...marks, text: node.value.replace(/\s*\n\s*/g, ' ')})
        break
      case 'emphasis':
        pushAll(node.children, {...marks, italic: true})
        break
      case 'strong':
        pushAll(node.children, {...marks, bold: true})
        break
      case 'delete':
        pushAll(node.children, {...marks, strike: true})
        break
      case 'inlineCode':
        push(runs, {...marks, code: true, text: node.value})
        break
      case 'link':
      case 'linkReference': {
        const url = node.type === 'link' ? node.url : (file.data.definitions?.get(node.identifier) ?? '')
        // A link with no text (`[](https://…)`) shows its address, which would otherwise be printed nowhere.
        const children: readonly PhrasingContent[] = node.children.length > 0 ? node.children : [{type: 'text', value: url.replace(/^mailto:/i, '')}]
        if (isWebLink(url)) pushAll(children, {...marks, link: url})
        else {
          problem(file, 'link-local', {url}, node.position)
          pushAll(children, marks)
        }
        break
      }
      case 'break':
        push(runs, {...marks, text: '\n'})
        break
      // Warned about by extract (`image-ignored`), wherever it is.
      case 'image':
      case 'imageReference':
        push(runs, {...marks, text: node.alt ?? ''})
        break
      case 'footnoteReference':
        push(runs, {...marks, text: `[${node.label ?? node.identifier}]`})
        break
      case 'html':
        // Warned of where it is written (extract's `unprinted`), in text, titles, fields and cells alike.
        push(runs, {...marks, text: node.value})
        break
    }
  }
}

export function toInlines(file: VFile, nodes: readonly PhrasingContent[]): Inline[] {
  const runs: Inline[] = []
  collect(file, nodes, runs)
  return runs
}

/**
 * All text below a block as one paragraph's runs, without recursion, so any depth of nesting is safe: the runs of
 * its paragraphs, headings and cells (emphasis, code and links with their addresses kept), blocks separated by a
 * space, after `lead` if given.
 */
function flatInlines(file: VFile, node: Nodes, lead?: Inline): Inline[] {
  const runs: Inline[] = lead ? [lead] : []
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    const part: Inline[] = []
    if (current.type === 'paragraph' || current.type === 'heading' || current.type === 'tableCell') collect(file, current.children, part)
    else if (current.type === 'code' || current.type === 'html') push(part, {text: current.value})
    else if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!)
    // A space before a block's text keeps it from running into the block before.
    if (part.length > 0 && runs.length > 0 && !/\s$/.test(runs.at(-1)!.text)) push(runs, {text: ' '})
    for (const run of part) push(runs, run)
  }
  return runs
}

const cells = (file: VFile, row: TableRow) => row.children.map((cell) => toInlines(file, cell.children))

/** A table the PDF prints, with its place, its number of columns and what it sits in: validate checks it fits. */
export interface PrintedTable {
  file: VFile
  place: Position | undefined
  columns: number
  nesting: Nesting[]
}

/** A task list item's blocks, its checkbox written at their start (`[ ]`, or `[x]` for `[x]` and `[X]`), so its state is kept. */
function withCheckbox(checked: boolean | null | undefined, blocks: Block[]): Block[] {
  if (checked === null || checked === undefined) return blocks
  const mark = checked ? '[x]' : '[ ]'
  const [first, ...rest] = blocks
  if (first?.type === 'paragraph') return [{...first, content: [{text: `${mark} `}, ...first.content]}, ...rest]
  return [{type: 'paragraph', content: [{text: mark}]}, ...blocks]
}

/**
 * Convert mdast block content. Headings come out without a number; the model numbers them later. `programmes`:
 * the content is under the programmes heading, where an HTML table with a title column is a programme table not read.
 * Problems (raw HTML, HTML hiding programmes, images, local links, too deep nesting) are reported on `file`; every
 * table is added to `tables`.
 */
export function toBlocks(
  file: VFile,
  nodes: readonly RootContent[],
  shapes: Shapes,
  tables: PrintedTable[],
  nesting: readonly Nesting[] = [],
  {programmes = false}: {programmes?: boolean} = {}
): Block[] {
  const inner = {programmes}
  const blocks: Block[] = []
  for (const node of nodes) {
    if ((node.type === 'list' || node.type === 'blockquote') && nesting.length >= maxNesting) {
      problem(file, 'nesting-too-deep', {limit: maxNesting}, node.position)
      blocks.push({type: 'paragraph', content: flatInlines(file, node)})
      continue
    }
    switch (node.type) {
      case 'paragraph':
        blocks.push({type: 'paragraph', content: toInlines(file, node.children)})
        break
      case 'heading':
        blocks.push({type: 'heading', depth: node.depth, number: '', content: toInlines(file, node.children)})
        break
      case 'list': {
        const start = node.ordered ? (node.start ?? 1) : undefined
        const listNesting: Nesting[] = [...nesting, {kind: 'list', last: start === undefined ? 0 : start + node.children.length - 1}]
        blocks.push({
          type: 'list',
          ordered: Boolean(node.ordered),
          start,
          ...(node.ordered && isParenthesized(String(file.value), node) ? {delimiter: ')' as const} : {}),
          items: node.children.map((item) => withCheckbox(item.checked, toBlocks(file, item.children, shapes, tables, listNesting, inner)))
        })
        break
      }
      case 'blockquote':
        blocks.push({type: 'quote', children: toBlocks(file, node.children, shapes, tables, [...nesting, {kind: 'quote'}], inner)})
        break
      case 'code':
        if (isUnclosedFence(String(file.value), node)) {
          const container = nesting.at(-1)?.kind ?? 'file'
          problem(file, 'code-unclosed', {container, ...(shapes.hiddenInText(node.value) ?? {headings: 0, fieldLists: 0, tables: 0})}, node.position)
        }
        blocks.push({type: 'code', text: node.value})
        break
      case 'html': {
        // A table with a title column lists programmes; one written in HTML is not read. Said once, at its first
        // block: under the programmes heading here, in the narrative by extract (`programme-misplaced`). Another
        // HTML table (one describing a programme) is raw HTML as anywhere.
        const table = shapes.htmlTable(node)
        const hidden = table ? undefined : shapes.hiddenIn(node)
        if (table) {
          if (programmes && table.blocks[0] === node) problem(file, 'html-hides-programmes', {container: 'table', title: table.title}, table.place)
        } else if (hidden) problem(file, 'html-hides-programmes', {...htmlContainer(node), ...hidden}, node.position)
        else problem(file, 'raw-html', {comment: isComment(node.value)}, node.position)
        blocks.push({type: 'code', text: node.value})
        break
      }
      case 'thematicBreak':
        blocks.push({type: 'rule'})
        break
      case 'table': {
        const [head, ...rows] = node.children
        tables.push({file, place: node.position, columns: node.children.reduce((most, row) => Math.max(most, row.children.length), 0), nesting: [...nesting]})
        blocks.push({type: 'table', header: head ? cells(file, head) : [], rows: rows.map((row) => cells(file, row))})
        break
      }
      case 'footnoteDefinition':
        blocks.push({type: 'paragraph', content: flatInlines(file, node, {text: `[${node.label ?? node.identifier}] `})})
        break
      default:
        // yaml is read as front matter; definitions only serve references.
        break
    }
  }
  return blocks
}

/**
 * Whether an ordered list's numbers are written `1)` rather than `1.`: mdast does not keep the delimiter, so it is
 * read after the number at the first item's start (every item of a list has the same one).
 */
function isParenthesized(text: string, list: List): boolean {
  const start = list.children[0]?.position?.start.offset
  return start !== undefined && /^\d{1,9}\)/.test(text.slice(start, start + 10))
}

/**
 * Whether `code` is a fenced block never closed, which Markdown runs to the end of its file, list item or quotation.
 * A fenced block's node starts at its fence, indented 3 spaces at most (an indented block's, 4 or more); it is closed
 * when its last line is a fence of the same character, at least as long, indented 3 spaces at most from where the
 * block starts (after the quotation's `>` or the list item's indentation).
 */
function isUnclosedFence(text: string, code: Code): boolean {
  const {start, end} = code.position ?? {}
  if (start?.offset === undefined || end?.offset === undefined) return false
  const lines = text.slice(start.offset, end.offset).split(/\r\n|\r|\n/)
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0]!)?.[1]
  if (!opening) return false
  const closing = lines.length > 1 ? /^([ \t>]*)(`{3,}|~{3,})[ \t]*$/.exec(lines.at(-1)!) : null
  if (!closing) return true
  const [, before, fence] = closing as unknown as [string, string, string]
  return !(fence[0] === opening[0] && fence.length >= opening.length && before.length - (start.column - 1) <= 3)
}
