// A large report's XLSX and JSON are rendered in a worker thread while this one lays out the PDF. Workers run only
// compiled, so this test uses dist/ (test/global-setup.ts compiles it): the outputs are those rendered in one
// thread (ART67_THREADS=1), also when the worker fails, stops or throws, and the worker's time is told.
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generate} from '../../bench/generate.mjs'
import type * as Elsewhere from '../../pipeline/emit/elsewhere.js'
import type * as Emit from '../../pipeline/emit/index.js'
import type * as Library from '../../pipeline/index.js'
import type {Report} from '../../pipeline/model.js'
import type * as Templates from '../../pipeline/templates.js'

const {emit} = (await import(path.resolve('dist/pipeline/emit/index.js'))) as typeof Emit
const {concurrentProgrammes, rendersElsewhere} = (await import(path.resolve('dist/pipeline/emit/elsewhere.js'))) as typeof Elsewhere
const {check} = (await import(path.resolve('dist/pipeline/index.js'))) as typeof Library
const {loadTemplates} = (await import(path.resolve('dist/pipeline/templates.js'))) as typeof Templates

let dir: string
let report: Report
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'art67-elsewhere-'))
  await generate(dir, concurrentProgrammes)
  report = (await check(dir)).report!
})
afterAll(() => rm(dir, {recursive: true, force: true}))

const instant = new Date(Date.UTC(2023, 5, 30))

/** The outputs of `emit` in `threads` threads, and the formats told as rendered in a worker. */
async function emitted(threads: number, worker?: URL, languages: string[] = []) {
  const before = process.env.ART67_THREADS
  process.env.ART67_THREADS = String(threads)
  try {
    const elsewhere: string[] = []
    const outputs = await emit(report, await loadTemplates(), {instant, languages, worker}, undefined, (format) => elsewhere.push(format))
    return {outputs: outputs.map(({name, data}) => ({name, data: Buffer.from(data).toString('base64')})), elsewhere}
  } finally {
    if (before === undefined) delete process.env.ART67_THREADS
    else process.env.ART67_THREADS = before
  }
}

const workerOf = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`)
const answering = (rendered: string) =>
  workerOf(`import {parentPort, workerData} from 'node:worker_threads'; for (const name of workerData.names) parentPort.postMessage({name, ${rendered}})`)

/** Each test renders several PDFs of a large report. */
const timeout = 600_000

describe('XLSX and JSON rendered in a worker thread', () => {
  it('is for reports of 300 to 1,000 programmes: larger ones would raise the peak memory', () => {
    expect([299, 300, 1_000, 1_001, 5_000].map(rendersElsewhere)).toEqual([false, true, true, false, false])
  })

  it('gives the outputs rendered in one thread, in every language', {timeout}, async () => {
    expect(report.programmes.length).toBe(concurrentProgrammes)
    const alone = await emitted(1, undefined, ['fr'])
    expect(alone.outputs.map(({name}) => name)).toEqual([
      'australia-2023.pdf',
      'australia-2023.xlsx',
      'australia-2023.json',
      'australia-2023-fr.pdf',
      'australia-2023-fr.xlsx'
    ])
    expect(alone.elsewhere).toEqual([])
    const threaded = await emitted(2, undefined, ['fr'])
    expect(threaded.outputs).toEqual(alone.outputs)
    expect(threaded.elsewhere).toEqual(['xlsx', 'json', 'xlsx'])
  })

  it('renders here what the worker does not give', {timeout}, async () => {
    const alone = await emitted(1)
    // A worker that gives other bytes changes the outputs: the worker's are used.
    const lying = await emitted(2, answering("rendered: {output: {name, data: 'not it'}, ms: 1}"))
    expect(lying.outputs.map(({name, data}) => (name.endsWith('.pdf') ? name : Buffer.from(data, 'base64').toString()))).toEqual([
      'australia-2023.pdf',
      'not it',
      'not it'
    ])
    for (const worker of [
      workerOf('process.exit(1)'),
      workerOf('throw new Error("broken worker")'),
      // Every render threw.
      answering('rendered: undefined'),
      // The first output, then stops.
      workerOf("import {parentPort, workerData} from 'node:worker_threads'; parentPort.postMessage({name: workerData.names[0], rendered: undefined}); process.exit(2)")
    ]) {
      expect((await emitted(2, worker)).outputs).toEqual(alone.outputs)
    }
  })
})
