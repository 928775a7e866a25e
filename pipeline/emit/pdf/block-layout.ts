// pdfmake 0.3.11 measures the whole document (every word of every block) before it lays out a line, and keeps every
// block it laid out, with its measures and the position of each of its lines, until the document is drawn: at 5,000
// programmes, as much memory as the pages themselves. When the content is a list of blocks (ours is one flat list),
// this measures each block of the list just before laying it out, in the same style context, and lets it go once it
// is laid out; the bytes are the same. Only pdfmake's `pageBreakBefore` looks at blocks ahead (and may lay the whole
// document out again): a document with one is laid out as pdfmake does. The list is consumed (each block laid out is
// taken out of it), so a definition is laid out once. Applied at run time only while pdfmake's methods are still
// exactly the ones this relies on (their source's SHA-256); test/emit/pdf-block-layout.test.ts fails when they no
// longer are, and checks the bytes.
import docMeasureModule from 'pdfmake/js/DocMeasure.js'
import layoutBuilderModule from 'pdfmake/js/LayoutBuilder.js'
import {exportedClass, librarysOwn, sourcesMatch} from './patch.js'

/** What this reads of a pdfmake node. */
interface Node {
  stack?: Array<Node | null>
}
interface DocMeasure {
  styleStack: {auto<T>(node: Node, measure: () => T): T}
  measureNode(node: Node): Node
  measureDocument(root: Node): Node
}
interface LayoutBuilder {
  docMeasure: DocMeasure
  linearNodeList: Node[]
  processNode(node: Node): void
  processVerticalContainer(node: Node): void
  layoutDocument(...parameters: unknown[]): unknown
}

const DocMeasureClass = exportedClass<{prototype: DocMeasure}>(docMeasureModule)
const LayoutBuilderClass = exportedClass<{prototype: LayoutBuilder}>(layoutBuilderModule)

/**
 * The SHA-256 of the source of each method this relies on, pdfmake 0.3.11: the document is preprocessed, its root
 * measured, then laid out (`tryLayoutDocument`); a list's root is measured by measuring each block inside the root's
 * style context; `linearNodeList` is read only for `pageBreakBefore`; a list's root is laid out block by block.
 */
const measureSources: Record<string, string> = {
  measureDocument: '159ebf788ea62b52ee85b48892a248bc9ff1e2e7b66fd90e010cb38ead76ddd7',
  measureNode: '8972e85fff3b5092050f9cbf186cb5db9bea3c0dcdf9628c25debde64b262774',
  measureVerticalContainer: '83d5c6a4c870f555c3484a4c4a3a71a606243888e4fb4f217b1a147b994e7cb4'
}
const layoutSources: Record<string, string> = {
  layoutDocument: '9447035c5308b90f3e932ab753f32fe3f32698a670a0f2fc1dc9d8f532ca4288',
  tryLayoutDocument: '986298980b74f58ca08c69a5c5348e4f44ae44ced0d9036429231ee8549aad3d',
  processNode: 'ccc12d1f98f1f4363dfaa372c020347e688467d7a7dac551c6f3ab4e9e2fcc21',
  processVerticalContainer: '9388f51211d3e486803c822c53a04020118e88ea9ecf5ca2bda733840bbe5ec6'
}

const originals = {
  measureDocument: DocMeasureClass.prototype.measureDocument,
  layoutDocument: LayoutBuilderClass.prototype.layoutDocument,
  processVerticalContainer: LayoutBuilderClass.prototype.processVerticalContainer
}

/** Content lists being laid out block by block. */
const layingOut = new WeakSet<unknown[]>()
/** Content lists laid out (or being laid out) block by block: their blocks are gone. */
const consumed = new WeakSet<unknown[]>()
/** Roots measured without their blocks, which are measured as they are laid out. */
const deferred = new WeakSet<Node>()

/**
 * pdfmake's `layoutDocument(content, pdfDocument, styles, defaultStyle, background, header, footer, watermark,
 * pageBreakBefore)`, with a content list laid out block by block unless there is a `pageBreakBefore` function.
 */
function layoutDocument(this: LayoutBuilder, ...parameters: unknown[]): unknown {
  const [content] = parameters
  if (!Array.isArray(content) || typeof parameters[8] === 'function') return originals.layoutDocument.apply(this, parameters)
  if (consumed.has(content)) throw new Error('This pdfmake document definition was laid out already: its content list is consumed by it.')
  layingOut.add(content)
  try {
    return originals.layoutDocument.apply(this, parameters)
  } finally {
    layingOut.delete(content)
  }
}

/** The root pdfmake made of a content list (`{stack: list}`, nothing else), measured without its blocks. */
function measureDocument(this: DocMeasure, root: Node): Node {
  const blocks = root.stack
  if (!blocks || !layingOut.has(blocks) || Object.keys(root).length !== 1) return originals.measureDocument.call(this, root)
  root.stack = []
  try {
    return originals.measureDocument.call(this, root)
  } finally {
    root.stack = blocks
    deferred.add(root)
  }
}

/**
 * Each block of a deferred root measured as pdfmake's `measureVerticalContainer` would have, laid out, and let go: out
 * of the list, and out of `linearNodeList`. The root does not collect its blocks' line positions, which only
 * `pageBreakBefore` reads.
 */
function processVerticalContainer(this: LayoutBuilder, node: Node): void {
  if (!deferred.has(node)) return originals.processVerticalContainer.call(this, node)
  const blocks = node.stack!
  consumed.add(blocks)
  const measure = this.docMeasure
  for (let index = 0; index < blocks.length; index++) {
    const block = measure.styleStack.auto(node, () => measure.measureNode(blocks[index]!))
    blocks[index] = null
    this.processNode(block)
    this.linearNodeList.length = 0
  }
}

/** Whether pdfmake's methods are the ones this module relies on. */
export const matches = (): boolean =>
  sourcesMatch(measureSources, librarysOwn(originals, DocMeasureClass.prototype)) &&
  sourcesMatch(layoutSources, librarysOwn(originals, LayoutBuilderClass.prototype))

/** Lay a content list out block by block (when pdfmake's methods match), or measure it all first as pdfmake does. */
export function useBlockLayout(on: boolean): void {
  const blockByBlock = on && matches()
  DocMeasureClass.prototype.measureDocument = blockByBlock ? measureDocument : originals.measureDocument
  LayoutBuilderClass.prototype.layoutDocument = blockByBlock ? layoutDocument : originals.layoutDocument
  LayoutBuilderClass.prototype.processVerticalContainer = blockByBlock ? processVerticalContainer : originals.processVerticalContainer
}
