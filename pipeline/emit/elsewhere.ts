// A large report's XLSX and JSON rendered in a worker thread (emit-worker.ts) while this thread lays out the PDF.
// The worker is given the report, templates and options (structured clone) and renders the outputs asked for, by
// name, as `emit` plans them; each arrives as soon as it is made. One that the worker does not give (a render that
// threw, a worker that failed or stopped) comes as `undefined`, and `emit` renders it in this thread.
import type {Worker} from 'node:worker_threads'
import type {Report} from '../model.js'
import type {TemplateSet} from '../templates.js'
import {threadCount} from '../threads.js'
import type {Output} from '../write/index.js'
import type {EmitAllOptions, Planned} from './index.js'

/** Compiled, a worker renders; run from the TypeScript sources (tests), all is rendered in this thread. */
const workerFile = new URL('./emit-worker.js', import.meta.url)
const compiled = !import.meta.url.endsWith('.ts')

/**
 * Smaller reports render everything in this thread: a worker takes about 0.3 s to load exceljs and the model's
 * modules, about what the XLSX of 100 to 300 programmes takes.
 */
export const concurrentProgrammes = 300

/**
 * Larger reports render everything in this thread, as the worker's memory adds to this thread's: peak memory (GNU
 * time, whole build) measured 405 → 445–457 MB at 1,000 programmes, within the 500 MB budget, but 1,348 → 1,564 MB
 * at 5,000, where the worker's XLSX (about 500 MB) came on top of the model and the parse's garbage.
 */
export const concurrentProgrammesMax = 1_000

/** Whether a report of `programmes` programmes renders its XLSX and JSON in a worker, threads allowing. */
export const rendersElsewhere = (programmes: number) => programmes >= concurrentProgrammes && programmes <= concurrentProgrammesMax

/** What the worker is given. */
export interface EmitTask {
  report: Report
  templates: TemplateSet
  options: EmitAllOptions
  names: string[]
}

/** What the worker sends for each name: the output and the milliseconds it took, or neither when its render threw. */
export interface EmitAnswer {
  name: string
  rendered?: Rendered
}

export interface Rendered {
  output: Output
  ms: number
}

export interface Elsewhere {
  /** The outputs asked for, in their order; `undefined` for one the worker did not render. */
  outputs: Array<Promise<Rendered | undefined>>
  /** End the worker (once the outputs are in, or when the build fails). */
  stop: () => void
}

/** The `planned` outputs rendered in a worker thread, or undefined when they are to be rendered in this one. */
export function renderElsewhere(
  report: Report,
  templates: TemplateSet,
  options: EmitAllOptions,
  planned: readonly Planned[]
): Elsewhere | undefined {
  if (!compiled || (options.threads ?? threadCount()) < 2) return undefined
  // Loaded only here: node:worker_threads loaded into a start-up snapshot gives workers that fail at once.
  const {Worker} = process.getBuiltinModule('node:worker_threads')
  const task: EmitTask = {report, templates, options: {instant: options.instant, changes: options.changes, languages: options.languages}, names: planned.map(({name}) => name)}
  let thread: Worker
  try {
    thread = new Worker(options.worker ?? workerFile, {workerData: task})
  } catch {
    return undefined
  }
  const waiting = new Map<string, (rendered: Rendered | undefined) => void>()
  const outputs = task.names.map((name) => new Promise<Rendered | undefined>((resolve) => waiting.set(name, resolve)))
  const settle = (name: string, rendered: Rendered | undefined) => {
    waiting.get(name)?.(rendered)
    waiting.delete(name)
  }
  const fail = () => {
    for (const name of [...waiting.keys()]) settle(name, undefined)
  }
  thread.on('message', ({name, rendered}: EmitAnswer) => settle(name, rendered))
  thread.on('messageerror', fail)
  thread.on('error', fail)
  thread.on('exit', fail)
  return {outputs, stop: () => void thread.terminate()}
}
