// Parse jobs (chunk.ts) in this thread and in worker threads at once. This thread takes jobs from the front of the
// list, one at a time, letting the workers' answers in between; each worker, once it has loaded the parser, is sent
// batches from the back, two at a time so that it never waits for this thread. A worker that fails or stops gives
// its jobs back to this thread, and a job that throws in a worker is done again here, so that it fails (if it does)
// as without workers. Results come back by structured clone: about 1% of the parse's time (measured on 215 KB files).
import type {Worker} from 'node:worker_threads'
import {threadCount} from '../threads.js'
import {runJob, type ParseJob, type ParseResult} from './chunk.js'

/** Compiled, the parse runs workers; run from the TypeScript sources (tests), it works in this thread. */
const workerFile = new URL('./parse-worker.js', import.meta.url)
const compiled = !import.meta.url.endsWith('.ts')

/** Sources smaller than this (characters) are parsed in this thread: a worker takes about 0.2 s to load the parser. */
export const parallelChars = 200_000

/** The threads to parse sources of `chars` characters in. */
export function threadsFor(chars: number, threads = threadCount()): number {
  return compiled && chars >= parallelChars ? threads : 1
}

/** Characters of jobs sent to a worker at once. */
const batchChars = 16 * 1024

const sizeOf = (job: ParseJob) => ('text' in job ? job.text : job.chunk.text).length

/** What a worker sends: that it is ready, or a batch's results (`undefined` for a job that threw). */
type Message = {ready: true} | {batch: number; results: Array<ParseResult | undefined>}

/**
 * The results of the jobs that `plan` makes (called while the workers start), in `threads` threads with this one;
 * `worker` is the workers' module (tests give others).
 */
export async function parseInThreads(threads: number, plan: () => ParseJob[], worker: URL = workerFile): Promise<ParseResult[]> {
  // Loaded only here: node:worker_threads loaded into a start-up snapshot gives workers that fail at once.
  const {Worker} = process.getBuiltinModule('node:worker_threads')
  const workers: Worker[] = []
  for (let count = 1; count < threads; count++) {
    try {
      workers.push(new Worker(worker))
    } catch {
      break
    }
  }
  const jobs = plan()
  const results: Array<ParseResult | undefined> = new Array(jobs.length)
  let pending = jobs.length
  let front = 0
  let back = jobs.length
  /** Jobs given back by workers. */
  const returned: number[] = []
  const batches = new Map<number, number[]>()
  let batchCount = 0
  let wake: (() => void) | undefined
  const woken = () => {
    const resolve = wake
    wake = undefined
    resolve?.()
  }

  for (const thread of workers) {
    const sent = new Set<number>()
    let failed = false
    const send = () => {
      if (failed || front >= back) return
      const indices: number[] = []
      let chars = 0
      while (back > front && (indices.length === 0 || chars + sizeOf(jobs[back - 1]!) <= batchChars)) {
        indices.push(--back)
        chars += sizeOf(jobs[back]!)
      }
      batches.set(batchCount, indices)
      sent.add(batchCount)
      thread.postMessage({batch: batchCount++, jobs: indices.map((index) => jobs[index])})
    }
    const fail = () => {
      failed = true
      for (const batch of sent) returned.push(...batches.get(batch)!)
      sent.clear()
      woken()
    }
    thread.on('message', (message: Message) => {
      if ('ready' in message) {
        send()
        send()
        return
      }
      const indices = batches.get(message.batch)!
      sent.delete(message.batch)
      batches.delete(message.batch)
      indices.forEach((index, at) => {
        const result = message.results[at]
        if (result === undefined) returned.push(index)
        else {
          results[index] = result
          pending--
        }
      })
      send()
      woken()
    })
    thread.on('messageerror', fail)
    thread.on('error', fail)
    thread.on('exit', fail)
  }

  try {
    while (pending > 0) {
      const index = returned.length > 0 ? returned.pop()! : front < back ? front++ : undefined
      if (index === undefined) {
        await new Promise<void>((resolve) => (wake = resolve))
        continue
      }
      results[index] = runJob(jobs[index]!)
      pending--
      // Lets the workers' answers in.
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    for (const thread of workers) void thread.terminate()
  }
  return results as ParseResult[]
}
