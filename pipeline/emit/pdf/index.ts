// The emit-pdf stage: the report as a circulated WTO document (A4), laid out by pdfmake.
// All fixed text comes from the labels and all looks from styles.json; the page headers are in header.ts.
import path from 'node:path'
import pdfmake from 'pdfmake'
import elementWriterModule from 'pdfmake/js/ElementWriter.js'
import type {
  Content,
  ContentTable,
  ContentText,
  PageSize,
  Size,
  Style,
  StyleDictionary,
  TDocumentDefinitions
} from 'pdfmake/interfaces.js'
import {formatShort} from '../../dates.js'
import {limits} from '../../parse/limits.js'
import {fontTables, glyphsOf, locateFont} from '../../fonts/index.js'
import {fieldKeys, type FieldKey} from '../../fields.js'
import type {Beneficiary, Block, Inline, Programme, Report} from '../../model.js'
import {cellPadding, contentWidth, fontSize, indent, marginSides, pageSizes, verticalMargin, widestGlyph, type Nesting, type Orientation} from '../../page.js'
import {summarize, type Summary} from '../summary.js'
import {fill, type Templates} from '../../templates.js'
import type {EmitOptions} from '../index.js'
import * as blockLayout from './block-layout.js'
import * as contentWrites from './content-writes.js'
import {shareFontTables} from './font-tables.js'
import {Header} from './header.js'
import * as keptWidth from './kept-width.js'
import * as inlineStyles from './inline-styles.js'
import {Layout} from './layout.js'
import {longestWordLength, TextMeasure, type FontStyle, type Run} from './measure.js'
import {exportedClass} from './patch.js'
import {apart, breakLongWords, justifiable, released, unbroken} from './runs.js'
import * as releasedPages from './released-pages.js'
import {prepareShaper} from './shaper.js'
import * as styleLookup from './style-lookup.js'
import * as wordDrawing from './word-drawing.js'
import * as wordPaint from './word-paint.js'
import {fitsAsAsked, fitTable, type ColumnText, type TableRequest} from './tables.js'

styleLookup.useFastStyleLookup(true)
inlineStyles.useInlineStyles(true)
contentWrites.useBatchedWrites(true)
wordDrawing.useWordDrawing(true)
wordPaint.useWordPaint(true)
releasedPages.useReleasedPages(true)
blockLayout.useBlockLayout(true)
keptWidth.useKeptWidth(true)

/** Whether every run-time patch of pdfmake and pdfkit applied above is on (their libraries' methods match). */
export const patchesOn = (): boolean => [styleLookup, inlineStyles, contentWrites, wordDrawing, wordPaint, releasedPages, blockLayout, keptWidth].every((patch) => patch.matches())

// pdfmake's page writer has a listener per open list (to place each item's marker), and Node.js warns of a leak past
// 10 listeners: a list nested 11 or 12 deep (the most the model keeps: `nesting-too-deep`) printed that warning. No
// source nests past `limits.nesting`, a safe bound; an EventEmitter takes its limit from `_maxListeners`, here
// inherited by every writer from the class.
const ElementWriter = exportedClass<{prototype: {_maxListeners?: number}}>(elementWriterModule)
ElementWriter.prototype._maxListeners = limits.nesting + 1

/**
 * pdfmake is a process-wide singleton: give it the families of the styles and shut every other door. Set on every
 * call, since another templates folder may name other fonts; reading only the files it is given.
 */
export async function configurePdfmake(templates: Templates): Promise<void> {
  const fonts = Object.fromEntries(Object.entries(templates.styles.fonts).map(([family, source]) => [family, locateFont(source).files]))
  const fontFiles = new Set(Object.values(fonts).flatMap((files) => Object.values(files)))
  pdfmake.setFonts(fonts)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((file) => fontFiles.has(path.resolve(file)))
  await prepareShaper(templates.styles.font, fonts[templates.styles.font]!)
  shareFontTables(fonts[templates.styles.font]!.normal)
}

/**
 * Render the report; the same input and `instant` give the same bytes.
 * Characters the font cannot draw print as a placeholder (validation warns about them).
 */
export async function emitPdf(report: Report, templates: Templates, options: EmitOptions): Promise<Buffer> {
  await configurePdfmake(templates)
  const glyphs = glyphsOf(templates.styles.font)
  const definition = pdfDefinition(glyphs.printable(report), {...templates, labels: glyphs.printable(templates.labels)})
  definition.info = {...definition.info, creationDate: options.instant}
  return pdfmake.createPdf(definition).getBuffer()
}

