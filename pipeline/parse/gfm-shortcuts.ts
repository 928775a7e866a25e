// remark-gfm tried some of its constructs, and ran a pass over the tree, at every word or line of a large report for
// the few places where they can match. Each now runs only where what it needs is in the text:
//
// - Email addresses (micromark-extension-gfm-autolink-literal 2.1.0): micromark tried the construct at the start of
//   every word: it saved its state, entered two tokens, consumed the word, and failed at its end unless an `@`
//   followed, then read the word again as data. It is now tried only where the run of characters an address takes
//   before its `@` (ASCII letters and digits, `+ - . _`) ends at an `@` in the text being parsed: elsewhere micromark
//   reads the word as data at once, and the text's resolver joins its data into the same tokens either way. What a
//   failed try leaves behind, a mark on the last token that no unclosed link label comes before it, only caches
//   what a later look back would find (labels are only ever marked balanced, and none is added before a mark).
// - Tables (micromark-extension-gfm-table 2.1.2): micromark read the first line of every block, and every line that
//   might interrupt a paragraph, as a table's head row, before finding no delimiter row under it. A table's head is
//   now tried only where the next line of the text holds a `-`, which a delimiter row needs (rows after a table's head
//   are tried as before). What the construct leaves behind when it fails there, a flag that only says whether a
//   paragraph is being interrupted, is false after it and unset (undefined) without it: every reader tests it for truth.
// - Addresses left as text (mdast-util-gfm-autolink-literal 2.1.0): after the parse, a pass looked for them, walking
//   every node four times, once per pattern. It now runs only when a text node outside links holds what one of its
//   patterns needs (`@`, `http://`, `https://` or `www.`, in any case).
//
// Same trees (test/parse/gfm-shortcuts.test.ts: its generated documents are compared with the installed packages' own
// parse, so a new version of micromark's core, whose bookkeeping the reasons above also rest on, is tested too). Each
// applies only while its package file is the one it was written against (its SHA-256), as the pdfmake patches do;
// with any other, the package works as it does.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import type {Extension as FromMarkdownExtension, Transform} from 'mdast-util-from-markdown'
import type {Code, Construct, ConstructRecord, Event, Extension, TokenizeContext, Tokenizer} from 'micromark-util-types'
import type {Processor} from 'unified'

/**
 * The package file each shortcut was written against, found from remark-gfm through `packages`, and its SHA-256:
 * micromark's `dev/lib/syntax.js` is the same code as `lib/syntax.js` with assertions, which the `development` export
 * condition (vitest's) loads instead.
 */
export const writtenAgainst = {
  email: {
    packages: ['micromark-extension-gfm', 'micromark-extension-gfm-autolink-literal'],
    file: 'syntax.js',
    hashes: ['2b45c68982c1f80daf125b709faba88803b131a0d710b0374dd309495a74efeb', 'd965cd8b4c3825815ccf6b1f7ff52dd0932bcb46cadd87c73a5b982f8c376626']
  },
  table: {
    packages: ['micromark-extension-gfm', 'micromark-extension-gfm-table'],
    file: 'syntax.js',
    hashes: ['2e4cd89043d22236dcc386c92e9a20f9b631b039197ced3f6141b27329d52b0b', 'c93e57733e415ea8c7c15c1b4911799daf75b4db6ba53d88bae3ae3ab520237b']
  },
  textPass: {
    packages: ['mdast-util-gfm', 'mdast-util-gfm-autolink-literal'],
    file: 'index.js',
    hashes: ['624864d2292a220237e0d0bfb6c6ee1fa0e967d9a7a55c24e526702bcd642589']
  }
}
type Shortcut = keyof typeof writtenAgainst

/** The file of the shortcut's package that runs: in `lib/` beside the entry Node.js finds from remark-gfm. */
export function packageFile(shortcut: Shortcut): string {
  const from = (file: string, request: string) => createRequire(file).resolve(request)
  const {packages, file} = writtenAgainst[shortcut]
  return path.join(path.dirname(packages.reduce(from, from(import.meta.url, 'remark-gfm'))), 'lib', file)
}

/** Whether the shortcut's package file has one of the SHA-256 `hashes`. */
export function packageMatches(shortcut: Shortcut, hashes = writtenAgainst[shortcut].hashes): boolean {
  try {
    return hashes.includes(createHash('sha256').update(readFileSync(packageFile(shortcut))).digest('hex'))
  } catch {
    return false
  }
}

/** The shortcuts that apply: read once, as the parse modules load (into the start-up snapshot too). */
export const shortcutsOn = Object.fromEntries(Object.keys(writtenAgainst).map((shortcut) => [shortcut, packageMatches(shortcut as Shortcut)])) as Record<
  Shortcut,
  boolean
>

/** The text being parsed, while `parseWithText` runs; micromark's offsets index it. */
let text: string | undefined

/** `parse(source)`, the constructs knowing the text, so that they can look ahead in it. */
export function parseWithText<T>(source: string, parse: (source: string) => T): T {
  text = source
  try {
    return parse(source)
  } finally {
    text = undefined
  }
}

