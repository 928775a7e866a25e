// The fast shaper: pdfkit lays out every distinct word with fontkit's full OpenType engine (about 0.1 ms a word).
// For a word of characters the font file's table covers (pipeline/fonts/<family>-shaping.ts, measured with fontkit
// by `npm run fonts`) and no unsafe pair (a ligature such as `fi`, or any other substitution), the glyphs, advances
// and kerning fontkit would give are read from the table instead. A font whose file's SHA-256 no table has, any
// other word, and any layout with OpenType features go to fontkit. test/fonts/shaping.test.ts compares both.
import {readFile} from 'node:fs/promises'
import PDFDocument from 'pdfkit'
import {shapingTables, type FontFiles, type ShapingTable} from '../../fonts/index.js'
import {fontChecksum} from './checksum.js'

/** What pdfkit's EmbeddedFont reads of a fontkit font and of its glyphs. */
export interface FontkitGlyph {
  id: number
  advanceWidth: number
  codePoints: number[]
}
export interface FontkitFont {
  stream: {buffer: Uint8Array}
  getGlyph(id: number, codePoints: number[]): FontkitGlyph
}
/** A glyph's place in a run, in pdfkit's units (1000 per em), as pdfkit's `layoutRun` returns it. */
export interface Position {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}
export interface Run {
  glyphs: FontkitGlyph[]
  positions: Position[]
  advanceWidth: number
}

const numbers = (list: string) => (list ? list.split(',').map(Number) : [])

/** One font file's table, ready to look up: code point → index, pair of indexes → kerning or unsafe. */
export class Shaper {
  private readonly index: Int32Array
  private readonly common: boolean[]
  private readonly glyphIds: number[]
  private readonly advances: number[]
  private readonly count: number
  /** Per script (0 Latin, 1 Common only): kerning of `first * count + second`, NaN when unsafe. */
  private readonly pairs: Map<number, number>[]

  constructor(table: ShapingTable) {
    const codes = numbers(table.codes)
    this.count = codes.length
    this.index = new Int32Array(Math.max(0, ...codes) + 1).fill(-1)
    codes.forEach((code, index) => (this.index[code] = index))
    this.common = Array.from(table.common, (flag) => flag === '1')
    this.glyphIds = numbers(table.glyphs)
    this.advances = numbers(table.advances)
    this.pairs = (['latn', 'zzzz'] as const).map((script) => {
      const pairs = new Map<number, number>()
      const {kerning, unsafe} = table.pairs[script]
      const triples = numbers(kerning)
      for (let at = 0; at < triples.length; at += 3) pairs.set(triples[at]! * this.count + triples[at + 1]!, triples[at + 2]!)
      const doubles = numbers(unsafe)
      for (let at = 0; at < doubles.length; at += 2) pairs.set(doubles[at]! * this.count + doubles[at + 1]!, NaN)
      return pairs
    })
  }

  /** `text` laid out as fontkit would, scaled as pdfkit scales it; undefined when fontkit must do it. */
  run(font: FontkitFont, text: string, scale: number): Run | undefined {
    const indexes: number[] = []
    let latin = false
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      const index = code < this.index.length ? this.index[code]! : -1
      if (index < 0) return undefined
      if (!this.common[index]) latin = true
      indexes.push(index)
    }
    // fontkit's script for a word: Latin when any character is of another script than Common (tables hold no other).
    const pairs = this.pairs[latin ? 0 : 1]!
    const glyphs: FontkitGlyph[] = []
    const positions: Position[] = []
    let advanceWidth = 0
    for (let at = 0; at < indexes.length; at++) {
      const index = indexes[at]!
      const next = indexes[at + 1]
      const kerning = next === undefined ? 0 : (pairs.get(index * this.count + next) ?? 0)
      if (Number.isNaN(kerning)) return undefined
      const advance = this.advances[index]!
      // Exactly fontkit's glyph (its cache, its code points) and pdfkit's arithmetic on its positions.
      glyphs.push(font.getGlyph(this.glyphIds[index]!, [text.charCodeAt(at)]))
      const xAdvance = (advance + kerning) * scale
      positions.push({xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance * scale})
      advanceWidth += xAdvance
    }
    return {glyphs, positions, advanceWidth}
  }
}

/** The shaper of each font file by SHA-256, for the files of the families in use. */
const shapers = new Map<string, Shaper>()
/** The shaper (or none) of each fontkit font pdfkit opened: one per document and file. */
const fontShapers = new WeakMap<FontkitFont, Shaper | null>()
let enabled = true

/** The shaper of a font pdfkit opened, by the checksum of its bytes; null when no prepared table matches. */
export function shaperOf(font: FontkitFont): Shaper | null {
  let shaper = fontShapers.get(font)
  if (shaper === undefined) fontShapers.set(font, (shaper = shapers.get(fontChecksum(font.stream.buffer)) ?? null))
  return shaper
}

interface EmbeddedFont {
  font: FontkitFont
  scale: number
  layoutRun(text: string, features?: unknown): Run
}

let installed = false

/**
 * Make pdfkit's EmbeddedFont lay out through the fast shaper (once per process). pdfkit exports only its document,
 * so the class is taken from a font a throwaway document opens.
 */
function install(file: string): void {
  if (installed) return
  installed = true
  const embedded = (new PDFDocument({autoFirstPage: false}).font(file) as unknown as {_font: EmbeddedFont})._font
  const prototype = Object.getPrototypeOf(embedded) as EmbeddedFont
  const layoutRun = prototype.layoutRun
  prototype.layoutRun = function (this: EmbeddedFont, text, features) {
    if (enabled && features === undefined) {
      const run = shaperOf(this.font)?.run(this.font, text, this.scale)
      if (run) return run
    }
    return layoutRun.call(this, text, features)
  }
}

/**
 * Ready the fast shaper for `family`'s files: load the family's tables, keep those whose checksum is a file's
 * (a changed file keeps fontkit), and hook pdfkit. Call before rendering.
 */
export async function prepareShaper(family: string, files: FontFiles): Promise<void> {
  const load = shapingTables[family]
  if (!load) return
  const tables = new Map((await load()).map((table) => [table.sha256, table]))
  for (const file of Object.values(files)) {
    // A file that cannot be read is pdfmake's to report.
    const bytes = await readFile(file).catch(() => undefined)
    if (!bytes) continue
    const checksum = fontChecksum(bytes)
    const table = tables.get(checksum)
    if (table && !shapers.has(checksum)) shapers.set(checksum, new Shaper(table))
  }
  install(files.normal)
}

/** Turn the fast shaper off and on (the tests compare its bytes with fontkit's). */
export function useFastShaper(on: boolean): void {
  enabled = on
}
