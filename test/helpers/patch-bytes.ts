// For the tests of the run-time patches of pdfmake and pdfkit (pipeline/emit/pdf/patch.ts): the same work done with
// a patch off and on, and the sample report's PDF both ways.
import {createHash} from 'node:crypto'
import {emitPdf} from '../../pipeline/emit/pdf/index.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {sampleReport} from './sample-report.js'

/** What `run` gives with `use(false)` (the libraries' own methods), then with `use(true)`; the patch is left on. */
export async function bothWays<T>(use: (on: boolean) => void, run: () => T | Promise<T>): Promise<{theirs: T; ours: T}> {
  try {
    use(false)
    const theirs = await run()
    use(true)
    return {theirs, ours: await run()}
  } finally {
    use(true)
  }
}

/** The SHA-256 of the sample report's PDF rendered with the patch on and off; the patch is left on. */
export async function samplePdfBothWays(use: (on: boolean) => void): Promise<{on: string; off: string}> {
  const templates = templatesFor(await loadTemplates(), 'en')
  const instant = new Date(Date.UTC(2021, 8, 16))
  const render = async () => createHash('sha256').update(await emitPdf(sampleReport, templates, {instant})).digest('hex')
  const {theirs, ours} = await bothWays(use, render)
  return {on: ours, off: theirs}
}
