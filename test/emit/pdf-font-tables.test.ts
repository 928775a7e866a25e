// Font tables decoded once per file content and shared between documents give the same PDF bytes as tables decoded
// for each font, whatever was rendered before (fontkit fonts themselves shared changed the ToUnicode maps).
import {createHash} from 'node:crypto'
import {afterEach, describe, expect, it} from 'vitest'
import {sharedTables, useSharedFontTables} from '../../pipeline/emit/pdf/font-tables.js'
import {emitPdf} from '../../pipeline/emit/pdf/index.js'
import type {Report} from '../../pipeline/model.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {sampleReport, sampleReportWithLdcs} from '../helpers/sample-report.js'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('shared font tables', () => {
  afterEach(() => useSharedFontTables(true))

  it('give the bytes of tables decoded for each document, documents in any order', async () => {
    const set = await loadTemplates()
    const instant = new Date(Date.UTC(2021, 8, 16))
    const documents: Array<[Report, string]> = [
      [sampleReport, 'en'],
      [sampleReportWithLdcs, 'fr'],
      [sampleReport, 'es'],
      [sampleReport, 'en']
    ]
    const render = async ([report, language]: [Report, string]) => sha256(await emitPdf(report, templatesFor(set, language), {instant}))
    useSharedFontTables(false)
    const alone: string[] = []
    for (const document of documents) alone.push(await render(document))
    expect(sharedTables()).toBe(0)
    useSharedFontTables(true)
    const shared: string[] = []
    for (const document of [...documents].reverse()) shared.push(await render(document))
    expect(sharedTables()).toBeGreaterThan(0)
    expect(shared.reverse()).toEqual(alone)
    expect(alone[3]).toBe(alone[0])
  })
})
