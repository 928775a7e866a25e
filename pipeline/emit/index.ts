// Stage 5, emit: the outputs of a report, one module each. A new output is one module and one line in `emitters`.
// Each emitter is loaded only when a build runs, so checking never pays for pdfmake or exceljs.
import type {Changes} from '../diff/compare.js'
import {inLanguage} from '../language.js'
import type {Report} from '../model.js'
import {templatesFor, type Templates, type TemplateSet} from '../templates.js'
import {slug} from '../text.js'
import type {Output} from '../write/index.js'
import {renderElsewhere, rendersElsewhere} from './elsewhere.js'

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
/** Told the milliseconds an emitter took in a worker thread; the library adds them to its timings. */
export type Spent = (format: Emitter['format'], ms: number) => void

/** Options of `emit`: also the languages to render the PDF and XLSX in besides the report's own. */
export interface EmitAllOptions extends EmitOptions {
  languages?: readonly string[] | undefined
  /** Threads that may be used, this one included; by default `threadCount()`. */
  threads?: number | undefined
  /** For tests: the module of the worker thread that renders the XLSX and JSON of large reports. */
  worker?: URL | undefined
}

/** An output to render: its name, emitter, and the report and templates of its language. */
export interface Planned {
  /** The language's place: 0 for the report's own. */
  version: number
  name: string
  emitter: Emitter
  report: Report
  templates: Templates
}

/**
 * Every output of `report`, named after it, in the order of `emitters`: in the report's own language, then the PDF
 * and XLSX in each other language of `languages`, named with its code (`canada-2020-2021-fr.pdf`). The JSON is the
 * model, written once, in the report's language: another language would change only the names it prints.
 */
export function planOutputs(report: Report, templates: TemplateSet, options: EmitAllOptions): Planned[] {
  const own = templatesFor(templates, report.language)
  const others = (options.languages ?? []).filter((language) => language !== report.language)
  // Checked before any rendering, so that an unknown language writes nothing.
  const versions: Array<{suffix: string; report: Report; templates: Templates}> = [
    {suffix: '', report: inLanguage(report, own.labels, own.labels), templates: own},
    ...others.map((language) => {
      const other = templatesFor(templates, language)
      return {suffix: `-${language}`, report: inLanguage(report, own.labels, other.labels), templates: other}
    })
  ]
  const name = outputName(versions[0]!.report)
  return versions.flatMap(({suffix, report, templates}, version) =>
    emitters
      .filter((emitter) => !(suffix && emitter.format === 'json'))
      .map((emitter) => ({version, name: `${name}${suffix}.${emitter.format}`, emitter, report, templates}))
  )
}

/** Render one planned output. */
export async function renderOutput(planned: Planned, options: EmitOptions): Promise<Output> {
  const render = await planned.emitter.load()
  return {name: planned.name, data: await render(planned.report, planned.templates, options)}
}

/**
 * The outputs `emit` makes. A report of `concurrentProgrammes` to `concurrentProgrammesMax` programmes, when art67
 * may use more than one thread (`threadCount`) and runs compiled, has its XLSX and JSON rendered in a worker thread
 * (`elsewhere.ts`) while this thread lays out the PDF, their time told to `spent`; an output the worker does not
 * give (it failed or stopped) is rendered here once the PDF is done.
 */
export async function emit(
  report: Report,
  templates: TemplateSet,
  options: EmitAllOptions,
  run: Run = (_, render) => render(),
  spent: Spent = () => undefined
): Promise<Output[]> {
  const planned = planOutputs(report, templates, options)
  const away = planned.filter(({emitter}) => emitter.format !== 'pdf')
  const worker = rendersElsewhere(report.programmes.length) && away.length > 0 ? renderElsewhere(report, templates, options, away) : undefined
  try {
    const rendered = new Map<string, Output>()
    for (const entry of renderOrder(planned)) {
      if (worker && entry.emitter.format !== 'pdf') continue
      rendered.set(entry.name, await run(entry.emitter.format, () => renderOutput(entry, options)))
    }
    for (const [index, entry] of worker ? away.entries() : []) {
      const answer = await worker!.outputs[index]!
      if (answer) spent(entry.emitter.format, answer.ms)
      rendered.set(entry.name, answer?.output ?? (await run(entry.emitter.format, () => renderOutput(entry, options))))
    }
    return planned.map((entry) => rendered.get(entry.name)!)
  } finally {
    worker?.stop()
  }
}

/**
 * The order outputs are rendered in this thread: language by language, the PDF last. Its layout is most of a build's
 * memory; run first, it left that much garbage for the XLSX to pile onto before the next full collection (5,000
 * programmes: 212 MB more at the peak). The outputs keep the order of `emitters`.
 */
const renderOrder = (planned: readonly Planned[]) =>
  [...planned].sort((a, b) => a.version - b.version || Number(a.emitter.format === 'pdf') - Number(b.emitter.format === 'pdf'))
