// The PDF's fonts: Roboto as pdfmake ships it, and which characters it can draw.
import {createRequire} from 'node:module'
import path from 'node:path'
import {robotoCoverage} from './roboto-coverage.js'

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

/** Whether every Roboto style draws a code point; tab and line ends count as drawable white space. */
export function drawable(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true
  let low = 0
  let high = robotoCoverage.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [first, last] = robotoCoverage[middle]!
    if (code < first) high = middle - 1
    else if (code > last) low = middle + 1
    else return true
  }
  return false
}

/** The distinct characters of `text` the fonts cannot draw, in order of first appearance. */
export function undrawable(text: string): string[] {
  const missing = new Set<string>()
  for (const character of text) if (!drawable(character.codePointAt(0)!)) missing.add(character)
  return [...missing]
}

type Json = string | number | boolean | null | undefined | Json[] | {[key: string]: Json}

const replace = (text: string) => Array.from(text, (character) => (drawable(character.codePointAt(0)!) ? character : placeholder)).join('')

/**
 * `value` with every character no font style can draw replaced by the placeholder, so the PDF never shows blank
 * text. A link's address is not printed, so it is kept as written.
 */
export function printable<T>(value: T): T {
  const map = (item: Json): Json => {
    if (typeof item === 'string') return undrawable(item).length === 0 ? item : replace(item)
    if (Array.isArray(item)) return item.map(map)
    if (item && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, key === 'link' ? inner : map(inner)]))
    }
    return item
  }
  return map(value as Json) as T
}
