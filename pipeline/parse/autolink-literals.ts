// remark-gfm reads addresses written in text (`www.wto.org`, `https://…`, `ip@example.org`) as links in two steps,
// and both took time at every word of a large report for the few words that are addresses:
//
// - micromark tried its email construct (micromark-extension-gfm-autolink-literal 2.1.0) at the start of every word:
//   it saved its state, entered two tokens, consumed the word, and failed at its end unless an `@` followed, then
//   read the word again as data. It is now tried only where the run of characters an address takes before its `@`
//   (ASCII letters and digits, `+ - . _`) does end at an `@` in the text being parsed, which it needs in order to
//   match: elsewhere micromark reads the word as data at once, and the text's resolver joins its data into the same
//   tokens either way.
// - After the parse, a pass over the tree (mdast-util-gfm-autolink-literal 2.1.0) looked for addresses micromark
//   left as text, walking every node four times, once per pattern. It now runs only when a text node outside links
//   holds what one of its patterns needs (`@`, `http://`, `https://` or `www.`, in any case); otherwise none of them
//   could match.
//
// Same trees (test/parse/autolink-literals.test.ts). Each applies only while its package file is the one it was
// written against (its SHA-256), as the pdfmake patches do; with any other, the package works as it does.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import type {Extension as FromMarkdownExtension, Transform} from 'mdast-util-from-markdown'
import type {Code, Construct, Extension, TokenizeContext} from 'micromark-util-types'
import type {Processor} from 'unified'

/**
 * The package files each shortcut was written against, as found from remark-gfm, and their SHA-256: version 2.1.0 of
 * each (micromark's `dev/lib/syntax.js` is the same code with its assertions, which the `development` export
 * condition, vitest's, loads instead of `lib/syntax.js`).
 */
export const writtenAgainst = {
  emailLookAhead: {
    packages: ['micromark-extension-gfm', 'micromark-extension-gfm-autolink-literal'],
    hashes: ['2b45c68982c1f80daf125b709faba88803b131a0d710b0374dd309495a74efeb', 'd965cd8b4c3825815ccf6b1f7ff52dd0932bcb46cadd87c73a5b982f8c376626']
  },
  textPass: {
    packages: ['mdast-util-gfm', 'mdast-util-gfm-autolink-literal'],
    hashes: ['624864d2292a220237e0d0bfb6c6ee1fa0e967d9a7a55c24e526702bcd642589']
  }
}
type Shortcut = keyof typeof writtenAgainst

/** The file of the shortcut's package that runs: `lib/…` beside the entry Node.js finds from remark-gfm. */
export function packageFile(shortcut: Shortcut): string {
  const from = (file: string, request: string) => createRequire(file).resolve(request)
  const entry = writtenAgainst[shortcut].packages.reduce(from, from(import.meta.url, 'remark-gfm'))
  return path.join(path.dirname(entry), 'lib', shortcut === 'emailLookAhead' ? 'syntax.js' : 'index.js')
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
export const shortcutsOn: Record<Shortcut, boolean> = {emailLookAhead: packageMatches('emailLookAhead'), textPass: packageMatches('textPass')}

/** The text being parsed, while `parseWithText` runs; micromark's offsets index it. */
let text: string | undefined

/** `parse(source)`, the email construct knowing the text, so that it can look ahead in it. */
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
 * The construct, tried only where the text holds an `@` at the end of the run of address characters that starts at
 * the current point. Where that run does not start at the point's offset (offsets not as expected, or no text
 * given), it is tried as before.
 */
function lookingAhead(construct: Construct): Construct {
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

/** `extension` with its email construct looking ahead, or itself when it has none. */
function withLookAhead(extension: Extension): Extension {
  if (!extension.text) return extension
  let wrapped: Construct | undefined
  const constructs: NonNullable<Extension['text']> = {}
  for (const [code, held] of Object.entries(extension.text)) {
    constructs[code as unknown as number] = ([] as Construct[])
      .concat(held ?? [])
      .map((construct) => (construct.name === 'emailAutolink' && construct.previous ? (wrapped ??= lookingAhead(construct)) : construct))
  }
  return wrapped ? {...extension, text: constructs} : extension
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
export function autolinkLiterals(this: Processor): void {
  const data = this.data()
  if (shortcutsOn.emailLookAhead) {
    const extensions = (data.micromarkExtensions ??= [])
    extensions.splice(0, extensions.length, ...extensions.map(withLookAhead))
  }
  if (shortcutsOn.textPass) {
    const extensions = (data.fromMarkdownExtensions ??= []) as FromMarkdownExtensions
    extensions.splice(0, extensions.length, ...withTextPassWhenNeeded(extensions))
  }
}
