// Table columns that fit the page. A table keeps the widths it asks for when pdfmake can honour them; otherwise its
// columns are sized from their text (the widest word each needs whole, the widest line it could use), and if the
// words still do not fit, its fonts and the padding between columns shrink step by step to the house minimum, then
// the padding to half, first on a portrait then (at the top level) on a landscape page. Words wider than `longWord`
// em (URLs, codes) never force that: pdfmake breaks a word wider than its column across lines, so only words that
// fit nowhere else are broken. With every width set, nothing is drawn past the margin.
import type {Size} from 'pdfmake/interfaces.js'
import {compactPadding, contentWidth, indent, tableOrientations, widestGlyph, type Nesting, type Orientation} from '../../page.js'
import type {Styles} from '../../templates.js'

/** One column's text, in points at the table's own font sizes. */
export interface ColumnText {
  /** The widest word not over `longWord` em: the column is never made narrower, unless nothing else fits. */
  word: number
  /** The widest word, long ones included. */
  longest: number
  /** The widest line, every word of a cell on one line. */
  line: number
}

export interface TableRequest {
  /** The widths asked for: numbers, percentages, `auto` or `*`. */
  widths: readonly Size[]
  columns: readonly ColumnText[]
  /** Padding of each column, left plus right, at scale 1: it shrinks with the fonts. */
  paddings: readonly number[]
  nesting: readonly Nesting[]
  /** The smallest font size in the table, and the largest, at scale 1. */
  smallestFont: number
  largestFont: number
}

export interface TableFit {
  widths: Size[]
  /** Factor for every font size of the table: 1 keeps the styles' sizes. */
  scale: number
  /** Factor for the padding of its columns. */
  padding: number
  orientation: Orientation
}

/** A font scale to try, with the padding that goes with it. */
interface Step {
  scale: number
  padding: number
}

/** Font sizes shrink by this many points a step. */
const fontStep = 0.5

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
const isFlexible = (width: Size) => width === 'auto' || width === '*' || width === 'star'
const isStar = (width: Size) => width === '*' || width === 'star'

/** A fixed column's width as pdfmake computes it: a percentage of the whole width, less the column's padding. */
function fixedWidth(width: Size, available: number, padding: number): number {
  if (typeof width === 'number') return width
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(String(width))
  return percent ? (Number(percent[1]) * available) / 100 - padding : 0
}

/** The width text has where a table sits inside `nesting`. */
const availableWidth = (styles: Styles, orientation: Orientation, nesting: readonly Nesting[]) =>
  contentWidth(styles, orientation) - indent(styles, nesting)

/** pdfmake's own rule: the widths asked for fit when auto columns and equal star columns hold their widest word. */
export function fitsAsAsked(request: TableRequest, styles: Styles): boolean {
  const {widths, columns, paddings, nesting} = request
  const available = availableWidth(styles, 'portrait', nesting)
  let room = available - sum(paddings)
  let autoMin = 0
  let starMax = 0
  let stars = 0
  widths.forEach((width, index) => {
    const column = columns[index]!
    if (width === 'auto') autoMin += column.longest
    else if (isStar(width)) {
      starMax = Math.max(starMax, column.longest)
      stars++
    } else room -= fixedWidth(width, available, paddings[index]!)
  })
  return autoMin + starMax * stars < room
}

/**
 * Share `room` between columns that need at least `low` and could use `high`: up to a common level, each column gets
 * what it could use, so narrow columns stay on one line and wide ones share the rest; room left when all have their
 * high goes to the star columns.
 */
function share(low: readonly number[], high: readonly number[], room: number, stars: readonly boolean[]): number[] {
  const highs = sum(high)
  if (highs <= room) {
    const starCount = stars.filter(Boolean).length
    return high.map((value, index) => value + (starCount > 0 && stars[index] ? (room - highs) / starCount : 0))
  }
  const at = (level: number) => high.map((value, index) => Math.max(low[index]!, Math.min(value, level)))
  return at(highestLevel(at, room, Math.max(...high)))
}

