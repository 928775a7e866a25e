// pdfkit 0.19.1 draws each word pdfmake places (`doc.text(word, x, y, {lineBreak: false, …})`) through _text,
// _initOptions (a copy of the options), _line and _fragment: it lays the word out again (encode: a hex string per
// glyph, arrays concatenated per space), builds its TJ operator, writes eight operators one by one (`q`, a `cm` made
// by map and join, BT, Tm, Tf, TJ, ET, Q), then lays it out a third time for its width. For a word whose glyphs have
// no offsets, the TJ operator and the advance depend only on the font and the text: this draws such a word from a
// memo of both (per font object, so per document) and writes its operators in one call, the same text. Anything
// else a word may ask (a link, a rotation, word spacing, features, a line end, another kind of font…) goes to
// pdfkit's own method. Applied at run time only while pdfkit's methods are still exactly the ones this reproduces
// (their source's SHA-256); test/emit/pdf-word-drawing.test.ts fails when they no longer are, and checks the bytes.
import PDFDocument from 'pdfkit'
import {sourcesMatch} from './patch.js'

/** What this reads of pdfkit's EmbeddedFont. */
interface Font {
  id: string
  ascender: number
  encode(text: string, features?: unknown): [string[], Position[]]
  layout(text: string, features: unknown, onlyWidth: boolean): {advanceWidth: number}
  ref(): unknown
}
interface Position {
  xAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}
/** What this reads and writes of pdfkit's document. */
interface Document {
  x: number
  y: number
  _font: Font
  _fontSize: number
  _textOptions?: unknown
  page: {height: number; fonts: Record<string, unknown>}
  addContent(data: string): unknown
  text(text: unknown, x?: unknown, y?: unknown, options?: unknown): unknown
}
type Methods = Record<string, Function>

/** The SHA-256 of the source of each method whose work the fast path does, pdfkit 0.19.1. */
const documentSources: Record<string, string> = {
  text: '2b5f97c543a12a7fab31726164aad905405c922dc44f57a91de5523e5a54a86c',
  _text: 'a18ddac75b11e7bb5118f69d5cbb7c356d8692e6c20cf934649249bc608be861',
  _initOptions: 'ca88a5ac1a2dd22ce4d433a6859abb917ad93f26e89ae3205db5f2258fab2a25',
  _line: '1350fa53f5f53331a9f037be1378f731967ab41582c1664c2ced0d9fad875a9f',
  _fragment: '3582fda36bf1094e2d32ba43632ed9800c88041af73d8a2864b454df288c47be',
  widthOfString: '205cc1aacd07c512d56850e2d126d18b00d22dd5735b40e810d2fcfc33104e50',
  save: '1511f9cc6ffcc7f44d70468e2e1fea770912fb65783839a331974f65f6ccc015',
  restore: 'd48f8d8c29208f2f3bd7687a86e59e5ad508209441627a36be06c97659aad53e',
  transform: '5ec9c758f85050d488149374a8d2eb2a2afb2a4ad7b9364a37fd0b3d48833ef8'
}
/** The same for the font's methods: only an EmbeddedFont whose methods match is drawn from the memo. */
const fontSources: Record<string, string> = {
  encode: '8829b1a80749bb7b54fec7a9b34cb9beb5a27f3418d86ff7352238b2604fca87',
  layout: '1bf021e3cd3ce4ae6282962e0eed695993014f2c2caa2a17659fba594ec61d07',
  widthOfString: '0dc66ac40029d181fd54ca18cfaab13eaef0dab8adcabeb10b2f69e5fd4cd43a'
}

const prototype = PDFDocument.prototype as unknown as Document
const original = prototype.text

/** pdfkit's PDFObject.number (not exported): a number as pdfkit writes it. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6
  throw new Error(`unsupported number: ${n}`)
}

/** A word as pdfkit would draw it in one font: its operators from the TJ to the end, and its advance (1000/em). */
interface Drawn {
  tail: string
  advance: number
}

/** The options pdfmake gives a word that the fast path draws as pdfkit does (others, and a `link`, go to pdfkit). */
const plain = new Set(['lineBreak', 'textWidth', 'characterSpacing', 'wordCount', 'link'])

/** A font's words drawn so far (undefined: not drawable here), and its Tm's end and Tf operator by size. */
interface Memo {
  words: Map<string, Drawn | undefined>
  sizes: Map<number, string>
}
/** Per font object: null when its methods are not those reproduced. */
const memos = new WeakMap<Font, Memo | null>()
const fontMatches = new WeakMap<object, boolean>()
/** By page height: the operators from `q` to the Tm's coordinates. */
const flips = new Map<number, string>()

