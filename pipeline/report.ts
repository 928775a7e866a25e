// Stage 7, report: problems printed for people (like remark and compilers do) or for machines.
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

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

/** Problems of all files as text; files without problems are not listed. */
export function formatText(files: readonly VFile[], options: {color?: boolean} = {}): string {
  return reporter(files.filter((file) => file.messages.length > 0), {verbose: true, color: options.color ?? false})
}

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
  /** A related place, such as the first of two duplicates. */
  related: string | null
}

export function diagnostics(files: readonly VFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: file.path,
      line: message.place ? ('start' in message.place ? message.place.start.line : message.place.line) : null,
      column: message.place ? ('start' in message.place ? message.place.start.column : message.place.column) : null,
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
      ruleId: message.ruleId ?? null,
      message: message.reason,
      hint: message.note ?? null,
      related: message.cause instanceof Error ? message.cause.message : null
    }))
  )
}
