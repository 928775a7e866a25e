// `art67 import`: the text of an e-TRIPS "view details" page turned into a sources folder (report.md). Reading the
// page (page.ts), splitting its rows (rows.ts), recognising member and period (meta.ts) and writing Markdown
// (markdown.ts) are each a module; problems are catalogue rules placed in the page's text.
import {lstat, stat} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {Art67Error} from '../errors.js'
import {knownMember, yearsPeriod} from '../init.js'
import {span} from '../place.js'
import {printablePath} from '../read/index.js'
import {problem, type RuleArgs} from '../rules/index.js'
import {obstacle, write} from '../write/index.js'
import type {InterfaceLanguage} from './interfaces.js'
import {findMember, findPeriod} from './meta.js'
import {reportMarkdown, type ImportedReport} from './markdown.js'
import {readPage, type Row} from './page.js'
import {readPageFile} from './page-file.js'
import {splitRow, type Report} from './rows.js'

export interface ImportOptions {
  /** The reporting Member, any spelling the registry knows; default the one the text names most often. */
  member?: string | undefined
  /** The reporting period, `2021` or `2020-2021`; default the one the text names ("covering the 2020-2021 period"). */
  period?: string | undefined
}

export interface Imported {
  /** report.md; absent when the page holds nothing to import (`import-not-etrips`). */
  markdown: string | undefined
  /** The interface recognised from the page's texts. */
  language: InterfaceLanguage | undefined
  report: ImportedReport | undefined
}

/** The place of a row: its whole line. */
const rowPlace = (file: VFile, row: Row) => span(file, row.at.offset, row.at.text.length)

/** Import the page held by `file` (its text as read), reporting problems on it. No I/O. */
export function importPage(file: VFile, options: ImportOptions = {}): Imported {
  const page = readPage(String(file.value))
  const nothing = {markdown: undefined, language: undefined, report: undefined}
  if (page.webPage) {
    problem(file, 'import-html', {start: page.webPage.text}, span(file, page.webPage.offset, page.webPage.text.length))
    return nothing
  }
  // Neither the interface's texts nor numbered paragraphs: not a page of e-TRIPS.
  if (!page.ui && !page.numbered) {
    problem(file, 'import-not-etrips', {}, undefined)
    return nothing
  }
  // Given ones are checked as `init` checks them, and the member written by its WTO name.
  let member = options.member === undefined ? undefined : knownMember(options.member)
  let period = options.period === undefined ? undefined : yearsPeriod(options.period).label
  if (!member) {
    const found = findMember(page.paragraphs)
    if (found) {
      member = found.value
      problem(file, 'import-member-guessed', {member: found.value, times: found.times}, span(file, found.offset, found.length))
    } else problem(file, 'import-member-missing', {}, undefined)
  }
  if (!period) {
    const found = findPeriod(page.paragraphs)
    if (found) {
      period = found.value
      problem(file, 'import-period-guessed', {period: found.value}, span(file, found.offset, found.length))
    } else problem(file, 'import-period-missing', {}, undefined)
  }
  if (page.list && page.rows.length === 0) {
    problem(file, 'import-no-rows', {lines: page.listIntro.length}, span(file, page.list.offset, page.list.text.length))
  }
  const rows = page.rows.map((row) => {
    if (row.number !== (row.previous ?? 0) + 1) {
      problem(file, 'import-row-sequence', {number: row.number, previous: row.previous}, span(file, row.numberAt.offset, row.numberAt.text.length))
    }
    for (const line of row.continued) {
      problem(file, 'import-row-continued', {row: row.number, number: line.number}, span(file, line.offset, line.text.length))
    }
    const text = [row.text, ...row.continued.map((line) => line.text.trim())].join(' ')
    const report: Report = (id, args) => problem(file, id, args as RuleArgs<typeof id>, rowPlace(file, row))
    return {number: row.number, ...splitRow(text, report)}
  })
  const report: ImportedReport = {
    member,
    period,
    source: path.basename(file.path),
    interfaceName: page.ui?.name,
    paragraphs: page.paragraphs.map((piece) => piece.text),
    listIntro: page.listIntro.map((piece) => piece.text),
    rows
  }
  return {markdown: reportMarkdown(report), language: page.ui?.language, report}
}

export interface ImportFileOptions extends ImportOptions {
  /** The sources folder to write; default `sources`. */
  out?: string | undefined
  /** Replace report.md in an existing folder. */
  force?: boolean | undefined
}

export interface ImportResult extends Imported {
  /** The page, carrying its problems. */
  file: VFile
  /** Paths written; none when there was an error. */
  outputs: string[]
}

/** Read the page at `input` and write its sources folder; never into an existing folder without `force`. */
export async function importFile(input: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  const out = options.out ?? 'sources'
  const file = await readPageFile(input)
  if (file.value === undefined) return {file, outputs: [], markdown: undefined, language: undefined, report: undefined}
  const existing = await lstat(out).catch(() => undefined)
  if (existing && !(await stat(out).then((info) => info.isDirectory(), () => false))) throw new Art67Error(`${await obstacle(out)}; choose another --out`)
  if (existing && !options.force) {
    throw new Art67Error(`${printablePath(out)} already exists: art67 import never writes into an existing folder; choose another --out, or give --force to replace its report.md`)
  }
  const imported = importPage(file, options)
  if (imported.markdown === undefined || file.messages.some((message) => message.fatal)) return {...imported, file, outputs: []}
  const outputs = await write(out, [{name: 'report.md', data: imported.markdown}])
  return {...imported, file, outputs}
}
