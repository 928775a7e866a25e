// Render many reports' outputs in parallel: one worker thread per core (at most one per report), each rendering one
// report at a time. A report whose rendering fails, or whose worker dies, fails alone; the others go on.
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {render, type RenderOptions} from '../index.js'
import type {Report} from '../model.js'
import type {Output} from '../write/index.js'

export interface Job {
  report: Report
  options: RenderOptions
}

export type Rendered = {outputs: Output[]} | {error: string}

/** Compiled, the pool runs workers; run from the TypeScript sources (tests), it renders in this thread. */
const workerFile = new URL('./worker.js', import.meta.url)
const compiled = !import.meta.url.endsWith('.ts')

export const workersFor = (jobs: number) => Math.max(1, Math.min(jobs, availableParallelism()))

export interface Callbacks {
  /** A job's rendering starts. */
  started?: (index: number) => void
  /** A job's result, as it comes (in any order). */
  done: (index: number, rendered: Rendered) => Promise<void>
}

/** Render every job; resolves once every `done` has. `workers`: how many threads; 1 renders in this thread. */
export async function renderAll(jobs: readonly Job[], {started, done}: Callbacks, workers = workersFor(jobs.length)): Promise<void> {
  if (workers <= 1 || !compiled) {
    for (const [index, job] of jobs.entries()) {
      started?.(index)
      const rendered = await render(job.report, job.options).then(
        (outputs): Rendered => ({outputs}),
        (error: unknown): Rendered => ({error: error instanceof Error ? error.message : String(error)})
      )
      await done(index, rendered)
    }
    return
  }
  let next = 0
  const pending: Promise<void>[] = []
  await new Promise<void>((resolve) => {
    let running = 0
    const start = () => {
      if (next >= jobs.length) {
        if (running === 0) resolve()
        return
      }
      running++
      const worker = new Worker(workerFile)
      let current = -1
      const give = () => {
        if (next >= jobs.length) {
          current = -1
          void worker.terminate()
          return
        }
        current = next++
        started?.(current)
        worker.postMessage({index: current, ...jobs[current]!})
      }
      worker.on('message', (message: Rendered & {index: number}) => {
        const {index, ...rendered} = message
        pending.push(done(index, rendered))
        give()
      })
      // A worker that dies fails its report; another takes the rest.
      worker.on('error', (error) => {
        if (current >= 0) pending.push(done(current, {error: `internal error: ${error.message}`}))
        current = -1
      })
      worker.on('exit', () => {
        running--
        if (current >= 0) pending.push(done(current, {error: 'internal error: the worker rendering it stopped'}))
        start()
      })
      give()
    }
    for (let count = 0; count < Math.min(workers, jobs.length); count++) start()
  })
  await Promise.all(pending)
}
