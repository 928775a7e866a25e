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
