// A stream's text written in one Buffer replaces pdfkit's Buffer per operator only while its methods are the ones it
// was written against, writes the same bytes, and gives the same PDF bytes.
import PDFDocument from 'pdfkit'
import {afterEach, describe, expect, it} from 'vitest'
import {matches, useBatchedWrites} from '../../pipeline/emit/pdf/content-writes.js'
import {bothWays, samplePdfBothWays} from '../helpers/patch-bytes.js'

/** The bytes of a small document written through pdfkit's own calls: text, binary data, text again, on two pages. */
async function documentBytes(): Promise<Buffer> {
  const document = new PDFDocument({autoFirstPage: false, info: {CreationDate: new Date(0)}})
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => document.on('end', resolve))
  for (const page of [1, 2]) {
    document.addPage()
    document.fillColor('#1a4f8b').opacity(0.5).text(`Page ${page}: déjà vu`, 72, 72)
    document.rect(72, 100, 100, 20).fill()
    document.addContent(42 as unknown as string)
  }
  const stream = document.ref({Type: 'Test'})
  stream.write('text before')
  stream.write(new Uint8Array([0, 1, 2, 255]))
  stream.write('text after, é')
  stream.end('the end')
  document.end()
  await ended
  return Buffer.concat(chunks)
}

describe('batched content writes', () => {
  afterEach(() => useBatchedWrites(true))

  it("still matches pdfkit's methods (else they are not used: update them for the new pdfkit)", () => {
    expect(matches()).toBe(true)
  })

  it('writes the same bytes as pdfkit, text and binary data interleaved', async () => {
    const {theirs, ours} = await bothWays(useBatchedWrites, documentBytes)
    expect(ours.length).toBeGreaterThan(1000)
    expect(ours.equals(theirs)).toBe(true)
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useBatchedWrites)
    expect(on).toBe(off)
  })
})
