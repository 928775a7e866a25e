// One side of a diff: a sources folder (checked), a JSON model written by `build`, or a sources folder at a git
// revision (`HEAD~1:sources`, read into memory).
import {readFile, stat} from 'node:fs/promises'
import {Art67Error} from '../errors.js'
import {analyse, check, type CheckResult} from '../index.js'
import {Report} from '../model.js'
import {printablePath} from '../read/index.js'
import {counted, visible} from '../text.js'
import {gitRevision, readRevision} from './git.js'

export interface LoadOptions {
  /** Where git revisions are read; default the current directory. */
  cwd?: string | undefined
  /** A folder of templates to check sources with, instead of the package's own. */
  templates?: string | undefined
}

function validReport(spec: string, result: CheckResult): Report {
  if (result.report) return result.report
  throw new Art67Error(`${printablePath(spec)} has ${counted(result.counts.errors, 'error')}, so it cannot be compared: \`art67 check\` lists them`)
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
  return parsed.data
}

/** The report `spec` names: a folder or JSON file that exists, else `REV:path` in git. */
export async function loadReport(spec: string, options: LoadOptions = {}): Promise<Report> {
  const info = await stat(spec).catch(() => undefined)
  if (info?.isDirectory()) return validReport(spec, await check(spec, {templates: options.templates}))
  if (info?.isFile()) return readModel(spec)
  if (gitRevision(spec)) {
    const sources = await readRevision(spec, options.cwd ?? process.cwd())
    return validReport(spec, await analyse(sources, {templates: options.templates}))
  }
  throw new Art67Error(`${printablePath(spec)} is not a sources folder, a JSON model or a git revision such as HEAD~1:sources`)
}
