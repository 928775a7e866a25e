// pdfmake 0.3.11 sets the opacity and the colour of every word it draws: `resolveColor` parses the colour to check it,
// pdfkit's `fill` parses it again (hex or name → three fractions, joined), then `opacity` makes a registry key and
// each writes its operators one by one. A colour given as `#hex` or by name means the same whatever the document
// holds, so its operators are kept per colour, and each document's opacity state per value: the same operators are
// written, in one call, with the same state changes. Other colours (spot colours, gradients, arrays, a string `fill`
// takes for a winding rule) and other calls go to pdfmake's and pdfkit's own methods. Applied at run time only while
// their methods are still exactly the ones this reproduces (their source's SHA-256); test/emit/pdf-word-paint.test.ts
// fails when they no longer are, and checks the bytes.
import PDFDocument from 'pdfkit'
import pdfDocumentModule from 'pdfmake/js/PDFDocument.js'
import {exportedClass, librarysOwn, sourceHash, sourcesMatch} from './patch.js'

/** What this reads and writes of pdfkit's document. */
interface Document {
  _fillColor?: unknown
  _opacityRegistry: Record<string, [unknown, string]>
  page: {ext_gstates: Record<string, unknown>}
  addContent(data: string): Document
  _normalizeColor(color: unknown): number[] | null
  fill(color?: unknown, rule?: unknown): Document
  opacity(opacity: unknown): Document
}
interface PdfmakeDocument {
  resolveColor(color: unknown, defaultColor: unknown): unknown
}

const PdfmakeDocument = exportedClass<{prototype: PdfmakeDocument}>(pdfDocumentModule)

/** The SHA-256 of the source of each method whose work this does, pdfkit 0.19.1 and pdfmake 0.3.11. */
const pdfkitSources: Record<string, string> = {
  fill: '67ca40670bc415e0ea1b6ae5e9f00ae199e91de97cd09634f97d125ac3549250',
  fillColor: '08aa79d6c7e30c726b24333c89209e1fd1454b7367dd39d62c787d0be0399776',
  _setColor: 'e2f08a5f33a861137f6896d1b7f50fc4e4a79a7521a3932a37aa46b10457cb41',
  _setColorCore: 'a8a76d8e98af0a51857541e6433eeed3ba0a3d782ad1dcf940cfede33b846051',
  _normalizeColor: '5353c2886a3eeef8fd83c98ee643d42a5f5cb1024637d7f4ff3957cdbca88b31',
  _getColorSpace: '6c67ab22e22b54a326bd29fcdce0521c4d9e84883bd6152998e4184e942eabfa',
  _setColorSpace: '5be77c26eb39637317a8f76a751f42c553ba98235431bb0c654c37d8e2df5094',
  fillOpacity: '9c135866907762c571f88a9b9af600d03f6c65024694eac1813ce78ca08a0041',
  _windingRule: 'e4257f330941d621e6dcc0eb3c86906cac7a383570fbd90e72f48dcb11e8a74e',
  opacity: 'ae547f52134346fd47c22bd50f0c51997caca000a6368134b602bb5c7d06d5cb',
  _doOpacity: '3ced32bde650f4521f0d5b599452c188387dc97bd22a9f1a47a43b61d548dfed'
}
const resolveColorSource = '2d01d4b8d6bd8ddb9108059d0ec12e8049ccad77527a8ea9207250db159ffdc3'

const prototype = PDFDocument.prototype as unknown as Document
const originals = {fill: prototype.fill, opacity: prototype.opacity, resolveColor: PdfmakeDocument.prototype.resolveColor}

/** What `fill` takes for a winding rule instead of a colour, anywhere in the string (`#evenodd` is one). */
const windingRule = /(even-?odd)|(non-?zero)/

/**
 * The operators `fill(color)` writes for a colour that means the same in every document (`#hex` or a name: parsed
 * before any spot colour is looked at), or null for any other colour, and for one `fill` takes for a winding rule.
 */
const fills = new Map<string, string | null>()

function fillOf(color: string): string | null {
  let operators = fills.get(color)
  if (operators === undefined) {
    // No spot colour in this stand-in document: only a colour that needs none parses.
    const parts = windingRule.test(color) ? null : prototype._normalizeColor.call({spotColors: {}}, color)
    operators = parts && parts.length === 3 ? `/DeviceRGB cs\n${parts.join(' ')} scn\nf` : null
    fills.set(color, operators)
  }
  return operators
}

function fill(this: Document, color?: unknown, rule?: unknown): Document {
  const operators = typeof color === 'string' && rule === undefined ? fillOf(color) : null
  if (operators === null) return originals.fill.call(this, color, rule)
  // fillColor's state: the colour as given, no opacity (which writes nothing).
  this._fillColor = [color, undefined]
  return this.addContent(operators)
}

/** Each document's opacity state by the value asked: its registry entry's graphics state and operator. */
const opacities = new WeakMap<Document, Map<number, {state: unknown; name: string; operator: string}>>()

function opacity(this: Document, value: unknown): Document {
  if (typeof value !== 'number') return originals.opacity.call(this, value)
  let known = opacities.get(this)
  if (!known) opacities.set(this, (known = new Map()))
  const entry = known.get(value)
  if (!entry) {
    originals.opacity.call(this, value)
    // The entry _doOpacity made or found, under its key.
    const clamped = Math.max(0, Math.min(1, value))
    const [state, name] = this._opacityRegistry[`${clamped}_${clamped}`]!
    known.set(value, {state, name, operator: `/${name} gs`})
    return this
  }
  this.page.ext_gstates[entry.name] = entry.state
  return this.addContent(entry.operator)
}

function resolveColor(this: PdfmakeDocument, color: unknown, defaultColor: unknown): unknown {
  // A colour that parses in every document is valid, so returned as it is (one like a winding rule is pdfmake's).
  if (typeof color === 'string' && color && fillOf(color) !== null) return color
  return originals.resolveColor.call(this, color, defaultColor)
}

/** Whether pdfkit's and pdfmake's methods are those this module reproduces. */
export const matches = (): boolean =>
  sourcesMatch(pdfkitSources, librarysOwn(originals, prototype)) &&
  sourceHash(originals.resolveColor) === resolveColorSource

/** Paint words from the kept operators (when the methods match), or through pdfkit's and pdfmake's own methods. */
export function useWordPaint(on: boolean): void {
  const fast = on && matches()
  prototype.fill = fast ? fill : originals.fill
  prototype.opacity = fast ? opacity : originals.opacity
  PdfmakeDocument.prototype.resolveColor = fast ? resolveColor : originals.resolveColor
}
