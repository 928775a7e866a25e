// `art67 diff`: what changed between two reports, each a sources folder, a JSON model or a git revision of a
// sources folder. Loading (load.ts, git.ts), comparing (compare.ts) and printing (format.ts) are each a module.
import {loadTemplates, packageTemplates, templatesFor} from '../templates.js'
import {compare, type Changes} from './compare.js'
import {formatDiff, type DiffFormat} from './format.js'
import {loadReport, type LoadOptions} from './load.js'

export {anyChange, compare, type Changes, type ChangedProgramme, type FieldChange, type Match, type ProgrammeRef} from './compare.js'
export {diffFormats, fieldLabel, formatDiff, type DiffFormat} from './format.js'
export {loadReport, type LoadOptions} from './load.js'

/** The changes printed in `format`, labelled in the language of the templates the new report uses. */
export async function diffReport(old: string, now: string, format: DiffFormat, options: LoadOptions & {color?: boolean} = {}): Promise<{changes: Changes; output: string}> {
  const [before, after] = await Promise.all([loadReport(old, options), loadReport(now, options)])
  const changes = compare(before, after)
  const {labels} = templatesFor(await loadTemplates(options.templates ?? packageTemplates), after.language)
  return {changes, output: formatDiff(changes, format, labels, {old, new: now}, options)}
}
