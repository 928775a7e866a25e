// `art67 import`: the text of an e-TRIPS "view details" page turned into a sources folder (report.md). Reading the
// page (page.ts), splitting its rows (rows.ts), recognising member and period (meta.ts), telling the text's language
// (language.ts) and writing Markdown (markdown.ts) are each a module; problems are catalogue rules placed in the
// page's text.
import {lstat, stat} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {Art67Error} from '../errors.js'
import {knownMember, yearsPeriod} from '../init.js'
import {span} from '../place.js'
import {printablePath} from '../read/index.js'
import {problem, type RuleArgs} from '../rules/index.js'
import {loadTemplates, packageTemplates, type Labels} from '../templates.js'
import {obstacle, write} from '../write/index.js'
import {interfaces, type InterfaceLanguage} from './interfaces.js'
import {textLanguage} from './language.js'
import {findMember, findPeriod} from './meta.js'
import {reportMarkdown, type ImportedReport} from './markdown.js'
import {readPage, type Page, type Row} from './page.js'
import {readPageFile} from './page-file.js'
import {splitRow, type Report} from './rows.js'

export interface ImportOptions {
  /** The reporting Member, any spelling the registry knows; default the one the text names most often. */
  member?: string | undefined
  /** The reporting period, `2021` or `2020-2021`; default the one the text names ("covering the 2020-2021 period"). */
  period?: string | undefined
  /**
   * The report's language, one of the templates' (`en`, `fr`, `es`); default the language the page's text is written
   * in, else its interface's, else English.
   */
  language?: string | undefined
}

export interface Imported {
  /** report.md; absent when the page holds nothing to import (`import-not-etrips`). */
  markdown: string | undefined
  /** The language of the interface recognised from the page's texts (the report's is `report.language`). */
  interfaceLanguage: InterfaceLanguage | undefined
  report: ImportedReport | undefined
}

/** The English name of a language of the interfaces: `French`. */
const languageName = (language: InterfaceLanguage) => interfaces.find((ui) => ui.language === language)!.name

/** The templates' labels in each language, for `importPage`: the package's own. */
export async function importLabels(): Promise<Readonly<Record<string, Labels>>> {
  return (await loadTemplates(packageTemplates)).labels
}

/** `language` when the templates have it; refused (a usage error) naming those they have. */
function knownLanguage(language: string, labels: Readonly<Record<string, Labels>>): string {
  if (labels[language]) return language
  throw new Art67Error(`there are no templates for the language \`${language}\`; use one of ${Object.keys(labels).join(', ')}`)
}

/** The place of a row: its whole line. */
const rowPlace = (file: VFile, row: Row) => span(file, row.at.offset, row.at.text.length)

/**
 * Import the page held by `file` (its text as read), reporting problems on it; `labels`, the templates' in each
 * language (`importLabels`), give the report's headings and column titles. No I/O.
 */
export function importPage(file: VFile, options: ImportOptions, labels: Readonly<Record<string, Labels>>): Imported {
  const given = options.language === undefined ? undefined : knownLanguage(options.language, labels)
  const page = readPage(String(file.value))
  const nothing = {markdown: undefined, interfaceLanguage: undefined, report: undefined}
  if (page.webPage) {
    problem(file, 'import-html', {start: page.webPage.text}, span(file, page.webPage.offset, page.webPage.text.length))
    return nothing
  }
  // Neither the interface's texts nor numbered paragraphs: not a page of e-TRIPS.
  if (!page.ui && !page.numbered) {
    problem(file, 'import-not-etrips', {}, undefined)
    return nothing
  }
  const language = given ?? reportLanguage(file, page)
  // Given ones are checked as `init` checks them, and the member written by its WTO name.
  let member = options.member === undefined ? undefined : knownMember(options.member, language)
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
    language,
    source: path.basename(file.path),
    // Named in the report's language, as its front matter's comment says it.
    interfaceName: page.ui && (labels[language]!.languageNames[page.ui.language] ?? page.ui.name),
    paragraphs: page.paragraphs.map((piece) => piece.text),
    listIntro: page.listIntro.map((piece) => piece.text),
    rows
  }
  return {markdown: reportMarkdown(report, labels[language]!), interfaceLanguage: page.ui?.language, report}
}

/**
 * The language of a report imported without `--language`: the one its text is written in (paragraphs and rows),
 * when that is clear, else its interface's, else English. Taken from the text against the interface (or against
 * English, without one), it is a guess, and reported.
 */
function reportLanguage(file: VFile, page: Page): InterfaceLanguage {
  const otherwise = page.ui?.language ?? 'en'
  const rows = page.rows.flatMap((row) => [row.text, ...row.continued.map((line) => line.text)])
  const written = textLanguage([...page.paragraphs, ...page.listIntro].map((piece) => piece.text).concat(rows))
  if (written === undefined || written === otherwise) return otherwise
  // On the text it was told from: the first paragraph, else the list's first row.
  const first = page.paragraphs[0] ?? page.listIntro[0]
  const place = first ? span(file, first.offset, first.text.length) : page.rows[0] ? rowPlace(file, page.rows[0]) : undefined
  problem(file, 'import-language-guessed', {language: languageName(written), ui: page.ui?.name}, place)
  return written
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
  // An unknown --language is refused before anything is read.
  const labels = await importLabels()
  if (options.language !== undefined) knownLanguage(options.language, labels)
  const file = await readPageFile(input)
  if (file.value === undefined) return {file, outputs: [], markdown: undefined, interfaceLanguage: undefined, report: undefined}
  const existing = await lstat(out).catch(() => undefined)
  if (existing && !(await stat(out).then((info) => info.isDirectory(), () => false))) throw new Art67Error(`${await obstacle(out)}; choose another --out`)
  if (existing && !options.force) {
    throw new Art67Error(`${printablePath(out)} already exists: art67 import never writes into an existing folder; choose another --out, or give --force to replace its report.md`)
  }
  const imported = importPage(file, options, labels)
  if (imported.markdown === undefined || file.messages.some((message) => message.fatal)) return {...imported, file, outputs: []}
  const outputs = await write(out, [{name: 'report.md', data: imported.markdown}])
  return {...imported, file, outputs}
}
