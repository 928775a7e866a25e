// Stage 7, format: problems printed for people (like remark and compilers do) or for machines.
import path from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {printablePath} from '../read/index.js'

export type Format = 'text' | 'json' | 'github'
export const formats: readonly Format[] = ['text', 'json', 'github']

export interface Counts {
  errors: number
  warnings: number
}

export function count(files: readonly VFile[]): Counts {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return {errors, warnings}
}

type Place = VFileMessage['place']
const startOf = (place: Place) => (place ? ('start' in place ? place.start : place) : undefined)

/** `path:line:column`, or the path alone for a place-less message; the path printable on a terminal. */
function where(file: string, place: Place): string {
  const start = startOf(place)
  return start ? `${printablePath(file)}:${start.line}:${start.column}` : printablePath(file)
}

/** In source order within each file, whatever stage found them. */
export function sortMessages(files: readonly VFile[]): void {
  const key = (message: VFileMessage) => [startOf(message.place)?.line ?? 0, startOf(message.place)?.column ?? 0]
  for (const file of files) {
    file.messages.sort((a, b) => {
      const [lineA, columnA] = key(a)
      const [lineB, columnB] = key(b)
      return lineA! - lineB! || columnA! - columnB!
    })
  }
}

/**
 * Problems of all files as text; files without problems are not listed. The reporter prints a related place
 * without its file, so the copy it prints names it. Paths are printable (`<U+001B>` for a control character in a
 * file name), here and in GitHub commands; the JSON document keeps them exact.
 */
export function formatText(files: readonly VFile[], options: {color?: boolean} = {}): string {
  const shown = files
    .filter((file) => file.messages.length > 0)
    .flatMap((file) => {
      const messages = file.messages.map((message) => {
        if (!(message.cause instanceof VFileMessage)) return message
        const cause = new VFileMessage(`${where(message.cause.file ?? '', message.cause.place)}: ${message.cause.reason}`)
        return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, {cause})
      })
      // The reporter spreads a file's lines into a call's arguments, which overflows the stack past some 100,000
      // messages: a file with more is given in parts, each under its name.
      return Array.from({length: Math.ceil(messages.length / reporterPart)}, (_, part) => {
        const copy = new VFile({path: printablePath(file.path)})
        copy.messages = messages.slice(part * reporterPart, (part + 1) * reporterPart)
        return copy
      })
    })
  return reporter(shown, {verbose: true, color: options.color ?? false})
}

/** Messages of one file the reporter is given at once. */
const reporterPart = 10_000

/** One problem in the stable machine-readable form of `--format json`. */
export interface Diagnostic {
  file: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  severity: 'error' | 'warning' | 'info'
  ruleId: string | null
  message: string
  hint: string | null
  /** Where the rule is documented. */
  url: string | null
  /** A related place, such as the first of two duplicates. */
  related: {file: string; line: number | null; column: number | null; message: string} | null
}

export function diagnostics(files: readonly VFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: startOf(message.place)?.line ?? null,
      column: startOf(message.place)?.column ?? null,
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
      ruleId: message.ruleId ?? null,
      message: message.reason,
      hint: message.note ?? null,
      url: message.url ?? null,
      related: message.cause instanceof VFileMessage ? relatedPlace(message.cause) : null
    }))
  )
}

function relatedPlace(cause: VFileMessage): Diagnostic['related'] {
  const start = startOf(cause.place)
  return {file: cause.file ?? '', line: start?.line ?? null, column: start?.column ?? null, message: cause.reason}
}

/**
 * `--format json`: a stable document; `version` changes only when a field changes meaning. `counts` are those of
 * all problems, when `files` carry only some of them (`--quiet`).
 */
export function formatJson(files: readonly VFile[], outputs: readonly string[] = [], counts: Counts = count(files)): string {
  const {errors, warnings} = counts
  const document = {
    version: 1,
    tool: 'art67',
    summary: {files: files.length, errors, warnings},
    problems: diagnostics(files),
    outputs
  }
  return JSON.stringify(document, null, 2)
}

/** GitHub Actions escapes data with `%` codes, and property values further. */
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')

/**
 * A file's path as GitHub places an annotation: from the repository's root (`workspace`, the runner's
 * `GITHUB_WORKSPACE`), whatever folder the step ran in; as given when there is none or the file is outside it.
 */
function annotatedPath(file: string, workspace: string | undefined): string {
  if (!workspace) return file
  const relative = path.relative(workspace, path.resolve(file))
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file
}

/**
 * `--format github`: workflow commands, so problems show on the changed lines of a pull request; paths from
 * `workspace` (see `annotatedPath`).
 */
export function formatGithub(files: readonly VFile[], workspace?: string): string {
  return diagnostics(files)
    .map((problem) => {
      const command = problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'notice'
      const properties: Array<[string, string | number | null]> = [
        ['file', printablePath(annotatedPath(problem.file, workspace))],
        ['line', problem.line],
        ['col', problem.column],
        ['endLine', problem.endLine],
        ['endColumn', problem.endColumn],
        ['title', problem.ruleId && `art67 ${problem.ruleId}`]
      ]
      const {related} = problem
      const relatedLine = related && `${related.message}: ${[printablePath(annotatedPath(related.file, workspace)), related.line, related.column].filter((part) => part !== null).join(':')}`
      const message = [problem.message, relatedLine, problem.hint].filter(Boolean).join('\n')
      const list = properties
        .filter(([, value]) => value !== null && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      return `::${command} ${list.join(',')}::${escapeData(message)}`
    })
    .join('\n')
}

/** Copies of the files holding only their errors. */
export function errorsOnly(files: readonly VFile[]): VFile[] {
  return files.map((file) => {
    const copy = new VFile({path: file.path, data: file.data})
    copy.messages = file.messages.filter((message) => message.fatal)
    return copy
  })
}

export interface FormatOptions {
  /** ANSI colours, for `text` only. */
  color?: boolean
  /** The files a build wrote (listed by `json`). */
  outputs?: readonly string[]
  /** Errors only: warnings are left out, though `json` still counts them in its summary. */
  quiet?: boolean
  /** For `github`: the repository's root, from which annotations name files (the CLI gives `GITHUB_WORKSPACE`). */
  workspace?: string | undefined
}

/** Problems in the chosen format. */
export function format(files: readonly VFile[], kind: Format, options: FormatOptions = {}): string {
  const shown = options.quiet ? errorsOnly(files) : files
  if (kind === 'json') return formatJson(shown, options.outputs, count(files))
  if (kind === 'github') return formatGithub(shown, options.workspace)
  return formatText(shown, options)
}