/** The pdfmake document for a report: pure, ready for any configured pdfmake. */
export function pdfDefinition(report: Report, templates: Templates): TDocumentDefinitions {
  const {labels, styles} = templates
  const layout = new Layout(styles)
  const measure = new TextMeasure(locateFont(styles.fonts[styles.font]!).files, fontTables[styles.font]!.widestKerning)
  const header = new Header(report, templates, layout, measure)
  const write = new Writer(templates, layout, measure, report.beneficiaries)
  const [left, , right, bottom] = styles.pageMargins
  const content: Content[] = [
    ...header.firstPageTop(),
    write.text('title', labels.title.join('\n')),
    write.text('member', report.member),
    {text: justifiable([{text: fill(labels.circulation, {date: header.date, requester: report.requester})}]), style: 'circulation'},
    write.text('rule', labels.rule),
    write.blocks(report.body),
    write.annex(report)
  ]

  return {
    pageSize: styles.pageSize as PageSize,
    pageMargins: [left, header.top, right, bottom],
    info: {
      title: fill(labels.documentTitle, {symbol: header.symbol, title: labels.title.join(' '), member: report.member}),
      author: report.member,
      subject: labels.workbook.subject,
      creator: 'art67',
      producer: 'art67'
    },
    defaultStyle: {...(styles.defaultStyle as Style), font: styles.font},
    styles: write.pdfmakeStyles,
    // pageCount is only known here: page 1 has the first two rows of its header block (header.ts), later pages the running head.
    header: (page, pages) => (page === 1 ? header.firstPage(pages) : header.runningHead(page)),
    // One flat list: pdfmake turns each nested list into a stack, a level more for every style lookup to walk.
    content: breakLongWords(write.orient(flatten(content)))
  }
}

const headingStyles = ['heading1', 'heading2', 'heading3']

/** Nested lists of nodes as one list, in order. */
const flatten = (nodes: readonly Content[]): Content[] => nodes.flatMap((node) => (Array.isArray(node) ? flatten(node) : [node]))

/** An annex table's first row longer than this is not kept with its header: an unbreakable block taller than a page loses text. */
const keepableRowCharacters = 400
/**
 * The most of the page's shorter side a table's header row, and its first row with it, may take to be kept together
 * and repeated: pdfmake lays them out as one unbreakable block, and drops what of it does not fit on a page. Half of
 * it is well within a page's text area, portrait or landscape, and their height is an upper bound already; less
 * would leave ordinary headers alone at the foot of a page (a first row of 400 characters in three columns).
 */
const keptTableShare = 1 / 2
/**
 * pdfmake's 'lightHorizontalLines' with its padding multiplied by `padding`, and the header's rule under the first
 * row, whether or not it repeats (`headerRows`).
 */
const tableLayout = (padding: number): ContentTable['layout'] => ({
  hLineWidth: (line, node) => (line === 0 || line === node.table.body.length ? 0 : line === 1 ? 2 : 1),
  vLineWidth: () => 0,
  hLineColor: (line) => (line === 1 ? 'black' : '#aaa'),
  paddingLeft: (column) => (column === 0 ? 0 : cellPadding * padding),
  paddingRight: (column, node) => (column === node.table.widths!.length - 1 ? 0 : cellPadding * padding)
})
/** pdfmake's padding above and below a table cell's text, in points. */
const cellPaddingVertical = 2 + 2
/** Characters a line of a narrow table column holds, to guess how tall the start of a table is. */
const narrowColumnCharacters = 25

const plainText = (runs: readonly Inline[]) => runs.map((run) => run.text).join('')

/** A table cell's content: plain text, or runs of formatted text. */
type Cell = string | ContentText[]

/** A cell as pdfmake takes it: its content in named styles. */
interface StyledCell extends ContentText {
  style: string | string[]
}

/** The text of a cell, its runs joined. */
const cellText = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.map((run) => String(run.text)).join(''))

/** Style names of a node, last one winning. */
const styleNames = (style: ContentText['style']): string[] =>
  typeof style === 'string' ? [style] : Array.isArray(style) ? style.filter((name): name is string => typeof name === 'string') : []

/** Neither bold nor italic. */
const plain: FontStyle = {bold: false, italics: false}

/** A fixed-width column that widens to its content (pdfmake's columnCalculator; not in its types). */
const elastic: object = {elasticWidth: true}

