// The report's front matter: YAML read with positions, checked by a zod schema, every issue placed in the source.
import type {Yaml} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {CST, isMap, isPair, isScalar, LineCounter, Parser, parseDocument, type Document, type Node as YamlNode, type YAMLError} from 'yaml'
import {z} from 'zod'
import {firstDay, firstYear, lastDay, parseDate} from '../dates.js'
import {Meta, type IsoDate, type Period} from '../model.js'
import {resolveMember} from '../registry/resolve.js'
import {frontMatterKeys, type FieldProblem, type PeriodProblem, type YamlError} from '../rules/catalogue.js'
import {problem} from '../rules/index.js'
import {typoOf} from '../suggest.js'
import {checkPrinted} from '../extract/glyphs.js'
import type {Glyphs} from '../fonts/index.js'

const text = () => z.string().trim().min(1)
/**
 * The most characters of a value printed in the header of the PDF's pages (the symbol on every page): a symbol, job
 * number or language is a few dozen. The header is laid out apart from the text, and one taller than a page left no
 * room for any text on it: a 5,000-character symbol printed 57 pages of header and nothing of the report.
 */
export const headerValueLimit = 200
const headerText = () => text().max(headerValueLimit)

/** The front matter as a user writes it. */
export const FrontMatter = z.strictObject({
  member: text(),
  period: z.union([text(), z.strictObject({from: text(), to: text()})]),
  date: text().optional(),
  symbol: headerText().optional(),
  job: headerText().optional(),
  original: headerText().optional(),
  language: text().optional(),
  requester: text().optional()
})
export type FrontMatter = z.infer<typeof FrontMatter>

/** Front matter values printed in the PDF, whose characters the font must draw. */
const printedKeys = ['member', 'symbol', 'job', 'original', 'requester'] as const

