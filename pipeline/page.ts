// The page's geometry from styles.json: how wide text may run where a table sits, and the least width a table of n
// columns needs. Validate uses it to refuse a table no page can hold (so `check` finds it), and the PDF emitter to lay
// tables out, so what `check` accepts the PDF prints whole.
import {fontTables} from './fonts/index.js'
import type {Styles} from './templates.js'

/** Portrait page sizes in points, under pdfmake's names. */
export const pageSizes = {
  A3: [841.89, 1190.55],
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
  LETTER: [612, 792],
  LEGAL: [612, 1008]
} as const satisfies Record<string, readonly [number, number]>
export type PageSizeName = keyof typeof pageSizes

export type Orientation = 'portrait' | 'landscape'

/** What a table sits in: a quotation, or a list item whose largest marker number is `last` (bullets count as 9). */
export type Nesting = {kind: 'quote'} | {kind: 'list'; last: number}

/** Points of padding each side of an inner column edge of a table, as pdfmake's `lightHorizontalLines` layout, at full size. */
export const cellPadding = 8
/** The padding of a table at the smallest font that still does not fit: this share of the padding at that font. */
export const compactPadding = 0.5

/** The width between the page margins. */
export function contentWidth(styles: Styles, orientation: Orientation): number {
  const [width, height] = pageSizes[styles.pageSize]
  const [left, , right] = styles.pageMargins
  return (orientation === 'portrait' ? width : height) - left - right
}

/** A style's font size, else the default style's. */
export function fontSize(styles: Styles, style: string): number {
  return styles.styles[style]?.fontSize ?? styles.defaultStyle.fontSize ?? 12
}

/** A style's margins as `[left, top, right, bottom]`, from any of pdfmake's forms: `m`, `[x, y]` or four sides. */
export function marginSides(styles: Styles, style: string): [number, number, number, number] {
  const margin: unknown = styles.styles[style]?.margin
  if (typeof margin === 'number') return [margin, margin, margin, margin]
  if (!Array.isArray(margin)) return [0, 0, 0, 0]
  const side = (value: unknown) => (typeof value === 'number' ? value : 0)
  const [left, top, right, bottom] = margin.length === 2 ? [margin[0], margin[1], margin[0], margin[1]] : margin
  return [side(left), side(top), side(right), side(bottom)]
}

/** Left plus right margin of a style. */
function horizontalMargin(styles: Styles, style: string): number {
  const [left, , right] = marginSides(styles, style)
  return left + right
}

/** A style's top and bottom margins, with none on either side. */
export function verticalMargin(styles: Styles, style: string): [number, number, number, number] {
  const [, top, , bottom] = marginSides(styles, style)
  return [0, top, 0, bottom]
}

/**
 * How much narrower text is inside `nesting` than on the page: each quotation's margins, unless they would leave its
 * text narrower than half the portrait page's (it then indents no further: the PDF marks it by its style alone);
 * each list's margins and marker (pdfmake makes room for `9. ` or the widest `12. `), counting every character as
 * wide as the widest digit; a list outside any other is indented by the tab as well.
 */
export function indent(styles: Styles, nesting: readonly Nesting[]): number {
  const {widestDigit} = fontTables[styles.font]!
  const half = contentWidth(styles, 'portrait') / 2
  return nesting.reduce((sum, level, index) => {
    if (level.kind === 'quote') {
      const indented = sum + horizontalMargin(styles, 'quote')
      return indented <= half ? indented : sum
    }
    const markerCharacters = String(Math.max(level.last, 9)).length + 2
    const tab = index === 0 ? styles.tab : 0
    return sum + tab + horizontalMargin(styles, 'list') + markerCharacters * widestDigit * fontSize(styles, 'list')
  }, 0)
}

/** The factor that brings a table's smaller font to the house minimum, and the sizes of its header and body cells there. */
export function smallestTable(styles: Styles): {scale: number; header: number; cell: number} {
  const header = fontSize(styles, 'tableHeader')
  const cell = fontSize(styles, 'tableCell')
  const scale = Math.min(1, styles.tables.minFontSize / Math.min(header, cell))
  return {scale, header: header * scale, cell: cell * scale}
}

/** The widest glyph of the PDF's font, in em. */
export const widestGlyph = (styles: Styles): number => fontTables[styles.font]!.widestGlyph

/** The narrowest a column can be and still hold any one character: the widest glyph at the smallest table font. */
export function narrowestColumn(styles: Styles): number {
  const {header, cell} = smallestTable(styles)
  return widestGlyph(styles) * Math.max(header, cell)
}

/**
 * The pages a table may be set on: portrait, then landscape for a table at the top level. Inside a list or quotation
 * it stays portrait: pdfmake forgets their indentation when the orientation changes in them.
 */
export const tableOrientations = (nesting: readonly Nesting[]): Orientation[] => (nesting.length === 0 ? ['portrait', 'landscape'] : ['portrait'])

/** How many columns fit across the widest page a table inside `nesting` may have, every column at its narrowest. */
export function maxTableColumns(styles: Styles, nesting: readonly Nesting[]): number {
  const room = contentWidth(styles, tableOrientations(nesting).at(-1)!) - indent(styles, nesting)
  // Padding shrinks with the fonts, then to compact; there is none outside the first and last column.
  const gap = 2 * cellPadding * smallestTable(styles).scale * compactPadding
  return Math.max(Math.floor((room + gap) / (narrowestColumn(styles) + gap)), 0)
}