/** Turns model content into pdfmake nodes, with the templates' labels and styles. */
class Writer {
  readonly pdfmakeStyles: StyleDictionary
  private readonly uppercased: Set<string>
  private readonly beneficiaries: Map<string, Beneficiary>
  /** Tables that need a landscape page. */
  private readonly landscape = new WeakSet<object>()
  /** Whether any table needs a landscape page. */
  private landscaped = false

  constructor(
    private readonly templates: Templates,
    private readonly layout: Layout,
    private readonly measure: TextMeasure,
    beneficiaries: readonly Beneficiary[]
  ) {
    const entries = Object.entries(templates.styles.styles)
    // `uppercase` is our flag, not pdfmake's.
    this.uppercased = new Set(entries.filter(([, style]) => style.uppercase === true).map(([name]) => name))
    this.pdfmakeStyles = Object.fromEntries(entries.map(([name, {uppercase: _, ...style}]) => [name, style as Style]))
    this.beneficiaries = new Map(beneficiaries.map((beneficiary) => [beneficiary.name, beneficiary]))
  }

  /**
   * `content`, the document's top-level flow, with a page break that turns the page wherever a node needs another
   * orientation than the page before (pdfmake keeps the orientation of the page before): a landscape table gets a
   * page of its own, with the headings kept with it, and the flow turns back after it. Only top-level tables turn
   * the page: pdfmake forgets a list's or quotation's indentation when the page turns inside it.
   */
  orient(content: Content[]): Content[] {
    if (!this.landscaped) return content
    const flow: {node: Content; parent: Content[]; index: number}[] = []
    const walk = (nodes: Content[]) =>
      nodes.forEach((node, index) => (Array.isArray(node) ? walk(node) : flow.push({node, parent: nodes, index})))
    walk(content)
    let orientation: Orientation = 'portrait'
    flow.forEach(({node}, at) => {
      const wanted: Orientation = typeof node === 'object' && this.landscape.has(node) ? 'landscape' : 'portrait'
      if (wanted === orientation) return
      orientation = wanted
      // Headings kept with the table (layout.ts keepWithNext: an unbreakable stack, then a negative space) turn with it.
      const kept = flow[at - 2]
      const start = wanted === 'landscape' && kept && typeof kept.node === 'object' && 'unbreakable' in kept.node ? kept : flow[at]!
      const turned = typeof start.node === 'string' ? {text: start.node} : start.node
      start.parent[start.index] = {...(turned as object), pageBreak: 'before', pageOrientation: wanted} as Content
    })
    return content
  }

  /** Text in a style, upper-cased when the style asks for it; a word wider than the page apart from the space after it. */
  text(style: string, text: string): ContentText {
    const {styles} = this.templates
    const cased = this.case(style, text)
    const runs = apart([{text: cased}], this.widerThan(contentWidth(styles, 'portrait'), fontSize(styles, style), style))
    return {text: runs.length === 1 ? cased : runs, style}
  }

  /**
   * The blocks of a flow (the body, the annex's introduction, a description), each run of headings kept with the
   * start of what follows it. Blocks inside `nesting` sit in list items or quotes, which narrow them.
   */
  blocks(blocks: readonly Block[], nesting: readonly Nesting[] = []): Content[] {
    const nodes: Content[] = []
    for (let index = 0; index < blocks.length; ) {
      const block = blocks[index]!
      if (block.type !== 'heading') {
        nodes.push(this.block(block, nesting))
        index++
        continue
      }
      let end = index
      while (blocks[end]?.type === 'heading') end++
      const headings = blocks.slice(index, end) as Extract<Block, {type: 'heading'}>[]
      const characters = headings.reduce((sum, heading) => sum + plainText(heading.content).length, 0)
      const next = blocks[end]
      nodes.push(...this.layout.keepWithNext(headings.map((heading) => this.block(heading, nesting)), characters, next ? this.startHeight(next) : 0))
      index = end
    }
    return nodes
  }

  /** How much of `block` a heading above it keeps on its page: the first lines, or a table's header and first row. */
  private startHeight(block: Block): number {
    if (block.type !== 'table') return this.layout.keptText([block.type === 'code' ? 'code' : 'paragraph'])
    return this.tableStartHeight(block.header.map(plainText), block.rows[0]?.map(plainText) ?? [])
  }

