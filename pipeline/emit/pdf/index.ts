// The emit-pdf stage: the report as a circulated WTO document (A4), laid out by pdfmake.
// All fixed text comes from the labels and all looks from styles.json.
import path from 'node:path'
import pdfmake from 'pdfmake'
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
import {formatLong, formatShort} from '../../dates.js'
import {printable, roboto} from '../../fonts/index.js'
import {fieldKeys, type FieldKey} from '../../fields.js'
import type {Block, Inline, Programme, Report} from '../../model.js'
import {summarize, type Summary} from '../summary.js'
import {fill, type Templates} from '../../templates.js'
import type {EmitOptions} from '../index.js'

let configured = false

/** pdfmake is a process-wide singleton: give it the fonts and shut every other door, once. */
function configurePdfmake(): void {
  if (configured) return
  const fontFiles = new Set(Object.values(roboto))
  pdfmake.setFonts({Roboto: roboto})
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((file) => fontFiles.has(path.resolve(file)))
  configured = true
}

/**
 * Render the report; the same input and `instant` give the same bytes.
 * Characters the fonts cannot draw print as a placeholder (validation warns about them).
 */
export async function emitPdf(report: Report, templates: Templates, options: EmitOptions): Promise<Buffer> {
  configurePdfmake()
  const definition = pdfDefinition(printable(report), {...templates, labels: printable(templates.labels)})
  definition.info = {...definition.info, creationDate: options.instant}
  return pdfmake.createPdf(definition).getBuffer()
}

/** The pdfmake document for a report: pure, ready for any configured pdfmake. */
export function pdfDefinition(report: Report, templates: Templates): TDocumentDefinitions {
  const {labels, styles} = templates
  const write = new Writer(templates)
  // A draft has no date yet: no date line, and the undated circulation sentence.
  const date = report.date && formatLong(report.date, labels.months)
  const circulation = date ? labels.circulation : labels.circulationUndated
  const [left, , right] = styles.pageMargins

  // Page 1 carries the header block; pageCount is only known here, so it is drawn as the page header.
  const firstPageHeader = (pages: number): Content => ({
    margin: [left, styles.header.top, right, 0],
    fontSize: styles.header.fontSize,
    columnGap: 12,
    columns: [
      {width: styles.header.councilWidth, ...write.text('headerCouncil', labels.council)},
      {
        width: '*',
        style: 'headerRight',
        stack: [
          report.symbol,
          date,
          report.job && `(${report.job})`,
          fill(labels.page, {page: 1, pages}),
          fill(labels.original, {original: report.original})
        ].filter((line): line is string => Boolean(line))
      }
    ]
  })
  const runningHead = (page: number): Content => ({
    margin: [left, styles.header.top, right, 0],
    fontSize: styles.header.fontSize,
    ...write.text('runningHead', fill(labels.runningHead, {symbol: report.symbol ?? '', page}).trim())
  })

  return {
    pageSize: styles.pageSize as PageSize,
    pageMargins: styles.pageMargins,
    info: {
      title: `${labels.title.join(' ')} – ${report.member}`,
      author: report.member,
      subject: labels.workbook.subject,
      creator: 'art67',
      producer: 'art67'
    },
    defaultStyle: styles.defaultStyle as Style,
    styles: write.pdfmakeStyles,
    header: (page, pages) => (page === 1 ? firstPageHeader(pages) : runningHead(page)),
    content: [
      write.text('title', labels.title.join('\n')),
      write.text('member', report.member),
      write.text('circulation', fill(circulation, {date, requester: report.requester})),
      write.rule('rule'),
      write.blocks(report.body),
      {...write.text('annexHeading', labels.annex.heading), pageBreak: 'before'},
      write.text('annexSubheading', fill(labels.annex.subheading, {period: report.period.label})),
      write.annexSummary(summarize(report)),
      write.blocks(report.annexIntro),
      report.programmes.length === 0
        ? write.text('paragraph', labels.annex.none)
        : [
            write.text('annexSection', labels.annex.summary),
            write.programmeList(report.programmes),
            write.text('annexSection', labels.annex.details),
            report.programmes.map((programme) => write.details(programme))
          ]
    ]
  }
}

const headingStyles = ['heading1', 'heading2', 'heading3']

/** Turns model content into pdfmake nodes, with the templates' labels and styles. */
class Writer {
  readonly pdfmakeStyles: StyleDictionary
  private readonly uppercased: Set<string>

  constructor(private readonly templates: Templates) {
    const entries = Object.entries(templates.styles.styles)
    // `uppercase` is our flag, not pdfmake's.
    this.uppercased = new Set(entries.filter(([, style]) => style.uppercase === true).map(([name]) => name))
    this.pdfmakeStyles = Object.fromEntries(entries.map(([name, {uppercase: _, ...style}]) => [name, style as Style]))
  }

  /** Text in a style, upper-cased when the style asks for it. */
  text(style: string, text: string): ContentText {
    return {text: this.case(style, text), style}
  }

  /** A full-width horizontal line: a one-cell table whose bottom border is the rule, so it fits any column. */
  rule(style: string): Content {
    return {
      style,
      table: {widths: ['*'], body: [['']]},
      layout: {
        hLineWidth: (line) => (line === 1 ? 0.75 : 0),
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0
      }
    }
  }

  blocks(blocks: readonly Block[]): Content[] {
    return blocks.map((block) => this.block(block))
  }

