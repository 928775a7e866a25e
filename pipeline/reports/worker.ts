// A worker thread of `pool.ts`: renders the outputs of the reports it is sent, one at a time.
import {parentPort} from 'node:worker_threads'
import {render} from '../index.js'
import type {Job, Rendered} from './pool.js'

parentPort!.on('message', (job: Job & {index: number}) => {
  render(job.report, job.options).then(
    (outputs): Rendered => ({outputs}),
    (error: unknown): Rendered => ({error: error instanceof Error ? error.message : String(error)})
  ).then((rendered) => parentPort!.postMessage({index: job.index, ...rendered}))
})
