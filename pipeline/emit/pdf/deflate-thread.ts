// pdfkit deflates each stream (a page's content, a font) with zlib.deflateSync when its object is written, on this
// thread: at 1,000 programmes about 37 MB into 3.5 MB, 0.4–0.6 s, while pdfmake draws on one core and the other
// idles. Once a document has deflated `after` bytes here (a large report), each of its streams is deflated by a worker
// thread instead (the same zlib with the same options: the same bytes) while this thread draws the next page. The
// stream's object is written when the next object is, before it, so the objects keep their order and offsets; the
// wait is then short, a page taking longer to draw than to deflate. pdfmake draws every page in one synchronous call,
// so this thread never sees its event loop meanwhile: the worker's answers are read from its port synchronously
// (receiveMessageOnPort), and this thread sleeps on a shared counter (Atomics) until one comes. A worker that does not
// answer within `patience` is given up: its stream, and every later one, is deflated here as before.
// content-writes.ts's `finalize` calls `finalizeStream`; test/emit/pdf-deflate-thread.test.ts checks the bytes.
import type {MessagePort, Worker} from 'node:worker_threads'
import {threadCount} from '../../threads.js'

/** What pdfkit's PDFReference has that this reads. */
export interface StreamReference {
  document: object
  compress: boolean
  buffer: Uint8Array[] | Buffer
  finalize(): void
}

/** The worker: deflates each stream it is sent, as pdfkit does, and sends it back (or why it could not). */
const workerSource = `
const {workerData} = require('node:worker_threads')
const zlib = require('node:zlib')
const {port, answered} = workerData
port.on('message', ({id, input}) => {
  try {
    const output = new Uint8Array(zlib.deflateSync(new Uint8Array(input)))
    port.postMessage({id, output: output.buffer}, [output.buffer])
  } catch (error) {
    port.postMessage({id, failed: String(error)})
  }
  Atomics.add(answered, 0, 1)
  Atomics.notify(answered, 0)
})
`

interface Settings {
  on: boolean
  /** Bytes a document deflates in this thread before its streams go to the worker. */
  after: number
  /** Milliseconds to wait for one stream before giving the worker up. */
  patience: number
  /** The worker's code (tests give others). */
  source: string
}

const defaults: Settings = {on: true, after: 2 * 1024 * 1024, patience: 10_000, source: workerSource}
let settings = defaults

/** The process's deflating worker, once a document needs it; `false` once given up or when it cannot start. */
let thread: {worker: Worker; port: MessagePort; answered: Int32Array} | false | undefined
let nextId = 0
/** Answers read from the port for a stream not yet written (another document's). */
const early = new Map<number, {output?: ArrayBuffer; failed?: string}>()

/** An object to write in its turn: a stream whose deflate is under way (`id`), or one finalized after it. */
interface Queued {
  reference: StreamReference
  finalize: () => void
  id?: number
}

/** Per document: the bytes it deflated here, and the objects waiting to be written (a stream under way first). */
interface DocumentState {
  deflatedHere: number
  queue: Queued[]
}
const documents = new WeakMap<object, DocumentState>()

/** Streams deflated by the worker since the process started (for tests and traces). */
export let streamsDeflatedInThread = 0

function startThread(): typeof thread {
  if (thread !== undefined) return thread
  try {
    // Loaded only here: node:worker_threads loaded into a start-up snapshot gives workers that fail at once.
    const {Worker, MessageChannel, isMainThread} = process.getBuiltinModule('node:worker_threads')
    // Reports rendered in worker threads (reports/pool.ts) have a core each already.
    if (!isMainThread) return (thread = false)
    const {port1, port2} = new MessageChannel()
    const answered = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(settings.source, {eval: true, workerData: {port: port2, answered}, transferList: [port2]})
    // Neither keeps the process alive; the worker's own errors mean only that its answers never come.
    worker.unref()
    worker.on('error', () => {})
    thread = {worker, port: port1, answered}
  } catch {
    thread = false
  }
  return thread
}

