// Stage 2, parse: Markdown text to mdast, with YAML front matter and GitHub Flavored Markdown (tables, footnotes, …).
// A large file is parsed in chunks whose joined trees equal the whole-file tree, positions included. Large sources
// are parsed in several threads (threads.ts), the chunks of all files being independent jobs (chunk.ts).
import {createHash} from 'node:crypto'
import type {Nodes, Root, RootContent} from 'mdast'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import type {VFile} from 'vfile'
import {firstLine, lineEndings, opensFrontMatter, parseText, runJob} from './chunk.js'
import type {Chunk, ChunkJob, ChunkTree, Definition, ParseJob, ParseResult} from './chunk.js'
import {refuseOverLimits, restoreOffsets, type Cut} from './limits.js'
import {parseInThreads, threadsFor} from './threads.js'

export interface ParsedFile {
  file: VFile
  tree: Root
}

/** The size above which a file is parsed in chunks (micromark's slow spots on lists are replaced: see edit-map.ts). */
export const chunkBytes = 8 * 1024

/** HTML blocks that, unlike other blocks, run on past blank lines and headings until a line holds their end. */
const htmlBlocks: Array<[start: RegExp, end: RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]

/**
 * Cut before top-level `#` heading lines that follow a blank line, outside fenced code and HTML blocks: such a
 * line starts a new block whatever came before. The scan only proposes cuts: `parseChunk` checks each one.
 */
function chunks(text: string, size: number): Chunk[] {
  // micromark leaves a leading byte order mark out of its offsets (read.ts drops it anyway).
  if (text.length <= size || text.startsWith('\uFEFF')) return [{text, offset: 0, line: 1}]
  const found: Chunk[] = []
  let start = 0
  let line = 1
  let fence: string | undefined
  let htmlEnd: RegExp | undefined
  let frontMatter = opensFrontMatter.test(text)
  let blankBefore = false
  let lineNumber = 1
  const endings = new RegExp(lineEndings)
  for (let lineStart = 0; lineStart < text.length; lineNumber++) {
    const ending = endings.exec(text)
    const content = text.slice(lineStart, ending ? ending.index : text.length)
    // A backtick fence's info string holds no backtick.
    const opening = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(content)?.[1]
    if (frontMatter) {
      if (lineNumber > 1 && /^---[ \t]*$/.test(content)) frontMatter = false
    } else if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content)?.[1]
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = undefined
    } else if (htmlEnd) {
      if (htmlEnd.test(content)) htmlEnd = undefined
    } else if (opening) {
      fence = opening
    } else if (blankBefore && /^#{1,6}(?:[ \t]|$)/.test(content) && lineStart - start >= size) {
      found.push({text: text.slice(start, lineStart), offset: start, line})
      start = lineStart
      line = lineNumber
    } else {
      // An HTML block can end on its first line, even inside its opening (`<!-->`, `<?>`).
      const html = htmlBlocks.find(([opens]) => opens.test(content))
      if (html && !html[1].test(content.slice(content.indexOf('<') + 1))) htmlEnd = html[1]
    }
    blankBefore = /^[ \t]*$/.test(content)
    lineStart = ending ? endings.lastIndex : text.length
  }
  // Parse whole a file whose scan ends inside a fence or an HTML block, where the scan has likely paired markers
  // otherwise than micromark, or inside front matter, which then changes how the whole file parses.
  if (frontMatter || fence || htmlEnd) return [{text, offset: 0, line: 1}]
  found.push({text: text.slice(start), offset: start, line})
  return found
}

/** A definition of `label`, written on one line: NUL as micromark reads it, each whitespace run as one space. */
function definition(type: Definition['type'], label: string): Definition {
  const written = label.replaceAll('\0', '\uFFFD').replace(/[\t\n\r ]+/g, ' ')
  const key = normalizeIdentifier(written)
  return {type, key, marks: marks(key), text: `[${type === 'footnoteDefinition' ? '^' : ''}${written}]: x\n\n`}
}

const definitionId = (definition: Definition) => `${definition.type}:${definition.key}`

/**
 * What micromark compares label text on: it turns NUL into U+FFFD, then lower- and upper-cases. Case mapping is
 * per code point (final sigma aside, which upper-cases back to Σ), so folding a text folds each of its pieces.
 */
