// A project's settings: rule severities from `art67.config.json` (or the `rules` option), applied to the problems
// in one place once every stage has run; and the instant `SOURCE_DATE_EPOCH` stamps, kept to what a zip can hold.
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {z} from 'zod'
import {Art67Error} from './errors.js'
import {catalogue, ruleIds, type RuleId} from './rules/index.js'
import {readSettingsFile} from './settings-file.js'
import {nearest} from './suggest.js'

export const configName = 'art67.config.json'

const settings = ['off', 'warn', 'error'] as const
export type Setting = (typeof settings)[number]
/** A severity per rule id; rules not named keep the catalogue's. */
export type Rules = Partial<Record<RuleId, Setting>>

const isRuleId = (id: string): id is RuleId => Object.hasOwn(catalogue, id)
const code = (text: string) => `\`${text}\``

/** What is wrong with one `id: setting` pair, if anything. */
function ruleIssue(id: string, setting: unknown): string | undefined {
  if (!isRuleId(id)) {
    const near = nearest(id, ruleIds)
    return `unknown rule ${code(id)}${near ? `: did you mean ${code(near)}?` : '; the rule ids are listed in docs/rules.md'}`
  }
  if (!settings.includes(setting as Setting)) {
    return `rule ${code(id)} is set to ${JSON.stringify(setting)}; use "off", "warn" or "error"`
  }
  if (catalogue[id].fixed && setting !== 'error') {
    return (
      `rule ${code(id)} cannot be turned ${setting === 'off' ? 'off' : 'down to a warning'}: the report relies on it, ` +
      'since without it text of the sources would be left out or misread; fix what it reports instead'
    )
  }
  return undefined
}

// Checked as written: `z.record` would drop a `__proto__` key without a word.
const RulesSchema = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    error: '`rules` must map rule ids to "off", "warn" or "error", e.g. {"raw-html": "off"}'
  })
  .superRefine((rules, context) => {
    for (const [id, setting] of Object.entries(rules)) {
      const message = ruleIssue(id, setting)
      if (message) context.addIssue({code: 'custom', path: [id], message})
    }
  })
  .transform((rules) => Object.fromEntries(Object.entries(rules)) as Rules)

const ConfigSchema = z.strictObject(
  {rules: RulesSchema.optional()},
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(code).join(', ')}: the file holds only \`rules\``
        : 'the file must hold a JSON object such as {"rules": {"raw-html": "off"}}'
  }
)

function invalid(origin: string, issues: readonly string[]): Art67Error {
  return new Art67Error(issues.length === 1 ? `${origin}: ${issues[0]}` : [`${origin} has ${issues.length} problems:`, ...issues.map((issue) => `  ${issue}`)].join('\n'))
}

/** Rule severities given as a value (a config file's `rules`, the `rules` option), checked; `origin` names it in errors. */
export function parseRules(value: unknown, origin: string): Rules {
  const result = RulesSchema.safeParse(value)
  if (!result.success) throw invalid(origin, result.error.issues.map((issue) => issue.message))
  return result.data
}

/** A config file's text, checked; `file` names it in errors. */
export function parseConfig(text: string, file: string): {rules: Rules} {
  let value: unknown
  try {
    // A byte order mark, as some editors save UTF-8, is no part of the JSON.
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new Art67Error(`${file} is not valid JSON: ${(error as Error).message}`)
  }
  const result = ConfigSchema.safeParse(value)
  if (!result.success) throw invalid(file, result.error.issues.map((issue) => issue.message))
  return {rules: result.data.rules ?? {}}
}

/**
 * The config of a sources folder: `art67.config.json` in the folder, or else in the current directory; the first
 * found is used whole. None found gives no rules.
 */
export async function loadConfig(dir: string, cwd = process.cwd()): Promise<{file: string; rules: Rules} | undefined> {
  const candidates = [path.join(dir, configName), configName].filter(
    (file, index, all) => all.findIndex((other) => path.resolve(cwd, other) === path.resolve(cwd, file)) === index
  )
  for (const file of candidates) {
    let text: string
    try {
      text = await readSettingsFile(path.resolve(cwd, file))
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code
      if (reason === 'ENOENT' || reason === 'ENOTDIR') continue
      throw new Art67Error(`Cannot read ${file}: ${(error as Error).message}`)
    }
    return {file, ...parseConfig(text, file)}
  }
  return undefined
}

/** The messages under the project's severities: a rule set `off` dropped, `warn` or `error` made so; others as they are. */
export function withSeverities(messages: readonly VFileMessage[], rules: Rules): VFileMessage[] {
  return messages.flatMap((message) => {
    const id = message.ruleId
    const setting = id && isRuleId(id) && Object.hasOwn(rules, id) ? rules[id] : undefined
    if (setting === undefined) return [message]
    if (setting === 'off') return []
    const fatal = setting === 'error'
    if (message.fatal === fatal) return [message]
    return [Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, {fatal})]
  })
}

/** Put every file's messages under the project's severities. */
export function applySeverities(files: readonly VFile[], rules: Rules): void {
  for (const file of files) file.messages = withSeverities(file.messages, rules)
}

/**
 * The instants a build may stamp: those a zip file (the XLSX is one) can date its entries with, from 1980 to 2107.
 * Later ones wrap round (9999 is written as 2063), and past 9999 the XLSX's own date is one readers refuse.
 */
export const epochRange = {min: Date.UTC(1980, 0, 1) / 1000, max: Date.UTC(2107, 11, 31, 23, 59, 59) / 1000}

const epochError = (written: string) =>
  new Art67Error(
    `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 from ${epochRange.min} (1980-01-01) ` +
      `to ${epochRange.max} (2107-12-31 23:59:59 UTC), the dates a zip file such as the XLSX can hold, not \`${written}\``
  )

const inRange = (seconds: number) => Number.isInteger(seconds) && seconds >= epochRange.min && seconds <= epochRange.max

/** `sourceDateEpoch` as given to `build`, checked against the range. */
export function checkedEpoch(seconds: number): number {
  if (!inRange(seconds)) throw epochError(String(seconds))
  return seconds
}

/** The `SOURCE_DATE_EPOCH` environment variable, checked; unset or empty gives none. */
export function epochFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value) || !inRange(Number(value))) throw epochError(value)
  return Number(value)
}
