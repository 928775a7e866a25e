import * as fontkit from 'fontkit'
import {describe, expect, it} from 'vitest'
import {drawable, printable, roboto, undrawable} from '../../pipeline/fonts/index.js'

describe('fonts', () => {
  it('knows exactly the printable code points every Roboto style draws', () => {
    const fonts = Object.values(roboto).map((file) => fontkit.openSync(file) as fontkit.Font)
    for (let code = 0x20; code <= 0xffff; code++) {
      const inFonts = fonts.every((font) => font.hasGlyphForCodePoint(code))
      if (drawable(code) !== inFonts) expect({code: code.toString(16), drawable: drawable(code)}).toEqual({code: code.toString(16), drawable: inFonts})
    }
    expect(drawable(0x1f600)).toBe(false)
  })

  it('names undrawable characters and replaces them, keeping link addresses', () => {
    expect(undrawable('Ελλάδα, Україна, café – “ok” 😀 知 → \u0007')).toEqual(['😀', '知', '→', '\u0007'])
    expect(printable({text: 'a 😀 b', link: 'https://x.org/😀', n: [1, 'c知']})).toEqual({text: 'a ? b', link: 'https://x.org/😀', n: [1, 'c?']})
  })
})
