// Pages drawn one at a time, each page's items let go once drawn, replace pdfmake's all-at-once drawing only while its
// method is the one wrapped, and give the same PDF bytes.
import pdfmake from 'pdfmake'
import {afterEach, describe, expect, it} from 'vitest'
import {configurePdfmake, pdfDefinition} from '../../pipeline/emit/pdf/index.js'
import {matches, useReleasedPages} from '../../pipeline/emit/pdf/released-pages.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {bothWays, samplePdfBothWays} from '../helpers/patch-bytes.js'
import {sampleReport} from '../helpers/sample-report.js'

/** The items each page of the sample report's PDF still holds once the PDF is drawn. */
async function itemsHeld(): Promise<number[]> {
  const templates = templatesFor(await loadTemplates(), 'en')
  await configurePdfmake(templates)
  const document = (await pdfmake.createPdf(pdfDefinition(sampleReport, templates)).getStream()) as unknown as {
    _pdfMakePages: Array<{items: unknown[]}>
  }
  return document._pdfMakePages.map((page) => page.items.length)
}

describe('pages released once drawn', () => {
  afterEach(() => useReleasedPages(true))

  it("still matches pdfmake's method (else it is not used: update it for the new version)", () => {
    expect(matches()).toBe(true)
  })

  it('draws every page and lets its items go, where pdfmake keeps them all', async () => {
    const {theirs, ours} = await bothWays(useReleasedPages, itemsHeld)
    expect(theirs.length).toBeGreaterThan(1)
    expect(theirs.every((items) => items > 0)).toBe(true)
    expect(ours).toEqual(theirs.map(() => 0))
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useReleasedPages)
    expect(on).toBe(off)
  })
})