  /** A guess, on the tall side, of the height of a table's header row and first row (each at most 10 lines). */
  private tableStartHeight(header: readonly string[], first: readonly string[]): number {
    const lines = (row: readonly string[]) => Math.min(Math.max(1, ...row.map((cell) => Math.ceil(cell.length / narrowColumnCharacters))), 10)
    const line = Math.max(this.layout.lineHeight(['tableHeader']), this.layout.lineHeight(['tableCell']))
    return (lines(header) + lines(first)) * line + this.layout.keptText(['tableCell'])
  }

  /** Keep an annex table's header row (the templates' words) with its first body row, when that row surely fits on a page. */
  private keepHeader(table: ContentTable, first: readonly string[] | undefined): ContentTable {
    if (first && first.every((cell) => cell.length <= keepableRowCharacters)) table.table.keepWithHeaderRows = 1
    return table
  }

  /**
   * A Markdown table's header row repeated on each page, and kept with its first row, only when they surely fit on a
   * page (see `keptTableShare`): a header cell holding pages of text is printed once, as the first row, and a first
   * row taller than that breaks across pages apart from the header. Its columns are numbers or stars.
   */
  private keepSourceHeader(table: ContentTable, nesting: readonly Nesting[]): ContentTable {
    const limit = Math.min(...pageSizes[this.templates.styles.pageSize]) * keptTableShare
    const widths = this.columnWidths(table, nesting)
    const [header, first] = table.table.body.slice(0, 2).map((row) => this.rowHeight(row as StyledCell[], widths))
    if (header! > limit) {
      delete table.table.headerRows
      if (table.layout === 'lightHorizontalLines') table.layout = tableLayout(1)
    } else if (first !== undefined && header! + first <= limit) table.table.keepWithHeaderRows = 1
    return table
  }

  /** The width of each column of a body table (numbers, or stars sharing what is left), its padding left out. */
  private columnWidths(table: ContentTable, nesting: readonly Nesting[]): number[] {
    const {styles} = this.templates
    const widths = table.table.widths as Size[]
    const orientation: Orientation = this.landscape.has(table) ? 'landscape' : 'portrait'
    const fixed = widths.reduce((sum: number, width) => sum + (typeof width === 'number' ? width : 0), 0)
    const stars = widths.filter((width) => typeof width !== 'number').length
    const room = contentWidth(styles, orientation) - indent(styles, nesting) - 2 * cellPadding * (widths.length - 1) - fixed
    return widths.map((width) => (typeof width === 'number' ? width : room / stars))
  }

  /**
   * An upper bound of the height of a table row in columns `widths` points wide. A line holds at least its width less
   * the widest word and a space, so the cell's widest line end to end, divided by that, bounds the lines it wraps to;
   * words wider than the column are broken, each leaving at most a line short before it, and a column narrower than
   * a glyph takes one character a line.
   */
  private rowHeight(row: readonly StyledCell[], widths: readonly number[]): number {
    const glyph = widestGlyph(this.templates.styles)
    const heights = row.map((cell, index) => {
      const size = this.cellFontSize(cell)
      const width = widths[index]!
      const text = cellText(cell.text as Cell)
      const {line, longest} = this.measure.measure(this.runs(cell.text as Cell, this.fontStyle(cell.style, plain)))
      const broken = longest * size > width
      const room = width - (broken ? glyph : longest + glyph) * size
      const hard = text.split('\n').length
      const lines = room > 0 ? hard * (1 + Math.ceil((line * size) / room)) * (broken ? 2 : 1) : [...text].length + hard
      return lines * this.layout.lineHeight(styleNames(cell.style), size) + cellPaddingVertical
    })
    return heights.reduce((most, height) => Math.max(most, height), 0)
  }

