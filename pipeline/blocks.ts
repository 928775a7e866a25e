// mdast content to the model's blocks and inline runs, keeping emphasis, links, quotes and lists.
import type {PhrasingContent, RootContent, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Block, Inline} from './model.js'

type Marks = Omit<Inline, 'text'>

const sameMarks = (a: Inline, b: Inline) =>
  a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.link === b.link

function push(runs: Inline[], run: Inline) {
  if (!run.text) return
  const last = runs.at(-1)
  if (last && sameMarks(last, run)) last.text += run.text
  else runs.push(run)
}

function collect(nodes: readonly PhrasingContent[], marks: Marks, runs: Inline[]) {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(runs, {...marks, text: node.value.replace(/\s*\n\s*/g, ' ')})
        break
      case 'emphasis':
        collect(node.children, {...marks, italic: true}, runs)
        break
      case 'strong':
        collect(node.children, {...marks, bold: true}, runs)
        break
      case 'delete':
        collect(node.children, {...marks, strike: true}, runs)
        break
      case 'inlineCode':
        push(runs, {...marks, code: true, text: node.value})
        break
      case 'link':
        collect(node.children, {...marks, link: node.url}, runs)
        break
      case 'break':
        push(runs, {...marks, text: '\n'})
        break
      case 'image':
        push(runs, {...marks, text: node.alt ?? ''})
        break
      case 'footnoteReference':
        push(runs, {...marks, text: `[${node.label ?? node.identifier}]`})
        break
      case 'html':
        push(runs, {...marks, text: node.value})
        break
      default:
        if ('children' in node) collect(node.children, marks, runs)
    }
  }
}

export function toInlines(nodes: readonly PhrasingContent[]): Inline[] {
  const runs: Inline[] = []
  collect(nodes, {}, runs)
  return runs
}

const cells = (row: TableRow) => row.children.map((cell) => toInlines(cell.children))

/** Convert mdast block content. Headings come out without a number; the model numbers them later. */
export function toBlocks(nodes: readonly RootContent[]): Block[] {
  const blocks: Block[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({type: 'paragraph', content: toInlines(node.children)})
        break
      case 'heading':
        blocks.push({type: 'heading', depth: node.depth, number: '', content: toInlines(node.children)})
        break
      case 'list':
        blocks.push({
          type: 'list',
          ordered: Boolean(node.ordered),
          start: node.ordered ? (node.start ?? 1) : undefined,
          items: node.children.map((item) => toBlocks(item.children))
        })
        break
      case 'blockquote':
        blocks.push({type: 'quote', children: toBlocks(node.children)})
        break
      case 'code':
        blocks.push({type: 'code', text: node.value})
        break
      case 'html':
        blocks.push({type: 'code', text: node.value})
        break
      case 'thematicBreak':
        blocks.push({type: 'rule'})
        break
      case 'table': {
        const [head, ...rows] = node.children
        blocks.push({type: 'table', header: head ? cells(head) : [], rows: rows.map(cells)})
        break
      }
      case 'footnoteDefinition':
        blocks.push({
          type: 'paragraph',
          content: [{text: `[${node.label ?? node.identifier}] ${toString(node.children).replace(/\s+/g, ' ')}`}]
        })
        break
      default:
        // yaml is read as front matter; definitions only serve references.
        break
    }
  }
  return blocks
}
