// Plain text of model content, for cells, messages and search.
import type {Block, Inline} from './model.js'

/**
 * Runs as plain text that still says what formatting alone would say: struck text between `~~`, as written, and a
 * link's address in brackets after its text, unless the text is the address (as in a field value).
 */
export function inlineText(content: readonly Inline[]): string {
  let text = ''
  content.forEach((run, index) => {
    const struck = run.strike && !content[index - 1]?.strike
    text += (struck ? '~~' : '') + run.text
    if (run.strike && !content[index + 1]?.strike) text += '~~'
    if (run.link === undefined || content[index + 1]?.link === run.link) return
    let start = index
    while (content[start - 1]?.link === run.link) start--
    const linked = content.slice(start, index + 1).map((part) => part.text).join('')
    if (bareAddress(run.link) !== bareAddress(linked)) text += ` (${run.link.replace(/^mailto:/i, '')})`
  })
  return text
}

/** An address without its scheme and final slash, to compare a link's text with its address. */
export const bareAddress = (address: string) => address.trim().replace(/^(?:mailto:|https?:\/\/)/i, '').replace(/\/$/, '')

/** Blocks as plain text: one paragraph a line, list items as `- `, `1. ` or `1) ` lines. */
export function blocksText(blocks: readonly Block[], indent = ''): string {
  const lines: string[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        lines.push(indent + inlineText(block.content))
        break
      case 'code':
        for (const line of block.text.split('\n')) lines.push(indent + line)
        break
      case 'rule':
        break
      case 'table':
        for (const row of [block.header, ...block.rows]) lines.push(indent + row.map(inlineText).join(' | '))
        break
      case 'quote':
        lines.push(blocksText(block.children, indent + '> '))
        break
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${(block.start ?? 1) + index}${block.delimiter ?? '.'} ` : '- '
          const text = blocksText(item, indent + ' '.repeat(marker.length))
          lines.push(indent + marker + text.slice(indent.length + marker.length))
        })
        break
    }
  }
  return lines.join('\n')
}

/**
 * Runs of white space, line ends included, as one space; no space at either end. No-break spaces are kept as written
 * (`1\u00A0200\u00A0000\u00A0€`, `Budget\u202F:`): they keep words together on a line.
 */
export const collapseWhitespace = (text: string) => text.replace(/[^\S\u00A0\u2007\u202F]+/g, ' ').trim()

/** `1 file`, `2 files`: a count with its noun in English, for the command line's own lines. */
export const counted = (n: number, noun: string, nouns = `${noun}s`) => `${n} ${n === 1 ? noun : nouns}`

/** A slug of a title: lower case letters and digits, joined by hyphens. */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/([a-z])\p{M}+/giu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** `U+200B`: a character's code point as Unicode writes it. */
export const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * Characters nobody sees: controls, format characters (direction marks, zero-width spaces…), line and paragraph
 * separators and Unicode's other default-ignorable code points.
 */
const unseen = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu

/** `text` with every character nobody sees written as its code point, `<U+200B>`: for messages and terminals. */
export const visible = (text: string) => text.replace(unseen, (character) => `<${codePoint(character)}>`)

/** What Markdown reads as markup inside a line (emphasis, code, HTML, strikethrough, links, entities): escaped. */
const inlineMarkup = /[\\`*_<~]|\](?=\()|&(?=#?\w+;)/g
/** The same in a GFM table cell, where `|` ends the cell. */
const cellMarkup = /[\\`*_<~|]|\](?=\()|&(?=#?\w+;)/g

/** Where GFM links a web address as written, up to the next white space: `http://`, `https://`, `www.`, any case. */
const addressStart = /https?:\/\/|www\./iu
/** What an autolink `<…>` cannot hold, and `|`, which a table cell cannot. */
const autolinkEnd = /[<>|\p{Cc}]/u
/** Punctuation GFM leaves out of an address it links, at the address's end. */
const trailing = `!"'*,.:;?_~]`

const count = (text: string, character: string) => text.split(character).length - 1

/** The length of `address` GFM links: without trailing punctuation, a character reference or an unmatched `)`. */
function linkedLength(address: string): number {
  let end = address.length
  let unmatched = count(address, ')') - count(address, '(')
  while (end > 0) {
    const last = address[end - 1]!
    if (last === ';') {
      let start = end - 1
      while (start > 0 && /[A-Za-z]/.test(address[start - 1]!)) start--
      end = start < end - 1 && address[start - 1] === '&' ? start - 1 : end - 1
    } else if (trailing.includes(last)) end--
    else if (last === ')' && unmatched > 0) {
      end--
      unmatched--
    } else break
  }
  return end
}

/**
 * A run of text without white space, escaped. GFM reads no escape inside a web address it links as written (up to
 * the white space), so an address whose rest of the run needs none stays as written; else `https://…` becomes an
 * autolink `<https://…>` (as far as GFM would link it), inside which nothing is markup, and `www.…` gets its first dot
 * escaped, so that only the text once read is linked (by remark's pass over text). Each character is looked at a
 * bounded number of times, however many addresses the run holds.
 */
function escapedRun(run: string, markup: RegExp): string {
  const escape = (piece: string) => piece.replace(markup, '\\$&')
  let lastMarkup = -1
  for (const found of run.matchAll(markup)) lastMarkup = found.index
  const starts = new RegExp(addressStart, 'giu')
  const ends = new RegExp(autolinkEnd, 'gu')
  let written = ''
  let from = 0
  for (let found = starts.exec(run); found; found = starts.exec(run)) {
    written += escape(run.slice(from, found.index))
    if (lastMarkup < found.index) return written + run.slice(found.index)
    const scheme = found.index + found[0].length
    if (/^w/i.test(found[0])) {
      written += `${found[0].slice(0, 3)}\\.`
      from = scheme
    } else {
      ends.lastIndex = scheme
      const end = found.index + linkedLength(run.slice(found.index, ends.exec(run)?.index ?? run.length))
      written += end > scheme ? `<${run.slice(found.index, end)}>` : found[0]
      from = Math.max(end, scheme)
    }
    starts.lastIndex = from
  }
  return written + escape(run.slice(from))
}

/** `text` escaped, each run of it without white space that holds a web address by `escapedRun`. */
function escapedText(text: string, markup: RegExp): string {
  if (!addressStart.test(text)) return text.replace(markup, '\\$&')
  return text.replace(/\S+/gu, (run) => (addressStart.test(run) ? escapedRun(run, markup) : run.replace(markup, '\\$&')))
}

/** Text as Markdown shows it inside a line: markup escaped, web addresses written so that they come back as written. */
export const markdownInline = (text: string) => escapedText(text, inlineMarkup)

/**
 * Text as Markdown shows it as a line of its own (a paragraph, a list item's text): `markdownInline`, and its start
 * escaped where it would begin another block: a heading, quote, list item, rule, or a link or footnote definition
 * (`[1]: https://…`, `[^a]: …`). Code fences and HTML are escaped by `markdownInline` already.
 */
export const markdownLine = (text: string) =>
  markdownInline(text)
    .replace(/^[#>+\[-]/u, '\\$&')
    .replace(/^(\d+)([.)])/u, '$1\\$2')

/** Text as a Markdown (GFM) table cell shows it: escaped inside the line, pipes too, line ends as spaces. */
export function markdownCell(text: string): string {
  const lines = text.split('\n')
  return escapedText(lines.length > 1 ? lines.map((line) => line.trim()).join(' ') : text, cellMarkup)
}
