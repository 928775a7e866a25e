import {beforeAll, describe, expect, it} from 'vitest'
import type {Size} from 'pdfmake/interfaces.js'
import {fitTable, type ColumnText, type TableRequest} from '../../pipeline/emit/pdf/tables.js'
import {cellPadding, contentWidth, indent, type Nesting} from '../../pipeline/page.js'
import {loadTemplates, type Styles} from '../../pipeline/templates.js'

let styles: Styles

beforeAll(async () => {
  styles = (await loadTemplates()).styles
})

const column = (word: number, line = word, longest = word): ColumnText => ({word, longest, line})
const paddings = (count: number) => Array.from({length: count}, (_, index) => (index === 0 ? 0 : cellPadding) + (index === count - 1 ? 0 : cellPadding))
const request = (columns: ColumnText[], widths: Size[] = columns.map(() => '*'), nesting: Nesting[] = []): TableRequest => ({
  widths,
  columns,
  paddings: paddings(columns.length),
  nesting,
  smallestFont: 9,
  largestFont: 9
})
const total = (widths: Size[]) => widths.reduce((sum: number, width) => sum + Number(width), 0)

describe('fitTable', () => {
  it('keeps the widths asked for when pdfmake can honour them', () => {
    expect(fitTable(request([column(40), column(60)], ['*', 'auto']), styles)).toEqual({widths: ['*', 'auto'], scale: 1, padding: 1, orientation: 'portrait'})
  })

  it('sizes columns from their text when equal star columns would not fit: narrow ones whole, wide ones share the rest', () => {
    // One long address among short columns: six equal columns as wide as the address would run off the page.
    const columns = [column(25), column(40, 120), column(20), column(60, 700, 700), column(45, 150), column(20)]
    const fit = fitTable(request(columns), styles)
    expect(fit).toMatchObject({scale: 1, padding: 1, orientation: 'portrait'})
    const room = contentWidth(styles, 'portrait') - 5 * 2 * cellPadding
    expect(total(fit.widths)).toBeCloseTo(room)
    expect([fit.widths[0], fit.widths[2], fit.widths[5]]).toEqual([25, 20, 20])
    // The three others, which could use more, get the same width.
    expect(fit.widths[3]).toBeCloseTo(Number(fit.widths[1]))
    expect(fit.widths[4]).toBeCloseTo(Number(fit.widths[1]))
    for (const [index, width] of fit.widths.entries()) expect(width).toBeGreaterThanOrEqual(columns[index]!.word)
  })

  it('shrinks the fonts and padding before turning the page, and turns it before breaking words', () => {
    const portrait = fitTable(request(Array.from({length: 12}, () => column(30))), styles)
    expect(portrait.orientation).toBe('portrait')
    expect(portrait.scale).toBeLessThan(1)
    expect(portrait.scale).toBeGreaterThanOrEqual(7 / 9)
    const landscape = fitTable(request(Array.from({length: 22}, () => column(30))), styles)
    expect(landscape.orientation).toBe('landscape')
    expect(total(landscape.widths)).toBeLessThanOrEqual(contentWidth(styles, 'landscape'))
    for (const width of landscape.widths) expect(width).toBeGreaterThanOrEqual(30 * landscape.scale)
  })

  it('keeps a table in a list or quotation on a portrait page, within its indentation', () => {
    const nesting: Nesting[] = [{kind: 'quote'}]
    const fit = fitTable(request(Array.from({length: 18}, () => column(30)), undefined, nesting), styles)
    expect(fit.orientation).toBe('portrait')
    const padding = 17 * 2 * cellPadding * fit.padding
    expect(total(fit.widths) + padding).toBeLessThanOrEqual(contentWidth(styles, 'portrait') - indent(styles, nesting) + 1e-6)
  })

  it('breaks the widest words only when nothing else fits, never narrower than a character', () => {
    const columns = [column(300), ...Array.from({length: 30}, () => column(20))]
    const fit = fitTable(request(columns), styles)
    expect(fit.orientation).toBe('landscape')
    expect(fit.scale).toBeCloseTo(7 / 9)
    const widths = fit.widths.map(Number)
    expect(widths[0]).toBeLessThan(300 * fit.scale)
    for (const width of widths.slice(1)) expect(width).toBeCloseTo(20 * fit.scale)
  })

  it('never lets long words (URLs) decide: they are broken while the table keeps its fonts', () => {
    const fit = fitTable(request([column(30, 60), column(0, 5000, 5000)], ['28%', '*']), styles)
    expect(fit).toMatchObject({scale: 1, orientation: 'portrait'})
    expect(fit.widths[0]).toBe('28%')
  })
})
