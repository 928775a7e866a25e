// The Excel annex: one row per programme, one row per programme × beneficiary for pivot tables, and a summary.
import type ExcelJS from 'exceljs'
import Workbook from 'exceljs/lib/doc/workbook.js'
// fflate's browser build: the same synchronous zip as its Node.js build, without loading node:worker_threads (for
// its asynchronous functions), which would break worker threads in a start-up snapshot holding this module.
import {zipSync, type Zippable} from 'fflate/browser'
import {firstDay, firstExcelDate, utcMillis} from '../../dates.js'
import {detailKeys, type DetailKey} from '../../fields.js'
import type {Beneficiary, PartialDate, Programme, Report} from '../../model.js'
import type {Changes, FieldChange, ProgrammeField, ProgrammeRef, ReportField} from '../../diff/compare.js'
import {fieldLabel} from '../../diff/format.js'
import {summarize} from '../summary.js'
import {fill, type Labels, type Templates} from '../../templates.js'
import type {EmitOptions} from '../index.js'
import {blocksText} from '../../text.js'

/** A date cell: the first day a date covers, shown only to the precision the source gave ("Apr 2021", "2021"). */
class DateCell {
  constructor(
    readonly date: Date,
    readonly format: string
  ) {}
}

/** A cell's value. Strings are always written as text: exceljs only makes formulas from `{formula}` values. */
export type Value = string | number | DateCell | null

const dateFormats: Record<PartialDate['precision'], string> = {day: 'dd/mm/yyyy', month: 'mmm yyyy', year: 'yyyy'}
const percentFormat = '0%'
const minWidth = 10
const maxWidth = 60
/** DOS dates in zip entries cannot go earlier (an instant of 0 is common for reproducible builds). */
/** The instants a zip entry can be stamped with (DOS dates: 1980 to 2107). */
const zipRange = {from: Date.UTC(1980, 0, 1), to: Date.UTC(2107, 11, 31, 23, 59, 58)}
/** The most characters (UTF-16 code units) an Excel cell holds. */
export const maxCellLength = 32_767

/**
 * A date as a date cell at the UTC midnight of its first day (exceljs writes the UTC instant), so that sorting and
 * date filters see partial dates too; its format shows no more than was written. The JSON keeps the written form.
 * A date that starts before Excel's dates do is written as text, as written (validation warns).
 */
function dateValue(date: PartialDate | undefined): Value {
  if (!date) return null
  const first = firstDay(date)
  if (first < firstExcelDate) return date.written
  return new DateCell(new Date(utcMillis(first)), dateFormats[date.precision])
}

/**
 * Text as an OOXML cell keeps it: characters XML cannot hold (control characters but tab and line feed, DEL, U+FFFE
 * and U+FFFF), and the carriage return a reader would turn into a line feed, as `_xHHHH_`, which Excel and exceljs
 * read back as the character (exceljs would drop them); and a `_` that starts such an escape in the text as
 * `_x005F_`, so that the text reads back as written.
 */
export function cellText(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]/g, (character) =>
    `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`
  )
}

/** `text` in pieces of at most `maxCellLength` code units, never splitting a character in two. */
function pieces(text: string): string[] {
  const result: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(start + maxCellLength, text.length)
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--
    result.push(text.slice(start, end))
    start = end
  }
  return result
}

/**
 * Headers and rows with text longer than a cell holds continued in the next columns, headed `Title (2)`, `Title (3)` …
 * (one more column for each piece the longest text of the column needs), and all text escaped for the cell.
 */
function continued(headers: readonly string[], rows: readonly Value[][]): {headers: string[]; rows: Value[][]} {
  const split = rows.map((row) => row.map((value) => (typeof value === 'string' ? pieces(value) : [value])))
  const widths = headers.map((_, column) => Math.max(1, ...split.map((row) => row[column]?.length ?? 1)))
  return {
    headers: headers.flatMap((header, column) =>
      Array.from({length: widths[column]!}, (_, piece) => cellText(piece === 0 ? header : `${header} (${piece + 1})`))
    ),
    rows: split.map((row) =>
      widths.flatMap((width, column) =>
        Array.from({length: width}, (_, piece) => {
          const value = row[column]?.[piece] ?? null
          return typeof value === 'string' ? cellText(value) : value
        })
      )
    )
  }
}