const fold = (text: string) => text.replaceAll('\0', '\uFFFD').toLowerCase().toUpperCase()

/**
 * A folded text's pieces, split at whitespace, brackets, `^` and `>`, and each pair of neighbouring pieces. The
 * pieces of a reference's folded label are neighbours among the pieces of its chunk: the label lies between
 * brackets, and only whitespace and `>` (container prefixes) can come between its lines in the source.
 */
function marks(folded: string): string[] {
  const pieces = folded.split(/[\t\n\r \[\]>^]+/).filter(Boolean)
  return [...pieces, ...pieces.slice(1).map((piece, index) => `${pieces[index]} ${piece}`)]
}

/**
 * The label of the definition whose `[` is at `start`. Undefined when a block quote may put `>` at the start of a
 * continued label line, which `definition` would keep.
 */
function writtenLabel(text: string, start: number, footnote: boolean, quoted: boolean): string | undefined {
  const opening = footnote ? '[^' : '['
  if (!text.startsWith(opening, start)) return undefined
  let end = start + opening.length
  while (end < text.length && text[end] !== ']') {
    const next = text[end + 1]
    end += text[end] === '\\' && (next === '[' || next === '\\' || next === ']') ? 2 : 1
  }
  const label = text.slice(start + opening.length, end)
  return end >= text.length || (quoted && /[\r\n]/.test(label)) ? undefined : label
}

/** The link and footnote definitions among `nodes` (positioned in `text`); undefined if one cannot be rewritten. */
function definitionsIn(nodes: RootContent[], text: string): Definition[] | undefined {
  const found: Definition[] = []
  const stack: Array<[node: Nodes, quoted: boolean]> = nodes.map((node) => [node, false])
  while (stack.length > 0) {
    const [node, quoted] = stack.pop()!
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const label = writtenLabel(text, node.position!.start.offset!, node.type === 'footnoteDefinition', quoted)
      if (label === undefined) return undefined
      found.push(definition(node.type, label))
    }
    if ('children' in node) for (const child of node.children) stack.push([child, quoted || node.type === 'blockquote'])
  }
  return found
}

/** Lines of a chunk that look like the start of a definition: a guess, which the parse confirms or not. */
function likelyDefinitions(text: string): Definition[] {
  const found: Definition[] = []
  for (const [, label] of text.matchAll(/^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?\[((?:[^[\]\\\r\n]|\\.){1,999})\]:/gm)) {
    const footnote = /^\^[^\t ]+$/.test(label!)
    const likely = definition(footnote ? 'footnoteDefinition' : 'definition', footnote ? label!.slice(1) : label!)
    if (likely.key) found.push(likely)
  }
  return found
}

/**
 * For each chunk, the definitions of other chunks that it may refer to: the first of each label that the chunk
 * does not define itself and whose marks it all holds. A label is looked up under its mark held by the fewest
 * chunks, so the work stays near the size of the file; a label of separators only is offered to every chunk.
 */
function offers(defined: Definition[][], {held, holders}: MarkIndex): Definition[][] {
  const byMark = new Map<string, Definition[]>()
  const everywhere: Definition[] = []
  const seen = new Set<string>()
  for (const definition of defined.flat()) {
    if (seen.has(definitionId(definition))) continue
    seen.add(definitionId(definition))
    const rarest = definition.marks.reduce<string | undefined>(
      (best, mark) => (best !== undefined && (holders.get(best) ?? 0) <= (holders.get(mark) ?? 0) ? best : mark),
      undefined
    )
    if (rarest === undefined) everywhere.push(definition)
    else if (byMark.has(rarest)) byMark.get(rarest)!.push(definition)
    else byMark.set(rarest, [definition])
  }
  return defined.map((own, index) => {
    const ownIds = new Set(own.map(definitionId))
    const holds = held[index]!
    const candidates = [...everywhere, ...[...holds].flatMap((mark) => byMark.get(mark) ?? [])]
    return candidates.filter(
      (definition) => !ownIds.has(definitionId(definition)) && definition.marks.every((mark) => holds.has(mark))
    )
  })
}

