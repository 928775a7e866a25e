// Many reports in one run: `check` or `build` each report folder found (find.ts), one listing of problems for all.
// Reports are checked and their outputs rendered in parallel (pool.ts). Each report's outputs are written all or none
// as soon as they are rendered, so a failed report leaves the others' written and its own previous outputs untouched.
import {createHash} from 'node:crypto'
import path from 'node:path'
import {outputName} from '../emit/index.js'
import {Art67Error} from '../errors.js'
import {build, check, type BuildOptions, type BuildResult, type CheckOptions, type CheckResult, type ParseCache, type RenderOptions} from '../index.js'
import {utcMillis} from '../dates.js'
import {inLanguage} from '../language.js'
import type {Report} from '../model.js'
import {loadTemplates, packageTemplates, templatesFor} from '../templates.js'
import {write, type Output} from '../write/index.js'
import {findReports} from './find.js'
import {Pool, workersFor} from './pool.js'

export {findReports, isReport} from './find.js'
export {Progress, showProgress} from './progress.js'

/** What a run tells as it goes: for a progress line. */
export interface Hooks {
  /** The report folders found, before any is checked. */
  found?: (dirs: readonly string[]) => void
  start?: (dir: string) => void
  /** A report's outputs are being rendered (not taken from `renders`). */
  rendering?: (dir: string) => void
  finish?: (dir: string) => void
}

export interface ReportResult<Result extends CheckResult> {
  /** The report's folder. */
  dir: string
  result: Result
  /** Why its outputs could not be made or written (a setup or internal error), if so. */
  error?: string
}

export interface ManyResult<Result extends CheckResult> {
  reports: ReportResult<Result>[]
  /** Every report ok and no error. */
  ok: boolean
}

export interface ManyBuildResult extends ManyResult<BuildResult> {
  /** The combined workbook, when asked for, every report was built, and it was written (watching: its bytes changed). */
  combined?: string
}

export interface ManyOptions extends CheckOptions {
  /** The parse cache of each report folder (watching): reports are then checked in this thread. */
  parseCacheFor?: ((dir: string) => ParseCache) | undefined
  /** Worker threads checking reports and rendering outputs; default one per core, at most one per report. */
  workers?: number | undefined
}

/** The last outputs rendered of each report folder, by a digest of what they were rendered from (watching). */
export type Renders = Map<string, {key: string; outputs: Output[]}>

export interface ManyBuildOptions extends BuildOptions, ManyOptions {
  /** Outputs kept between runs: a report whose model and options are unchanged is not rendered again. */
  renders?: Renders | undefined
  /** Also write one XLSX of every report's programmes (`art67-combined.xlsx` in `out`). */
  combined?: boolean
}

const isOk = (report: ReportResult<CheckResult>) => report.result.ok && report.error === undefined

/** Check every report of `dirs` (folders, or parents of report folders), in parallel. */
export async function checkMany(dirs: readonly string[], options: ManyOptions = {}, hooks: Hooks = {}): Promise<ManyResult<CheckResult>> {
  const found = await findReports(dirs)
  hooks.found?.(found)
  const pool = new Pool(options.parseCacheFor ? 1 : (options.workers ?? workersFor(found.length)))
  try {
    const reports = await Promise.all(
      found.map(async (dir) => {
        const checked = await checkOne(pool, dir, options, hooks)
        hooks.finish?.(dir)
        return checked
      })
    )
    return {reports, ok: reports.every(isOk)}
  } finally {
    await pool.close()
  }
}

/** Check one report in the pool, or in this thread with its parse cache (which cannot cross to a worker). */
async function checkOne(pool: Pool, dir: string, options: ManyOptions, hooks: Hooks): Promise<ReportResult<CheckResult>> {
  const {parseCacheFor, workers, ...rest} = options
  // Reports checked in parallel are each parsed in one thread.
  const threads = pool.parallel ? 1 : rest.threads
  const result = parseCacheFor
    ? (hooks.start?.(dir), await check(dir, {...rest, parseCache: parseCacheFor(dir)}))
    : await pool.check(dir, {...rest, threads}, () => hooks.start?.(dir))
  return {dir, result}
}

/** The folder that holds all of `resolved` (absolute paths): their common parent, or the one folder's parent. */
export function commonParent(resolved: readonly string[]): string {
  let common = resolved.length > 1 ? resolved[0]! : path.dirname(resolved[0] ?? '.')
  // A root (`/`, `C:\`) ends with its separator already, and is its own parent: the loop ends there.
  const inside = (dir: string) => dir === common || dir.startsWith(common.endsWith(path.sep) ? common : common + path.sep)
  while (!resolved.every(inside) && path.dirname(common) !== common) common = path.dirname(common)
  return common
}

/**
 * Each report's output folder: `out`, or a subfolder named after the report's folder (relative to `common`, the
 * reports' common parent) for reports whose outputs would have the same `name`. A report without a name (no member or
 * period to name it by) collides with none.
 */
export function outputFolders(reports: ReadonlyArray<{dir: string; name: string | undefined}>, out: string, common: string): string[] {
  return reports.map(({dir, name}, index) => {
    const collides = name !== undefined && reports.some((other, at) => at !== index && other.name === name)
    const resolved = path.resolve(dir)
    const sub = path.relative(common, resolved) || path.basename(resolved)
    return collides ? path.join(out, sub) : out
  })
}