  block(block: Block): Content {
    switch (block.type) {
      case 'heading': {
        const style = headingStyles[Math.min(block.depth, headingStyles.length) - 1]!
        return {text: this.inlines([{text: `${block.number} `}, ...block.content], style), style}
      }
      case 'paragraph':
        if (block.number === undefined) return {text: this.inlines(block.content), style: 'paragraph'}
        return {
          style: 'paragraph',
          columns: [
            {width: this.width('paragraphNumber'), text: `${block.number}.`, style: 'paragraphNumber'},
            {width: '*', text: this.inlines(block.content)}
          ]
        }
      case 'list': {
        const items = block.items.map((item) => ({stack: this.blocks(item)}))
        return block.ordered ? {ol: items, start: block.start ?? 1, style: 'list'} : {ul: items, style: 'list'}
      }
      case 'quote':
        return {stack: this.blocks(block.children), style: 'quote'}
      case 'code':
        return {text: block.text, style: 'code'}
      case 'rule':
        return this.rule('rule')
      case 'table':
        return this.table(
          block.header.map((cell) => this.inlines(cell)),
          block.rows.map((row) => row.map((cell) => this.inlines(cell)))
        )
    }
  }

  /** The figures that open the annex: programmes, those reaching LDCs, and the regions and beneficiaries reached. */
  annexSummary(summary: Summary): Content[] {
    const {summary: text, columns, kinds, regions} = this.templates.labels
    const figure = (value: string): ContentText => ({text: value, style: 'fieldValue'})
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
            this.text('annexCaption', text.byRegion),
            this.table(
              [columns.region, columns.programmes],
              summary.byRegion.map(({region, programmes}) => [
                region === undefined ? text.noRegion : (regions[region] ?? region),
                String(programmes)
              ]),
              ['*', 'auto']
            ),
            this.text('annexCaption', text.byBeneficiary),
            this.table(
              [columns.beneficiary, columns.kind, columns.ldc, columns.programmes],
              summary.byBeneficiary.map(({beneficiary, programmes}) => [
                beneficiary.name,
                kinds[beneficiary.kind],
                beneficiary.ldc ? text.yes : text.no,
                String(programmes)
              ]),
              ['*', 'auto', 'auto', 'auto']
            )
          ]
    ]
  }

  /** The annex's list of programmes, one row each; rows may break across pages, so nothing is dropped. */
  programmeList(programmes: readonly Programme[]): ContentTable {
    const {columns, months} = this.templates.labels
    return this.table(
      [columns.no, columns.title, columns.start, columns.end, columns.beneficiaries],
      programmes.map((programme) => [
        String(programme.no),
        programme.title,
        programme.start ? formatShort(programme.start, months) : '',
        programme.end ? formatShort(programme.end, months) : '',
        programme.beneficiaries.join('; ')
      ]),
      ['auto', '*', 'auto', 'auto', '*']
    )
  }

  /** One programme: its title, a label/value table of the fields it sets and its other information, then its description. */
  details(programme: Programme): Content[] {
    const {columns, annex} = this.templates.labels
    const rows = fieldKeys.flatMap((key): [string, ContentText][] => {
      const text = this.fieldValue(programme, key)
      if (text === undefined) return []
      const value: ContentText = /^https?:\/\/\S+$/.test(text)
        ? {text, link: text, style: ['fieldValue', 'link']}
        : {text, style: 'fieldValue'}
      return [[columns[key], value]]
    })
    // Other information under the labels it was written with.
    for (const {label, value} of programme.other) rows.push([label || columns.other, {text: value, style: 'fieldValue'}])
    return [
      this.text('programmeTitle', `${programme.no}. ${programme.title}`),
      this.fieldTable(rows, this.width('fieldLabel')),
      programme.description.length === 0
        ? []
        : [this.text('fieldLabel', annex.description), this.blocks(programme.description)]
    ]
  }

  /** A field as the annex prints it, or undefined when the programme does not set it. */
  private fieldValue(programme: Programme, key: FieldKey): string | undefined {
    const value = programme[key]
    if (value === undefined || value === '') return undefined
    if (Array.isArray(value)) return value.length === 0 ? undefined : value.join('; ')
    return typeof value === 'object' ? formatShort(value, this.templates.labels.months) : value
  }

  /** A two-column table of labels and their values, without a header row. */
  private fieldTable(rows: [string, ContentText][], labelWidth: Size): ContentTable {
    return {
      style: 'table',
      table: {
        widths: [labelWidth, '*'],
        body: rows.map(([label, value]) => [{text: label, style: 'fieldLabel'}, value])
      },
      // Thin rules between rows only: 'lightHorizontalLines' would draw a header rule under the first row.
      layout: {
        hLineWidth: (line, node) => (line === 0 || line === node.table.body.length ? 0 : 0.5),
        hLineColor: () => '#aaaaaa',
        vLineWidth: () => 0,
        paddingLeft: (column) => (column === 0 ? 0 : 8),
        paddingRight: () => 0
      }
    }
  }

  /** A table whose header row repeats on each page. No dontBreakRows: it drops rows taller than a page. */
  private table(header: Content[], rows: Content[][], widths?: Size[]): ContentTable {
    const count = Math.max(header.length, ...rows.map((row) => row.length))
    // Markdown rows may be shorter than the header; pdfmake needs them all the same length.
    const cells = (row: Content[], style: string) =>
      Array.from({length: count}, (_, index) => ({text: row[index] ?? '', style}))
    return {
      style: 'table',
      table: {
        headerRows: 1,
        widths: widths ?? Array<Size>(count).fill('*'),
        body: [cells(header, 'tableHeader'), ...rows.map((row) => cells(row, 'tableCell'))]
      },
      layout: 'lightHorizontalLines'
    }
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