  block(block: Block, nesting: readonly Nesting[] = []): Content {
    const {styles} = this.templates
    const {tab, paragraphNumbers} = styles
    // Text is never on a landscape page: only top-level tables are.
    const lineWidth = contentWidth(styles, 'portrait') - indent(styles, nesting)
    switch (block.type) {
      case 'heading': {
        const style = headingStyles[Math.min(block.depth, headingStyles.length) - 1]!
        const title = this.inlines(block.content, style)
        if (!block.number) return {text: title, style}
        // The number, then the title at the tab, or a little after a number wider than the tab; wrapped lines align.
        const gap = tab / 4
        const numberWidth = Math.max(tab - gap, this.measure.measure([{text: block.number, ...this.fontStyle(style, plain)}]).line * fontSize(styles, style))
        const titleWidth = this.starWidth(title, lineWidth - numberWidth - gap, fontSize(styles, style))
        return {style, columnGap: gap, columns: [{width: tab - gap, noWrap: true, text: block.number, ...elastic}, {width: titleWidth, text: title}]}
      }
      case 'paragraph': {
        const size = fontSize(styles, 'paragraph')
        // Hanging numbers indent every line of the text; inline ones none but the first.
        const textLineWidth = block.number !== undefined && paragraphNumbers === 'hanging' ? lineWidth - tab : lineWidth
        const text = apart(justifiable(this.inlines(block.content)), this.widerThan(textLineWidth, size, 'paragraph'))
        if (block.number === undefined) return {text, style: 'paragraph'}
        const number = {width: tab, text: `${block.number}.`}
        const textWidth = this.starWidth(text, lineWidth - tab, size)
        if (paragraphNumbers === 'hanging') return {style: 'paragraph', columns: [number, {width: textWidth, text}]}
        // Inline: the text column reaches back under the number, its first line starting at the tab.
        return {style: 'paragraph', columnGap: 0, columns: [number, {width: textWidth, margin: [-tab, 0, 0, 0], leadingIndent: tab, text}]}
      }
      case 'list': {
        const inner: Nesting[] = [...nesting, {kind: 'list', last: block.ordered ? (block.start ?? 1) + block.items.length - 1 : 0}]
        const items = block.items.map((item) => ({stack: this.blocks(item, inner)}))
        const list: Content = block.ordered ? {ol: items, start: block.start ?? 1, separator: block.delimiter ?? '.', style: 'list'} : {ul: items, style: 'list'}
        // A list in a list's item ends with its last item's own spacing, as its items do: the list's margin below
        // would set the next item of the outer list twice as far off.
        if (nesting.at(-1)?.kind === 'list') {
          const [left, top, right] = marginSides(styles, 'list')
          return {...list, margin: [left, top, right, 0]}
        }
        // Under the text of the paragraph it belongs to, which starts at the tab.
        return nesting.length > 0 ? list : {stack: [list], margin: [tab, 0, 0, 0]}
      }
      case 'quote': {
        const inner: Nesting[] = [...nesting, {kind: 'quote'}]
        const quote = {stack: this.blocks(block.children, inner), style: 'quote'}
        // Deep in quotations, one adds no side margins once its text would be narrower than half the page's.
        return indent(styles, inner) > indent(styles, nesting) ? quote : {...quote, margin: verticalMargin(styles, 'quote')}
      }
      case 'code':
        return {text: block.text, style: 'code'}
      case 'rule':
        return this.text('rule', this.templates.labels.rule)
      case 'table':
        return this.keepSourceHeader(
          this.table(
            block.header.map((cell) => this.inlines(cell)),
            block.rows.map((row) => row.map((cell) => this.inlines(cell))),
            undefined,
            nesting
          ),
          nesting
        )
    }
  }

  /** A run of annex headings kept with the start of what follows. */
  private headed(headings: ContentText[], height: number, content: Content): Content[] {
    const characters = headings.reduce((sum, heading) => sum + String(heading.text).length, 0)
    return [...this.layout.keepWithNext(headings, characters, height), content]
  }

  /**
   * The annex, as Members circulate it: the list of programmes, then each programme's details. The summary of
   * beneficiaries opens it only when the styles (or templates) ask for it; the XLSX always has it.
   */
  annex(report: Report): Content[] {
    const {labels, styles} = this.templates
    const {annex} = labels
    const opening = [
      {...this.text('annexHeading', annex.heading), pageBreak: 'before' as const},
      this.text('annexSubheading', fill(annex.subheading, {period: report.period.label}))
    ]
    const summary = styles.annexSummary ? this.annexSummary(summarize(report)) : []
    const intro = this.blocks(report.annexIntro)
    if (report.programmes.length === 0) return [...opening, ...summary, ...intro, this.text('paragraph', annex.none)]
    const list = this.programmeList(report.programmes)
    const [header, first] = list.table.body as ContentText[][]
    return [
      ...opening,
      ...summary,
      ...intro,
      ...this.headed([this.text('annexSection', annex.summary)], this.tableStartHeight(header!.map((cell) => String(cell.text)), first!.map((cell) => String(cell.text))), list),
      this.text('annexSection', annex.details),
      report.programmes.map((programme) => this.details(programme))
    ]
  }

