// The document's content is one flat list of blocks: pdfmake lays nested lists out as stacks, a level more for every
// style lookup to walk, with the same look. The bytes are the same as with the blocks nested as they were.
import {createHash} from 'node:crypto'
import pdfmake from 'pdfmake'
import type {Content} from 'pdfmake/interfaces.js'
import {describe, expect, it} from 'vitest'
import {configurePdfmake, pdfDefinition} from '../../pipeline/emit/pdf/index.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {sampleReport} from '../helpers/sample-report.js'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** `nodes` regrouped as lists in lists, as the writer's blocks, annex and programmes were. */
function nested(nodes: Content[]): Content[] {
  if (nodes.length <= 3) return nodes
  const third = Math.ceil(nodes.length / 3)
  return [...nodes.slice(0, third), nested(nodes.slice(third, 2 * third)), [nested(nodes.slice(2 * third))]]
}

describe('the flat content list', () => {
  it('has no list in it', async () => {
    const definition = pdfDefinition(sampleReport, templatesFor(await loadTemplates(), 'en'))
    expect((definition.content as Content[]).some(Array.isArray)).toBe(false)
  })

  it('gives the bytes the same blocks give nested', async () => {
    const templates = templatesFor(await loadTemplates(), 'en')
    await configurePdfmake(templates)
    const render = (nest: boolean) => {
      // A definition of its own each time: pdfmake writes into the nodes it lays out.
      const definition = pdfDefinition(sampleReport, templates)
      if (nest) definition.content = nested(definition.content as Content[])
      definition.info = {...definition.info, creationDate: new Date(Date.UTC(2021, 8, 16))}
      return pdfmake.createPdf(definition).getBuffer()
    }
    const flat = await render(false)
    const asNested = await render(true)
    expect(flat.length).toBeGreaterThan(10_000)
    expect(sha256(asNested)).toBe(sha256(flat))
  })
})
