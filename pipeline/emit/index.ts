// Stage 5, emit: the outputs of a report, one module each. A new output is one module and one line in `emitters`.
// Each emitter is loaded only when a build runs, so checking never pays for pdfmake or exceljs.
import type {Changes} from '../diff/compare.js'
import {inLanguage} from '../language.js'
import {withBoundedHeapGrowth} from './heap-growth.js'
import type {Report} from '../model.js'
import {templatesFor, type Templates, type TemplateSet} from '../templates.js'
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
export function outputName(report: Pick<Report, 'member' | 'period'>): string {
  return `${boundedSlug(report.member) || fallbackSlug}-${report.period.label}`
}

/** Runs one emitter; the library passes one that times it. */
export type Run = <T>(format: Emitter['format'], render: () => Promise<T>) => Promise<T>

/**
 * Every output of `report`, named after it, in the order of `emitters`: in the report's own language, then the PDF
 * and XLSX in each other language of `languages`, named with its code (`canada-2020-2021-fr.pdf`). The JSON is the
 * model, written once, in the report's language: another language would change only the names it prints. With
 * `since` (an earlier report), each XLSX lists the changes from it, naming Members and beneficiaries in its language.
 */
export async function emit(
  report: Report,
  templates: TemplateSet,
  options: Omit<EmitOptions, 'changes'> & {languages?: readonly string[]; since?: Report | undefined},
  run: Run = (_, render) => render()
): Promise<Output[]> {
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
  return withBoundedHeapGrowth(report.programmes.length, async () => {
    const outputs: Output[] = []
    for (const version of versions) {
      const rendered = new Map<Emitter, Output>()
      // Changes name Members and beneficiaries and write the report's date as this version prints them (the diff stage
      // loaded only when asked for, since `check` loads this module for `outputName`).
      const changes = options.since && (await import('../diff/compare.js')).compare(options.since, report, version.report.language, version.templates.labels)
      const versionOptions: EmitOptions = {instant: options.instant, changes}
      for (const emitter of renderOrder) {
        if (version.suffix && emitter.format === 'json') continue
        const render = await emitter.load()
        const data = await run(emitter.format, async () => render(version.report, version.templates, versionOptions))
        rendered.set(emitter, {name: `${name}${version.suffix}.${emitter.format}`, data})
      }
      outputs.push(...emitters.flatMap((emitter) => rendered.get(emitter) ?? []))
    }
    return outputs
  })
}

/**
 * The emitters in the order they run: the PDF last. Its layout is most of a build's memory; run first, it left that
 * much garbage for the XLSX to pile onto before the next full collection (5,000 programmes: 212 MB more at the peak).
 * The outputs keep the order of `emitters`.
 */
const renderOrder = [...emitters.filter(({format}) => format !== 'pdf'), ...emitters.filter(({format}) => format === 'pdf')]