const joined = (items: readonly string[]): Value => items.join('; ') || null

/** A field's value as a cell: dates as dates, lists joined with `;`. */
function fieldCell(programme: Programme, key: DetailKey): Value {
  const value = programme[key]
  if (value === undefined) return null
  if (Array.isArray(value)) return joined(value)
  return typeof value === 'string' ? value : dateValue(value)
}

/** Other information as `Label: value` lines (a value without a label on its own). */
const otherLines = (programme: Programme): Value =>
  programme.other.map(({label, value}) => (label ? `${label}: ${value}` : value)).join('\n') || null

/** The Programmes sheet's columns: number, ID and title, the other fields in the field table's order, the rest. */
export const programmeColumns: [keyof Labels['columns'], (programme: Programme) => Value][] = [
  ['no', (p) => p.no],
  ['id', (p) => p.id],
  ['title', (p) => p.title],
  ...detailKeys.map((key): [DetailKey, (programme: Programme) => Value] => [key, (p) => fieldCell(p, key)]),
  ['other', otherLines],
  ['description', (p) => blocksText(p.description) || null],
  ['source', (p) => joined(p.sources.map((source) => `${source.file}:${source.line}`))]
]

/** A region's display name; a region the labels do not name is shown as the registry names it. */
function regionName(region: string | undefined, labels: Labels): string | null {
  return region === undefined ? null : (labels.regions[region] ?? region)
}

/** Code, kind, region and LDC status of `beneficiary`, as displayed. */
function describe(beneficiary: Beneficiary, labels: Labels): Value[] {
  const {code, kind, region, ldc} = beneficiary
  const {yes, no, unknown} = labels.summary
  return [code ?? null, labels.kinds[kind], regionName(region, labels), ldc === null ? unknown : ldc ? yes : no]
}

/** The text a cell shows, near enough to size its column. */
function shownText(cell: ExcelJS.Cell): string {
  if (cell.value instanceof Date) return String(cell.numFmt)
  if (cell.numFmt === percentFormat) return `${Math.round(Number(cell.value) * 100)}%`
  return cell.text
}

/** Fit each column's width to the text of its cells, between the bounds, wrapping what is too wide. */
function fitColumns(sheet: ExcelJS.Worksheet): void {
  const texts: string[][] = []
  sheet.eachRow((row) => row.eachCell((cell, column) => (texts[column - 1] ??= []).push(shownText(cell))))
  texts.forEach((cells, index) => {
    const lines = cells.flatMap((text) => text.split('\n'))
    const width = lines.reduce((widest, line) => Math.max(widest, line.length), 0) + 2
    const column = sheet.getColumn(index + 1)
    column.width = Math.min(Math.max(width, minWidth), maxWidth)
    // Wrap a column whose text is too wide or holds line breaks (more lines than cells).
    if (width > maxWidth || lines.length > cells.length) column.alignment = {wrapText: true, vertical: 'top'}
  })
}

/** Printed landscape on A4 (paper size 9), as wide as one page and as long as it takes. */
const printSetup: Partial<ExcelJS.PageSetup> = {orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0}

/**
 * A sheet with a bold, frozen, filtered header row, repeated on every printed page, and fitted widths; text longer
 * than a cell holds continues in more columns.
 */
export function addSheet(workbook: ExcelJS.Workbook, name: string, allHeaders: string[], allRows: Value[][]): void {
  const {headers, rows} = continued(allHeaders, allRows)
  const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', ySplit: 1}], pageSetup: {...printSetup, printTitlesRow: '1:1'}})
  sheet.addRow(headers).font = {bold: true}
  for (const values of rows) {
    const row = sheet.addRow(values.map((value) => (value instanceof DateCell ? value.date : value)))
    values.forEach((value, index) => {
      if (value instanceof DateCell) row.getCell(index + 1).numFmt = value.format
    })
  }
  sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: rows.length + 1, column: headers.length}}
  fitColumns(sheet)
}

