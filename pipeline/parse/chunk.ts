// The Markdown parser and the pieces of parsing that need nothing but their own text: a whole file, or one chunk of
// a large file with the definitions and the next chunk's first line that go around it. index.ts cuts files into
// such jobs and joins their trees; parse-worker.ts runs them in worker threads, the same way as here.
import type {Nodes, Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {definedLabels} from './defined-labels.js'
import {useLinearEditMap} from './edit-map.js'
import {gfmShortcuts, parseWithText} from './gfm-shortcuts.js'

// micromark's two spots that take time growing with the square of the text, replaced by linear code (same trees).
useLinearEditMap()
/** Strikethrough only between `~~`: a single `~` is text, as in ranges (`10~15 examiners`, `2024.3.1~3.5`). */
const gfmOptions = {singleTilde: false}
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, gfmOptions).use(definedLabels).use(gfmShortcuts).freeze()
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm, gfmOptions).use(definedLabels).use(gfmShortcuts).freeze()
/** Every parse goes through here: remark-gfm's constructs look ahead in the text (gfm-shortcuts.ts). */
const parseMarkdown = (text: string, frontMatter = true): Root =>
  parseWithText(text, (source) => (frontMatter ? withFrontMatter : withoutFrontMatter).parse(source))

export interface Chunk {
  text: string
  offset: number
  line: number
}

/** A link or footnote definition, and a text that defines its label in another chunk's parse. */
export interface Definition {
  type: 'definition' | 'footnoteDefinition'
  /** The label as micromark compares labels: `normalizeIdentifier`. */
  key: string
  /** The key's marks (see `marks` in index.ts): a chunk can refer to the label only if it holds all of them. */
  marks: string[]
  /** `[label]: x` then a blank line, so it stands alone; only its label counts, as trees hold no resolved URL. */
  text: string
}

/**
 * Parse a chunk with the `added` definitions before it, or after it for the file's first chunk (`first`), whose front
 * matter must come first; and, after it, `next`, the next chunk's first line (or all of it), a heading that must come
 * out at the top level, which shows that every block of the chunk ended there as in the whole file (only front
 * matter looks further ahead). `orBare`: when the added text does not parse as planned, parse again without it.
 */
export interface ChunkJob {
  chunk: Chunk
  next: Chunk | undefined
  first: boolean
  added: Definition[]
  orBare: boolean
}

/** A whole text, or a chunk. */
export type ParseJob = {text: string} | ChunkJob

/** A chunk's own nodes, moved to where it sits in its file, and the definitions added; no tree if it did not parse as planned. */
export interface ChunkTree {
  tree: Root | undefined
  added: Definition[]
}

export type ParseResult = Root | ChunkTree

/** Line endings as micromark sees them; `lineCount` and `firstLine` agree with its line numbers. */
export const lineEndings = /\r\n|\r|\n/g

/**
 * A first line `---` opens front matter, which runs to the next line `---` across blank lines and headings. With no
 * such line, micromark tries it up to the end of the file, and lists and block quotes are then not seen anywhere
 * (micromark-extension-frontmatter 2.0.0), so such a file is parsed without front matter: `---` is a thematic break.
 */
export const opensFrontMatter = /^---[ \t]*[\r\n]/

const lineCount = (text: string) => text.match(lineEndings)?.length ?? 0

export function firstLine(text: string): string {
  const ending = new RegExp(lineEndings.source).exec(text)
  return ending ? text.slice(0, ending.index + ending[0].length) : text
}

/** Move every position of a tree by `lines` and `offset`; columns stay, as chunks start at a line start. */
function shift(tree: Root, lines: number, offset: number) {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        point.line += lines
        if (point.offset !== undefined) point.offset += offset
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

export function parseText(text: string): Root {
  const tree = parseMarkdown(text)
  return opensFrontMatter.test(text) && tree.children[0]?.type !== 'yaml' ? parseMarkdown(text, false) : tree
}

/** A chunk's tree (see `ChunkJob`), or undefined. */
function parseChunk({chunk, next, first}: ChunkJob, added: Definition[]): Root | undefined {
  const heading = next ? firstLine(next.text) : ''
  const addedText = added.map((definition) => definition.text).join('')
  const before = first ? '' : addedText
  const after = first && addedText ? heading + (lineCount(heading) ? '' : '\n') + addedText : heading
  const tree = parseMarkdown(before + chunk.text + after)
  const beforeLines = lineCount(before)
  const start = before.length
  const end = start + chunk.text.length
  const expected = [...(first ? [] : added), ...(next ? ['heading' as const] : []), ...(first ? added : [])]
  const own: RootContent[] = []
  let outside = 0
  for (const node of tree.children) {
    const from = node.position!.start
    const to = node.position!.end.offset!
    if (from.offset! >= start && from.offset! < end) {
      if (to > end) return undefined
      own.push(node)
      continue
    }
    const wanted = expected[outside++]
    if (wanted === undefined || (from.offset! < start && to > start)) return undefined
    if (wanted === 'heading') {
      const line = beforeLines + next!.line - chunk.line + 1
      if (node.type !== 'heading' || from.offset !== end || from.line !== line || from.column !== 1) return undefined
    } else if (node.type !== wanted.type || !('identifier' in node) || node.identifier !== wanted.key.toLowerCase()) {
      return undefined
    }
  }
  if (outside !== expected.length) return undefined
  // Front matter that closes in the first chunk closes at the same line in the file.
  if (first && opensFrontMatter.test(chunk.text) && tree.children[0]?.type !== 'yaml') return undefined
  tree.children = own
  shift(tree, chunk.line - 1 - beforeLines, chunk.offset - start)
  return tree
}

export function runJob(job: ParseJob): ParseResult {
  if ('text' in job) return parseText(job.text)
  const tree = parseChunk(job, job.added)
  if (tree || !job.orBare || job.added.length === 0) return {tree, added: job.added}
  return {tree: parseChunk(job, []), added: []}
}
