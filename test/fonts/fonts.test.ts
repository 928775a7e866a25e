import * as fontkit from 'fontkit'
import {describe, expect, it} from 'vitest'
import {fontTables, Glyphs, glyphsOf, locateFont, variants} from '../../pipeline/fonts/index.js'
import {loadTemplates} from '../../pipeline/templates.js'

const {styles} = await loadTemplates()

describe('font tables', () => {
  it('has a table for every family of styles.json, and prints with DejaVu Sans by default', () => {
    expect(Object.keys(styles.fonts).sort()).toEqual(Object.keys(fontTables).sort())
    expect(styles.font).toBe('DejaVuSans')
  })

  for (const [family, source] of Object.entries(styles.fonts)) {
    it(`knows exactly the code points every ${family} variant draws, and its line height`, () => {
      const {files, missing} = locateFont(source)
      expect(missing).toEqual([])
      const fonts = variants.map((variant) => fontkit.openSync(files[variant]) as fontkit.Font)
      const sets = fonts.map((font) => new Set(font.characterSet))
      const glyphs = glyphsOf(family)
      for (let code = 0x20; code <= 0x10ffff; code++) {
        const inFonts = sets.every((set) => set.has(code)) && fonts.every((font) => font.hasGlyphForCodePoint(code))
        if (glyphs.drawable(code) !== inFonts) expect({code: code.toString(16), drawable: glyphs.drawable(code)}).toEqual({code: code.toString(16), drawable: inFonts})
      }
      const lineHeights = fonts.map((font) => (font.ascent - font.descent) / font.unitsPerEm)
      expect(fontTables[family]!.lineHeight).toBe(Math.max(...lineHeights))
      // The widest advances: of any glyph drawn, and of a digit (wider than `.` and the space).
      const advance = (font: fontkit.Font, code: number) => font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm
      let widest = 0
      for (let code = 0x20; code <= 0x10ffff; code++) {
        if (glyphs.drawable(code)) for (const font of fonts) widest = Math.max(widest, advance(font, code))
      }
      expect(fontTables[family]!.widestGlyph).toBe(widest)
      const digits = fonts.flatMap((font) => [...'0123456789'].map((digit) => advance(font, digit.codePointAt(0)!)))
      expect(fontTables[family]!.widestDigit).toBe(Math.max(...digits))
      for (const font of fonts) for (const character of '. ') expect(advance(font, character.codePointAt(0)!)).toBeLessThan(Math.max(...digits))
      // Kerning adds no more than the bound between any two of the letters and signs it acts on most.
      const kerned = 'AVWTYLPFKXkvwyoe.,-"\'1/'
      for (const font of fonts) {
        for (const first of kerned) {
          for (const second of kerned) {
            const added = font.layout(first + second).advanceWidth / font.unitsPerEm - advance(font, first.codePointAt(0)!) - advance(font, second.codePointAt(0)!)
            expect(added).toBeLessThanOrEqual(fontTables[family]!.widestKerning + 1e-9)
          }
        }
      }
    })
  }
})

describe('Glyphs', () => {
  it('names undrawable characters and replaces them, keeping link addresses', () => {
    const dejaVu = glyphsOf('DejaVuSans')
    expect(dejaVu.undrawable('Ελλάδα, Україна, café – “ok” 😀 🎉 知 → \u0007')).toEqual(['🎉', '知', '\u0007'])
    // Asked again, each character's answer now known (kept per UTF-16 unit).
    expect(dejaVu.undrawable('知 and \u0007, Ελλάδα')).toEqual(['知', '\u0007'])
    expect(dejaVu.undrawable('plain text, déjà vu – “ok”')).toEqual([])
    expect(glyphsOf('Roboto').undrawable('Ελλάδα, Україна, café – “ok” 😀 知 → \u0007')).toEqual(['😀', '知', '→', '\u0007'])
    expect(dejaVu.printable({text: 'a 🎉 b', link: 'https://x.org/🎉', n: [1, 'c知']})).toEqual({text: 'a ? b', link: 'https://x.org/🎉', n: [1, 'c?']})
  })

  it('draws tab and line ends as white space, and nothing outside its ranges', () => {
    const glyphs = new Glyphs([[0x41, 0x42]])
    expect([0x09, 0x0a, 0x0d, 0x41, 0x42].map((code) => glyphs.drawable(code))).toEqual([true, true, true, true, true])
    expect([0x20, 0x40, 0x43].map((code) => glyphs.drawable(code))).toEqual([false, false, false])
  })

  it('names the ASCII characters a font lacks, and none of text in ASCII a font covers', () => {
    // Printable ASCII but `#` (0x23), and `é`.
    const gapped = new Glyphs([[0x20, 0x22], [0x24, 0x7e], [0xe9, 0xe9]])
    expect(gapped.undrawable('A # B\t#\n')).toEqual(['#'])
    expect(gapped.undrawable('café\r\n')).toEqual([])
    const whole = new Glyphs([[0x20, 0x7e]])
    expect(whole.undrawable('Any text, tabs\tand line ends\r\n')).toEqual([])
    expect(whole.undrawable('A\u0007 é')).toEqual(['\u0007', 'é'])
  })
})
