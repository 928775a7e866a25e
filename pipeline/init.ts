// `art67 init`: a new report's sources, ready to edit: front matter, a narrative skeleton, the programmes table with
// one example row and an example agency file. It builds with warnings only (a draft's, and the texts to replace), and
// never overwrites a file.
import {readdir} from 'node:fs/promises'
import {firstYear, parseDate} from './dates.js'
import {Art67Error} from './errors.js'
import type {IsoDate} from './model.js'
import {printablePath} from './read/index.js'
import {printedName, sentenceName} from './registry/index.js'
import {resolveMember} from './registry/resolve.js'
import {dateReason, type DateProblem} from './rules/catalogue.js'
import {fill, skeletons} from './skeleton.js'
import {loadTemplates, packageTemplates, type Labels} from './templates.js'
import {whyNot, write} from './write/index.js'

export interface InitOptions {
  /** The reporting Member, as the registry knows it (`Japan`, `United States`…). */
  member: string
  /** `2022-2023` or `2022`; or give `from` and `to`. Default: the previous calendar year. */
  period?: string
  /** First and last day of the period, any date form art67 reads (`2022-04-01`, `01/04/2022`). */
  from?: string
  to?: string
  /** Language of the fixed texts (a templates language; default `en`). */
  language?: string
  /** A templates folder instead of the package's own. */
  templates?: string
  /** For the default period: the current instant. */
  now?: Date
}

/** The last year art67 reads: dates have four-digit years. */
const lastYear = 9999

/** The day `written` gives for `option` (`--from` or `--to`), or an error that says what is wrong with it. */
function dayOption(option: '--from' | '--to', written: string): IsoDate {
  const parsed = parseDate(written)
  if (parsed.ok && parsed.date.precision === 'day') return parsed.date.iso
  throw new Art67Error(notADay(option, written, parsed.ok ? {problem: 'precision'} : parsed.reason))
}

/** Why `written` is no day for `option`: "--from `29/02/2023`: 29 February 2023 does not exist". */
function notADay(option: '--from' | '--to', written: string, reason: DateProblem): string {
  // A date of no known form, or without a day, is told the form to give; any other, what is wrong with it.
  if (reason.problem === 'form' || reason.problem === 'precision') {
    return `${option} takes a full date such as ${option === '--from' ? '2022-04-01' : '2023-03-31'}, not \`${written}\``
  }
  return `${option} \`${written}\`: ${dateReason(reason)}`
}

/** The period as the front matter writes it, and its first and last days. */
function period(options: InitOptions): {yaml: string; label: string; first: IsoDate; last: IsoDate} {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.period !== undefined) throw new Art67Error('give the period either as --period or as --from and --to, not both')
    if (options.from === undefined || options.to === undefined) throw new Art67Error('--from and --to go together: give both days of the period')
    const first = dayOption('--from', options.from)
    const last = dayOption('--to', options.to)
    if (last < first) throw new Art67Error(`the period ends (${last}) before it starts (${first})`)
    const label = first.slice(0, 4) === last.slice(0, 4) ? first.slice(0, 4) : `${first.slice(0, 4)}-${last.slice(0, 4)}`
    return {yaml: `period:\n  from: ${first}\n  to: ${last}`, label, first, last}
  }
  const written = options.period ?? String((options.now ?? new Date()).getUTCFullYear() - 1)
  return yearsPeriod(written, '; or give --from and --to')
}

/**
 * `--period` (`2022` or `2022-2023`) as the front matter writes it, and its first and last days; refused if wrong,
 * naming `otherwise` the command's other ways to give a period.
 */
export function yearsPeriod(written: string, otherwise = ''): {yaml: string; label: string; first: IsoDate; last: IsoDate} {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(written)
  if (!match || Number(match[2] ?? match[1]) < Number(match[1])) {
    throw new Art67Error(`--period takes a year or two years such as 2022-2023, not \`${written}\`${otherwise}`)
  }
  const early = [match[1]!, match[2]].find((year) => year !== undefined && Number(year) < firstYear)
  if (early) throw new Art67Error(`--period \`${written}\`: ${dateReason({problem: 'year', year: early})}`)
  return {yaml: `period: ${written}`, label: written, first: `${match[1]}-01-01`, last: `${match[2] ?? match[1]}-12-31`}
}

/** `2022-03-01` as the sources write dates in tables, `01/03/2022`. */
const dayFirst = (iso: IsoDate) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** `monthDay` (`09-16`) of `year`; past the last year art67 reads, its last day. */
const dayOfYear = (year: number, monthDay: string): IsoDate => (year > lastYear ? `${lastYear}-12-31` : `${year}-${monthDay}`)

