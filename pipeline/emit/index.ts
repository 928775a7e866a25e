// Stage 5, emit: the outputs of a report, one module each. A new output is one module and one line in `emitters`.
// Each emitter is loaded only when a build runs, so checking never pays for pdfmake or exceljs.
import type {Changes} from '../diff/compare.js'
import type {Report} from '../model.js'
import type {Templates} from '../templates.js'
import {slug} from '../text.js'
import type {Output} from '../write/index.js'

export interface EmitOptions {
  /** The instant stamped into the files, so that the same sources give the same bytes. */
  instant: Date
  /** Changes since an earlier report (`build --since`): the XLSX adds a Changes sheet. */
  changes?: Changes | undefined
}

type Emit = (report: Report, templates: Templates, options: EmitOptions) => Promise<Uint8Array | string> | string

export interface Emitter {
  /** The output's file name extension, and the name of its timing. */
  format: 'pdf' | 'xlsx' | 'json'
  load: () => Promise<Emit>
}

export const emitters: readonly Emitter[] = [
  {format: 'pdf', load: async () => (await import('./pdf/index.js')).emitPdf},
  {format: 'xlsx', load: async () => (await import('./xlsx/index.js')).emitXlsx},
  {format: 'json', load: async () => (await import('./json/index.js')).emitJson}
]

/** The most bytes of a member's slug in the outputs' names: file systems allow 255 a name, and the temporary files add more. */
export const maxSlugBytes = 100
/** The base name when the member's name has no letter or digit (e.g. only an emoji). */
const fallbackSlug = 'report'

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/** The slug of `name`, cut after the last whole word that fits in `maxSlugBytes` (a first word too long, within it). */
function boundedSlug(name: string): string {
  const [first = '', ...words] = slug(name).split('-')
  let kept = ''
  for (const character of first) {
    if (bytes(kept + character) > maxSlugBytes) break
    kept += character
  }
  if (kept.length < first.length) return kept
  for (const word of words) {
    if (bytes(`${kept}-${word}`) > maxSlugBytes) break
    kept += `-${word}`
  }
  return kept
}

/** `canada-2020-2021`: the outputs' base name, from the member (bounded, never empty) and the period. */
export function outputName(report: Report): string {
  return `${boundedSlug(report.member) || fallbackSlug}-${report.period.label}`
}

/** Runs one emitter; the library passes one that times it. */
export type Run = <T>(format: Emitter['format'], render: () => Promise<T>) => Promise<T>

/** Every output of `report`, named after it, in the order of `emitters`. */
export async function emit(report: Report, templates: Templates, options: EmitOptions, run: Run = (_, render) => render()): Promise<Output[]> {
  const name = outputName(report)
  const outputs: Output[] = []
  for (const emitter of emitters) {
    const render = await emitter.load()
    outputs.push({name: `${name}.${emitter.format}`, data: await run(emitter.format, async () => render(report, templates, options))})
  }
  return outputs
}
