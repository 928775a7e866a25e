// `art67 diff`: what changed between two reports, each a sources folder, a JSON model or a git revision of a
// sources folder. Loading (load.ts, git.ts), comparing (compare.ts) and printing (format.ts) are each a module.
import type {Report} from '../model.js'
import {loadTemplates, packageTemplates, templatesFor} from '../templates.js'
import {compare, type Changes} from './compare.js'
import {formatDiff, type DiffFormat} from './format.js'
import {loadReports, type LoadOptions} from './load.js'

export {anyChange, compare, type Changes, type ChangedProgramme, type FieldChange, type Match, type ProgrammeRef} from './compare.js'
export {diffFormats, fieldLabel, formatDiff, type DiffFormat} from './format.js'
export {loadReport, type LoadOptions} from './load.js'

/**
 * The changes printed in `format`, labelled, naming Members and beneficiaries and writing the report's date in the
 * language of the new report. A side with errors is an error naming it and carrying its files (those of both sides
 * when both have errors).
 */
export async function diffReport(old: string, now: string, format: DiffFormat, options: LoadOptions & {color?: boolean} = {}): Promise<{changes: Changes; output: string}> {
  const [before, after] = (await loadReports([old, now], options)) as [Report, Report]
  const {labels} = templatesFor(await loadTemplates(options.templates ?? packageTemplates), after.language)
  const changes = compare(before, after, after.language, labels)
  return {changes, output: formatDiff(changes, format, labels, {old, new: now}, options)}
}
