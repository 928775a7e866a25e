// Text widths in the PDF's font, to size table columns before pdfmake lays them out. Quick widths are upper bounds:
// each glyph's advance plus the most kerning adds between two glyphs (ligatures and marks only narrow text, and
// sources are NFC, so nothing composes into a wider glyph). Where
// the exact width decides, the words that may be the widest are laid out by fontkit as pdfkit lays them out.
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

/** A word as its pieces in each run it spans. */
type Word = Run[]

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

/** Pieces up to this long are laid out once (labels and short words repeat). */
const remembered = 100
/** Text is laid out in pieces of at most this many UTF-16 units. */
const longestLaidOut = 1000

export class TextMeasure {
  private readonly fonts = new Map<Variant, Font>()
  private readonly advances = new Map<Variant, Map<number, number>>()
  private readonly exactWidths = new Map<string, number>()

  /** `widestKerning`: the most, in em, kerning adds between two glyphs (the font table's). */
  constructor(
    private readonly files: FontFiles,
    private readonly widestKerning: number
  ) {}

  private font(variant: Variant): Font {
    let font = this.fonts.get(variant)
    if (!font) this.fonts.set(variant, (font = fontkit.openSync(this.files[variant]) as Font))
    return font
  }

  /** The advance of a character in em. */
  private advance(code: number, variant: Variant): number {
    let advances = this.advances.get(variant)
    if (!advances) this.advances.set(variant, (advances = new Map()))
    let advance = advances.get(code)
    if (advance === undefined) {
      const font = this.font(variant)
      advances.set(code, (advance = font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm))
    }
    return advance
  }

  /** An upper bound of the width of `text` in em in `style`, set in one piece: quick. */
  private bound(text: string, style: FontStyle): number {
    const variant = variantOf(style)
    let width = 0
    let characters = 0
    for (const character of text) {
      width += this.advance(character.codePointAt(0)!, variant)
      characters++
    }
    return width + this.widestKerning * Math.max(0, characters - 1)
  }

  /** The width of `text` in em, laid out in one piece in `style`. */
  private exact(text: string, style: FontStyle): number {
    const variant = variantOf(style)
    const key = text.length <= remembered ? `${variant}\u0000${text}` : undefined
    const known = key === undefined ? undefined : this.exactWidths.get(key)
    if (known !== undefined) return known
    const font = this.font(variant)
    let width = 0
    // A long word is laid out in pieces, so that time and memory stay linear in its length (kerning between pieces
    // is left out: such a word is wider than any line and broken anyway).
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + longestLaidOut, text.length)
      // Never between the two halves of a character.
      if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--
      width += font.layout(text.slice(start, end)).advanceWidth / font.unitsPerEm
      start = end
    }
    if (key !== undefined) this.exactWidths.set(key, width)
    return width
  }

  /** The words of `runs` read as one text (a word may span runs), and the white space between them, in order. */
  private *words(runs: readonly Run[]): Generator<{word: Word} | {space: Run; newline: boolean}> {
    let word: Word = []
    for (const run of runs) {
      for (const [piece, newline, characters] of run.text.matchAll(pieces)) {
        if (characters) {
          word.push({...run, text: characters})
          continue
        }
        if (word.length > 0) yield {word}
        word = []
        yield {space: {...run, text: piece}, newline: Boolean(newline)}
      }
    }
    if (word.length > 0) yield {word}
  }

  /** Upper bounds of the widths of `runs`, in em; `limit` is the widest `word` counted. */
  measure(runs: readonly Run[], limit = Infinity): TextWidths {
    const widths: TextWidths = {longest: 0, word: 0, line: 0}
    let line = 0
    for (const item of this.words(runs)) {
      if ('word' in item) {
        const width = item.word.reduce((sum, piece) => sum + this.bound(piece.text, piece), 0)
        widths.longest = Math.max(widths.longest, width)
        if (width <= limit) widths.word = Math.max(widths.word, width)
        line += width
      } else if (item.newline) {
        widths.line = Math.max(widths.line, line)
        line = 0
      } else if (item.space.text !== '\u200B') line += this.bound(item.space.text, item.space)
    }
    widths.line = Math.max(widths.line, line)
    return widths
  }

  /**
   * The exact width, in points, of the widest word of any of `texts`, each at its font size: only words whose upper
   * bound exceeds the widest found so far are laid out.
   */
  longest(texts: readonly {runs: readonly Run[]; size: number}[]): number {
    const bounded = texts.flatMap(({runs, size}) =>
      [...this.words(runs)].flatMap((item) =>
        'word' in item ? [{word: item.word, size, bound: item.word.reduce((sum, piece) => sum + this.bound(piece.text, piece), 0) * size}] : []
      )
    )
    bounded.sort((a, b) => b.bound - a.bound)
    let widest = 0
    for (const {word, size, bound} of bounded) {
      if (bound <= widest) break
      widest = Math.max(widest, word.reduce((sum, piece) => sum + this.exact(piece.text, piece), 0) * size)
    }
    return widest
  }

  /**
   * `text` in lines of at most `maxWidth` em in `style`: cut after the last space that fits, else within a word,
   * never within a character.
   */
  lines(text: string, style: FontStyle, maxWidth: number): string[] {
    const fits = (piece: string) => this.bound(piece, style) <= maxWidth || this.exact(piece, style) <= maxWidth
    const lines: string[] = []
    let rest = text
    while (!fits(rest)) {
      const characters = Array.from(rest)
      // The most characters that fit, at least one.
      let low = 1
      let high = characters.length
      while (low < high) {
        const middle = Math.ceil((low + high) / 2)
        if (fits(characters.slice(0, middle).join(''))) low = middle
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
}
