// Stage 2, parse: Markdown text to mdast, with YAML front matter and GitHub tables.
import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'

export interface ParsedFile {
  file: VFile
  tree: Root
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

/** micromark slows down more than linearly on long documents with many lists: a large file is parsed in chunks. */
export const chunkBytes = 8 * 1024

interface Chunk {
  text: string
  offset: number
  line: number
  /** Parsed after the text, then dropped: the file's link reference definitions. */
  suffix?: string
}

/** HTML blocks that, unlike other blocks, run on past blank lines and headings until their end marker. */
const htmlBlocks: Array<[RegExp, string]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, '</'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>']
]

/**
 * Cut before top-level `#` heading lines that follow a blank line, outside fenced code and HTML blocks: such a
 * line starts a new block whatever came before, so the chunks parse as the whole would.
 */
function chunks(text: string, size: number): Chunk[] {
  if (text.length <= size) return [{text, offset: 0, line: 1}]
  const found: Chunk[] = []
  let start = 0
  let line = 1
  let fence: string | undefined
  let htmlEnd: string | undefined
  let blankBefore = false
  let lineStart = 0
  let lineNumber = 1
  while (lineStart < text.length) {
    const end = text.indexOf('\n', lineStart)
    const lineEnd = end === -1 ? text.length : end + 1
    const content = text.slice(lineStart, lineEnd)
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(content)?.[1]
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker) fence = undefined
    } else if (htmlEnd) {
      if (content.includes(htmlEnd)) htmlEnd = undefined
    } else if (marker) {
      fence = marker
    } else if (blankBefore && /^#{1,6}(?:[ \t]|\r?\n|$)/.test(content) && lineStart - start >= size) {
      found.push({text: text.slice(start, lineStart), offset: start, line})
      start = lineStart
      line = lineNumber
    } else {
      const html = htmlBlocks.find(([opening]) => opening.test(content))
      if (html && !content.slice(content.indexOf('<') + 2).includes(html[1])) htmlEnd = html[1]
    }
    blankBefore = content.trim() === ''
    lineStart = lineEnd
    lineNumber++
  }
  // A file ending inside a fence or an HTML block would swallow the definitions appended to its last chunk.
  if (fence || htmlEnd) return [{text, offset: 0, line: 1}]
  found.push({text: text.slice(start), offset: start, line})
  // Link reference definitions work across the whole file: each chunk is parsed with all of them after it.
  const definitions = text.match(/^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*\S.*$/gm)?.join('\n') ?? ''
  return found.map((chunk) => ({...chunk, suffix: definitions && `\n\n${definitions}\n`}))
}

/** Move every position of a chunk's tree to where the chunk sits in its file. */
function shift(tree: Root, chunk: Chunk) {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        point.line += chunk.line - 1
        if (point.offset !== undefined) point.offset += chunk.offset
      }
    }
    if ('children' in node) stack.push(...node.children)
  }
}

/** Every definition in a tree, first one first as in Markdown, so references can find their address. */
function definitions(tree: Root): Map<string, string> {
  const found = new Map<string, string>()
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node.url)
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return found
}

/** `options.chunkBytes` is for tests: the size above which a file is parsed in chunks. */
export function parseFile(file: VFile, options: {chunkBytes?: number} = {}): ParsedFile {
  const {tree} = parseText(file, options.chunkBytes ?? chunkBytes)
  file.data.definitions = definitions(tree)
  return {file, tree}
}

function parseText(file: VFile, size: number): ParsedFile {
  const parts = chunks(String(file.value), size)
  if (parts.length === 1) return {file, tree: processor.parse(file)}
  const tree: Root = {type: 'root', children: []}
  for (const chunk of parts) {
    const part = processor.parse(chunk.text + (chunk.suffix ?? ''))
    part.children = part.children.filter((node) => node.position!.start.offset! < chunk.text.length)
    shift(part, chunk)
    tree.children.push(...part.children)
  }
  return {file, tree}
}
