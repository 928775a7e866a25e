// The PDF's fonts: the families art67 can print with, where their files are, and which characters each draws.
// Nothing here opens a font: check must stay fast, so coverage and metrics are static tables (`npm run fonts`
// regenerates them from the files, and test/fonts checks them code point by code point).
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {table as dejavuSans} from './dejavusans.js'
import {table as roboto} from './roboto.js'

/** What art67 knows of a family without opening it. */
export interface FontTable {
  /** The code points every variant draws, as sorted inclusive ranges. */
  coverage: ReadonlyArray<readonly [number, number]>
  /** The height of a line per point of font size, as pdfmake lays it out: (ascent − descent) / units per em. */
  lineHeight: number
  /** The widest advance of any glyph every variant draws, in em (of any variant): no character is wider. */
  widestGlyph: number
  /** The widest advance of a digit in any variant, in em; `.` and the space are narrower. */
  widestDigit: number
  /** The most kerning adds between two glyphs in any variant, in em (the largest pair adjustment of its GPOS table). */
  widestKerning: number
}

/**
 * The fast shaper's tables of one font file (`npm run fonts`, scripts/shaping.mjs): its SHA-256; the code points it
 * shapes, whether each is of the Common script, their glyph ids and advances (font units), as comma lists in one
 * order; and per script fontkit may detect ('latn', or 'zzzz' for Common characters only) the pairs of those code
 * points (indexes in that order) it kerns, as `first,second,kerning` triples, and the unsafe ones, as `first,second`.
 */
export interface ShapingTable {
  sha256: string
  codes: string
  common: string
  glyphs: string
  advances: string
  pairs: Record<'latn' | 'zzzz', {kerning: string; unsafe: string}>
}

/** The shaping tables of each family's four files, loaded only by the PDF stage. */
export const shapingTables: Readonly<Record<string, () => Promise<ShapingTable[]>>> = {
  DejaVuSans: async () => (await import('./dejavusans-shaping.js')).shaping,
  Roboto: async () => (await import('./roboto-shaping.js')).shaping
}

/** The families styles.json may choose, by the name it gives them. */
export const fontTables: Readonly<Record<string, FontTable>> = {DejaVuSans: dejavuSans, Roboto: roboto}

export const variants = ['normal', 'bold', 'italics', 'bolditalics'] as const
export type Variant = (typeof variants)[number]

/** A family as styles.json gives it: an npm package and the path of each variant's file inside it. */
export type FontSource = {package: string} & Record<Variant, string>
export type FontFiles = Record<Variant, string>

const require = createRequire(import.meta.url)

/** The folder of an installed package, or undefined when it is not installed. */
export function packageDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${name}/package.json`))
  } catch {
    return undefined
  }
}

/** Where each variant's file is; `missing` names what is not there (the package, or a file). */
export function locateFont(source: FontSource): {files: FontFiles; missing: string[]} {
  const dir = packageDir(source.package)
  const files = Object.fromEntries(variants.map((variant) => [variant, path.join(dir ?? source.package, source[variant])])) as FontFiles
  const missing = dir === undefined ? [source.package] : variants.map((variant) => files[variant]).filter((file) => !existsSync(file))
  return {files, missing}
}

/** Printed instead of a character the font cannot draw, so that nothing turns silently blank. */
export const placeholder = '?'

type Json = string | number | boolean | null | undefined | Json[] | {[key: string]: Json}

/** Which characters one family draws in every variant. */
export class Glyphs {
  constructor(private readonly coverage: FontTable['coverage']) {}

  /** Whether every variant draws a code point; tab and line ends count as drawable white space. */
  drawable(code: number): boolean {
    if (code === 0x09 || code === 0x0a || code === 0x0d) return true
    let low = 0
    let high = this.coverage.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const [first, last] = this.coverage[middle]!
      if (code < first) high = middle - 1
      else if (code > last) low = middle + 1
      else return true
    }
    return false
  }

  /** Per UTF-16 unit outside the surrogates: 0 not yet known, 1 drawn, 2 not drawn. */
  private readonly units = new Uint8Array(0x10000)

  /** Whether every character of `text` is drawn, a unit at a time: quick, as it runs over every text of a report. */
  private drawsAll(text: string): boolean {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code >= 0xd800 && code <= 0xdfff) return false
      let known = this.units[code]!
      if (known === 0) this.units[code] = known = this.drawable(code) ? 1 : 2
      if (known === 2) return false
    }
    return true
  }

  /** The distinct characters of `text` the font cannot draw, in order of first appearance. */
  undrawable(text: string): string[] {
    if (this.drawsAll(text)) return []
    const missing = new Set<string>()
    for (const character of text) if (!this.drawable(character.codePointAt(0)!)) missing.add(character)
    return [...missing]
  }

  /**
   * `value` with every character the font cannot draw replaced by the placeholder, so the PDF never shows blank
   * text. A link's address is not printed, so it is kept as written.
   */
  printable<T>(value: T): T {
    const replace = (text: string) => Array.from(text, (character) => (this.drawable(character.codePointAt(0)!) ? character : placeholder)).join('')
    const map = (item: Json): Json => {
      if (typeof item === 'string') return this.undrawable(item).length === 0 ? item : replace(item)
      if (Array.isArray(item)) return item.map(map)
      if (item && typeof item === 'object') {
        return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, key === 'link' ? inner : map(inner)]))
      }
      return item
    }
    return map(value as Json) as T
  }
}

const glyphs = new Map<string, Glyphs>()

/** The glyphs of a family of `fontTables` (templates.ts checks that styles.json names one). */
export function glyphsOf(family: string): Glyphs {
  const table = fontTables[family]
  if (!table) throw new Error(`No font table for ${family}`)
  let known = glyphs.get(family)
  if (!known) glyphs.set(family, (known = new Glyphs(table.coverage)))
  return known
}
