// The library API: `check` validates a sources folder, `build` also writes the PDF, XLSX and JSON.
// The emitters are loaded only by `build`, so checking never pays for pdfmake or exceljs.
import {readdir} from 'node:fs/promises'
import {performance} from 'node:perf_hooks'
import type {VFile} from 'vfile'
import {utcMillis} from './dates.js'
import {extract} from './extract.js'
import {checkGlyphs} from './glyphs.js'
import {readFrontMatter, type Meta} from './frontmatter.js'
import type {Report} from './model.js'
import {parseFile, type ParsedFile} from './parse.js'
import {readSources, sourcePath, type Sources} from './read.js'
import {count, type Counts} from './report.js'
import {related, report as reportProblem} from './rules.js'
import {reportJson} from './schema.js'
import {loadTemplates, packageTemplates} from './templates.js'
import {slug, validate} from './validate.js'
import {writeOutputs} from './write.js'

export {Art67Error} from './errors.js'
export type {Report} from './model.js'
export type {Sources} from './read.js'
export {formatGithub, formatJson, formatText, formats, type Diagnostic, type Format} from './report.js'

export type Stage = 'read' | 'parse' | 'extract' | 'validate' | 'pdf' | 'xlsx' | 'write'

export interface CheckOptions {
  /** Warnings fail the run too. */
  strict?: boolean
  /** A folder of templates to use instead of the package's own. */
  templates?: string
}

export interface CheckResult {
  /** The validated model; absent when there are errors. */
  report: Report | undefined
  /** Every file read or rejected, each carrying its problems. */
  files: VFile[]
  counts: Counts
  /** No errors, and no warnings under `strict`. */
  ok: boolean
  /** Milliseconds spent in each stage. */
  timings: Partial<Record<Stage, number>>
}

export interface BuildOptions extends CheckOptions {
  /** Output folder; default `out`. */
  out?: string
  /**
   * Seconds since the epoch to stamp into the files (`SOURCE_DATE_EPOCH`);
   * by default the report's date, or the end of its period while it has none.
   */
  sourceDateEpoch?: number | undefined
}

export interface BuildResult extends CheckResult {
  /** Paths of the files written; empty when the build failed. */
  outputs: string[]
}

/** Run a stage and add the milliseconds it took to `timings`. */
async function timed<T>(timings: CheckResult['timings'], stage: Stage, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now()
  const value = await run()
  timings[stage] = (timings[stage] ?? 0) + performance.now() - start
  return value
}

async function templateLanguages(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [])
  return names.filter((name) => name.endsWith('.json') && name !== 'styles.json').map((name) => name.slice(0, -5))
}

/** Find the one front matter and read it; report missing or repeated ones. */
function frontMatter(parsed: readonly ParsedFile[], languages: string[]): Meta | undefined {
  const found = parsed.filter(({tree}) => tree.children[0]?.type === 'yaml')
  const [first, ...others] = found
  for (const other of others) {
    const place = first!.tree.children[0]!.position
    reportProblem(other.file, 'frontmatter-duplicate', `A second front matter; the first is in \`${sourcePath(first!.file)}\``, other.tree.children[0]!.position, {
      cause: related(first!.file, place, 'first front matter')
    })
  }
  if (!first) {
    const target = parsed[0]?.file
    if (target) reportProblem(target, 'frontmatter-missing', 'No file has front matter, so the report has no member, period or date', {line: 1, column: 1})
    return undefined
  }
  const node = first.tree.children[0]
  return node?.type === 'yaml' ? readFrontMatter(first.file, node, languages) : undefined
}

export async function check(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const timings: CheckResult['timings'] = {}
  const sources = await timed(timings, 'read', () => readSources(dir))
  return analyse(sources, options, timings)
}

/** Check sources already read (or made in memory): every stage after reading. */
export async function analyse(sources: Sources, options: CheckOptions = {}, timings: CheckResult['timings'] = {}): Promise<CheckResult> {
  const templatesDir = options.templates ?? packageTemplates
  await timed(timings, 'validate', () => checkGlyphs(sources.files))
  const parsed = await timed(timings, 'parse', () => sources.files.map((file) => parseFile(file)))
  const languages = await templateLanguages(templatesDir)
  const meta = await timed(timings, 'validate', () => frontMatter(parsed, languages))
  const {labels} = await loadTemplates(meta?.language ?? 'en', templatesDir)
  const extracted = await timed(timings, 'extract', () => extract(parsed, labels))
  const report = await timed(timings, 'validate', () => validate(meta, extracted, labels))

  const files = [...sources.files, ...sources.rejected].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const counts = count(files)
  return {
    report: counts.errors === 0 ? report : undefined,
    files,
    counts,
    ok: counts.errors === 0 && !(options.strict && counts.warnings > 0),
    timings
  }
}

/** `canada-2020-2021`: the outputs' base name, from the member and the period. */
export function outputName(report: Report): string {
  return `${slug(report.member)}-${report.period.label}`
}

export async function build(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const result = await check(dir, options)
  if (!result.ok || !result.report) return {...result, outputs: []}
  const report = result.report
  const {timings} = result
  const templates = await loadTemplates(report.language, options.templates ?? packageTemplates)
  const instant = new Date(options.sourceDateEpoch === undefined ? utcMillis(report.date ?? report.period.to) : options.sourceDateEpoch * 1000)
  const [{emitPdf}, {emitXlsx}] = await Promise.all([import('./emit-pdf.js'), import('./emit-xlsx.js')])
  const pdf = await timed(timings, 'pdf', () => emitPdf(report, templates, {creationDate: instant}))
  const xlsx = await timed(timings, 'xlsx', () => emitXlsx(report, templates, {instant}))
  const name = outputName(report)
  const outputs = await timed(timings, 'write', () =>
    writeOutputs(options.out ?? 'out', [
      {name: `${name}.pdf`, data: pdf},
      {name: `${name}.xlsx`, data: xlsx},
      {name: `${name}.json`, data: reportJson(report)}
    ])
  )
  return {...result, outputs}
}