/** Stop the worker; `then` is what comes next: none (`false`), or a new one when needed (`undefined`). */
function stopThread(then: false | undefined): void {
  if (thread) void thread.worker.terminate()
  thread = then
  early.clear()
}

type Answer = {output?: ArrayBuffer; failed?: string}

/** Move the answers the worker has sent into `early`. */
function receiveAnswers(port: MessagePort): void {
  const {receiveMessageOnPort} = process.getBuiltinModule('node:worker_threads')
  for (let received; (received = receiveMessageOnPort(port) as {message: Answer & {id: number}} | undefined); ) {
    early.set(received.message.id, received.message)
  }
}

/**
 * The worker's answer for stream `id`; when `wait`ing, undefined if it gives none in time (the worker is then given
 * up), else 'pending' while it has not answered. Undefined too once the worker is given up.
 */
function answerFor(id: number, wait: boolean): Answer | 'pending' | undefined {
  const deadline = performance.now() + settings.patience
  while (thread) {
    const seen = Atomics.load(thread.answered, 0)
    receiveAnswers(thread.port)
    const answer = early.get(id)
    if (answer) {
      early.delete(id)
      return answer
    }
    if (!wait) return 'pending'
    const left = deadline - performance.now()
    if (left <= 0 || Atomics.wait(thread.answered, 0, seen, left) === 'timed-out') stopThread(false)
  }
  return undefined
}

/**
 * Write the document's waiting objects in their order: up to the stream under way if it is not deflated yet, or
 * all of them, waiting for it (`wait`).
 */
function writeQueued(state: DocumentState, wait: boolean): void {
  while (state.queue.length > 0) {
    const head = state.queue[0]!
    if (head.id !== undefined) {
      const answer = answerFor(head.id, wait)
      if (answer === 'pending') return
      if (answer?.output) {
        // pdfkit's own finalize then writes it as it is: deflated already. Without an answer, it deflates it here.
        head.reference.compress = false
        head.reference.buffer = [Buffer.from(answer.output)]
      }
    }
    state.queue.shift()
    head.finalize()
  }
}

const lengthOf = (buffer: Uint8Array[] | Buffer): number =>
  Array.isArray(buffer) ? buffer.reduce((sum, chunk) => sum + chunk.length, 0) : buffer.length

/**
 * Write `reference`'s object as pdfkit's `finalize` (given) does, in its turn: a stream of a document that has
 * deflated enough here goes to the worker, and it and the objects finalized after it are written once it is deflated
 * (at the latest when the next stream comes).
 */
export function finalizeStream(reference: StreamReference, finalize: () => void): void {
  let state = documents.get(reference.document)
  if (!state) documents.set(reference.document, (state = {deflatedHere: 0, queue: []}))
  writeQueued(state, false)
  const length = reference.compress ? lengthOf(reference.buffer) : 0
  const threaded = length > 0 && settings.on && state.deflatedHere >= settings.after && threadCount() > 1 && startThread()
  if (!threaded) {
    if (state.queue.length > 0) return void state.queue.push({reference, finalize})
    state.deflatedHere += length
    return finalize()
  }
  // One stream under way at a time: the next page's is made long after this one is deflated.
  writeQueued(state, true)
  const input = new Uint8Array(length)
  let at = 0
  for (const chunk of Array.isArray(reference.buffer) ? reference.buffer : [reference.buffer]) {
    input.set(chunk, at)
    at += chunk.length
  }
  const id = nextId++
  ;(thread as Exclude<typeof thread, false | undefined>).port.postMessage({id, input: input.buffer}, [input.buffer])
  streamsDeflatedInThread++
  state.queue.push({reference, id, finalize})
  // pdfkit's end finalizes more objects after the last stream, but should a document's last object wait here, the
  // event loop writes it, so that the document never waits for a write that never comes.
  const waiting = state
  setImmediate(() => writeQueued(waiting, true))
}

/** Deflate large documents' streams in a worker thread (`on`), or every stream here; tests change the settings. */
export function useThreadedDeflate(on: boolean, options: Partial<Omit<Settings, 'on'>> = {}): void {
  settings = {...defaults, ...options, on}
  stopThread(undefined)
}