/** The package's `gfmAtext`: what an address may hold before its `@`. */
const atext = (code: number) =>
  code === 43 || code === 45 || code === 46 || code === 95 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/**
 * The email construct, tried only where the text holds an `@` at the end of the run of address characters that
 * starts at the current point. Where the text's character at the point's offset is not one an address takes
 * (offsets not as expected), or no text is given, it is tried as before.
 */
function emailLookingAhead(construct: Construct): Construct {
  const previous = construct.previous!
  return {
    ...construct,
    previous(this: TokenizeContext, code: Code): boolean {
      if (!previous.call(this, code)) return false
      if (text === undefined) return true
      let index = this.now().offset
      if (!atext(text.charCodeAt(index))) return true
      while (atext(text.charCodeAt(index))) index++
      return text.charCodeAt(index) === 64
    }
  }
}

/** As the table construct's start: whether the last event but line endings and prefixes is a table's head or row. */
function continuesTable(events: readonly Event[]): boolean {
  let index = events.length - 1
  while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--
  const tail: string | undefined = index > -1 ? events[index]![1].type : undefined
  return tail === 'tableHead' || tail === 'tableRow'
}

// Searched from a given index (`lastIndex`), within one synchronous call.
const lineEnding = /\r\n?|\n/g
const dashOrLineEnding = /[-\r\n]/g

/** Whether the line after the one `offset` is on holds a `-`. */
function nextLineHoldsDash(text: string, offset: number): boolean {
  lineEnding.lastIndex = offset
  if (!lineEnding.exec(text)) return false
  dashOrLineEnding.lastIndex = lineEnding.lastIndex
  return dashOrLineEnding.exec(text)?.[0] === '-'
}

/**
 * The table construct, trying a head row only where the next line of the text holds a `-`. Where the current code
 * is not the text's character at the point's offset (offsets not as expected, a NUL read as U+FFFD), or no text is
 * given, it is tried as before.
 */
function tableLookingAhead(construct: Construct): Construct {
  const tokenize = construct.tokenize
  return {
    ...construct,
    tokenize(this: TokenizeContext, ...args: Parameters<Tokenizer>) {
      // The package's tokenizer is made only when tried: making it has no effect but its closures.
      const tried = (code: Code) => tokenize.apply(this, args)(code)
      return (code: Code) => {
        if (text === undefined || code === null || continuesTable(this.events)) return tried(code)
        const offset = this.now().offset
        return text.charCodeAt(offset) !== code || nextLineHoldsDash(text, offset) ? tried(code) : args[2](code)
      }
    }
  }
}

/** `record` with the construct named `name` replaced by `replace(it)`, the same object at every code; or itself. */
function replaced(record: ConstructRecord | undefined, name: string, replace: (construct: Construct) => Construct): ConstructRecord | undefined {
  if (!record) return record
  let replacement: Construct | undefined
  const constructs: ConstructRecord = {}
  for (const [code, held] of Object.entries(record)) {
    constructs[code] = ([] as Construct[]).concat(held ?? []).map((construct) => (construct.name === name ? (replacement ??= replace(construct)) : construct))
  }
  return replacement ? constructs : record
}

/** `extension` with the constructs of the shortcuts that apply looking ahead. */
function lookingAhead(extension: Extension): Extension {
  const text = shortcutsOn.email ? replaced(extension.text, 'emailAutolink', (construct) => (construct.previous ? emailLookingAhead(construct) : construct)) : extension.text
  const flow = shortcutsOn.table ? replaced(extension.flow, 'table', tableLookingAhead) : extension.flow
  return text === extension.text && flow === extension.flow ? extension : {...extension, text, flow}
}

/** What one of the text pass's patterns needs besides an `@`. */
const webAddress = /https?:\/\/|www\./i

/** Whether a text node outside links and link references (which the pass leaves alone) holds what a pattern needs. */
function mayHoldAddresses(tree: Root): boolean {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') {
      if (node.value.includes('@') || webAddress.test(node.value)) return true
    } else if (node.type !== 'link' && node.type !== 'linkReference' && 'children' in node) {
      for (const child of node.children) stack.push(child)
    }
  }
  return false
}

type FromMarkdownExtensions = Array<FromMarkdownExtension | FromMarkdownExtensions>

/** The extensions with the autolink literals' text pass run only when it may find something. */
function withTextPassWhenNeeded(extensions: FromMarkdownExtensions): FromMarkdownExtensions {
  return extensions.map((extension) => {
    if (Array.isArray(extension)) return withTextPassWhenNeeded(extension)
    if (!extension.enter?.literalAutolink || !extension.transforms) return extension
    const transforms = extension.transforms.map((transform): Transform => (tree) => (mayHoldAddresses(tree) ? transform(tree) : undefined))
    return {...extension, transforms}
  })
}

/** The unified plugin; use it after remark-gfm, and parse with `parseWithText`. */
export function gfmShortcuts(this: Processor): void {
  const data = this.data()
  const micromark = (data.micromarkExtensions ??= [])
  micromark.splice(0, micromark.length, ...micromark.map(lookingAhead))
  if (shortcutsOn.textPass) {
    const fromMarkdown = (data.fromMarkdownExtensions ??= []) as FromMarkdownExtensions
    fromMarkdown.splice(0, fromMarkdown.length, ...withTextPassWhenNeeded(fromMarkdown))
  }
}
