// For the tests of the run-time patches of pdfmake and pdfkit (pipeline/emit/pdf/patch.ts): the sample report's
// PDF with a patch on and off.
import {createHash} from 'node:crypto'
import {emitPdf} from '../../pipeline/emit/pdf/index.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {sampleReport} from './sample-report.js'

/** The SHA-256 of the sample report's PDF rendered with `use(true)`, then with `use(false)`; the patch is left on. */
export async function samplePdfBothWays(use: (on: boolean) => void): Promise<{on: string; off: string}> {
  const templates = templatesFor(await loadTemplates(), 'en')
  const instant = new Date(Date.UTC(2021, 8, 16))
  const render = async (on: boolean) => {
    use(on)
    return createHash('sha256').update(await emitPdf(sampleReport, templates, {instant})).digest('hex')
  }
  try {
    return {on: await render(true), off: await render(false)}
  } finally {
    use(true)
  }
}