/** The highest level in [0, top] at which the widths `at(level)` still sum to no more than `room`. */
function highestLevel(at: (level: number) => number[], room: number, top: number): number {
  let low = 0
  let high = top
  for (let step = 0; step < 50; step++) {
    const middle = (low + high) / 2
    if (sum(at(middle)) <= room) low = middle
    else high = middle
  }
  return low
}

/** Each of `values`, at least `floor`, capped at the highest level that makes them sum to no more than `room`. */
function cap(values: readonly number[], floor: number, room: number): number[] {
  const at = (level: number) => values.map((value) => Math.max(floor, Math.min(value, level)))
  return at(highestLevel(at, room, Math.max(floor, ...values)))
}

/**
 * The steps to try: the styles' sizes, then each smaller size down to the house minimum, the padding shrinking with
 * the fonts; last the house minimum with the compact padding.
 */
function steps(request: TableRequest, minFontSize: number): Step[] {
  const {smallestFont} = request
  const scales = [1]
  for (let size = smallestFont - fontStep; size > minFontSize; size -= fontStep) scales.push(size / smallestFont)
  if (minFontSize < smallestFont) scales.push(minFontSize / smallestFont)
  const smallest = scales.at(-1)!
  return [...scales.map((scale) => ({scale, padding: scale})), {scale: smallest, padding: smallest * compactPadding}]
}

/** Widths, font scale and page orientation for a table, so that it fits between the margins where it sits. */
export function fitTable(request: TableRequest, styles: Styles): TableFit {
  const {widths, columns, paddings, nesting} = request
  const available = (orientation: Orientation) => availableWidth(styles, orientation, nesting)
  if (fitsAsAsked(request, styles)) return {widths: [...widths], scale: 1, padding: 1, orientation: 'portrait'}

  const flexible = widths.map(isFlexible)
  const stars = widths.map(isStar).filter((_, index) => flexible[index])
  const flexibleColumns = columns.filter((_, index) => flexible[index])
  /** Widths from each flexible column's least width (given the narrowest a column may be and the room there is). */
  const layout = (orientation: Orientation, {scale, padding: factor}: Step, lows: (narrowest: number, room: number) => number[]): TableFit | undefined => {
    const width = available(orientation)
    const padding = paddings.map((value) => value * factor)
    const fixed = sum(widths.map((size, index) => (flexible[index] ? 0 : fixedWidth(size, width, padding[index]!))))
    const room = width - sum(padding) - fixed
    // One character of the widest glyph: the narrowest a column may be.
    const narrowest = widestGlyph(styles) * request.largestFont * scale
    const low = lows(narrowest, room)
    if (sum(low) > room) return undefined
    const high = flexibleColumns.map((column, index) => Math.max(column.line * scale, low[index]!))
    const shared = share(low, high, room, stars)
    let next = 0
    return {widths: widths.map((size, index) => (flexible[index] ? shared[next++]! : size)), scale, padding: factor, orientation}
  }

  const tries = steps(request, styles.tables.minFontSize)
  for (const orientation of tableOrientations(nesting)) {
    for (const step of tries) {
      const fit = layout(orientation, step, (narrowest) => flexibleColumns.map((column) => Math.max(column.word * step.scale, narrowest)))
      if (fit) return fit
    }
  }
  // Even the smallest font on the widest page cannot hold every word whole: break the widest words, no column
  // narrower than one character (validate refuses a table with more columns than that allows).
  const last = tries.at(-1)!
  const fit = layout(tableOrientations(nesting).at(-1)!, last, (narrowest, room) =>
    cap(
      flexibleColumns.map((column) => column.word * last.scale),
      narrowest,
      room
    )
  )
  if (!fit) throw new Error(`A table of ${columns.length} columns cannot fit the page; validation should have refused it (table-too-wide)`)
  return fit
}
