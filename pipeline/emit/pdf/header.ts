// The page headers of a circulated document. Page 1: a grid of three rows, the organisation lines (if any) left and
// the symbol over the date right; the job number left of "Page: 1/N"; the body's name left of "Original: …". Later
// pages: the symbol right-aligned over the centred page number. A draft shows placeholders and a mark instead of
// what the Secretariat has not assigned yet. Every header line is one line (noWrap), so heights are known in advance:
// a line too wide for its column (a long symbol or job number) is cut into lines that fit, measured with the font.
//
// pdfmake knows the page count only in its header function, and clips what that function draws to the top margin,
// which is one for all pages and must fit the running head. So page 1's first two rows (with "Page: 1/N") are its
// header, and the third row opens the body, moved up to meet them.
import type {Content, ContentTable, ContentText} from 'pdfmake/interfaces.js'
import {formatLong} from '../../dates.js'
import type {Report} from '../../model.js'
import {contentWidth} from '../../page.js'
import {fill, type Templates} from '../../templates.js'
import type {Layout} from './layout.js'
import type {TextMeasure} from './measure.js'

interface Line {
  text: string
  /** Our styles, in order; right-hand lines add `headerRight`. */
  styles: string[]
}

/** A grid row: lines on the left, lines on the right, top-aligned. */
type Row = [Line[], Line[]]

/** No borders and no padding: the grid is only there to align its cells. */
const bare = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0
}

const line = (text: string, ...styles: string[]): Line => ({text, styles})
const right = (text: string, ...styles: string[]): Line => line(text, 'headerRight', ...styles)

export class Header {
  /** The symbol, or its placeholder in a draft. */
  readonly symbol: string
  /** The communication date as printed, or its placeholder. */
  readonly date: string
  /** A draft lacks a date, a symbol or a job number: it says so on every page. */
  readonly draft: boolean
  private readonly job: string
  private readonly original: string

  constructor(
    report: Report,
    private readonly templates: Templates,
    private readonly layout: Layout,
    private readonly measure: TextMeasure
  ) {
    const {labels} = templates
    this.draft = !report.date || !report.symbol || !report.job
    this.symbol = report.symbol ?? labels.draft.symbol
    this.date = report.date ? formatLong(report.date, labels) : labels.draft.date
    this.job = fill(labels.job, {job: report.job ?? labels.draft.job})
    this.original = fill(labels.original, {original: report.original})
  }

  private get mark(): Line[] {
    return this.draft ? [line(this.templates.labels.draft.mark, 'draftMark')] : []
  }

  /**
   * Page 1's three rows: organisation and symbol over date; job number and "Page: 1/N"; the body's name, as the lines
   * the template gives, and "Original: …".
   */
  private rows(pages: number): Row[] {
    const {labels} = this.templates
    return this.fit([
      [[...labels.organisation.map((text) => line(text)), ...this.mark], [right(this.symbol, 'headerSymbol'), right(this.date)]],
      [[line(this.job)], [right(fill(labels.page, {page: 1, pages}))]],
      [labels.council.map((text) => line(text)), [right(this.original)]]
    ])
  }

  /** Page 1's first two rows, its header. */
  private headerRows(pages: number): Row[] {
    return this.rows(pages).slice(0, 2)
  }

  /** The width between the margins, where the header is drawn. */
  private get width(): number {
    return contentWidth(this.templates.styles, 'portrait')
  }

  /** The width of the widest of `lines`, in points, measured bold (no narrower than as styled). */
  private widest(lines: readonly Line[]): number {
    return Math.max(0, ...lines.map(({text}) => this.measure.measure([{text, bold: true, italics: false}]).line * this.fontSize))
  }

  /** `lines` with each line wider than `width` points cut into lines that fit. */
  private cut(lines: readonly Line[], width: number): Line[] {
    return lines.flatMap(({text, styles}) => this.measure.lines(text, {bold: true, italics: false}, width / this.fontSize).map((piece) => line(piece, ...styles)))
  }

