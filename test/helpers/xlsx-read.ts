// Read an XLSX back with exceljs: the workbook itself, and each sheet as rows of cell values.
import ExcelJS from 'exceljs'

export interface ReadXlsx {
  workbook: ExcelJS.Workbook
  /** Sheet name → rows (header first) → cell values, empty cells as null. */
  sheets: Record<string, ExcelJS.CellValue[][]>
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadXlsx> {
  const workbook = new ExcelJS.Workbook()
  // exceljs types `load` as taking an ArrayBuffer; it reads any bytes JSZip reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  const sheets: Record<string, ExcelJS.CellValue[][]> = {}
  for (const sheet of workbook.worksheets) {
    sheets[sheet.name] = Array.from({length: sheet.rowCount}, (_, r) => {
      const row = sheet.getRow(r + 1)
      return Array.from({length: sheet.columnCount}, (_, c) => row.getCell(c + 1).value ?? null)
    })
  }
  return {workbook, sheets}
}
