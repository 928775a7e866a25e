// pdfkit 0.19.1 writes each operator of a page's content (a dozen a word: colour, opacity, font, position, glyphs) as
// a Buffer of its own, `Buffer.from(operator + '\n', 'binary')`, and concatenates them all when the page ends. This
// keeps the operators of a stream as text instead and makes one Buffer of them, the same bytes, when binary data
// comes or the stream ends. Applied at run time only while pdfkit's methods are still exactly the ones it was written
// against (their source's SHA-256); test/emit/pdf-content-writes.test.ts fails when they no longer are, and checks
// the PDF bytes with and without.
import PDFDocument from 'pdfkit'
import {sourceHash, sourcesMatch} from './patch.js'

/** What pdfkit's PDFReference (a PDF object, with its stream) has that this reads. */
interface Reference {
  buffer: Uint8Array[]
  data: {Length?: number; Filter?: string}
  compress: boolean
  uncompressedLength: number
  write(chunk: unknown): void
  finalize(): void
  /** Text written since the last Buffer. */
  pendingText?: string | undefined
}

/** The SHA-256 of the source of each method replaced or wrapped, and of the document's `ref`, pdfkit 0.19.1. */
const replacedSources = {
  write: 'd908ca396fbfefdf83d98cb321ebaaa57ef5055f5ec56c16fd697278ced62c5f',
  finalize: '8af9e473a08414758afb20298825e28ce4199aa70792287284f9aac3238b35b4',
  ref: '0266979fe5ef0619fa77e30b77f8c5f97f90c7fb183248494b1495153fdbb8f1'
}

// pdfkit exports only its document: the class is that of the object its `ref` makes, called on the three fields it
// reads (a real document would load a standard font first, 50 ms). Another pdfkit's `ref` is not called.
const ref = PDFDocument.prototype.ref as unknown as (this: object, data: object) => Reference
const prototype =
  sourceHash(ref) === replacedSources.ref ? (Object.getPrototypeOf(ref.call({_offsets: [], _waiting: 0, compress: false}, {})) as Reference) : undefined
const originals = {write: prototype?.write, finalize: prototype?.finalize}

/** The text written since the last Buffer, as one Buffer at the end of the stream's buffers. */
function flush(reference: Reference): void {
  const text = reference.pendingText
  if (!text) return
  reference.pendingText = undefined
  reference.buffer.push(Buffer.from(text, 'binary'))
}

/** As pdfkit's write: text gets a line end and counts one byte a character; binary data goes after the text before it. */
function write(this: Reference, chunk: unknown): void {
  if (chunk instanceof Uint8Array) {
    flush(this)
    originals.write!.call(this, chunk)
    return
  }
  const line = (chunk as string) + '\n'
  // Appended (V8 keeps a rope, flattened once by Buffer.from): quicker than an array joined.
  this.pendingText = this.pendingText === undefined ? line : this.pendingText + line
  this.uncompressedLength += line.length
  if (this.data.Length == null) this.data.Length = 0
  this.data.Length += line.length
  if (this.compress) this.data.Filter = 'FlateDecode'
}

function finalize(this: Reference): void {
  flush(this)
  originals.finalize!.call(this)
}

/** Whether pdfkit's methods are those this module replaces. */
export const matches = (): boolean => prototype !== undefined && sourcesMatch(replacedSources, (name) => (name === 'ref' ? ref : originals[name as keyof typeof originals]))

/** Write a stream's text in one Buffer (when pdfkit's methods match), or each operator in its own as pdfkit does. */
export function useBatchedWrites(on: boolean): void {
  if (!prototype) return
  const batched = on && matches()
  prototype.write = batched ? write : originals.write!
  prototype.finalize = batched ? finalize : originals.finalize!
}
