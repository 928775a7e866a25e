// The content list laid out block by block (each block measured just before it is laid out, and let go after)
// replaces pdfmake's measure-all-first only while its methods are the ones relied on, and gives the same PDF bytes.
import pdfmake from 'pdfmake'
import layoutBuilderModule from 'pdfmake/js/LayoutBuilder.js'
import type {TDocumentDefinitions} from 'pdfmake/interfaces.js'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {configurePdfmake, pdfDefinition} from '../../pipeline/emit/pdf/index.js'
import {matches, useBlockLayout} from '../../pipeline/emit/pdf/block-layout.js'
import {exportedClass} from '../../pipeline/emit/pdf/patch.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {bothWays, samplePdfBothWays} from '../helpers/patch-bytes.js'
import {sampleReport} from '../helpers/sample-report.js'

const LayoutBuilder = exportedClass<{prototype: {processNode(node: object): void}}>(layoutBuilderModule)

async function sampleDefinition(): Promise<TDocumentDefinitions> {
  const templates = templatesFor(await loadTemplates(), 'en')
  await configurePdfmake(templates)
  return pdfDefinition(sampleReport, templates)
}

/** `measureNode` gives every node it measures a `_margin` (null without one). */
const measured = (block: object) => '_margin' in block

interface Laid {
  /** Blocks of the content list already measured when its first block was laid out. */
  measuredAtFirst: number
  blocks: number
  /** Blocks the content list still holds once the PDF is made. */
  heldAfter: number
}

/** How the sample report's content list was measured and held while its PDF was made. */
async function layOut(): Promise<Laid> {
  const definition = await sampleDefinition()
  const content = definition.content as Array<object | null>
  const blocks = [...content] as object[]
  let measuredAtFirst = -1
  const processNode = LayoutBuilder.prototype.processNode
  const spy = vi.spyOn(LayoutBuilder.prototype, 'processNode').mockImplementation(function (this: unknown, node: object) {
    if (node === blocks[0] && measuredAtFirst < 0) measuredAtFirst = blocks.filter(measured).length
    return processNode.call(this, node)
  })
  try {
    await pdfmake.createPdf(definition).getBuffer()
  } finally {
    spy.mockRestore()
  }
  return {measuredAtFirst, blocks: blocks.length, heldAfter: content.filter((block) => block !== null).length}
}

describe('content laid out block by block', () => {
  afterEach(() => useBlockLayout(true))

  it("still matches pdfmake's methods (else it is not used: update it for the new version)", () => {
    expect(matches()).toBe(true)
  })

  it('measures each block as it is laid out and lets it go, where pdfmake measures all first and keeps them', async () => {
    const {theirs, ours} = await bothWays(useBlockLayout, layOut)
    expect(theirs.blocks).toBeGreaterThan(10)
    expect(theirs).toEqual({measuredAtFirst: theirs.blocks, blocks: theirs.blocks, heldAfter: theirs.blocks})
    expect(ours).toEqual({measuredAtFirst: 1, blocks: theirs.blocks, heldAfter: 0})
  })

  it('refuses to lay out a consumed definition again, rather than draw an empty document', async () => {
    const definition = await sampleDefinition()
    await pdfmake.createPdf(definition).getBuffer()
    await expect(pdfmake.createPdf(definition).getBuffer()).rejects.toThrow(/laid out already/)
  })

  it('lays a document with a pageBreakBefore function out as pdfmake does', async () => {
    const definition = {...(await sampleDefinition()), pageBreakBefore: () => false}
    const content = definition.content as unknown[]
    await pdfmake.createPdf(definition).getBuffer()
    expect(content.every((block) => block !== null)).toBe(true)
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useBlockLayout)
    expect(on).toBe(off)
  })
})
