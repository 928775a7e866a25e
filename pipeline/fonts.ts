// The PDF's fonts: Roboto as pdfmake ships it, and which characters it can draw.
import {createRequire} from 'node:module'
import path from 'node:path'

const robotoDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build/fonts/Roboto')

/** The font files of each style, as pdfmake's font descriptor wants them. */
export const roboto = {
  normal: path.join(robotoDir, 'Roboto-Regular.ttf'),
  bold: path.join(robotoDir, 'Roboto-Medium.ttf'),
  italics: path.join(robotoDir, 'Roboto-Italic.ttf'),
  bolditalics: path.join(robotoDir, 'Roboto-MediumItalic.ttf')
}

/** Printed instead of a character no font style can draw, so that nothing turns silently blank. */
export const placeholder = '?'

// Roboto draws all of these (checked in test/fonts.test.ts): most reports never need to open the font files.
const common = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x20ac])
export const surelyDrawable = (code: number) =>
  code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0x17f) || common.has(code)

let coverage: Promise<(code: number) => boolean> | undefined

/** Whether every Roboto style has a glyph for a code point; fontkit is loaded only on first need. */
export function fontCoverage(): Promise<(code: number) => boolean> {
  coverage ??= import('fontkit').then((fontkit) => {
    const fonts = Object.values(roboto).map((file) => fontkit.openSync(file))
    return (code: number) =>
      surelyDrawable(code) || fonts.every((font) => "hasGlyphForCodePoint" in font && font.hasGlyphForCodePoint(code))
  })
  return coverage
}

/** The distinct characters of `text` the fonts cannot draw, in order of first appearance. */
export async function undrawable(text: string): Promise<string[]> {
  const strange = new Set<string>()
  for (const character of text) if (!surelyDrawable(character.codePointAt(0)!)) strange.add(character)
  if (strange.size === 0) return []
  const drawable = await fontCoverage()
  return [...strange].filter((character) => !drawable(character.codePointAt(0)!))
}

type Json = string | number | boolean | null | undefined | Json[] | {[key: string]: Json}

function strings(value: unknown, found: string[]): string[] {
  if (typeof value === 'string') found.push(value)
  else if (Array.isArray(value)) for (const item of value) strings(item, found)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, found)
  return found
}

function mapStrings(value: Json, map: (text: string) => string): Json {
  if (typeof value === 'string') return map(value)
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map))
  if (value && typeof value === 'object') {
    // A link's address is not printed: keep it as written.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'link' ? item : mapStrings(item, map)]))
  }
  return value
}

/**
 * `value` with every character no font style can draw replaced by the placeholder, so the PDF never shows
 * blank text. Values that need no change are returned as they are, without opening the fonts.
 */
export async function printable<T>(value: T): Promise<T> {
  const needsCheck = strings(value, []).some((text) => {
    for (const character of text) if (!surelyDrawable(character.codePointAt(0)!)) return true
    return false
  })
  if (!needsCheck) return value
  const drawable = await fontCoverage()
  const replace = (text: string) =>
    Array.from(text, (character) => (drawable(character.codePointAt(0)!) ? character : placeholder)).join('')
  return mapStrings(value as Json, replace) as T
}
