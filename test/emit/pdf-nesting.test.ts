// A list nested as deep as the sources allow (the model keeps 12 levels, the rest as a paragraph) lays out without a
// warning from Node.js (pdfmake keeps a listener per open list on its page writer).
import {describe, expect, it} from 'vitest'
import {emitPdf} from '../../pipeline/emit/pdf/index.js'
import {limits} from '../../pipeline/parse/limits.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {readPdf} from '../helpers/pdf-text.js'
import {validated} from '../helpers/stages.js'

describe('deeply nested lists', () => {
  it('lay out every level without a listener-leak warning', async () => {
    const depth = limits.nesting - 1
    const list = Array.from({length: depth}, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n')
    const {report} = validated({'report.md': `---\nmember: Canada\nperiod: 2020-2021\ndate: 16/09/2021\n---\n\n# Cooperation\n\n${list}\n\n# Programmes\n\n| # | Title |\n|---|---|\n| 1 | A programme |\n`})
    expect(report).toBeDefined()
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const pdf = await emitPdf(report!, templatesFor(await loadTemplates(), 'en'), {instant: new Date(Date.UTC(2021, 8, 16))})
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings.map((warning) => warning.name)).toEqual([])
      const text = (await readPdf(pdf)).pages.join('\n')
      for (const level of [1, 11, depth]) expect(text).toContain(`level ${level}`)
    } finally {
      process.off('warning', onWarning)
    }
  })
})
