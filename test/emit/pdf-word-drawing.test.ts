// Words drawn from a memo of their TJ operator and advance replace pdfkit's per-word drawing only while its methods
// are the ones reproduced, write the same bytes and move the pen alike, and give the same PDF bytes.
import PDFDocument from 'pdfkit'
import {afterEach, describe, expect, it} from 'vitest'
import {matches, useWordDrawing} from '../../pipeline/emit/pdf/word-drawing.js'
import {locateFont} from '../../pipeline/fonts/index.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {bothWays, samplePdfBothWays} from '../helpers/patch-bytes.js'

const templates = templatesFor(await loadTemplates(), 'en')
const files = locateFont(templates.styles.fonts[templates.styles.font]!).files

/** Each word's options as pdfmake's renderLine gives them, with some that only pdfkit's own path draws. */
const calls: [string, Record<string, unknown>][] = [
  ['Plain ', {}],
  ['AVATAR, Tokyo. ', {}],
  ['spaced ', {characterSpacing: 0.5}],
  ['déjà-vu ', {}],
  // A combining accent: its glyph has an offset, so pdfkit draws it.
  ['e\u0301te\u0301 ', {}],
  ['', {}],
  ['two\nlines', {}],
  ['linked ', {link: 'https://example.org'}],
  ['featured ', {features: ['liga']}],
  ['Plain ', {}],
  ['AVATAR, Tokyo. ', {characterSpacing: 0.5}]
]

/**
 * A document's bytes (uncompressed), the pen's x after each word and how many writes the document made, drawn as
 * pdfmake draws words: a page in each font, then the first font again on a page of another height.
 */
async function drawn(): Promise<{bytes: Buffer; pens: number[]; writes: number}> {
  const document = new PDFDocument({autoFirstPage: false, compress: false, info: {CreationDate: new Date(0)}})
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => document.on('end', resolve))
  // Counted on the document itself: pdfkit's methods, whose source the patch checks, stay as they are.
  let writes = 0
  const addContent = document.addContent.bind(document)
  document.addContent = (data) => (writes++, addContent(data))
  const pens: number[] = []
  for (const [font, size] of [[files.normal, 'LETTER'], [files.bold, 'LETTER'], [files.normal, 'A5']] as const) {
    document.addPage({size}).font(font)
    for (const [size, [text, options]] of calls.flatMap((call) => [9, 7.5].map((size) => [size, call] as const))) {
      document.fontSize(size)
      const given = {lineBreak: false, textWidth: 40, wordCount: 1, characterSpacing: undefined, link: undefined, ...options}
      document.text(text, 72 + pens.length, 100 + pens.length * 3, given as PDFKit.Mixins.TextOptions)
      pens.push(document.x)
    }
  }
  document.end()
  await ended
  return {bytes: Buffer.concat(chunks), pens, writes}
}

describe('words drawn from a memo', () => {
  afterEach(() => useWordDrawing(true))

  it("still matches pdfkit's methods (else it is not used: update it for the new pdfkit)", () => {
    expect(matches()).toBe(true)
  })

  it('writes the same operators and moves the pen as pdfkit does, words repeated, in two fonts, sizes and page heights', async () => {
    const {theirs, ours} = await bothWays(useWordDrawing, drawn)
    expect(ours.bytes.toString('latin1')).toContain('TJ')
    expect(ours.pens).toEqual(theirs.pens)
    expect(ours.bytes.equals(theirs.bytes)).toBe(true)
    // Each plain word (six of the calls, in each size on each page) was drawn from the memo in one write instead of
    // pdfkit's eight (q, cm, BT, Tm, Tf, TJ, ET, Q), or nine with a Tc for the two spaced ones.
    expect(theirs.writes - ours.writes).toBe(2 * 3 * (4 * 7 + 2 * 8))
  })

  it('draws a word whose options are inherited as pdfkit does, which copies only their own', async () => {
    const draw = async () => {
      const document = new PDFDocument({autoFirstPage: false, compress: false, info: {CreationDate: new Date(0)}})
      const chunks: Buffer[] = []
      document.on('data', (chunk: Buffer) => chunks.push(chunk))
      const ended = new Promise((resolve) => document.on('end', resolve))
      // Without an own lineBreak, pdfkit wraps the word in the page's width and moves the pen down, not across.
      const options = Object.create({lineBreak: false, textWidth: 40, wordCount: 1}) as PDFKit.Mixins.TextOptions
      document.addPage().font(files.normal).fontSize(9).text('Inherited options ', 72, 100, options)
      const pen = [document.x, document.y]
      document.end()
      await ended
      return {bytes: Buffer.concat(chunks), pen}
    }
    const {theirs, ours} = await bothWays(useWordDrawing, draw)
    expect(ours.pen).toEqual(theirs.pen)
    expect(ours.bytes.equals(theirs.bytes)).toBe(true)
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useWordDrawing)
    expect(on).toBe(off)
  })
})
