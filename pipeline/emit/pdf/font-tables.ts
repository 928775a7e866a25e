// Font tables decoded once. pdfkit opens each font file anew for every document, and TextMeasure opens it again,
// and fontkit decodes every table it is asked for anew in each: DejaVu Sans's `post` table (about 6,000 glyph names,
// read only for the italic angle) alone is ~20 ms a file, then `loca`, GSUB, GPOS… Here the tables below are
// decoded once per file content (SHA-256 of its bytes) and given to every font opened from the same bytes. Only the
// decoded tables are shared: each font keeps its own glyph cache, layout engine, subset and stream (a whole fontkit
// font shared between documents changed their ToUnicode maps, issue 13). A start-up snapshot that rendered a report
// holds the package fonts' tables; a file with other bytes has another checksum and is decoded anew.
// test/emit/pdf-font-tables.test.ts checks the PDF bytes with and without, documents in either order.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fontChecksum} from './checksum.js'

// pdfkit's own copy of fontkit (CommonJS), as measure.ts takes it.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit')

/**
 * The tables worth sharing (the others cost little to decode), each only read once decoded: fontkit's subset (the
 * font pdfkit embeds) makes its own `loca`, writes `prep` as it is, and clones the tables it changes.
 */
const sharedTags = new Set(['post', 'loca', 'name', 'prep', 'GSUB', 'GPOS', 'GDEF'])

interface DirectoryEntry {
  tag: string
}
/** What this module reads of fontkit's TTFFont (and of the formats built on it). */
interface FontkitFont {
  stream: {buffer: Uint8Array}
  _decodeTable(table: DirectoryEntry): unknown
}

/** Decoded tables by `checksum tag`. */
const decoded = new Map<string, unknown>()
const checksums = new WeakMap<FontkitFont, string>()
let enabled = true
let installed = false

function checksumOf(font: FontkitFont): string {
  let checksum = checksums.get(font)
  if (checksum === undefined) checksums.set(font, (checksum = fontChecksum(font.stream.buffer)))
  return checksum
}

/**
 * Make fontkit decode the shared tables once per file content (once per process). fontkit exports no font class,
 * so its base class is found from a font opened from `file`: the last prototype that decodes tables itself.
 */
export function shareFontTables(file: string): void {
  if (installed) return
  installed = true
  let prototype = Object.getPrototypeOf(fontkit.create(readFileSync(file))) as FontkitFont | null
  let base: FontkitFont | undefined
  for (; prototype; prototype = Object.getPrototypeOf(prototype) as FontkitFont | null) {
    if (Object.hasOwn(prototype, '_decodeTable')) base = prototype
  }
  if (!base) return
  const decodeTable = base._decodeTable
  base._decodeTable = function (this: FontkitFont, table) {
    if (!enabled || !sharedTags.has(table.tag)) return decodeTable.call(this, table)
    const key = `${checksumOf(this)} ${table.tag}`
    if (decoded.has(key)) return decoded.get(key)
    const value = decodeTable.call(this, table)
    decoded.set(key, value)
    return value
  }
}

/** Share decoded tables or not (the tests compare the bytes both ways); off also forgets those decoded. */
export function useSharedFontTables(on: boolean): void {
  enabled = on
  if (!on) decoded.clear()
}

/** How many decoded tables are kept. */
export const sharedTables = (): number => decoded.size
