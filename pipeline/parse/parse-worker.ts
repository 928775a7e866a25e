// A worker thread of threads.ts: parses the batches of jobs it is sent, answering each with its results in order,
// or, for a job that throws, `undefined`, which this thread's caller then parses itself.
import {parentPort} from 'node:worker_threads'
import {runJob, type ParseJob, type ParseResult} from './chunk.js'

function tried(job: ParseJob): ParseResult | undefined {
  try {
    return runJob(job)
  } catch {
    return undefined
  }
}

parentPort!.on('message', ({batch, jobs}: {batch: number; jobs: ParseJob[]}) => {
  parentPort!.postMessage({batch, results: jobs.map(tried)})
})
// Loaded: this thread can take jobs.
parentPort!.postMessage({ready: true})
