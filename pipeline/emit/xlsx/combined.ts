// One workbook of the programmes of many reports, with the member and period of each, for comparisons across years
// and Members (`art67 build reports/ --combined`). Its columns are the annex's Programmes sheet's, after two more.
import Workbook from 'exceljs/lib/doc/workbook.js'
import type {Report} from '../../model.js'
import type {Templates} from '../../templates.js'
import {addSheet, programmeColumns, reproducibleZip, workbookParts, type Value} from './index.js'

/** The file name of the combined workbook in the output folder. */
export const combinedName = 'art67-combined.xlsx'

/**
 * The workbook's bytes: reports in the order given, programmes in annex order, its title, subject and labels from
 * `templates`; dated `instant`. No I/O.
 */
export async function emitCombinedXlsx(reports: readonly Report[], templates: Templates, instant: Date): Promise<Buffer> {
  const {columns, workbook: names} = templates.labels
  const workbook = new Workbook()
  workbook.title = names.combinedTitle
  workbook.subject = names.subject
  workbook.creator = workbook.lastModifiedBy = 'art67'
  workbook.created = workbook.modified = instant
  const rows = reports.flatMap((report) =>
    report.programmes.map((programme): Value[] => [report.member, report.period.label, ...programmeColumns.map(([, value]) => value(programme))])
  )
  const {member, period} = templates.labels.changes.fields
  addSheet(workbook, names.programmesSheet, [member, period, ...programmeColumns.map(([key]) => columns[key])], rows)
  return reproducibleZip(await workbookParts(workbook), instant)
}
