// The report's front matter: YAML read with positions, checked by a zod schema, every issue placed in the source.
import type {Yaml} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode} from 'yaml'
import {z} from 'zod'
import {lastDay, firstDay, parseDate} from '../dates.js'
import type {IsoDate, Period} from '../model.js'
import {report} from '../rules/index.js'

const text = (what: string) =>
  z
    .string({error: (issue) => (issue.input === undefined ? `Missing \`${what}\`` : `\`${what}\` must be text`)})
    .trim()
    .min(1, `\`${what}\` is empty`)

/** The front matter as a user writes it. */
export const FrontMatter = z.strictObject({
  member: text('member'),
  period: z.union([text('period'), z.strictObject({from: text('period.from'), to: text('period.to')})], {
    error: (issue) => (issue.input === undefined ? 'Missing `period`' : '`period` must be text like `2020-2021`, or `from:` and `to:` dates')
  }),
  date: text('date').optional(),
  symbol: text('symbol').optional(),
  job: text('job').optional(),
  original: text('original').optional(),
  language: text('language').optional(),
  requester: text('requester').optional()
})
export type FrontMatter = z.infer<typeof FrontMatter>

export interface Meta {
  member: string
  period: Period
  date: IsoDate | undefined
  symbol?: string | undefined
  job?: string | undefined
  original?: string | undefined
  language: string
  requester?: string | undefined
}

/** Keys that must never reach a JavaScript object. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

class Located {
  private readonly lines = new LineCounter()
  readonly doc: Document

  constructor(private readonly node: Yaml) {
    // Failsafe: every value stays text as written (`job: 0217777` is not a number).
    this.doc = parseDocument(node.value, {lineCounter: this.lines, uniqueKeys: true, prettyErrors: false, schema: 'failsafe'})
  }

  /** A point in the Markdown file for an offset in the YAML text (which starts on the line after `---`). */
  point(offset: number): Point {
    const {line, col} = this.lines.linePos(offset)
    return {line: line + (this.node.position?.start.line ?? 1), column: col}
  }

  range(range: readonly [number, number, number?] | undefined | null): Position | undefined {
    if (!range) return undefined
    return {start: this.point(range[0]), end: this.point(range[1])}
  }

  /** The node at `path`, else its nearest existing parent, else the whole front matter. */
  place(path: readonly PropertyKey[], key = false): Position | undefined {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = this.doc.getIn(path.slice(0, depth - 1) as unknown[], true)
      if (!isMap(parent)) continue
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1])
      if (!pair) continue
      const target = (key || depth < path.length ? pair.key : pair.value ?? pair.key) as YamlNode | null
      return this.range(target?.range)
    }
    return this.node.position
  }
}

function parsePeriod(value: FrontMatter['period']): {ok: true; period: Period} | {ok: false; reason: string} {
  if (typeof value === 'string') {
    const match = /^(\d{4})(?:\s*[-–/]\s*(\d{4}))?$/.exec(value)
    if (!match) return {ok: false, reason: `\`${value}\` is not a period`}
    const from = Number(match[1])
    const to = Number(match[2] ?? match[1])
    if (to < from) return {ok: false, reason: `the period \`${value}\` ends before it starts`}
    return {ok: true, period: {label: value.replace(/\s*[-–/]\s*/, '-'), from: `${from}-01-01`, to: `${to}-12-31`}}
  }
  const from = parseDate(value.from)
  const to = parseDate(value.to)
  if (!from.ok) return {ok: false, reason: `\`period.from\` \`${value.from}\` is not a date: ${from.reason}`}
  if (!to.ok) return {ok: false, reason: `\`period.to\` \`${value.to}\` is not a date: ${to.reason}`}
  const period = {from: firstDay(from.date), to: lastDay(to.date)}
  if (period.to < period.from) return {ok: false, reason: 'the period ends before it starts'}
  const label = period.from.slice(0, 4) === period.to.slice(0, 4) ? period.from.slice(0, 4) : `${period.from.slice(0, 4)}-${period.to.slice(0, 4)}`
  return {ok: true, period: {label, ...period}}
}

/** The communication date: a full date, undefined when not given yet, null when invalid. */
function readDate(file: VFile, yaml: Located, written: string | undefined): IsoDate | undefined | null {
  if (written === undefined) {
    report(file, 'date-missing', 'The report has no `date` yet, so the PDF leaves the communication date out', yaml.place([]))
    return undefined
  }
  const date = parseDate(written)
  if (!date.ok) {
    report(file, 'date-invalid', `Invalid date \`${written}\`: ${date.reason}`, yaml.place(['date']))
    return null
  }
  if (date.date.precision !== 'day') {
    report(file, 'date-invalid', `The communication date \`${written}\` needs a day, month and year`, yaml.place(['date']))
    return null
  }
  return date.date.iso
}

/** Read the front matter; every problem is reported on `file` at its place. */
export function readFrontMatter(file: VFile, node: Yaml, languages: readonly string[]): Meta | undefined {
  const yaml = new Located(node)
  // Warnings too, such as an unresolved `!!js/function` tag: the value would not be what was meant.
  const problems = [...yaml.doc.errors, ...yaml.doc.warnings]
  if (problems.length > 0) {
    for (const error of problems) {
      report(file, 'frontmatter-yaml', `Broken YAML: ${error.message.split('\n')[0]}`, yaml.range(error.pos))
    }
    return undefined
  }

  const contents = yaml.doc.contents
  if (contents !== null && !isMap(contents)) {
    report(file, 'frontmatter-yaml', 'The front matter must be a list of `key: value` lines', node.position)
    return undefined
  }
  for (const pair of contents?.items ?? []) {
    const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : ''
    if (forbiddenKeys.has(key)) {
      report(file, 'frontmatter-yaml', `The key \`${key}\` is not allowed`, yaml.range((pair.key as YamlNode).range))
      return undefined
    }
  }

  let data: unknown
  try {
    data = yaml.doc.toJS({maxAliasCount: 50}) ?? {}
  } catch (error) {
    report(file, 'frontmatter-yaml', `The YAML cannot be read: ${(error as Error).message}`, node.position)
    return undefined
  }

  const parsed = FrontMatter.safeParse(data)
  if (!parsed.success) {
    let fatal = false
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report(file, 'frontmatter-unknown', `Unknown front matter key \`${[...issue.path, key].join('.')}\`; it is ignored`, yaml.place([...issue.path, key], true))
        }
      } else {
        fatal = true
        report(file, 'frontmatter-field', issue.message, yaml.place(issue.path))
      }
    }
    if (fatal) return undefined
  }
  const front: FrontMatter = parsed.success ? parsed.data : z.object(FrontMatter.shape).parse(data)

  const period = parsePeriod(front.period)
  if (!period.ok) report(file, 'period-invalid', `Invalid period: ${period.reason}`, yaml.place(['period']))
  const date = readDate(file, yaml, front.date)
  const language = front.language ?? 'en'
  if (!languages.includes(language)) {
    report(file, 'frontmatter-field', `There are no templates for language \`${language}\`; there are: ${languages.join(', ')}`, yaml.place(['language']))
  }
  if (!period.ok || date === null || !languages.includes(language)) return undefined

  return {
    member: front.member,
    period: period.period,
    date,
    symbol: front.symbol,
    job: front.job,
    original: front.original,
    language,
    requester: front.requester
  }
}
