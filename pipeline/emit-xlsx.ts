// The Excel annex: one row per programme, and one row per programme × beneficiary for pivot tables.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import {utcMillis} from './dates.js'
import type {PartialDate, Programme, Report} from './model.js'
import {fill, type Labels, type Templates} from './templates.js'
import {blocksText} from './text.js'

type Value = string | number | Date | null

const dateFormat = 'dd/mm/yyyy'
const minWidth = 10
const maxWidth = 60
/** DOS dates in zip entries cannot go earlier (an instant of 0 is common for reproducible builds). */
const zipEpoch = Date.UTC(1980, 0, 1)

/** A full date as a date cell at its UTC midnight (exceljs writes the UTC instant); a partial one as written. */
function dateValue(date: PartialDate | undefined): Value {
  if (!date) return null
  return date.precision === 'day' ? new Date(utcMillis(date.iso)) : date.written
}

const joined = (items: readonly string[]): Value => items.join('; ') || null

const programmeColumns: [keyof Labels['columns'], (programme: Programme) => Value][] = [
  ['no', (p) => p.no],
  ['id', (p) => p.id],
  ['title', (p) => p.title],
  ['start', (p) => dateValue(p.start)],
  ['end', (p) => dateValue(p.end)],
  ['beneficiaries', (p) => joined(p.beneficiaries)],
  ['partners', (p) => joined(p.partners)],
  ['agency', (p) => p.agency ?? null],
  ['type', (p) => p.type ?? null],
  ['ipArea', (p) => p.ipArea ?? null],
  ['targetGroup', (p) => p.targetGroup ?? null],
  ['budget', (p) => p.budget ?? null],
  ['description', (p) => blocksText(p.description) || null],
  ['source', (p) => joined(p.sources.map((source) => `${source.file}:${source.line}`))]
]

function displayText(value: Value): string {
  if (value instanceof Date) return dateFormat
  return value === null ? '' : String(value)
}

/**
 * A sheet with a bold, frozen, filtered header row and widths fitted to the content.
 * Strings are always written as text: exceljs only makes formulas from `{formula}` values.
 */
function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Value[][]): void {
  const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', ySplit: 1}]})
  sheet.addRow(headers).font = {bold: true}
  for (const values of rows) {
    sheet.addRow(values).eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = dateFormat
    })
  }
  sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: rows.length + 1, column: headers.length}}
  headers.forEach((header, index) => {
    const texts = [header, ...rows.map((row) => displayText(row[index] ?? null))]
    const lines = texts.flatMap((text) => text.split('\n'))
    const width = lines.reduce((widest, line) => Math.max(widest, line.length), 0) + 2
    const column = sheet.getColumn(index + 1)
    column.width = Math.min(Math.max(width, minWidth), maxWidth)
    // Wrap a column whose text is too wide or holds line breaks (more lines than cells).
    if (width > maxWidth || lines.length > texts.length) column.alignment = {wrapText: true, vertical: 'top'}
  })
}

/** The annex workbook of `report`, every label from `templates`, dated `instant`. No I/O. */
export function annexWorkbook(report: Report, templates: Templates, instant: Date): ExcelJS.Workbook {
  const {columns, workbook: names} = templates.labels
  const workbook = new ExcelJS.Workbook()
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
    [columns.no, columns.id, columns.title, columns.beneficiary],
    report.programmes.flatMap((p) => p.beneficiaries.map((beneficiary) => [p.no, p.id, p.title, beneficiary]))
  )
  return workbook
}

/**
 * Re-zip `zip` with its files in name order, each stamped with `instant`, and without folder entries, so the same
 * content gives the same bytes whenever and wherever it is written (JSZip 3.10 writes and reads DOS dates in UTC).
 */
export async function reproducibleZip(zip: Uint8Array | ArrayBuffer, instant: Date): Promise<Buffer> {
  const input = await JSZip.loadAsync(zip)
  const output = new JSZip()
  const date = new Date(Math.max(instant.getTime(), zipEpoch))
  for (const name of Object.keys(input.files).sort()) {
    const entry = input.files[name]!
    if (!entry.dir) output.file(name, await entry.async('uint8array'), {date, createFolders: false})
  }
  return output.generateAsync({type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: {level: 6}})
}

/** The annex as XLSX bytes that depend only on `report`, `templates` and `instant`. */
export async function emitXlsx(report: Report, templates: Templates, options: {instant: Date}): Promise<Buffer> {
  const written = await annexWorkbook(report, templates, options.instant).xlsx.writeBuffer()
  return reproducibleZip(written, options.instant)
}