/** The counts of `summarize(report)`: key figures, then programmes by region and by beneficiary, each a titled table. */
function addSummarySheet(workbook: ExcelJS.Workbook, report: Report, labels: Labels): void {
  const {summary: text, columns} = labels
  const summary = summarize(report)
  const sheet = workbook.addWorksheet(labels.workbook.summarySheet, {pageSetup: printSetup})
  sheet.addRow([cellText(text.programmes), summary.programmes])
  sheet.addRow([cellText(text.reachingLdcs), summary.reachingLdcs])
  sheet.addRow([cellText(text.ldcShare), summary.ldcShare]).getCell(2).numFmt = percentFormat
  const addTable = (title: string, allHeaders: string[], allRows: Value[][]) => {
    const {headers, rows} = continued(allHeaders, allRows)
    sheet.addRow([])
    sheet.addRow([cellText(title)]).font = {bold: true}
    sheet.addRow(headers).font = {bold: true}
    sheet.addRows(rows)
  }
  addTable(
    text.byRegion,
    [columns.region, columns.programmes],
    summary.byRegion.map(({region, programmes}) => [regionName(region, labels) ?? text.noRegion, programmes])
  )
  addTable(
    text.byBeneficiary,
    [columns.beneficiary, columns.code, columns.kind, columns.region, columns.ldc, columns.programmes],
    summary.byBeneficiary.map(({beneficiary, programmes}) => [beneficiary.name, ...describe(beneficiary, labels), programmes])
  )
  fitColumns(sheet)
}

/**
 * `build --since`: what `art67 diff` lists, a row per new, ended or continuing programme, per changed field and per
 * beneficiary newly reached or no longer reached.
 */
function addChangesSheet(workbook: ExcelJS.Workbook, changes: Changes, labels: Labels): void {
  const {kinds, columns: names} = labels.changes
  const {programmes, beneficiaries} = changes
  const programme = (kind: string, p: ProgrammeRef): Value[] => [kind, p.no, p.id, p.title]
  const field = (change: FieldChange<ProgrammeField | ReportField>): Value[] => [fieldLabel(change.field, labels), change.old, change.new]
  const none: Value[] = [null, null, null]
  const beneficiary = labels.columns.beneficiary
  addSheet(
    workbook,
    labels.changes.sheet,
    [names.change, labels.columns.no, labels.columns.id, labels.columns.title, names.field, names.old, names.new],
    [
      ...changes.report.map((change) => [kinds.report, null, null, null, ...field(change)]),
      ...programmes.new.map((p) => [...programme(kinds.new, p), ...none]),
      ...programmes.ended.map((p) => [...programme(kinds.ended, p), ...none]),
      ...programmes.changed.flatMap((p) => p.changes.map((change) => [...programme(kinds.changed, p.new), ...field(change)])),
      ...programmes.continuing.map((p) => [...programme(kinds.continuing, p.new), ...none]),
      ...beneficiaries.reached.map((name) => [kinds.reached, null, null, null, beneficiary, null, name]),
      ...beneficiaries.noLongerReached.map((name) => [kinds.noLongerReached, null, null, null, beneficiary, name, null])
    ]
  )
}

/** The annex workbook of `report`, every label from `templates`, dated `instant`. No I/O. */
export function annexWorkbook(report: Report, templates: Templates, instant: Date, changes?: Changes): ExcelJS.Workbook {
  const {labels} = templates
  const {columns, workbook: names} = labels
  const described = new Map(report.beneficiaries.map((beneficiary) => [beneficiary.name, beneficiary]))
  const workbook = new Workbook()
  workbook.title = fill(names.title, {member: report.member, period: report.period.label})
  workbook.subject = names.subject
  workbook.creator = workbook.lastModifiedBy = 'art67'
  workbook.created = workbook.modified = instant
  addSheet(
    workbook,
    names.programmesSheet,
    programmeColumns.map(([key]) => columns[key]),
    report.programmes.map((programme) => programmeColumns.map(([, value]) => value(programme)))
  )
  addSheet(
    workbook,
    names.beneficiariesSheet,
    [columns.no, columns.id, columns.title, columns.beneficiary, columns.code, columns.kind, columns.region, columns.ldc],
    // Every name a programme gives is in `report.beneficiaries` (validation resolves them).
    report.programmes.flatMap((p) =>
      p.beneficiaries.map((name) => [p.no, p.id, p.title, name, ...describe(described.get(name)!, labels)])
    )
  )
  addSummarySheet(workbook, report, labels)
  if (changes) addChangesSheet(workbook, changes, labels)
  return workbook
}

