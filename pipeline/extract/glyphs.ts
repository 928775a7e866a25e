// A warning for characters the PDF's font cannot draw, at their first place in each file.
import type {VFile} from 'vfile'
import {placeholder, undrawable} from '../fonts/index.js'
import {span} from '../place.js'
import {report} from '../rules/index.js'

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
/** A character and its code point; control and other invisible characters by code point only. */
const describe = (character: string) => (/\p{C}/u.test(character) ? codePoint(character) : `${character} (${codePoint(character)})`)
const shown = 8

export function checkGlyphs(files: readonly VFile[]): void {
  for (const file of files) {
    const text = String(file.value)
    const missing = undrawable(text)
    if (missing.length === 0) continue
    const listed = missing.slice(0, shown).map(describe).join(', ')
    const more = missing.length > shown ? ` and ${missing.length - shown} more` : ''
    const first = text.indexOf(missing[0]!)
    report(
      file,
      'glyph-missing',
      `The PDF font cannot draw ${listed}${more}; the PDF prints \`${placeholder}\` instead`,
      span(file, first, missing[0]!.length)
    )
  }
}
