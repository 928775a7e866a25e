// The overview, for people reviewing a year's cooperation at a glance (not for circulation): a timeline of the
// programmes and bar charts of who they reach, as standalone SVG files and as one PDF that embeds the same SVGs as
// vector graphics. Its fixed texts come from the templates (`overview`), as do region and month names.
import pdfmake from 'pdfmake'
import type {Content, TDocumentDefinitions} from 'pdfmake/interfaces.js'
import {configurePdfmake} from '../emit/pdf/index.js'
import {inLanguage} from '../language.js'
import type {Changes} from '../diff/index.js'
import {outputName, type EmitOptions} from '../emit/index.js'
import {glyphsOf} from '../fonts/index.js'
import type {Report} from '../model.js'
import {sentenceName} from '../registry/index.js'
import {fill, type Templates} from '../templates.js'
import type {Output} from '../write/index.js'
import {barLayout, barSvg, beneficiaryCounts, ldcSentence, regionCounts, type Count} from './bars.js'
import {timelineLayout, timelineSvg, type TimelineSince} from './timeline.js'

export interface OverviewOptions extends Pick<EmitOptions, 'instant'> {
  /** With `build --since`: the earlier report and the changes from it, marked on the timeline. */
  since?: {old: Report; changes: Changes} | undefined
}

/** A4 landscape with half-inch margins: the width the charts are drawn at, and the rows that fit on a page. */
const page = {width: 841.89, height: 595.28, margin: 36}
const chartWidth = page.width - 2 * page.margin
const timelineRows = 38
const barRows = 30

interface Charts {
  timeline: (slice?: [number, number]) => string
  regions: (slice?: [number, number]) => string
  beneficiaries: (slice?: [number, number]) => string
  /** Rows of each chart: the timeline's are the programmes and, with `since`, the ended ones. */
  counts: {programmes: number; regions: number; beneficiaries: number}
}

/** The timeline's marks: the new programmes by number, the ended ones as the earlier report has them. */
function timelineSince({old, changes}: NonNullable<OverviewOptions['since']>): TimelineSince {
  const ended = new Set(changes.programmes.ended.map((programme) => programme.no))
  return {
    period: old.period.label,
    new: new Set(changes.programmes.new.map((programme) => programme.no)),
    ended: old.programmes.filter((programme) => ended.has(programme.no))
  }
}

/** The values of the overview's placeholders that name the report: `{member}`, `{of}` and `{period}`. */
function naming(report: Report, templates: Templates) {
  return {member: report.member, of: sentenceName(report.member, templates.labels.language).of, period: report.period.label}
}

function charts(report: Report, templates: Templates, since: TimelineSince | undefined): Charts {
  const {labels} = templates
  const words = labels.overview
  const named = naming(report, templates)
  const regions: Count[] = regionCounts(report, (region) => (region === undefined ? labels.summary.noRegion : (labels.regions[region] ?? region)))
  const beneficiaries = beneficiaryCounts(report)
  const ldc = ldcSentence(report, words.ldcShare, labels.language)
  const bars = (title: string, subtitle: string, counts: Count[], slice?: [number, number]) =>
    barSvg(barLayout(counts, {width: chartWidth, title: fill(title, named), subtitle, key: words.barKey, slice}))
  return {
    timeline: (slice) => timelineSvg(timelineLayout(report, {width: chartWidth, months: labels.months, title: fill(words.timelineTitle, named), words, slice, since})),
    regions: (slice) => bars(words.regionsTitle, [ldc, words.regionsNote].filter(Boolean).join(' '), regions, slice),
    beneficiaries: (slice) => bars(words.beneficiariesTitle, ldc, beneficiaries, slice),
    counts: {programmes: report.programmes.length + (since?.ended.length ?? 0), regions: regions.length, beneficiaries: beneficiaries.length}
  }
}

/** Slices of `total` rows, `size` at a time (one empty slice for none). */
function pages(total: number, size: number): Array<[number, number]> {
  const slices: Array<[number, number]> = []
  for (let first = 0; first < total || slices.length === 0; first += size) slices.push([first, Math.min(total, first + size)])
  return slices
}

function overviewDefinition(report: Report, templates: Templates, drawn: Charts): TDocumentDefinitions {
  const font = templates.styles.font
  const words = templates.labels.overview
  const named = naming(report, templates)
  const svg = (markup: string): Content => ({svg: markup, width: chartWidth, font} as Content)
  const content: Content[] = []
  const chart = (draw: (slice?: [number, number]) => string, total: number, size: number) => {
    // pdfmake moves a chart that does not fit the rest of a page to the next one.
    for (const slice of pages(total, size)) content.push(svg(draw(slice)))
  }
  chart(drawn.regions, drawn.counts.regions, barRows)
  chart(drawn.beneficiaries, drawn.counts.beneficiaries, barRows)
  chart(drawn.timeline, drawn.counts.programmes, timelineRows)
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [page.margin, page.margin, page.margin, page.margin],
    defaultStyle: {font, fontSize: 8},
    header: (current, count) => ({
      text: fill(words.pageHead, {...named, page: current, pages: count}),
      fontSize: 7,
      color: '#6b6b6b',
      margin: [page.margin, 16, page.margin, 0]
    }),
    info: {title: fill(words.pdfTitle, named), creator: 'art67', producer: 'art67'},
    content
  }
}

/** `<name>-overview.pdf` and the charts as `<name>-timeline.svg`, `-regions.svg`, `-beneficiaries.svg`. */
export async function overview(written: Report, templates: Templates, options: OverviewOptions): Promise<Output[]> {
  // Names as the report's own outputs print them, in the templates' language, and the same file name.
  const named = (report: Report) => inLanguage(report, templates.labels, templates.labels)
  const report = named(written)
  const earlier = options.since && {old: named(options.since.old), changes: options.since.changes}
  const name = outputName(report)
  const since = earlier && timelineSince(earlier)
  const whole = charts(report, templates, since)
  await configurePdfmake(templates)
  const glyphs = glyphsOf(templates.styles.font)
  // In the PDF, characters the font cannot draw print as a placeholder, as in the report's PDF.
  const definition = overviewDefinition(glyphs.printable(report), templates, charts(glyphs.printable(report), templates, earlier && timelineSince({...earlier, old: glyphs.printable(earlier.old)})))
  definition.info = {...definition.info, creationDate: options.instant}
  return [
    {name: `${name}-overview.pdf`, data: await pdfmake.createPdf(definition).getBuffer()},
    {name: `${name}-timeline.svg`, data: whole.timeline()},
    {name: `${name}-regions.svg`, data: whole.regions()},
    {name: `${name}-beneficiaries.svg`, data: whole.beneficiaries()}
  ]
}