/** Whether `index` holds every mark of `definitions`. */
const knows = (index: MarkIndex, definitions: readonly Definition[][]) =>
  definitions.every((own) => own.every((definition) => definition.marks.every((mark) => index.relevant.has(mark))))

/** A file ready to parse: its text (over-limit parts blanked), its chunks, and the jobs of a first parse. */
interface Plan {
  file: VFile
  text: string
  cuts: Cut[]
  parts: Chunk[]
  /** The chunks' marks that the guessed definitions have (see `markIndex`). */
  marks: MarkIndex
  jobs: ParseJob[]
}

/**
 * Each chunk's marks, and how many chunks hold each mark, among `relevant`: `offers` reads only the marks of the
 * definitions it offers, so an index of those gives what the index of every mark would (a chunk's marks keep their
 * order). Every mark of a large file, held while all files parse, was about 100 MB at 5,000 programmes.
 */
interface MarkIndex {
  relevant: ReadonlySet<string>
  held: Array<Set<string>>
  holders: Map<string, number>
}

/** The index of `parts`' marks among those of `definitions`; nothing is read of a chunk when they have none. */
function markIndex(parts: readonly Chunk[], definitions: readonly Definition[][]): MarkIndex {
  const relevant = new Set(definitions.flat().flatMap((definition) => definition.marks))
  const held = parts.map((part) =>
    relevant.size === 0 ? new Set<string>() : new Set(marks(fold(part.text)).filter((mark) => relevant.has(mark)))
  )
  const holders = new Map<string, number>()
  for (const holds of held) for (const mark of holds) holders.set(mark, (holders.get(mark) ?? 0) + 1)
  return {relevant, held, holders}
}

/** The job parsing chunk `index` with the `added` definitions; only the next chunk's first line goes with it. */
function chunkJob(parts: Chunk[], index: number, added: Definition[], orBare: boolean): ChunkJob {
  const next = parts[index + 1]
  return {chunk: parts[index]!, next: next && {...next, text: firstLine(next.text)}, first: index === 0, added, orBare}
}

/**
 * A link reference or footnote call becomes a node only if its label is defined somewhere in the file, and trees
 * hold labels, not resolved URLs. So a chunk parses as in the whole file when it is given every label that it may
 * refer to (see `offers`) and that only other chunks define, and no label that the file does not define. The first
 * parse of each chunk (the plan's jobs) is given the labels of lines that look like definitions (or none, if those
 * do not parse as planned); once the parses have shown the real definitions, `joined` parses again the few chunks
 * that were given a wrong label or missed a needed one.
 */
function plan(file: VFile, size: number): Plan {
  const {text, cuts} = refuseOverLimits(file, String(file.value))
  const parts = chunks(text, size)
  if (parts.length === 1) return {file, text, cuts, parts, marks: markIndex([], []), jobs: [{text}]}
  const likely = parts.map((part) => likelyDefinitions(part.text))
  const index = markIndex(parts, likely)
  const guesses = offers(likely, index)
  return {file, text, cuts, parts, marks: index, jobs: parts.map((_, at) => chunkJob(parts, at, guesses[at]!, true))}
}

