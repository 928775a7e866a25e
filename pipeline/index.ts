// The library API: `check` validates a sources folder, `build` also writes the PDF, XLSX and JSON. This module only
// composes the stages, one line each: read → parse → extract → validate → emit → write (format is the CLI's).
import {performance} from 'node:perf_hooks'
import type {Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {applySeverities, checkedEpoch, loadConfig, parseRules, type Rules} from './config.js'
import {utcMillis} from './dates.js'
import {emit, outputName} from './emit/index.js'
import {extract} from './extract/index.js'
import {glyphsOf} from './fonts/index.js'
import {count, sortMessages, type Counts} from './format/index.js'
import type {Report} from './model.js'
import {parse, type ParseCache} from './parse/index.js'
export {ParseCache} from './parse/index.js'
import {read, type ReadOptions, type Sources} from './read/index.js'
import {loadTemplates, packageTemplates, templatesFor} from './templates.js'
import {namingOf} from './validate/frontmatter.js'
import {validate} from './validate/index.js'
import {write, type Output} from './write/index.js'

export {Art67Error} from './errors.js'
export type {Report} from './model.js'
export type {Sources} from './read/index.js'
export {format, formatGithub, formatJson, formatText, formats, type Diagnostic, type Format, type FormatOptions} from './format/index.js'
export {catalogue, ruleIds, type RuleId} from './rules/index.js'
export {configName, loadConfig, type Rules, type Setting} from './config.js'

export type Stage = 'templates' | 'read' | 'parse' | 'extract' | 'validate' | 'pdf' | 'xlsx' | 'json' | 'overview' | 'write'

export interface CheckOptions extends ReadOptions {
  /** More warnings than this fail the run (a whole number; default no limit). */
  maxWarnings?: number
  /** Warnings fail the run too: `maxWarnings: 0`. */
  strict?: boolean
  /**
   * Severities per rule id (`off`, `warn`, `error`), over those of the sources folder's `art67.config.json`
   * (`check` reads it; `analyse` does not).
   */
  rules?: Rules
  /** A folder of templates to use instead of the package's own. */
  templates?: string | undefined
  /** Parsed files kept by content digest between runs (watching): an unchanged file is not parsed again. */
  parseCache?: ParseCache | undefined
  /** Threads to parse large sources in, this one included; by default one a core, or ART67_THREADS. */
  threads?: number | undefined
}

export interface CheckResult {
  /** The validated model; absent when there are errors. */
  report: Report | undefined
  /**
   * The outputs' base name (`canada-2020-2021`) when the front matter gives the member and period, whatever errors
   * the rest has: where several reports' outputs go does not depend on which of them have errors.
   */
  outputName: string | undefined
  /** Every file read or rejected, each carrying its problems in source order. */
  files: VFile[]
  counts: Counts
  /** No errors, and no more warnings than `maxWarnings` (none under `strict`). */
  ok: boolean
  /** Milliseconds spent in each stage. */
  timings: Partial<Record<Stage, number>>
}

export interface BuildOptions extends CheckOptions {
  /** Output folder; default `out`. */
  out?: string
  /**
   * Seconds since the epoch to stamp into the files (`SOURCE_DATE_EPOCH`), from 1980-01-01 to 2107-12-31;
   * by default the report's date, or the start of its period while it has none (never a day after the communication).
   */
  sourceDateEpoch?: number | undefined
  /**
   * Languages (template codes such as `fr`) to build the PDF and XLSX in besides the sources' own, from the same
   * sources: only fixed texts and names are translated. Each is written as `<name>-<code>.pdf` and `.xlsx`.
   */
  languages?: readonly string[] | undefined
  /** Also write `<name>-overview.pdf` and the overview's charts as SVG files. */
  overview?: boolean | undefined
  /** Leave in place an output whose bytes are those already written (for watching). */
  skipUnchanged?: boolean | undefined
  /**
   * An earlier report to list changes since, in a Changes sheet of the XLSX: a sources folder, a JSON model written
   * by `build`, or `REV:path` in the git repository of the current directory (see `art67 diff`).
   */
  since?: string | undefined
}

export interface BuildResult extends CheckResult {
  /** Paths of the files written; empty when the build failed. */
  outputs: string[]
}

type Timings = CheckResult['timings']

/** Run a stage and add the milliseconds it took to `timings`. */
async function timed<T>(timings: Timings, stage: Stage, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now()
  const value = await run()
  timings[stage] = (timings[stage] ?? 0) + performance.now() - start
  return value
}

export async function check(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const timings: Timings = {}
  const config = await timed(timings, 'read', () => loadConfig(dir))
  const sources = await timed(timings, 'read', () => read(dir, options))
  return analyse(sources, {...options, rules: {...config?.rules, ...options.rules}}, timings)
}

/** The outputs' base name: the report's, else the one its front matter's member and period give, if right. */
function outputNameOf(report: Report | undefined, frontMatter: Yaml | undefined): string | undefined {
  const naming = report ?? (frontMatter && namingOf(frontMatter))
  return naming && outputName(naming)
}

/** Check sources already read (or made in memory): every stage after reading. */
export async function analyse(sources: Sources, options: CheckOptions = {}, timings: Timings = {}): Promise<CheckResult> {
  const rules = parseRules(options.rules ?? {}, 'the `rules` option')
  const templates = await timed(timings, 'templates', () => loadTemplates(options.templates ?? packageTemplates))
  const parsed = await timed(timings, 'parse', () => parse(sources.files, options.parseCache, {threads: options.threads}))
  const extracted = await timed(timings, 'extract', () =>
    extract(parsed, Object.values(templates.labels), glyphsOf(templates.styles.font), {allRead: !sources.rejected.some((file) => file.messages.some((message) => message.fatal === true))})
  )
  const report = await timed(timings, 'validate', () => validate(extracted, templates))

  const files = [...sources.files, ...sources.rejected].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  sortMessages(files)
  applySeverities(files, rules)
  const counts = count(files)
  return {
    report: counts.errors === 0 ? report : undefined,
    outputName: outputNameOf(report, extracted.frontMatter?.node),
    files,
    counts,
    ok: counts.errors === 0 && counts.warnings <= (options.strict ? 0 : (options.maxWarnings ?? Infinity)),
    timings
  }
}

/**
 * The report `since` names (`loaded`, when it already is) and the changes from it to `report`; the diff stage is
 * loaded only when asked for.
 */
async function changesSince(since: string, report: Report, templates: string | undefined, loaded: Report | undefined) {
  const {compare, loadReport} = await import('./diff/index.js')
  const old = loaded ?? (await loadReport(since, {templates}))
  return {old, changes: compare(old, report)}
}

export interface RenderOptions extends Pick<BuildOptions, 'templates' | 'sourceDateEpoch' | 'overview' | 'languages' | 'since'> {
  /** The report `since` names, loaded already (by the thread that can list its errors): not loaded again. */
  sinceReport?: Report | undefined
}

/** The outputs of a valid report, in memory: the emitters' files, and the overview's when asked for. */
export async function render(report: Report, options: RenderOptions = {}, timings: Timings = {}): Promise<Output[]> {
  const epoch = options.sourceDateEpoch === undefined ? undefined : checkedEpoch(options.sourceDateEpoch)
  const templates = await loadTemplates(options.templates ?? packageTemplates)
  const instant = new Date(epoch === undefined ? utcMillis(report.date ?? report.period.from) : epoch * 1000)
  const since = options.since === undefined ? undefined : await changesSince(options.since, report, options.templates, options.sinceReport)
  const outputs = await emit(report, templates, {instant, since: since?.old, languages: options.languages}, (format, render) => timed(timings, format, render))
  if (options.overview) {
    const own = templatesFor(templates, report.language)
    outputs.push(...(await timed(timings, 'overview', async () => (await import('./overview/index.js')).overview(report, own, {instant, since}))))
  }
  return outputs
}

export async function build(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  if (options.sourceDateEpoch !== undefined) checkedEpoch(options.sourceDateEpoch)
  const templates = await loadTemplates(options.templates ?? packageTemplates)
  // A language without templates is a usage error, found before any work.
  for (const language of options.languages ?? []) templatesFor(templates, language)
  const result = await check(dir, options)
  const {report, timings} = result
  if (!result.ok || !report) return {...result, outputs: []}
  const outputs = await render(report, options, timings)
  const written = await timed(timings, 'write', () => write(options.out ?? 'out', outputs, {skipUnchanged: options.skipUnchanged}))
  return {...result, outputs: written}
}
