// `art67 diff` printed: text for a terminal (coloured on request), a stable JSON document, Markdown for a pull-request
// comment. Headings and field names come from the templates' labels, as in the XLSX's Changes sheet.
import type {Labels} from '../templates.js'
import {fill} from '../templates.js'
import {markdownCell, markdownInline, markdownLine} from '../text.js'
import {anyChange, type Changes, type FieldChange, type ProgrammeField, type ProgrammeRef, type ReportField} from './compare.js'

export type DiffFormat = 'text' | 'json' | 'markdown'
export const diffFormats: readonly DiffFormat[] = ['text', 'json', 'markdown']

/** Where each side was read from, as given. */
export interface DiffSources {
  old: string
  new: string
}

/** A changed field's name as the labels give it. */
export function fieldLabel(field: ProgrammeField | ReportField, labels: Labels): string {
  if (field === 'member' || field === 'period' || field === 'date' || field === 'symbol') return labels.changes.fields[field]
  return labels.columns[field]
}

const sideName = (side: Changes['old']) => `${side.member}, ${side.period}`
const shown = (value: string | null) => value ?? '–'
/** A value of several lines (a description) with its later lines under the field's name. */
const indented = (value: string, indent: string) => value.replaceAll('\n', `\n${indent}  `)

/**
 * `--format json`: a stable document, versioned like the diagnostics one (`version` changes only when a field
 * changes meaning); programmes in annex order, names in alphabetical order, fields by their model keys.
 */
export function diffJson(changes: Changes, sources: DiffSources): string {
  const {programmes, beneficiaries} = changes
  const document = {
    version: 1,
    tool: 'art67',
    old: {source: sources.old, ...changes.old},
    new: {source: sources.new, ...changes.new},
    changed: anyChange(changes),
    summary: {
      new: programmes.new.length,
      ended: programmes.ended.length,
      changed: programmes.changed.length,
      continuing: programmes.continuing.length,
      reached: beneficiaries.reached.length,
      noLongerReached: beneficiaries.noLongerReached.length
    },
    report: changes.report,
    programmes,
    beneficiaries
  }
  return JSON.stringify(document, null, 2)
}

const ansi = (code: number) => (text: string) => `\u001B[${code}m${text}\u001B[0m`
const plain = (text: string) => text
const paint = (color: boolean) => ({
  bold: color ? ansi(1) : plain,
  green: color ? ansi(32) : plain,
  red: color ? ansi(31) : plain,
  yellow: color ? ansi(33) : plain,
  dim: color ? ansi(2) : plain
})

/** The default format: a heading with a count for each kind of change, a line for each programme and field. */
export function diffText(changes: Changes, labels: Labels, options: {color?: boolean} = {}): string {
  const {bold, green, red, yellow, dim} = paint(options.color ?? false)
  const {headings} = labels.changes
  const {programmes, beneficiaries} = changes
  const line = (mark: string, programme: ProgrammeRef) => `  ${mark} ${programme.no}. ${programme.title}`
  const field = (change: FieldChange<ProgrammeField | ReportField>, indent: string) =>
    `${indent}${fieldLabel(change.field, labels)}: ${red(indented(shown(change.old), indent))} → ${green(indented(shown(change.new), indent))}`
  // A kind of change with none is left out; its count is of programmes or names, not of lines.
  const block = (heading: string, count: number, items: string[]) => (count === 0 ? [] : [bold(`${heading} (${count})`), ...items])
  const lines = [
    bold(fill(labels.changes.title, {old: sideName(changes.old), new: sideName(changes.new)})),
    ...block(headings.report, changes.report.length, changes.report.map((change) => field(change, '  '))),
    ...block(headings.new, programmes.new.length, programmes.new.map((programme) => green(line('+', programme)))),
    ...block(headings.ended, programmes.ended.length, programmes.ended.map((programme) => red(line('-', programme)))),
    ...block(
      headings.changed,
      programmes.changed.length,
      programmes.changed.flatMap((programme) => [yellow(line('~', programme.new)), ...programme.changes.map((change) => field(change, '      '))])
    ),
    ...block(headings.continuing, programmes.continuing.length, programmes.continuing.map((programme) => dim(line(' ', programme.new)))),
    ...block(headings.reached, beneficiaries.reached.length, beneficiaries.reached.map((name) => green(`  + ${name}`))),
    ...block(headings.noLongerReached, beneficiaries.noLongerReached.length, beneficiaries.noLongerReached.map((name) => red(`  - ${name}`)))
  ]
  if (!anyChange(changes)) lines.push(labels.changes.none)
  return lines.join('\n')
}

/** `--format markdown`: for a pull-request comment; a table for each kind of change, continuing programmes folded. */
export function diffMarkdown(changes: Changes, labels: Labels): string {
  const {headings, columns} = labels.changes
  const {programmes, beneficiaries} = changes
  const number = labels.columns.no
  const title = labels.columns.title
  const table = (header: string[], rows: string[][]) =>
    [`| ${header.map(markdownCell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map((cell) => markdownCell(cell) || ' ').join(' | ')} |`)].join('\n')
  const refRow = (programme: ProgrammeRef) => [String(programme.no), programme.title]
  const section = (heading: string, count: number, body: string) => (count === 0 ? [] : [`#### ${markdownInline(heading)} (${count})`, body])
  const blocks = [
    `### ${markdownInline(fill(labels.changes.title, {old: sideName(changes.old), new: sideName(changes.new)}))}`,
    ...section(
      headings.report,
      changes.report.length,
      table([columns.field, columns.old, columns.new], changes.report.map((change) => [fieldLabel(change.field, labels), shown(change.old), shown(change.new)]))
    ),
    ...section(headings.new, programmes.new.length, table([number, title], programmes.new.map(refRow))),
    ...section(headings.ended, programmes.ended.length, table([number, title], programmes.ended.map(refRow))),
    ...section(
      headings.changed,
      programmes.changed.length,
      table(
        [number, title, columns.field, columns.old, columns.new],
        programmes.changed.flatMap((programme) =>
          programme.changes.map((change) => [...refRow(programme.new), fieldLabel(change.field, labels), shown(change.old), shown(change.new)])
        )
      )
    ),
    ...section(
      headings.continuing,
      programmes.continuing.length,
      ['<details>', '', table([number, title], programmes.continuing.map((programme) => refRow(programme.new))), '', '</details>'].join('\n')
    ),
    ...section(headings.reached, beneficiaries.reached.length, beneficiaries.reached.map((name) => `- ${markdownLine(name)}`).join('\n')),
    ...section(headings.noLongerReached, beneficiaries.noLongerReached.length, beneficiaries.noLongerReached.map((name) => `- ${markdownLine(name)}`).join('\n'))
  ]
  if (!anyChange(changes)) blocks.push(markdownLine(labels.changes.none))
  return blocks.join('\n\n')
}

export function formatDiff(changes: Changes, kind: DiffFormat, labels: Labels, sources: DiffSources, options: {color?: boolean} = {}): string {
  if (kind === 'json') return diffJson(changes, sources)
  if (kind === 'markdown') return diffMarkdown(changes, labels)
  return diffText(changes, labels, options)
}
