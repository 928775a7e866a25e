// Tables the PDF cannot print: more columns than a landscape page holds at the smallest table font, even with every
// column one character wide. Checked here, from the page's geometry, so that `check` refuses what `build` could not print.
import type {PrintedTable} from '../extract/index.js'
import {maxTableColumns} from '../page.js'
import {problem} from '../rules/index.js'
import type {Styles} from '../templates.js'

export function checkTables(tables: readonly PrintedTable[], styles: Styles): void {
  for (const {file, place, columns, nesting} of tables) {
    const max = maxTableColumns(styles, nesting)
    if (columns <= max) continue
    const args = {columns, max, page: styles.pageSize, minFontSize: styles.tables.minFontSize, nested: nesting.length > 0}
    problem(file, 'table-too-wide', args, place)
  }
}