  /** The figures that open the annex on request: programmes, those reaching LDCs, and the regions and beneficiaries reached. */
  annexSummary(summary: Summary): Content[] {
    const {summary: text, columns, regions} = this.templates.labels
    const figure = (value: string): ContentText => ({text: value, style: 'fieldValue'})
    const ldc = ({ldc}: Beneficiary) => (ldc === null ? text.unknown : ldc ? text.yes : text.no)
    const captioned = (caption: string, header: string[], rows: string[][], widths: Size[]) =>
      this.headed([this.text('annexCaption', caption)], this.tableStartHeight(header, rows[0] ?? []), this.keepHeader(this.table(header, rows, widths), rows[0]))
    return [
      this.text('annexSection', text.heading),
      this.fieldTable(
        [
          [text.programmes, figure(String(summary.programmes))],
          [text.reachingLdcs, figure(String(summary.reachingLdcs))],
          // Numbers and a percent sign only, so the figure needs no words in any language.
          [text.ldcShare, figure(`${Math.round(summary.ldcShare * 100)}%`)]
        ],
        'auto'
      ),
      // No tables when no programme names a beneficiary: every beneficiary gives a region row, if only `noRegion`.
      summary.byBeneficiary.length === 0
        ? []
        : [
            captioned(
              text.byRegion,
              [columns.region, columns.programmes],
              summary.byRegion.map(({region, programmes}) => [region === undefined ? text.noRegion : (regions[region] ?? region), String(programmes)]),
              ['*', 'auto']
            ),
            captioned(
              text.byBeneficiary,
              [columns.beneficiary, columns.ldc, columns.programmes],
              summary.byBeneficiary.map(({beneficiary, programmes}) => [this.name(beneficiary.name), ldc(beneficiary), String(programmes)]),
              ['*', 'auto', 'auto']
            )
          ]
    ]
  }

  /** A beneficiary as lists print it: a registry name held on one line where it fits, free text as written. */
  private name(name: string): string {
    return this.beneficiaries.get(name)?.kind === 'free' ? name : unbroken(name, this.templates.styles.noBreakNames)
  }

  /**
   * The annex's list of programmes, one row each, in the e-TRIPS columns (End date only when a programme has one);
   * rows may break across pages, so nothing is dropped.
   */
  programmeList(programmes: readonly Programme[]): ContentTable {
    const {columns} = this.templates.labels
    const date = (value: Programme['start']) => (value ? formatShort(value, this.templates.labels) : '')
    const ends = programmes.some((programme) => programme.end)
    const rows = programmes.map((programme) => [
      String(programme.no),
      programme.title,
      date(programme.start),
      ...(ends ? [date(programme.end)] : []),
      programme.beneficiaries.map((name) => this.name(name)).join('; ')
    ])
    return this.keepHeader(
      this.table(
        [columns.no, columns.title, columns.start, ...(ends ? [columns.end] : []), columns.beneficiaries],
        rows,
        ['auto', '*', 'auto', ...(ends ? ['auto' as const] : []), '*']
      ),
      rows[0]
    )
  }

  /** One programme: its title kept with a label/value table of the fields the sources give and its other information, then its description. */
  details(programme: Programme): Content[] {
    const {columns, annex} = this.templates.labels
    // The ID is a key for merging files, not a field of the report: the PDF never prints it.
    const rows = fieldKeys.flatMap((key): [string, ContentText][] => {
      const text = key === 'id' ? undefined : this.fieldValue(programme, key)
      if (text === undefined) return []
      const value: ContentText = /^https?:\/\/\S+$/.test(text)
        ? {text, link: text, style: ['fieldValue', 'link']}
        : {text, style: 'fieldValue'}
      return [[columns[key], value]]
    })
    // Other information under the labels it was written with.
    for (const {label, value} of programme.other) rows.push([label || columns.other, {text: value, style: 'fieldValue'}])
    const title = this.text('programmeTitle', `${programme.no}. ${programme.title}`)
    const label = this.text('fieldLabel', annex.description)
    const described = programme.description.length > 0
    const description = () => this.blocks(programme.description)
    // Each heading (the title, the Description label) is kept with the start of what follows it, if anything does.
    if (rows.length === 0) return described ? this.headed([title, label], this.layout.keptText(['paragraph']), description()) : [title]
    return [
      ...this.headed([title], this.layout.keptText(['fieldValue']), this.fieldTable(rows, this.width('fieldLabel'))),
      ...(described ? this.headed([label], this.layout.keptText(['paragraph']), description()) : [])
    ]
  }