/** The chunks' trees joined, from the first parses (`results`, one a chunk, missing after a failed one); or undefined. */
function joined({parts, text, marks: guessed}: Plan, results: readonly ParseResult[]): Root | undefined {
  const trees: Root[] = []
  const given: Definition[][] = []
  const defined: Definition[][] = []
  for (let index = 0; index < parts.length; index++) {
    const result = results[index] as ChunkTree | undefined
    const found = result?.tree && definitionsIn(result.tree.children, text)
    if (!result?.tree || !found) return undefined
    trees.push(result.tree)
    given.push(result.added)
    defined.push(found)
  }
  const real = new Set(defined.flat().map(definitionId))
  // A definition the guess missed (a label over several lines) may have marks that the guessed index lacks.
  const needs = offers(defined, knows(guessed, defined) ? guessed : markIndex(parts, defined))
  for (let index = 0; index < parts.length; index++) {
    const givenIds = new Set(given[index]!.map(definitionId))
    const needed = needs[index]!
    if ([...givenIds].every((id) => real.has(id)) && needed.every((definition) => givenIds.has(definitionId(definition)))) {
      continue
    }
    const {tree} = runJob(chunkJob(parts, index, needed, false)) as ChunkTree
    if (!tree) return undefined
    trees[index] = tree
  }
  const first = trees[0]!.position!
  const last = trees[trees.length - 1]!.position!
  return {type: 'root', children: trees.flatMap((tree) => tree.children), position: {start: first.start, end: last.end}}
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

/** The parsed file from the results of its plan's jobs; parsed whole when its chunks cannot be joined. */
function finish(planned: Plan, results: readonly ParseResult[]): ParsedFile {
  const {file, text, cuts, parts} = planned
  const tree = parts.length === 1 ? (results[0] as Root) : (joined(planned, results) ?? parseText(text))
  if (cuts.length > 0) restoreOffsets(tree, cuts)
  file.data.definitions = definitions(tree)
  return {file, tree}
}

/** Parse a file in this thread. `options.chunkBytes` is for tests: the size above which a file is parsed in chunks. */
export function parseFile(file: VFile, options: {chunkBytes?: number} = {}): ParsedFile {
  const planned = plan(file, options.chunkBytes ?? chunkBytes)
  const results: ParseResult[] = []
  for (const job of planned.jobs) {
    const result = runJob(job)
    results.push(result)
    // A chunk that did not parse as planned: the file is parsed whole, so the other chunks need no parse.
    if ('added' in result && !result.tree) break
  }
  return finish(planned, results)
}

/**
 * Trees of files already parsed, by the digest of their path and text (never their modification time), for a
 * watcher: a file whose text is unchanged is not parsed again. Holds the files of the last run only.
 */
export class ParseCache {
  private trees = new Map<string, Root>()
  private next = new Map<string, Root>()
  /** Files parsed (not found in the cache) since the cache was made. */
  parsed = 0

  private static key(file: VFile): string {
    return createHash('sha256').update(file.path).update('\0').update(String(file.value)).digest('hex')
  }

  /** The file parsed in the last run, if it was: a copy of its tree (later stages may annotate it) and its definitions. */
  find(file: VFile): ParsedFile | undefined {
    const key = ParseCache.key(file)
    const kept = this.trees.get(key)
    if (!kept) return undefined
    this.next.set(key, kept)
    const tree = structuredClone(kept)
    file.data.definitions = definitions(tree)
    return {file, tree}
  }

  /** Keep a file just parsed. */
  keep({file, tree}: ParsedFile): void {
    this.parsed++
    this.next.set(ParseCache.key(file), structuredClone(tree))
  }

  /** End a run: forget the files it did not read. */
  settle(): void {
    this.trees = this.next
    this.next = new Map()
  }
}

export interface ParseOptions {
  /** Threads to parse large sources in; by default `threadCount()` (pipeline/threads.ts). */
  threads?: number | undefined
  /** For tests: the module of the parse's worker threads. */
  worker?: URL
}

/**
 * The stage: every readable source file parsed, in reading order; with a cache, only the files it does not hold.
 * Sources of `parallelChars` or more are parsed in several threads, into the same trees as in this one.
 */
export async function parse(files: readonly VFile[], cache?: ParseCache, options: ParseOptions = {}): Promise<ParsedFile[]> {
  const found = files.map((file) => cache?.find(file))
  const todo = files.filter((_, index) => !found[index])
  const threads = threadsFor(todo.reduce((sum, file) => sum + String(file.value).length, 0), options.threads)
  let parsed: ParsedFile[]
  if (threads > 1) {
    let plans: Plan[] = []
    // Planned while the workers start.
    const planAll = () => (plans = todo.map((file) => plan(file, chunkBytes))).flatMap((planned) => planned.jobs)
    const results = await parseInThreads(threads, planAll, options.worker)
    let at = 0
    parsed = plans.map((planned) => finish(planned, results.slice(at, (at += planned.jobs.length))))
  } else {
    parsed = todo.map((file) => parseFile(file))
  }
  for (const file of parsed) cache?.keep(file)
  cache?.settle()
  let next = 0
  return found.map((file) => file ?? parsed[next++]!)
}