  /**
   * The rows of page 1's grid, their lines cut so that both columns fit between the margins: the right column may
   * take what the left one leaves, at least half; the left one what the right one then leaves.
   */
  private fit(rows: readonly Row[]): Row[] {
    const rightWidth = Math.max(this.width / 2, this.width - this.widest(rows.flatMap(([left]) => left)))
    const rights = rows.map(([, lines]) => this.cut(lines, rightWidth))
    const leftWidth = this.width - this.widest(rights.flat())
    return rows.map(([left], index) => [this.cut(left, leftWidth), rights[index]!])
  }

  private get fontSize(): number {
    return this.templates.styles.header.fontSize
  }

  /** The height of `lines` stacked, in the header's font size. */
  private height(lines: readonly Line[]): number {
    return lines.reduce((sum, {styles}) => sum + this.layout.lineHeight(styles, this.fontSize), 0)
  }

  private rowsHeight(rows: readonly Row[]): number {
    return rows.reduce((sum, [left, right]) => sum + Math.max(this.height(left), this.height(right)), 0)
  }

  private text({text, styles}: Line): ContentText {
    return {text, noWrap: true, style: styles}
  }

  /** Rows of the grid: lines left, lines right-aligned in a column as wide as they need. */
  private grid(rows: readonly Row[], margin: [number, number, number, number]): ContentTable {
    const cell = (lines: Line[]): Content => ({stack: lines.map((one) => this.text(one))})
    return {
      margin,
      fontSize: this.fontSize,
      table: {widths: ['*', 'auto'], body: rows.map(([left, right]) => [cell(left), cell(right)])},
      layout: bare
    }
  }

  private get margin(): [number, number, number, number] {
    const [left, top, right] = this.templates.styles.pageMargins
    return [left, top, right, 0]
  }

  /** Page 1's header: the first two rows; `pages` is the page count, known only when pdfmake draws headers. */
  firstPage(pages: number): ContentTable {
    return this.grid(this.headerRows(pages), this.margin)
  }

  /** The running head from page 2: the draft mark (if any) left and the symbol right, then "- 2 -" centred. */
  runningHead(page: number): Content {
    const [mark] = this.mark
    const symbol = this.runningSymbol
    return {
      margin: this.margin,
      fontSize: this.fontSize,
      stack: [
        {
          columns: [
            {width: '*', ...this.text(mark ?? line(''))},
            symbol.length === 1 ? {width: 'auto', ...this.text(symbol[0]!)} : {width: 'auto', stack: symbol.map((one) => this.text(one))}
          ]
        },
        this.text(line(fill(this.templates.labels.runningHead, {page}), 'runningHeadPage'))
      ]
    }
  }

  /** The symbol as the running head prints it, right of the draft mark: in lines that fit beside it. */
  private get runningSymbol(): Line[] {
    return this.cut([line(this.symbol, 'runningHeadSymbol')], this.width - this.widest(this.mark))
  }

  private get runningHeadHeight(): number {
    return Math.max(this.height(this.mark), this.height(this.runningSymbol)) + this.height([line('', 'runningHeadPage')])
  }

  /**
   * The top margin of every page: the running head and the gap under it, so no empty band is left. Only organisation
   * lines that make page 1's first two rows taller than that widen it.
   */
  get top(): number {
    const {pageMargins, header} = this.templates.styles
    return pageMargins[1] + Math.max(this.runningHeadHeight + header.gap, this.rowsHeight(this.headerRows(1)))
  }

  /** What page 1's body opens with: its third row, moved up to meet the header's two, then the header's gap. */
  firstPageTop(): Content[] {
    const {pageMargins, header} = this.templates.styles
    const headerBottom = pageMargins[1] + this.rowsHeight(this.headerRows(1))
    return [this.layout.space(headerBottom - this.top), this.grid(this.rows(1).slice(2), [0, 0, 0, header.gap])]
  }
}