/** The 1st of the month two months after the month of `iso`. */
function twoMonthsAfter(iso: IsoDate): IsoDate {
  const month = Number(iso.slice(5, 7)) + 2
  return dayOfYear(Number(iso.slice(0, 4)) + (month > 12 ? 1 : 0), `${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`)
}

/** The earlier of two days (four-digit years, so their text sorts as they do). */
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b)


/**
 * `--member` as the registry names it (`usa` is `United States of America`); refused, with the nearest names, if
 * unknown (in `language`, the report's, where names in several languages are as near).
 */
export function knownMember(written: string, language = 'en'): string {
  const resolved = resolveMember(written, language)
  if (resolved.kind === 'entity') return resolved.entry.name
  const near = resolved.suggestions.length > 0 ? `; did you mean ${resolved.suggestions.map((name) => `"${name}"`).join(' or ')}?` : ''
  throw new Art67Error(`\`${written}\` is not a WTO Member, observer or organisation art67 knows${near}`)
}

/** The files of a new report, by path inside its folder. Pure but for reading the templates. */
export async function initFiles(options: InitOptions): Promise<Record<string, string>> {
  const language = options.language ?? 'en'
  const set = await loadTemplates(options.templates ?? packageTemplates)
  const labels: Labels | undefined = set.labels[language]
  const skeleton = skeletons[language]
  if (!labels || !skeleton) {
    const offered = Object.keys(set.labels).filter((code) => skeletons[code])
    throw new Art67Error(`there are no templates for the language \`${language}\`; use one of ${offered.join(', ')}`)
  }
  const member = knownMember(options.member, language)
  const {yaml, label, first, last} = period(options)
  // Reports are circulated around September after their period: the commented date and job number look like it.
  const dated = dayOfYear(Number(last.slice(0, 4)) + (last.slice(5) >= '09-16' ? 1 : 0), '09-16')
  // "of Japan", "de la Suisse", "del Japón": the registry's forms, never made up here.
  const values = {of: sentenceName(member, language).of, period: label}
  const {sources} = labels
  const field = (key: keyof typeof sources.fields) => sources.fields[key][0]!
  const title = skeleton.example
  // The example programme runs from two months into the period, or as much of that as the period holds: inside it.
  const start = earlier(twoMonthsAfter(first), last)
  const end = earlier(twoMonthsAfter(start), last)
  const report = `---
member: ${JSON.stringify(printedName(member, language))}
${yaml}
${language === 'en' ? '' : `language: ${language}\n`}# ${skeleton.undated}
# date: ${dayFirst(dated)}
# symbol: IP/C/R/TC/XXX/1
# job: ${dated.slice(2, 4)}-0000
---

# ${skeleton.outline}

${fill(skeleton.intro, values)}

## ${skeleton.activities}

${skeleton.details}

# ${sources.programmesHeadings[0]}

${fill(skeleton.listIntro, values)}

| ${sources.tableColumns.no[0]} | ${sources.tableColumns.title[0]} | ${field('start')} | ${field('beneficiaries')} |
|---|---|---|---|
| 1 | ${title} | ${dayFirst(start)} | ${['Cambodia', 'Viet Nam'].map((name) => printedName(name, language)).join('; ')} |
`
  const agency = `## ${title}

- ${field('agency')}: ${skeleton.agency}
- ${field('type')}: ${skeleton.activityType}
- ${field('end')}: ${dayFirst(end)}

${skeleton.exampleText}
`
  return {'report.md': report, 'programmes/agency.md': agency}
}

/**
 * Write a new report into `dir` (created if missing); refuses a folder that holds anything. All or nothing, as a build
 * writes its outputs: a failure or an interrupt leaves no part of the report, nor the folders made for it. Returns
 * the paths written.
 */
export async function init(dir: string, options: InitOptions): Promise<string[]> {
  if (dir === '') throw new Art67Error('init needs the folder to write the report in, not an empty path')
  const files = await initFiles(options)
  const entries = await readdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    // Missing, as far as listing it tells: `write` makes it, or says why it cannot (a link to nowhere, say).
    if (error.code === 'ENOENT') return []
    throw new Art67Error(`Cannot write the report in ${printablePath(dir)}: ${await whyNot(dir, error)}`)
  })
  if (entries.length > 0) throw new Art67Error(`${printablePath(dir)} is not empty: init writes a new report into a new or empty folder, and never overwrites`)
  return write(dir, Object.entries(files).map(([name, data]) => ({name, data})), {newFiles: true})
}