/** One part of the package as exceljs hands it over: text (UTF-8) or bytes, base64 for media. */
type PartWriter = {append(data: string | Uint8Array, options: {name: string; base64?: boolean}): void}
type Model = ExcelJS.Workbook['model']
/** The steps of exceljs 4.4's `XLSX.write` (lib/xlsx/xlsx.js), each appending parts to a zip writer. */
type XlsxSteps = {prepareModel(model: Model, options: object): void} & Record<
  (typeof partSteps)[number],
  (zip: PartWriter, model: Model) => Promise<void>
>
const partSteps = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook'
] as const

/**
 * The parts (files) of `workbook`'s package, rendered in memory by exceljs's own steps in the order of its `write`,
 * without its zip, which would compress them with the clock's date only for art67 to unzip and zip them again.
 * test/emit/xlsx.test.ts checks that they are exactly the parts exceljs's `writeBuffer` zips.
 */
export async function workbookParts(workbook: ExcelJS.Workbook): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>()
  const writer: PartWriter = {
    append(data, {name, base64}) {
      parts.set(name, typeof data === 'string' ? Buffer.from(data, base64 ? 'base64' : 'utf8') : data)
    }
  }
  const xlsx = workbook.xlsx as unknown as XlsxSteps
  const {model} = workbook
  xlsx.prepareModel(model, {})
  for (const step of partSteps) await xlsx[step](writer, model)
  return parts
}

/** A DOS date and time (the zip format's, which has no time zone) of `date`'s UTC calendar fields. */
function dosDateTime(date: Date): {day: number; time: number} {
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
  return {day, time}
}

/**
 * Restamp every entry of `zip` (written by fflate: no archive comment) with `date`, in its local header and in the
 * central directory. fflate writes dates in the machine's time zone; this makes them the same everywhere.
 */
function stampEntries(zip: Uint8Array, date: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const {day, time} = dosDateTime(date)
  const end = zip.length - 22
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('XLSX zip: no end of central directory record')
  let entry = view.getUint32(end + 16, true)
  for (let index = view.getUint16(end + 10, true); index > 0; index--) {
    if (view.getUint32(entry, true) !== 0x02014b50) throw new Error('XLSX zip: bad central directory entry')
    const local = view.getUint32(entry + 42, true)
    for (const at of [entry + 12, local + 10]) {
      view.setUint16(at, time, true)
      view.setUint16(at + 2, day, true)
    }
    entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true)
  }
}

/**
 * `parts` zipped once, in name order, each entry stamped with `instant` (within the dates a zip can hold) and no
 * folder entries, so the same content gives the same bytes whenever and wherever it is written.
 */
export function reproducibleZip(parts: ReadonlyMap<string, Uint8Array>, instant: Date): Buffer {
  const files: Zippable = {}
  // fflate's own stamp is replaced below; a fixed local noon is valid in every time zone.
  const fixed = new Date(1980, 0, 1, 12)
  for (const name of [...parts.keys()].sort()) files[name] = [parts.get(name)!, {level: 6, mtime: fixed}]
  const zip = zipSync(files)
  stampEntries(zip, new Date(Math.min(Math.max(instant.getTime(), zipRange.from), zipRange.to)))
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
}

/** The annex as XLSX bytes that depend only on `report`, `templates` and `instant`. */
export async function emitXlsx(report: Report, templates: Templates, options: EmitOptions): Promise<Buffer> {
  return reproducibleZip(await workbookParts(annexWorkbook(report, templates, options.instant, options.changes)), options.instant)
}
