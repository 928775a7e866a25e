// The fast shaper's tables, measured with fontkit itself (used by `npm run fonts` and test/fonts/shaping.test.ts).
// For one font file: the characters of the report languages (Latin, Latin-1, Latin Extended-A, punctuation) that
// fontkit lays out alone as their own glyph at their own advance; for each ordered pair of them, under the script
// fontkit would detect for a word holding them, the kerning fontkit applies, or that the pair is unsafe (a ligature
// or any other substitution or offset), which sends a word holding it to fontkit.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import * as fontkit from 'fontkit'
import {getScript} from 'unicode-properties'

const ranges = [[0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac]]
/** The script fontkit gives a word of Latin letters, and the one it gives a word of Common characters only. */
export const scripts = ['latn', 'zzzz']
const common = (code) => ['Common', 'Inherited', 'Unknown'].includes(getScript(code))

/** Whether fontkit laid `codes` out as their cmap glyphs, each at its advance plus `kerning` for the first. */
function plain(run, font, codes, kerning = 0) {
  if (run.glyphs.length !== codes.length) return false
  return codes.every((code, index) => {
    const glyph = run.glyphs[index]
    const position = run.positions[index]
    const advance = glyph.advanceWidth + (index === 0 ? kerning : 0)
    return (
      glyph.id === font.glyphForCodePoint(code).id &&
      position.xAdvance === advance &&
      position.yAdvance === 0 &&
      position.xOffset === 0 &&
      position.yOffset === 0
    )
  })
}

/** The shaping table of the font file `file`: plain data, see pipeline/emit/pdf/shaper.ts for its use. */
export function shapingTable(file) {
  const bytes = readFileSync(file)
  const font = fontkit.create(bytes)
  const codes = []
  for (const [first, last] of ranges) {
    for (let code = first; code <= last; code++) {
      if (!font.hasGlyphForCodePoint(code)) continue
      const text = String.fromCodePoint(code)
      // Alone under the script it implies, and under Latin (inside a word with letters).
      if (plain(font.layout(text), font, [code]) && plain(font.layout(text, [], 'latn'), font, [code])) codes.push(code)
    }
  }
  const pairs = Object.fromEntries(scripts.map((script) => [script, {kerning: [], unsafe: []}]))
  codes.forEach((first, i) => {
    codes.forEach((second, j) => {
      for (const script of scripts) {
        // Common-script layout only happens to words of Common characters.
        if (script === 'zzzz' && !(common(first) && common(second))) continue
        const run = font.layout(String.fromCodePoint(first, second), [], script)
        const kerning = run.positions[0]?.xAdvance - run.glyphs[0]?.advanceWidth
        if (!plain(run, font, [first, second], kerning)) pairs[script].unsafe.push(i, j)
        else if (kerning !== 0) pairs[script].kerning.push(i, j, kerning)
      }
    })
  })
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    codes: codes.join(','),
    common: codes.map((code) => (common(code) ? 1 : 0)).join(''),
    glyphs: codes.map((code) => font.glyphForCodePoint(code).id).join(','),
    advances: codes.map((code) => font.glyphForCodePoint(code).advanceWidth).join(','),
    pairs: Object.fromEntries(
      scripts.map((script) => [script, {kerning: pairs[script].kerning.join(','), unsafe: pairs[script].unsafe.join(',')}])
    )
  }
}