  /** A field as the annex prints it, or undefined when the programme does not set it. */
  private fieldValue(programme: Programme, key: FieldKey): string | undefined {
    const value = programme[key]
    if (value === undefined || value === '') return undefined
    if (Array.isArray(value)) return value.length === 0 ? undefined : (key === 'beneficiaries' ? value.map((name) => this.name(name)) : value).join('; ')
    return typeof value === 'object' ? formatShort(value, this.templates.labels) : value
  }

  /** A two-column table of labels and their values, without a header row. */
  private fieldTable(rows: [string, ContentText][], labelWidth: Size): ContentTable {
    const body = rows.map(([label, value]): StyledCell[] => [{text: label, style: 'fieldLabel'}, {...value, style: styleNames(value.style)}])
    const valuePadding = 8
    return this.fitted({widths: [labelWidth, '*'], body}, [0, valuePadding], [], (padding) => ({
      // Thin rules between rows only: 'lightHorizontalLines' would draw a header rule under the first row.
      hLineWidth: (line, node) => (line === 0 || line === node.table.body.length ? 0 : 0.5),
      hLineColor: () => '#aaaaaa',
      vLineWidth: () => 0,
      paddingLeft: (column) => (column === 0 ? 0 : valuePadding * padding),
      paddingRight: () => 0
    }))
  }

  /** A table whose header row repeats on each page. No dontBreakRows: it drops rows taller than a page. */
  private table(header: Cell[], rows: Cell[][], widths?: Size[], nesting: readonly Nesting[] = []): ContentTable {
    const count = Math.max(header.length, ...rows.map((row) => row.length))
    // Markdown rows may be shorter than the header; pdfmake needs them all the same length.
    const cells = (row: Cell[], style: string) => Array.from({length: count}, (_, index): StyledCell => ({text: row[index] ?? '', style}))
    // Padding as pdfmake's 'lightHorizontalLines': none outside the first and last column.
    const paddings = Array.from({length: count}, (_, index) => (index === 0 ? 0 : cellPadding) + (index === count - 1 ? 0 : cellPadding))
    const body = [cells(header, 'tableHeader'), ...rows.map((row) => cells(row, 'tableCell'))]
    return this.fitted({headerRows: 1, widths: widths ?? Array<Size>(count).fill('*'), body}, paddings, nesting, (padding) =>
      padding === 1 ? 'lightHorizontalLines' : tableLayout(padding)
    )
  }

  /**
   * The table with widths, font sizes and page orientation that fit it between the margins where it sits (see
   * tables.ts): pdfmake breaks a word wider than its column, so with set widths no text runs past the margin.
   */
  private fitted(
    table: {headerRows?: number; widths: Size[]; body: StyledCell[][]},
    paddings: number[],
    nesting: readonly Nesting[],
    /** The layout, with the padding of its columns multiplied by a factor. */
    layout: (padding: number) => ContentTable['layout']
  ): ContentTable {
    const {styles} = this.templates
    const sizes = table.body.map((row) => row.map((cell) => this.cellFontSize(cell)))
    // Without spreading the cells into arguments, which a table of 200,000 cells would overflow.
    const flat = sizes.flat()
    const [smallestFont, largestFont] = [flat.reduce((a, b) => Math.min(a, b), Infinity), flat.reduce((a, b) => Math.max(a, b), -Infinity)]
    const request = (columns: ColumnText[]): TableRequest => ({widths: table.widths, columns, paddings, nesting, smallestFont, largestFont})
    const runs = table.body.map((row) => row.map((cell) => this.runs(cell.text as Cell, this.fontStyle(cell.style, plain))))
    // Each column's widths, the largest of its cells': upper bounds, quick.
    const bounds = table.widths.map((_, index) => {
      const column: ColumnText = {word: 0, longest: 0, line: 0}
      runs.forEach((row, rowIndex) => {
        const size = sizes[rowIndex]![index]!
        const {word, longest, line} = this.measure.measure(row[index]!, styles.tables.longWord)
        column.word = Math.max(column.word, word * size)
        column.longest = Math.max(column.longest, longest * size)
        column.line = Math.max(column.line, line * size)
      })
      return column
    })
    // Most tables fit as asked even so; else the exact widest words decide, as pdfmake will measure them.
    if (fitsAsAsked(request(bounds), styles)) return {style: 'table', table, layout: layout(1)}
    const columns = bounds.map((column, index) => ({
      ...column,
      longest: this.measure.longest(runs.map((row, rowIndex) => ({runs: row[index]!, size: sizes[rowIndex]![index]!})))
    }))
    if (fitsAsAsked(request(columns), styles)) return {style: 'table', table, layout: layout(1)}
    const fit = fitTable(request(columns), styles)
    const body = table.body.map((row, rowIndex) =>
      row.map((cell, index) => {
        const [size, width, cellRuns] = [sizes[rowIndex]![index]! * fit.scale, fit.widths[index], runs[rowIndex]![index]!]
        // A name held on one line that its column is too narrow for breaks at its spaces, not within a word.
        const text =
          typeof cell.text === 'string' && typeof width === 'number'
            ? released(cell.text, (held) => this.measure.longest([{runs: [{...cellRuns[0]!, text: held}], size}]) <= width)
            : cell.text
        return fit.scale === 1 && text === cell.text ? cell : {...cell, text, ...(fit.scale === 1 ? {} : {fontSize: size})}
      })
    )
    const node: ContentTable = {style: 'table', table: {...table, widths: fit.widths, body}, layout: layout(fit.padding)}
    if (fit.orientation === 'landscape') {
      this.landscape.add(node)
      this.landscaped = true
    }
    return node
  }

