// pdfmake 0.3.11 gives the outermost open column group (a table row being laid out) the page's full width, less the
// table's own margins, on each page the row runs onto: the indentation of a list or quotation the table sits in is
// lost, so once the row is done, the rest of the list, and everything after it (the annex's tables), runs that much
// wider, past the right margin. On a page as wide as the one the group began on, this keeps the width the group had;
// a page of another width gets pdfmake's. Applied at run time only while pdfmake's method is still exactly the one
// this wraps (its source's SHA-256): test/emit/pdf-kept-width.test.ts fails when it no longer is.
import documentContextModule from 'pdfmake/js/DocumentContext.js'
import {exportedClass, sourceHash} from './patch.js'

/** What this reads of pdfmake's document context and its column group snapshots. */
interface DocumentContext {
  snapshots: Array<{availableWidth: number; page: number}>
  pages: Array<{pageSize: {width: number}}>
  page: number
  initializePage(): void
}

const DocumentContextClass = exportedClass<{prototype: DocumentContext}>(documentContextModule)

/** The SHA-256 of the source of DocumentContext.prototype.initializePage, pdfmake 0.3.11. */
const wrappedSource = '56379b797459fad5a438dc91bd79c7120772e227696314e885fac4c4abe2f250'

const original = DocumentContextClass.prototype.initializePage

function initializePage(this: DocumentContext): void {
  const group = this.snapshots[0]
  const width = group?.availableWidth
  original.call(this)
  if (group && width !== undefined && this.pages[group.page]?.pageSize.width === this.pages[this.page]?.pageSize.width) group.availableWidth = width
}

/** Whether pdfmake's method is the one this module wraps. */
export const matches = (): boolean => sourceHash(original) === wrappedSource

/** Keep a column group's width on the pages it runs onto (when pdfmake's method matches), or reset it as pdfmake does. */
export function useKeptWidth(on: boolean): void {
  DocumentContextClass.prototype.initializePage = on && matches() ? initializePage : original
}