function memoOf(font: Font): Memo | null {
  let memo = memos.get(font)
  if (memo === undefined) {
    const fontPrototype = Object.getPrototypeOf(font) as Methods
    let matches = fontMatches.get(fontPrototype)
    if (matches === undefined) {
      matches = sourcesMatch(fontSources, (name) => fontPrototype[name])
      fontMatches.set(fontPrototype, matches)
    }
    memos.set(font, (memo = matches ? {words: new Map(), sizes: new Map()} : null))
  }
  return memo
}

/** `text` laid out by the font as _fragment lays it out, its TJ operator built as _fragment builds it. */
function drawn(font: Font, text: string): Drawn | undefined {
  const [encoded, positions] = font.encode(text, undefined)
  const commands: string[] = []
  let last = 0
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('')
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth
      commands.push(`<${hex}> ${number(-advance)}`)
    }
    last = cur
  }
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!
    // An offset glyph is placed by its own Tm at a position that depends on where the word is.
    if (position.xOffset || position.yOffset) return undefined
    if (position.xAdvance - position.advanceWidth !== 0) addSegment(i + 1)
  }
  addSegment(positions.length)
  const tail = commands.length > 0 ? `\n[${commands.join(' ')}] TJ\nET\nQ` : '\nET\nQ'
  return {tail, advance: font.layout(text, undefined, true).advanceWidth}
}

/** Whether the fast path draws this call as pdfkit would. */
function simple(document: Document, text: unknown, x: unknown, y: unknown, options: unknown): options is {characterSpacing?: number} {
  if (typeof text !== 'string' || text.length === 0 || text.includes('\n') || document._textOptions) return false
  if (typeof x !== 'number' || typeof y !== 'number' || typeof options !== 'object' || options === null) return false
  const given = options as Record<string, unknown>
  // pdfkit copies only the options' own properties: an object that may inherit some (not a plain one) goes to it.
  const kind = Object.getPrototypeOf(given) as unknown
  if (kind !== Object.prototype && kind !== null) return false
  if (given.lineBreak !== false || given.link != null) return false
  for (const key in given) if (!plain.has(key)) return false
  return true
}

function text(this: Document, text: unknown, x?: unknown, y?: unknown, options?: unknown): unknown {
  const memo = this._font && memoOf(this._font)
  if (!memo || !simple(this, text, x, y, options)) return original.call(this, text, x, y, options)
  let word = memo.words.get(text as string)
  if (word === undefined && !memo.words.has(text as string)) memo.words.set(text as string, (word = drawn(this._font, text as string)))
  if (word === undefined) return original.call(this, text, x, y, options)
  const string = text as string
  // _initOptions
  this.x = x as number
  this.y = y as number
  // _fragment (left aligned, default baseline, no spacing but the characters'): save, flip, draw, restore. The
  // transform's change of the matrix is undone by the restore, which leaves it as it was.
  const characterSpacing = options.characterSpacing || 0
  const dy = (this._font.ascender / 1000) * this._fontSize
  const height = this.page.height
  const top = height - (y as number) - dy
  if (this.page.fonts[this._font.id] == null) this.page.fonts[this._font.id] = this._font.ref()
  let flip = flips.get(height)
  if (flip === undefined) flips.set(height, (flip = `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 `))
  let size = memo.sizes.get(this._fontSize)
  if (size === undefined) memo.sizes.set(this._fontSize, (size = ` Tm\n/${this._font.id} ${number(this._fontSize)} Tf`))
  const spacing = characterSpacing ? `\n${number(characterSpacing)} Tc` : ''
  this.addContent(`${flip}${number(x as number)} ${number(top)}${size}${spacing}${word.tail}`)
  // _line: the pen moves by the word's width (EmbeddedFont.widthOfString, then the document's).
  this.x += ((word.advance * (this._fontSize / 1000) + characterSpacing * (string.length - 1)) * 100) / 100
  return this
}

/** Whether pdfkit's methods are those this module reproduces. */
export const matches = (): boolean => sourcesMatch(documentSources, (name) => (name === 'text' ? original : (prototype as unknown as Methods)[name]))

/** Draw plain words from the memo (when pdfkit's methods match), or every word through pdfkit's own methods. */
export function useWordDrawing(on: boolean): void {
  prototype.text = on && matches() ? text : original
}
