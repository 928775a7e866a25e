// exceljs's Workbook alone: its package entry also loads the streaming reader and writer art67 never uses.
declare module 'exceljs/lib/doc/workbook.js' {
  import type {Workbook} from 'exceljs'
  const WorkbookClass: typeof Workbook
  export default WorkbookClass
}
