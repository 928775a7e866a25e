// remark-gfm reads an email address in text as a link (micromark-extension-gfm-autolink-literal 2.1.0), and micromark
// tries that construct at the start of every word: it saves its state, enters two tokens, consumes the word, and
// fails at its end unless an `@` follows, then reads the word again as data. That is about a tenth of the parse of a
// large report, for the one word in hundreds that is an address. This extension lets micromark try it only where the
// run of characters an address takes before its `@` (ASCII letters and digits, `+ - . _`) does end at an `@` in the
// text being parsed, which the construct needs in order to match: elsewhere micromark reads the word as data at once,
// and the text's resolver joins its data into the same tokens either way. Same trees (test/parse/micromark.test.ts).
// It applies only while the package's syntax file is the one it was written against (its SHA-256), as the pdfmake
// patches do; with any other, the construct is tried everywhere as the package has it.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Code, Construct, Extension, TokenizeContext} from 'micromark-util-types'
import type {Processor} from 'unified'

/**
 * SHA-256 of micromark-extension-gfm-autolink-literal 2.1.0's `lib/syntax.js`, and of `dev/lib/syntax.js`, the same
 * code with its assertions, which the `development` export condition (vitest's) loads instead.
 */
export const syntaxWrittenAgainst = [
  '2b45c68982c1f80daf125b709faba88803b131a0d710b0374dd309495a74efeb',
  'd965cd8b4c3825815ccf6b1f7ff52dd0932bcb46cadd87c73a5b982f8c376626'
]

/** The package file that remark-gfm's copy of the construct comes from, found the way Node.js finds it from remark-gfm. */
export function syntaxFile(): string {
  const from = (request: string, file: string) => createRequire(file).resolve(request)
  const gfm = from('micromark-extension-gfm', from('remark-gfm', import.meta.url))
  return path.join(path.dirname(from('micromark-extension-gfm-autolink-literal', gfm)), 'lib', 'syntax.js')
}

/** Whether the installed syntax file has one of the SHA-256 `expected`. */
export function syntaxMatches(expected = syntaxWrittenAgainst): boolean {
  try {
    return expected.includes(createHash('sha256').update(readFileSync(syntaxFile())).digest('hex'))
  } catch {
    return false
  }
}

/** Whether micromark tries the construct only before an `@`: read once, as the parse modules load (into the start-up snapshot too). */
export const lookingAheadForEmail = syntaxMatches()

/** The text being parsed, while `parseWithText` runs; micromark's offsets index it. */
let text: string | undefined

/** `parse(source)`, the construct knowing the text, so that it can look ahead in it. */
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
function withLookahead(extension: Extension): Extension {
  if (!extension.text) return extension
  let wrapped: Construct | undefined
  const text: NonNullable<Extension['text']> = {}
  for (const [code, constructs] of Object.entries(extension.text)) {
    const list = ([] as Construct[]).concat(constructs ?? [])
    text[code as unknown as number] = list.map((construct) =>
      construct.name === 'emailAutolink' && construct.previous ? (wrapped ??= lookingAhead(construct)) : construct
    )
  }
  return wrapped ? {...extension, text} : extension
}

/** The unified plugin; use it after remark-gfm, and parse with `parseWithText`. */
export function emailAutolinks(this: Processor): void {
  if (!lookingAheadForEmail) return
  const extensions = (this.data().micromarkExtensions ??= [])
  extensions.splice(0, extensions.length, ...extensions.map(withLookahead))
}