/** Build every report of `dirs`; one report alone builds as `build` does. */
export async function buildMany(dirs: readonly string[], options: ManyBuildOptions = {}, hooks: Hooks = {}): Promise<ManyBuildResult> {
  const out = options.out ?? 'out'
  // A language without templates is a usage error, found before any work.
  const templates = await loadTemplates(options.templates ?? packageTemplates)
  for (const language of options.languages ?? []) templatesFor(templates, language)
  const found = await findReports(dirs)
  if (options.since !== undefined && found.length > 1) {
    throw new Art67Error(`--since names one earlier report, but ${found.length} reports were found: build each with its own --since`)
  }
  hooks.found?.(found)
  // Here, where its errors can be listed: the threads that render would give only their count.
  const sinceReport =
    options.since !== undefined && (options.combined || options.renders) ? await (await import('../diff/index.js')).loadReport(options.since, {templates: options.templates}) : undefined
  if (found.length === 1 && !options.combined && !options.renders) {
    const [dir] = found as [string]
    hooks.start?.(dir)
    const result = await build(dir, {...options, parseCache: options.parseCacheFor?.(dir)})
    hooks.finish?.(dir)
    return {reports: [{dir, result}], ok: result.ok}
  }
  // Reports are told apart by their folders from here: where their outputs go, and in the combined workbook.
  const common = commonParent(found.map((dir) => path.resolve(dir)))
  // Checking and rendering share one pool of threads; each report is written as soon as it is rendered.
  const pool = new Pool(options.workers ?? workersFor(found.length))
  let reports: ReportResult<BuildResult>[]
  try {
    const checked = await Promise.all(
      found.map(async (dir) => {
        const checked = await checkOne(pool, dir, options, hooks)
        // A report that cannot be built is done; the others when written.
        if (!checked.result.ok || !checked.result.report) hooks.finish?.(dir)
        return checked
      })
    )
    reports = checked.map(({dir, result}) => ({dir, result: {...result, outputs: []}}))
    // Named among all the reports, failed ones too, so that a report's outputs stay where they are when another fails.
    const folders = outputFolders(reports.map(({dir, result}) => ({dir, name: result.outputName})), out, common)
    const valid = reports.flatMap((entry, index) => (entry.result.ok && entry.result.report ? [{entry, folder: folders[index]!}] : []))
    const renderOptions = {templates: options.templates, sourceDateEpoch: options.sourceDateEpoch, overview: options.overview, languages: options.languages, since: options.since, sinceReport}
    await Promise.all(
      valid.map(async ({entry, folder}) => {
        const rendered = await renderKept(pool, entry.dir, entry.result.report!, renderOptions, options.renders, () => {
          hooks.start?.(entry.dir)
          hooks.rendering?.(entry.dir)
        })
        try {
          if ('error' in rendered) throw new Error(rendered.forUser ? rendered.error : `internal error: ${rendered.error}`)
          entry.result.outputs = await write(folder, rendered.outputs, {skipUnchanged: options.skipUnchanged})
        } catch (error) {
          entry.error = (error as Error).message
        }
        hooks.finish?.(entry.dir)
      })
    )
  } finally {
    await pool.close()
  }
  const ok = reports.every(isOk)
  if (!options.combined || !ok) return {reports, ok}
  return {reports, ok, combined: await writeCombined(fromCommonParent(reports.map((entry) => ({dir: entry.dir, report: entry.result.report!})), common), out, options)}
}

/** A report's outputs: those kept in `renders` when rendered from the same model and options, else rendered. */
async function renderKept(pool: Pool, dir: string, report: Report, options: RenderOptions, renders: Renders | undefined, started: () => void) {
  if (!renders) return pool.render(report, options, started)
  const key = createHash('sha256').update(JSON.stringify({report, options})).digest('hex')
  const kept = renders.get(path.resolve(dir))
  if (kept?.key === key) return {outputs: kept.outputs, kept: true}
  const rendered = await pool.render(report, options, started)
  if ('outputs' in rendered) renders.set(path.resolve(dir), {key, outputs: rendered.outputs})
  return rendered
}

/**
 * The reports with the files their programmes come from named from `common`, the reports' common parent folder
 * (`canada/2021/report.md`), so that the combined workbook's rows of two reports are told apart.
 */
function fromCommonParent(reports: ReadonlyArray<{dir: string; report: Report}>, common: string): Report[] {
  return reports.map(({dir, report}) => {
    const folder = path.relative(common, path.resolve(dir)).split(path.sep).join('/')
    const programmes = report.programmes.map((programme) => ({...programme, sources: programme.sources.map((source) => ({...source, file: folder ? `${folder}/${source.file}` : source.file}))}))
    return {...report, programmes}
  })
}

/**
 * The combined workbook of `reports`, in the language of the first (Members and beneficiaries named in it too, one
 * name for each whatever the language of its report), dated with the latest report's instant.
 */
async function writeCombined(reports: readonly Report[], out: string, options: ManyBuildOptions): Promise<string | undefined> {
  const {emitCombinedXlsx, combinedName} = await import('../emit/xlsx/combined.js')
  const set = await loadTemplates(options.templates ?? packageTemplates)
  const templates = templatesFor(set, reports[0]?.language ?? 'en')
  const named = reports.map((report) => inLanguage(report, templatesFor(set, report.language).labels, templates.labels))
  const latest = Math.max(...reports.map((report) => utcMillis(report.date ?? report.period.from)))
  const instant = new Date(options.sourceDateEpoch === undefined ? latest : options.sourceDateEpoch * 1000)
  const [written] = await write(out, [{name: combinedName, data: await emitCombinedXlsx(named, templates, instant)}], {skipUnchanged: options.skipUnchanged})
  return written
}
