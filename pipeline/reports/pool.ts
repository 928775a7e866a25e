// Work on many reports in parallel: one thread per core or ART67_THREADS (at most one per report), this one and
// worker threads, each doing one task at a time, checking a report or rendering its outputs. A task that fails, or
// whose worker dies, fails alone.
import type {Worker} from 'node:worker_threads'
import {Art67Error} from '../errors.js'
import {check, render, type CheckOptions, type CheckResult, type RenderOptions} from '../index.js'
import type {Report} from '../model.js'
import {threadCount} from '../threads.js'
import type {Output} from '../write/index.js'
import {fromPlain, toPlain, type PlainCheck} from './transfer.js'

export type Task = {kind: 'check'; dir: string; options: CheckOptions} | {kind: 'render'; report: Report; options: RenderOptions}
/** What a worker sends back: the task's answer, or why it failed. */
export type Answer = {check: PlainCheck} | {outputs: Output[]} | Failure
/** Why a task failed; `forUser` for a problem of setup (an `Art67Error`), not a bug. */
export interface Failure {
  error: string
  forUser?: boolean
}

/** Do a task in this thread: also what a worker does. */
export async function perform(task: Task): Promise<Answer> {
  try {
    if (task.kind === 'check') return {check: toPlain(await check(task.dir, task.options))}
    return {outputs: await render(task.report, task.options)}
  } catch (error) {
    return {error: error instanceof Error ? error.message : String(error), forUser: error instanceof Art67Error}
  }
}

/** Compiled, the pool runs workers; run from the TypeScript sources (tests), it works in this thread. */
const workerFile = new URL('./worker.js', import.meta.url)
const compiled = !import.meta.url.endsWith('.ts')

export const workersFor = (reports: number) => Math.max(1, Math.min(reports, threadCount()))

interface Queued {
  task: Task
  started: (() => void) | undefined
  resolve: (answer: Answer) => void
}

interface Thread {
  worker: Worker
  current: Queued | undefined
}

export class Pool {
  private readonly queue: Queued[] = []
  private readonly threads = new Set<Thread>()
  private closed = false
  private localBusy = false

  /** `size` threads at most; 1 (or running from the sources) works in this thread. */
  constructor(private readonly size: number) {}

  get parallel(): boolean {
    return this.size > 1 && compiled
  }

  private async run(task: Task, started?: () => void): Promise<Answer> {
    if (!this.parallel) {
      started?.()
      return perform(task)
    }
    return new Promise((resolve) => {
      this.queue.push({task, started, resolve})
      this.dispatch()
    })
  }

  /** Check a report folder; a setup error (such as templates that cannot be read) is thrown, as by `check`. */
  async check(dir: string, options: CheckOptions, started?: () => void): Promise<CheckResult> {
    const answer = await this.run({kind: 'check', dir, options}, started)
    if ('error' in answer) throw answer.forUser ? new Art67Error(answer.error) : new Error(answer.error)
    return fromPlain((answer as {check: PlainCheck}).check)
  }

  /** Render a valid report's outputs; why it failed, if it did. */
  async render(report: Report, options: RenderOptions, started?: () => void): Promise<{outputs: Output[]} | Failure> {
    return (await this.run({kind: 'render', report, options}, started)) as {outputs: Output[]} | Failure
  }

  /**
   * Give queued tasks to idle workers, starting workers up to the pool's size less one: this thread, which has its
   * modules loaded already, does tasks too.
   */
  private dispatch(): void {
    for (const thread of this.threads) if (!thread.current) this.give(thread)
    while (this.queue.length > 0 && this.threads.size < this.size - 1 && !this.closed) this.give(this.spawn())
    const next = this.localBusy ? undefined : this.queue.shift()
    if (!next) return
    this.localBusy = true
    next.started?.()
    void perform(next.task).then((answer) => {
      this.localBusy = false
      next.resolve(answer)
      this.dispatch()
    })
  }

  private give(thread: Thread): void {
    const next = this.queue.shift()
    if (!next) return
    thread.current = next
    next.started?.()
    thread.worker.postMessage(next.task)
  }

  private spawn(): Thread {
    // Loaded only here: node:worker_threads loaded into a start-up snapshot gives workers that fail at once.
    const {Worker} = process.getBuiltinModule('node:worker_threads')
    const thread: Thread = {worker: new Worker(workerFile), current: undefined}
    this.threads.add(thread)
    const settle = (answer: Answer) => {
      const current = thread.current
      thread.current = undefined
      current?.resolve(answer)
    }
    thread.worker.on('message', (answer: Answer) => {
      settle(answer)
      this.give(thread)
    })
    // A thread that dies fails its task; the queue goes to the others, or to a new thread.
    thread.worker.on('error', (error) => settle({error: `internal error: ${error.message}`}))
    thread.worker.on('exit', () => {
      settle({error: 'internal error: the worker thread stopped'})
      this.threads.delete(thread)
      if (!this.closed) this.dispatch()
    })
    return thread
  }

  /** End the threads once their tasks are done. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.threads].map((thread) => thread.worker.terminate()))
  }
}
