// One side of a diff: a sources folder (checked), a JSON model written by `build`, or a sources folder at a git
// revision (`HEAD~1:sources`, read into memory).
import {readFile, stat} from 'node:fs/promises'
import {configName, loadConfig, parseConfig} from '../config.js'
import {Art67Error} from '../errors.js'
import {analyse, check, type CheckResult} from '../index.js'
import {withRegistryNames} from '../language.js'
import {Report} from '../model.js'
import {printablePath, sourcePath} from '../read/index.js'
import {findReports, reportFolders} from '../reports/find.js'
import {counted, visible} from '../text.js'
import {gitRevision, readRevision} from './git.js'

export interface LoadOptions {
  /** Where git revisions are read; default the current directory. */
  cwd?: string | undefined
  /** A folder of templates to check sources with, instead of the package's own. */
  templates?: string | undefined
}

async function readModel(file: string): Promise<Report> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    // JSON.parse quotes the start of the text, which may be any bytes: the reason is said without it.
    const reason = visible((error as Error).message.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, ''))
    throw new Art67Error(`Cannot read ${printablePath(file)} as JSON: ${reason}`)
  }
  const parsed = Report.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Art67Error(`${printablePath(file)} is not a report model written by \`art67 build\`: at ${issue?.path.join('.') || '(root)'}, ${issue?.message}`)
  }
  // `build` wrote the names in the report's language; a check gives the registry's, and the two are compared.
  return withRegistryNames(parsed.data)
}

/** A side as loaded: its report, or the result of checking it when it has errors (and so no report). */
type Side = {report: Report} | {invalid: CheckResult}
const side = (result: CheckResult): Side => (result.report ? {report: result.report} : {invalid: result})

/**
 * A side is one report: a folder of several (`reports/` for `reports/2024/` and `reports/2025/`), which `check` and
 * `build` take for all of them, is refused naming them, rather than read as one report with two front matters.
 */
function severalReports(spec: string, reports: readonly string[]): Art67Error {
  const listed = reports.length > 2 ? `${reports.slice(0, 2).map(printablePath).join(', ')}…` : reports.map(printablePath).join(' and ')
  return new Art67Error(`${printablePath(spec)} holds ${reports.length} reports (${listed}), not one: name the folder of the report to compare, e.g. ${printablePath(reports[0]!)}`)
}

/** `REV:path/folder`, also at the top of the repository (`HEAD:` and `folder`). */
const inRevision = (spec: string, folder: string) => (spec.endsWith(':') ? `${spec}${folder}` : `${spec.replace(/\/+$/u, '')}/${folder}`)

/** The side `spec` names: a folder or JSON file that exists, else `REV:path` in git. */
async function load(spec: string, options: LoadOptions): Promise<Side> {
  const info = await stat(spec).catch(() => undefined)
  if (info?.isDirectory()) {
    // As `check reports/` does: a folder that is not a report stands for the one report below it.
    const reports = await findReports([spec])
    if (reports.length > 1) throw severalReports(spec, reports)
    return side(await check(reports[0] ?? spec, {templates: options.templates}))
  }
  if (info?.isFile()) return {report: await readModel(spec)}
  if (gitRevision(spec)) {
    const cwd = options.cwd ?? process.cwd()
    let revision = await readRevision(spec, cwd)
    const folders = reportFolders(revision.files.map((file) => ({path: sourcePath(file), text: String(file.value)})))
    if (folders.length > 1) throw severalReports(spec, folders.map((folder) => inRevision(spec, folder)))
    if (folders.length === 1 && folders[0] !== '.') revision = await readRevision((spec = inRevision(spec, folders[0]!)), cwd)
    const {config, ...sources} = revision
    // The severities of the revision's own config, else of the one here, as `check` finds a folder's.
    const rules = config === undefined ? (await loadConfig(cwd, cwd))?.rules : parseConfig(config, `${spec.replace(/\/+$/u, '')}/${configName}`).rules
    return side(await analyse(sources, {templates: options.templates, rules}))
  }
  throw new Art67Error(`${printablePath(spec)} is not a sources folder, a JSON model or a git revision such as HEAD~1:sources`)
}

/**
 * The reports `specs` name, in order. When any has errors, none is returned: the error names each such report and
 * carries its files, whose problems say where.
 */
export async function loadReports(specs: readonly string[], options: LoadOptions = {}): Promise<Report[]> {
  const sides = await Promise.all(specs.map(async (spec) => ({spec, ...(await load(spec, options))})))
  const invalid = sides.flatMap((loaded) => ('invalid' in loaded ? [{spec: loaded.spec, result: loaded.invalid}] : []))
  if (invalid.length > 0) {
    const named = invalid.map(({spec, result}) => `${printablePath(spec)} has ${counted(result.counts.errors, 'error')}`).join(' and ')
    throw new Art67Error(`${named}, so ${invalid.length === 1 ? 'it' : 'they'} cannot be compared`, invalid.flatMap(({result}) => result.files))
  }
  return sides.flatMap((loaded) => ('report' in loaded ? [loaded.report] : []))
}

/** The report `spec` names: a folder or JSON file that exists, else `REV:path` in git. */
export async function loadReport(spec: string, options: LoadOptions = {}): Promise<Report> {
  const [report] = await loadReports([spec], options)
  return report!
}
