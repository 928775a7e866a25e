// pdfmake 0.3.11 lays out the whole document before it draws a page (the page count goes into every header), then
// draws the pages (Renderer.renderPages) with every positioned word of every page still held: at 5,000 programmes,
// most of the memory the build holds at its end. This draws the pages one at a time through pdfmake's own method and
// lets each page's items go once it is drawn; the bytes are the same. Applied at run time only while pdfmake's
// method is still exactly the one this wraps (its source's SHA-256): test/emit/pdf-released-pages.test.ts fails when
// it no longer is, and checks the PDF bytes with and without.
import rendererModule from 'pdfmake/js/Renderer.js'
import {exportedClass, sourceHash} from './patch.js'

/** What a pdfmake page has that this reads. */
interface Page {
  items: unknown[]
}
interface Renderer {
  pdfDocument: {_pdfMakePages?: Page[]}
  progressCallback?: unknown
  renderPages(pages: Page[]): void
}

const RendererClass = exportedClass<{prototype: Renderer}>(rendererModule)

/** The SHA-256 of the source of Renderer.prototype.renderPages, pdfmake 0.3.11. */
const wrappedSource = '429c66b67fe2b5a6f4e5a84b34e33240ed8a1b870670d913b90852684a9979f6'

const original = RendererClass.prototype.renderPages

/**
 * pdfmake's method draws each page from its items alone (its other state is the renderer's own, such as the outline),
 * so drawing the pages one call each draws the same. With a progress callback, whose fractions count every page's
 * items, pdfmake's own method draws them all at once.
 */
function renderPages(this: Renderer, pages: Page[]): void {
  if (this.progressCallback) return original.call(this, pages)
  for (const page of pages) {
    original.call(this, [page])
    page.items = []
  }
  this.pdfDocument._pdfMakePages = pages
}

/** Whether pdfmake's method is the one this module wraps. */
export const matches = (): boolean => sourceHash(original) === wrappedSource

/** Let each page's items go once it is drawn (when pdfmake's method matches), or keep them all as pdfmake does. */
export function useReleasedPages(on: boolean): void {
  RendererClass.prototype.renderPages = on && matches() ? renderPages : original
}
