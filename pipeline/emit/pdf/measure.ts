// Text widths in the PDF's font, to size table columns before pdfmake lays them out: each piece of text is laid out
// by fontkit as pdfkit lays it out (kerning and ligatures included), so widths are the ones pdfmake will find.
import {createRequire} from 'node:module'
import type {Font} from 'fontkit'
import type {FontFiles, Variant} from '../../fonts/index.js'

// pdfkit's own copy of fontkit (CommonJS), rather than a second one from its ES module build.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit')

export interface FontStyle {
  bold: boolean
  italics: boolean
}

/** A piece of text in one font style. */
export interface Run extends FontStyle {
  text: string
}

/** The widths of a text, in em of its font size. */
export interface TextWidths {
  /** The widest word: a run of characters between places a line may break. */
  longest: number
  /** The widest word not wider than the limit asked for. */
  word: number
  /** The widest line, every word of it on one line. */
  line: number
}

/**
 * Spaces a line may break at, as pdfmake's line breaker (Unicode line breaking) finds them: the space, tab, line
 * ends, the zero-width space and the other breaking spaces; not the no-break spaces (U+00A0, U+2007, U+202F).
 */
const breakingSpace = /[ \t\n\r\u200B\u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]/u
/** A text as words, each followed by the spaces after it (line ends apart). */
const pieces = new RegExp(`(\\n)|([^${breakingSpace.source.slice(1, -1)}]+)|(${breakingSpace.source})`, 'gu')

/** Whether `text` has a word of more than `length` characters; quick, as it runs over all the text of a report. */
export function hasWordLongerThan(text: string, length: number): boolean {
  if (text.length <= length) return false
  let run = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // Any character outside ASCII is looked at closely; UTF-16 units may count a character twice, never less.
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || (code > 0x7f && breakingSpace.test(text[index]!))) run = 0
    else if (++run > length) return true
  }
  return false
}

/** The most UTF-16 units of any word of `text`: with the widest glyph, a bound on its widest word without measuring. */
export function longestWordLength(text: string): number {
  let longest = 0
  let run = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || (code > 0x7f && breakingSpace.test(text[index]!))) run = 0
    else longest = Math.max(longest, ++run)
  }
  return longest
}

const variantOf = ({bold, italics}: FontStyle): Variant => (bold ? (italics ? 'bolditalics' : 'bold') : italics ? 'italics' : 'normal')

/** Pieces up to this long are measured once (labels and short words repeat). */
const remembered = 100

export class TextMeasure {
  private readonly fonts = new Map<Variant, Font>()
  private readonly widths = new Map<string, number>()

  constructor(private readonly files: FontFiles) {}

  /** The width of `text` in em, laid out in one piece in `style`. */
  private width(text: string, style: FontStyle): number {
    const variant = variantOf(style)
    const key = text.length <= remembered ? `${variant}\u0000${text}` : undefined
    const known = key === undefined ? undefined : this.widths.get(key)
    if (known !== undefined) return known
    let font = this.fonts.get(variant)
    if (!font) this.fonts.set(variant, (font = fontkit.openSync(this.files[variant]) as Font))
    const width = font.layout(text).advanceWidth / font.unitsPerEm
    if (key !== undefined) this.widths.set(key, width)
    return width
  }

  /**
   * `text` in lines of at most `maxWidth` em in `style`: cut after the last space that fits, else within a word,
   * never within a character.
   */
  lines(text: string, style: FontStyle, maxWidth: number): string[] {
    const lines: string[] = []
    let rest = text
    while (this.width(rest, style) > maxWidth) {
      const characters = Array.from(rest)
      // The most characters that fit, at least one.
      let low = 1
      let high = characters.length
      while (low < high) {
        const middle = Math.ceil((low + high) / 2)
        if (this.width(characters.slice(0, middle).join(''), style) <= maxWidth) low = middle
        else high = middle - 1
      }
      const start = characters.slice(0, low).join('')
      const space = start.lastIndexOf(' ')
      const line = space > 0 && rest[start.length] !== ' ' ? start.slice(0, space + 1) : start
      lines.push(line.trimEnd())
      rest = rest.slice(line.length).trimStart()
    }
    lines.push(rest)
    return lines
  }

  /** The widths of `runs` read as one text (a word may span runs); `limit` is the widest `word` counted, in em. */
  measure(runs: readonly Run[], limit = Infinity): TextWidths {
    const widths: TextWidths = {longest: 0, word: 0, line: 0}
    let line = 0
    let word = 0
    const endWord = () => {
      widths.longest = Math.max(widths.longest, word)
      if (word <= limit) widths.word = Math.max(widths.word, word)
      word = 0
    }
    for (const run of runs) {
      for (const [piece, newline, characters, space] of run.text.matchAll(pieces)) {
        if (characters) {
          const width = this.width(characters, run)
          word += width
          line += width
          continue
        }
        endWord()
        if (newline) {
          widths.line = Math.max(widths.line, line)
          line = 0
        } else if (space !== '\u200B') line += this.width(piece, run)
      }
    }
    endWord()
    widths.line = Math.max(widths.line, line)
    return widths
  }
}