  /** The font size of a cell: its own, else its last style's that sets one, else the default. */
  private cellFontSize(cell: StyledCell): number {
    if (typeof cell.fontSize === 'number') return cell.fontSize
    const named = styleNames(cell.style)
      .reverse()
      .map((name) => this.templates.styles.styles[name]?.fontSize)
      .find((value) => typeof value === 'number')
    return named ?? fontSize(this.templates.styles, '')
  }

  /** Bold and italics of a node: set on it, else by its styles (the last that sets it), else inherited. */
  private fontStyle(style: ContentText['style'], inherited: FontStyle, node: {bold?: boolean; italics?: boolean} = {}): FontStyle {
    const named = styleNames(style)
      .reverse()
      .map((name) => this.templates.styles.styles[name] ?? {})
    const flag = (key: 'bold' | 'italics') => {
      const own = node[key] ?? named.map((entry) => entry[key]).find((value) => typeof value === 'boolean')
      return typeof own === 'boolean' ? own : inherited[key]
    }
    return {bold: flag('bold'), italics: flag('italics')}
  }

  /** The runs of text a cell prints, each in its font style. */
  private runs(content: Cell, inherited: FontStyle): Run[] {
    if (typeof content === 'string') return [{text: content, ...inherited}]
    return content.map((node) => ({text: String(node.text), ...this.fontStyle(node.style, inherited, node)}))
  }

  /**
   * The width of a `*` column of `runs` in `style` that has `width` points: `*` while its widest word fits, else
   * `width` itself, since pdfmake would widen a star column to its widest word, past the margin.
   */
  private starWidth(runs: ContentText[], width: number, size: number): Size {
    const text = cellText(runs)
    if (longestWordLength(text) * widestGlyph(this.templates.styles) * size <= width) return '*'
    return this.measure.longest([{runs: this.runs(runs, plain), size}]) <= width ? '*' : width
  }

  /**
   * Whether a word of a run in `style` may be wider than a line of `lineWidth` points at `size`: first by its length,
   * then measured.
   */
  private widerThan(lineWidth: number, size: number, style: string): (word: string, run: ContentText) => boolean {
    const shortest = lineWidth / (widestGlyph(this.templates.styles) * size)
    const base = this.fontStyle(style, plain)
    return (word, run) => word.length >= shortest && this.measure.longest([{runs: this.runs([{...run, text: word}], base), size}]) > lineWidth
  }

  private inlines(runs: readonly Inline[], style?: string): ContentText[] {
    return runs.map((run) => {
      const node: ContentText = {text: style ? this.case(style, run.text) : run.text}
      const styles: string[] = []
      if (run.bold) node.bold = true
      if (run.italic) node.italics = true
      if (run.strike) node.decoration = 'lineThrough'
      if (run.code) styles.push('inlineCode')
      if (run.link) {
        node.link = run.link
        styles.push('link')
      }
      if (styles.length > 0) node.style = styles
      return node
    })
  }

  /** The column width a style sets (our key, which pdfmake ignores in styles), else `auto`. */
  private width(style: string): Size {
    const width = this.templates.styles.styles[style]?.width
    return typeof width === 'number' || typeof width === 'string' ? (width as Size) : 'auto'
  }

  private case(style: string, text: string): string {
    return this.uppercased.has(style) ? text.toLocaleUpperCase(this.templates.labels.language) : text
  }
}