/** What is wrong with the value at `path`, in the catalogue's terms. */
function fieldProblem(issue: z.core.$ZodIssue, data: unknown): FieldProblem {
  const key = issue.path.join('.')
  const value = issue.path.reduce<unknown>((parent, step) => (parent && typeof parent === 'object' ? (parent as Record<PropertyKey, unknown>)[step] : undefined), data)
  if (value === undefined) return {problem: 'missing', key}
  if (key === 'period' && issue.code === 'invalid_union') return {problem: 'period-shape'}
  if (issue.code === 'too_small') return {problem: 'empty', key}
  if (issue.code === 'too_big' && typeof value === 'string') return {problem: 'too-long', key, length: value.trim().length, limit: headerValueLimit}
  return {problem: 'not-text', key}
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

/** What a YAML parser error means, in the catalogue's terms, and the text of the front matter it points at. */
function yamlError(error: YAMLError, source: string): {error: YamlError; found: string} {
  const found = source.slice(error.pos[0], error.pos[1])
  switch (error.code) {
    case 'BAD_INDENT':
      return {error: /^Flow (sequence|map)/.test(error.message) ? 'unclosed' : 'indent', found}
    case 'DUPLICATE_KEY':
      return {error: 'duplicate-key', found: /^[^:\n]*/.exec(source.slice(error.pos[0]))![0].trim()}
    case 'MISSING_CHAR':
      if (/closing .quote/.test(error.message)) return {error: 'missing-quote', found: error.message.includes("'quote") ? "'" : '"'}
      if (/followed by map values/.test(error.message)) return {error: 'missing-colon', found}
      return {error: 'other', found}
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {error: 'key-in-value', found}
    case 'MULTILINE_IMPLICIT_KEY':
      return {error: 'multiline-key', found}
    case 'TAB_AS_INDENT':
      return {error: 'tab', found}
    case 'UNEXPECTED_TOKEN':
      return {error: found.trim() && found.length <= 20 ? 'unexpected' : 'other', found}
    case 'BAD_SCALAR_START':
      return {error: 'reserved-start', found: found.slice(0, 1)}
    case 'BAD_DQ_ESCAPE':
      return {error: 'escape', found: /escape sequence (\S+)/.exec(error.message)?.[1] ?? source.slice(error.pos[0], error.pos[0] + 2)}
    case 'TAG_RESOLVE_FAILED':
      return {error: 'tag', found}
    case 'MULTIPLE_DOCS':
      return {error: 'documents', found}
    default:
      return {error: 'other', found}
  }
}

/** Whether a year written in a period comes before the first year art67 reads. */
const tooEarly = (digits: string | undefined) => digits !== undefined && Number(digits) < firstYear

function parsePeriod(value: FrontMatter['period']): {ok: true; period: Period} | {ok: false; reason: PeriodProblem} {
  if (typeof value === 'string') {
    const match = /^(\d{4})(?:\s*[-–/]\s*(\d{4}))?$/.exec(value)
    if (!match) return {ok: false, reason: {problem: 'form', written: value}}
    const early = [match[1], match[2]].find(tooEarly)
    if (early) return {ok: false, reason: {problem: 'year', written: value, year: early}}
    const from = Number(match[1])
    const to = Number(match[2] ?? match[1])
    if (to < from) return {ok: false, reason: {problem: 'order', written: value}}
    return {ok: true, period: {label: value.replace(/\s*[-–/]\s*/, '-'), from: `${from}-01-01`, to: `${to}-12-31`}}
  }
  const from = parseDate(value.from)
  const to = parseDate(value.to)
  if (!from.ok) return {ok: false, reason: {problem: 'date', key: 'from', written: value.from, reason: from.reason}}
  if (!to.ok) return {ok: false, reason: {problem: 'date', key: 'to', written: value.to, reason: to.reason}}
  const period = {from: firstDay(from.date), to: lastDay(to.date)}
  if (period.to < period.from) return {ok: false, reason: {problem: 'order', written: ''}}
  const label = period.from.slice(0, 4) === period.to.slice(0, 4) ? period.from.slice(0, 4) : `${period.from.slice(0, 4)}-${period.to.slice(0, 4)}`
  return {ok: true, period: {label, ...period}}
}

/** The communication date: a full date, undefined when not given yet, null when invalid. */
function readDate(file: VFile, yaml: Located, written: string | undefined): IsoDate | undefined | null {
  if (written === undefined) {
    problem(file, 'date-missing', {}, yaml.place([]))
    return undefined
  }
  const date = parseDate(written)
  if (!date.ok) {
    problem(file, 'date-invalid', {what: 'date', written, reason: date.reason}, yaml.place(['date']))
    return null
  }
  if (date.date.precision !== 'day') {
    problem(file, 'date-invalid', {what: 'date', written, reason: {problem: 'precision'}}, yaml.place(['date']))
    return null
  }
  return date.date.iso
}

/** The offset of the opening quote of the quoted value of `source` that runs on to `at`, if any. */
function openingQuote(source: string, at: number): number | undefined {
  let found: number | undefined
  for (const token of new Parser().parse(source)) {
    if (token.type !== 'document') continue
    CST.visit(token, (item) => {
      for (const part of [item.key, item.value]) {
        if ((part?.type === 'double-quoted-scalar' || part?.type === 'single-quoted-scalar') && part.offset <= at && at <= part.offset + part.source.length) {
          found = part.offset
        }
      }
    })
  }
  return found
}

/**
 * The member (by its registry name, else as written) and period the front matter gives, when both are right, however
 * wrong the rest is: what names a report's outputs. Reports nothing.
 */
export function namingOf(node: Yaml): {member: string; period: Period} | undefined {
  const data = dataOf(node)
  if (data === undefined) return undefined
  // The two keys only, the others let be (FrontMatter is strict).
  const parsed = z.object({member: FrontMatter.shape.member, period: FrontMatter.shape.period}).safeParse(data)
  if (!parsed.success) return undefined
  const member = resolveMember(parsed.data.member)
  const period = parsePeriod(parsed.data.period)
  if (!period.ok) return undefined
  return {member: member.kind === 'entity' ? member.entry.name : parsed.data.member, period: period.period}
}

/**
 * The `language` the front matter gives, however wrong the rest is, else English: the language suggestions for an
 * unknown beneficiary are shown in. Reports nothing.
 */
export function languageOf(node: Yaml): string {
  const data = dataOf(node)
  const parsed = z.object({language: FrontMatter.shape.language}).safeParse(data)
  return (parsed.success ? parsed.data.language : undefined) ?? 'en'
}

/** The front matter's YAML as data, when it reads without errors; else undefined. */
function dataOf(node: Yaml): unknown {
  const yaml = new Located(node)
  if (yaml.doc.errors.length > 0) return undefined
  try {
    return yaml.doc.toJS({maxAliasCount: 50})
  } catch {
    return undefined
  }
}

/** Read the front matter; every problem is reported on `file` at its place. */
export function readFrontMatter(file: VFile, node: Yaml, languages: readonly string[], glyphs: Glyphs): Meta | undefined {
  const yaml = new Located(node)
  // Warnings too, such as an unresolved `!!js/function` tag: the value would not be what was meant.
  const problems = [...yaml.doc.errors, ...yaml.doc.warnings]
  if (problems.length > 0) {
    // One mistake often gives the parser several errors at one place: the first says most.
    const places = new Set<number>()
    for (const error of problems) {
      if (places.has(error.pos[0])) continue
      places.add(error.pos[0])
      const detail = error.message.split('\n')[0]!
      const reason = yamlError(error, node.value)
      // The parser finds a quote not closed at the end of the text; the quote to close is where the value opens.
      const opening = reason.error === 'missing-quote' ? openingQuote(node.value, error.pos[0]) : undefined
      const range: [number, number] =
        opening !== undefined ? [opening, opening + 1] : reason.error === 'duplicate-key' && reason.found ? [error.pos[0], error.pos[0] + reason.found.length] : error.pos
      problem(file, 'frontmatter-yaml', {as: 'syntax', ...reason, detail}, yaml.range(range))
    }
    return undefined
  }

  const contents = yaml.doc.contents
  if (contents !== null && !isMap(contents)) {
    problem(file, 'frontmatter-yaml', {as: 'not-a-map'}, node.position)
    return undefined
  }
  for (const pair of contents?.items ?? []) {
    const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : ''
    if (forbiddenKeys.has(key)) {
      problem(file, 'frontmatter-yaml', {as: 'forbidden-key', key}, yaml.range((pair.key as YamlNode).range))
      return undefined
    }
  }

  let data: unknown
  try {
    data = yaml.doc.toJS({maxAliasCount: 50}) ?? {}
  } catch (error) {
    problem(file, 'frontmatter-yaml', {as: 'unreadable', detail: (error as Error).message}, node.position)
    return undefined
  }

  const parsed = FrontMatter.safeParse(data)
  const absent = frontMatterKeys.filter((known) => !Object.hasOwn(data as object, known))
  // Top-level keys whose value is wrong; the others are checked further all the same, each being checked on its own.
  const wrong = new Set<string>()
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const place = yaml.place([...issue.path, key], true)
          // A top-level key a typo away from a known one not given: its value would be ignored without a word.
          const suggestion = issue.path.length === 0 ? (absent.find((known) => known === key.trim().toLowerCase()) ?? typoOf(key, absent)) : undefined
          if (suggestion) problem(file, 'frontmatter-typo', {key, suggestion}, place)
          else problem(file, 'frontmatter-unknown', {key: [...issue.path, key].join('.')}, place)
        }
      } else {
        wrong.add(String(issue.path[0] ?? ''))
        problem(file, 'frontmatter-field', fieldProblem(issue, data), yaml.place(issue.path))
      }
    }
  }
  // Each right value as its own key's schema gives it (trimmed): the whole front matter's when all are right.
  const right = Object.entries(data as object).filter(([key]) => Object.hasOwn(FrontMatter.shape, key) && !wrong.has(key))
  const front = Object.fromEntries(right.map(([key, value]) => [key, FrontMatter.shape[key as keyof FrontMatter].parse(value)])) as Partial<FrontMatter>

  const language = front.language ?? 'en'
  // The nearest names in the report's language where names in several languages are as near.
  const member = front.member === undefined ? undefined : resolveMember(front.member, language)
  if (member?.kind === 'unknown') {
    problem(file, 'member-unknown', {written: front.member!, suggestions: member.suggestions}, yaml.place(['member']))
  }
  const period = front.period === undefined ? undefined : parsePeriod(front.period)
  if (period && !period.ok) {
    const place = yaml.place(period.reason.problem === 'date' ? ['period', period.reason.key] : ['period'])
    problem(file, 'period-invalid', period.reason, place)
  }
  const date = wrong.has('date') ? null : readDate(file, yaml, front.date)
  if (!wrong.has('language') && !languages.includes(language)) {
    problem(file, 'frontmatter-field', {problem: 'language', language, languages}, yaml.place(['language']))
  }
  if (wrong.size > 0 || member === undefined || !period?.ok || date === null || !languages.includes(language)) return undefined
  checkPrinted(file, printedKeys.flatMap((key) => {
    const value = front[key]
    return value === undefined ? [] : [{text: value, position: yaml.place([key])}]
  }), glyphs)

  return Meta.parse({
    // A name the registry does not know, with `member-unknown` turned off or down, is printed as written.
    member: member.kind === 'entity' ? member.entry.name : front.member,
    period: period.period,
    date,
    symbol: front.symbol,
    job: front.job,
    original: front.original,
    language,
    requester: front.requester
  })
}
