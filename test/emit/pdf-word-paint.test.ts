// Words' colours and opacities written from kept operators replace pdfmake's and pdfkit's per-word work only while
// their methods are the ones reproduced, write the same bytes with the same state, and give the same PDF bytes.
import {createRequire} from 'node:module'
import PDFDocument from 'pdfkit'
import {afterEach, describe, expect, it} from 'vitest'
import {matches, useWordPaint} from '../../pipeline/emit/pdf/word-paint.js'
import {bothWays, samplePdfBothWays} from '../helpers/patch-bytes.js'

const PdfmakeDocument = createRequire(import.meta.url)('pdfmake/js/PDFDocument.js').default
// `#evenodd` and `#non-zero` parse as colours, but `fill` takes them for winding rules (writing no colour).
const colours: unknown[] = ['#1a4f8b', '#ABC', 'black', 'red', 'Brand', 'nocolour', '', undefined, [255, 0, 0], [0, 50, 100, 0], '#1a4f8b', 'black', '#evenodd', '#non-zero']

/** Bytes (uncompressed), the fill state after each call, pdfmake's resolved colours and the writes, on two pages. */
async function painted(): Promise<{bytes: Buffer; states: unknown[]; resolved: unknown[]; writes: number}> {
  const document = new PDFDocument({autoFirstPage: false, compress: false, info: {CreationDate: new Date(0)}})
  // Counted on the document itself: pdfkit's methods, whose source the patch checks, stay as they are.
  let writes = 0
  const addContent = document.addContent.bind(document)
  document.addContent = (data) => (writes++, addContent(data))
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => document.on('end', resolve))
  const paint = document as unknown as {
    addSpotColor(name: string, c: number, m: number, y: number, k: number): void
    fill(color?: unknown, rule?: unknown): void
    opacity(value: unknown): void
    _fillColor: unknown
  }
  paint.addSpotColor('Brand', 10, 20, 30, 40)
  const states: unknown[] = []
  const resolved: unknown[] = []
  for (const page of [1, 2]) {
    document.addPage()
    for (const [index, colour] of colours.entries()) {
      paint.opacity([1, 0.5, 2, -1, undefined, 1][index % 6])
      resolved.push(PdfmakeDocument.prototype.resolveColor.call(document, colour, 'black'))
      paint.fill(colour)
      states.push(paint._fillColor)
    }
    paint.fill('#1a4f8b', 'even-odd')
    paint.fill('evenodd')
    states.push(paint._fillColor, page)
  }
  document.end()
  await ended
  return {bytes: Buffer.concat(chunks), states, resolved, writes}
}

describe('words painted from kept operators', () => {
  afterEach(() => useWordPaint(true))

  it("still matches pdfkit's and pdfmake's methods (else it is not used: update it for the new versions)", () => {
    expect(matches()).toBe(true)
  })

  it('writes the same operators with the same state as pdfkit, through named, hex, spot and array colours and opacities', async () => {
    const {theirs, ours} = await bothWays(useWordPaint, painted)
    expect(ours.bytes.toString('latin1')).toContain('scn')
    expect(ours.states).toEqual(theirs.states)
    expect(ours.resolved).toEqual(theirs.resolved)
    expect(ours.bytes.equals(theirs.bytes)).toBe(true)
    // The six hex and named colours of each page were filled from kept operators, one write instead of three.
    expect(theirs.writes - ours.writes).toBe(2 * 6 * 2)
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useWordPaint)
    expect(on).toBe(off)
  })
})
