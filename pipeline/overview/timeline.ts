// The timeline: one bar per programme from its start to its end over the reporting period. A date known to the day
// is an edge; a month-only or year-only date is drawn as a lighter cap spanning the month or year it may be in; a
// programme without an end ends with an arrow at the period's end (without a start, starts with one at its start). Pure: data in,
// geometry out (`timelineLayout`), then geometry to SVG (`timelineSvg`). With changes since an earlier report, new
// programmes are tagged and drawn in their own colour, and ended ones (in the earlier report only) follow as rows of
// their own, tagged and grey.
import {firstDay, lastDay, utcMillis} from '../dates.js'
import type {PartialDate, Programme, Report} from '../model.js'
import {fill, type OverviewWords} from '../templates.js'
import {colors, element, fitText, num, svgDocument, text} from './svg.js'

export type SegmentKind = 'day' | 'month' | 'year'

/** A piece of a bar: `day` is the span between known dates, `month` and `year` the span a partial date may fall in. */
export interface Segment {
  x: number
  width: number
  kind: SegmentKind
}

export interface TimelineRow {
  no: number
  label: string
  /** Top of the row's bar. */
  y: number
  segments: Segment[]
  /** An arrow where a date is missing: `end` for an open end, `start` for an unknown start; `undated` has no bar. */
  open: 'end' | 'start' | 'undated' | undefined
  /** With `since`: a programme new since the earlier report, or one of it that has ended (its number there). */
  mark?: 'new' | 'ended'
}

export interface Tick {
  x: number
  label: string | undefined
}

export interface TimelineLayout {
  width: number
  height: number
  title: string
  /** The plot's left and right edges. */
  left: number
  right: number
  /** The period's bounds: the left edge of its first day, the right edge of its last. */
  period: {from: number; to: number}
  /** Where the period's label starts: just right of its first bound, moved left as far as it must to stay on the chart. */
  periodLabel: number
  ticks: Tick[]
  rows: TimelineRow[]
  barHeight: number
  /** Top and bottom of the plotted rows. */
  top: number
  bottom: number
  /** With `since`: the earlier report's period, for the legend. */
  since?: string
  words: TimelineWords
}

/** The timeline's fixed texts, from the templates. */
export type TimelineWords = Pick<OverviewWords, 'timelineKey' | 'tags' | 'noDates'>

/** What changed since an earlier report, as the timeline marks it. */
export interface TimelineSince {
  /** The earlier report's period label. */
  period: string
  /** Numbers of the programmes of this report that are new. */
  new: ReadonlySet<number>
  /** Programmes of the earlier report that this one no longer has. */
  ended: readonly Programme[]
}

export interface TimelineOptions {
  width?: number
  /** Which programmes to draw, by index: a page of a long timeline, on the same scale as the whole. */
  slice?: [number, number]
  /** Month names, January first. */
  months: readonly string[]
  title: string
  words: TimelineWords
  since?: TimelineSince | undefined
}

export const geometry = {labelWidth: 230, rowHeight: 11, barHeight: 7, top: 40, bottom: 34, arrow: 6, minWidth: 1.5, tagWidth: 30, legendLine: 13}

const day = 86_400_000
/** Days since 1970 of a full date; the last day of a span ends at the next day's number. */
const dayNumber = (iso: string) => utcMillis(iso) / day
const isoOf = (days: number) => new Date(days * day).toISOString().slice(0, 10)

/** The first day of the month of `days`, moved by `months`. */
function monthStart(days: number, months = 0): number {
  const date = new Date(days * day)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / day
}

/** The span of days a partial date may be in: [first, last + 1). */
const span = (date: PartialDate): [number, number] => [dayNumber(firstDay(date)), dayNumber(lastDay(date)) + 1]

/** The days shown: the period and every programme's dates (ended ones too), widened to whole months. */
function domain(report: Report, programmes: readonly Programme[]): [number, number] {
  let from = dayNumber(report.period.from)
  let to = dayNumber(report.period.to) + 1
  for (const programme of programmes) {
    for (const date of [programme.start, programme.end]) {
      if (!date) continue
      const [first, last] = span(date)
      from = Math.min(from, first)
      to = Math.max(to, last)
    }
  }
  const end = monthStart(to - 1, 1)
  return [monthStart(from), end]
}

/** Years between labelled ticks, the fewest that keep their labels apart. */
const yearSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
/** The room a year's label needs: four digits at 7 pt and a gap. */
const yearLabelRoom = 26
/** Unlabelled yearly ticks are drawn only this far apart or more. */
const yearTickRoom = 3

/** Each month's name cut to three letters, or more where two months would read the same (French juin, juillet: juin, juil). */
export function shortMonths(months: readonly string[]): string[] {
  const cut = (name: string, length: number) => [...name].slice(0, length).join('')
  return months.map((name) => {
    let length = 3
    while (length < [...name].length && months.some((other) => other !== name && cut(other, length) === cut(name, length))) length++
    return cut(name, length)
  })
}

function ticks(from: number, to: number, scale: (days: number) => number, months: readonly string[]): Tick[] {
  const spanMonths = Math.round((to - from) / 30.44)
  const result: Tick[] = []
  if (spanMonths > 36) {
    // A tick a year, labelled every `step` years: over centuries, labels far enough apart to read.
    const yearWidth = scale(from + 365.25) - scale(from)
    const step = yearSteps.find((years) => years * yearWidth >= yearLabelRoom) ?? yearSteps.at(-1)!
    const firstYear = Number(isoOf(from).slice(0, 4)) + (isoOf(from).slice(5, 10) === '01-01' ? 0 : 1)
    for (let year = firstYear; ; year++) {
      const days = utcMillis(`${String(year).padStart(4, '0')}-01-01`) / day
      if (days >= to) break
      const labelled = year % step === 0
      if (labelled || yearWidth >= yearTickRoom) result.push({x: scale(days), label: labelled ? String(year) : undefined})
    }
  } else {
    const short = shortMonths(months)
    for (let month = from; month < to; month = monthStart(month, 1)) {
      const [year, index] = isoOf(month).split('-').map(Number) as [number, number]
      const labelled = (index - 1) % 3 === 0
      result.push({x: scale(month), label: labelled ? `${short[index - 1]} ${year}` : undefined})
    }
  }
  result.push({x: scale(to), label: undefined})
  return result
}

/** The bar of one programme, on `scale`, between the plot's edges. */
function bar(start: PartialDate | undefined, end: PartialDate | undefined, scale: (days: number) => number, period: {from: number; to: number}): Pick<TimelineRow, 'segments' | 'open'> {
  if (!start && !end) return {segments: [], open: 'undated'}
  const segments: Segment[] = []
  const cap = (date: PartialDate) => {
    if (date.precision === 'day') return
    const [first, last] = span(date)
    segments.push({x: scale(first), width: scale(last) - scale(first), kind: date.precision})
  }
  // The known part runs from where the start is certain to where the end is.
  // Without an end it runs to the end of the period (or of its start), an arrow saying more may follow; without a
  // start, likewise from the period's start.
  const solidFrom = start ? scale(span(start)[start.precision === 'day' ? 0 : 1]) : Math.min(period.from, scale(span(end!)[0]))
  const solidTo = end ? scale(span(end)[end.precision === 'day' ? 1 : 0]) : Math.max(period.to, scale(span(start!)[1]))
  if (solidTo > solidFrom) segments.push({x: solidFrom, width: solidTo - solidFrom, kind: 'day'})
  if (start) cap(start)
  if (end && !(start && end.iso === start.iso && end.precision === start.precision)) cap(end)
  if (segments.length === 0) segments.push({x: solidFrom, width: 0, kind: 'day'})
  for (const segment of segments) {
    if (segment.width < geometry.minWidth) {
      segment.x -= (geometry.minWidth - segment.width) / 2
      segment.width = geometry.minWidth
    }
  }
  return {segments, open: end ? (start ? undefined : 'start') : 'end'}
}

export function timelineLayout(report: Report, options: TimelineOptions): TimelineLayout {
  const width = options.width ?? 770
  const left = geometry.labelWidth
  const right = width - geometry.arrow - 4
  const since = options.since
  // A tag takes the right end of a marked row's label: room for the longer one (bold, 6.5 pt).
  const tagWidth = Math.max(geometry.tagWidth, ...Object.values(options.words.tags).map((tag) => [...tag].length * 6.5 * 0.62 + 6))
  // The report's programmes, then the ended ones, as one list of rows.
  const all = [
    ...report.programmes.map((programme) => ({programme, mark: since?.new.has(programme.no) ? ('new' as const) : undefined})),
    ...(since?.ended ?? []).map((programme) => ({programme, mark: 'ended' as const}))
  ]
  const [from, to] = domain(report, all.map(({programme}) => programme))
  const scale = (days: number) => left + ((days - from) / (to - from)) * (right - left)
  const [first, last] = options.slice ?? [0, all.length]
  const programmes = all.slice(first, last)
  const top = geometry.top
  const period = {from: scale(dayNumber(report.period.from)), to: scale(dayNumber(report.period.to) + 1)}
  const rows = programmes.map(({programme, mark}, index): TimelineRow => ({
    no: programme.no,
    label: fitText(`${programme.no}. ${programme.title}`, geometry.labelWidth - 8 - (mark ? tagWidth : 0), 7),
    y: top + index * geometry.rowHeight + (geometry.rowHeight - geometry.barHeight) / 2,
    ...bar(programme.start, programme.end, scale, period),
    ...(mark ? {mark} : {})
  }))
  const bottom = top + Math.max(1, programmes.length) * geometry.rowHeight
  return {
    ...(since ? {since: since.period} : {}),
    width,
    height: bottom + geometry.bottom + (since ? geometry.legendLine : 0),
    title: options.title,
    words: options.words,
    left,
    right,
    period,
    // An estimate of the label's width at 7 pt, as `fitText` makes, with room for wide letters.
    periodLabel: Math.max(0, Math.min(period.from + 2, width - [...options.words.timelineKey.period].length * 7 * 0.62)),
    ticks: ticks(from, to, scale, options.months),
    rows,
    barHeight: geometry.barHeight,
    top,
    bottom
  }
}

/** A row's colour: new and ended programmes in their own. */
const tone = (mark: TimelineRow['mark']) => (mark === 'new' ? colors.new : mark === 'ended' ? colors.ended : colors.bar)

function fills(kind: SegmentKind, color: string): {fill: string; opacity?: number; dash?: string} {
  if (kind === 'day') return {fill: color}
  if (kind === 'month') return {fill: color, opacity: 0.45}
  return color === colors.bar ? {fill: colors.light, opacity: 0.6, dash: '2 1.5'} : {fill: color, opacity: 0.25, dash: '2 1.5'}
}

function segmentSvg(segment: Segment, y: number, height: number, color: string = colors.bar): string {
  const look = fills(segment.kind, color)
  return element('rect', {
    x: segment.x,
    y,
    width: segment.width,
    height,
    fill: look.fill,
    'fill-opacity': look.opacity,
    stroke: segment.kind === 'day' ? undefined : color,
    'stroke-width': segment.kind === 'day' ? undefined : 0.6,
    'stroke-dasharray': look.dash
  })
}

/** A triangle pointing off the plot at `x`: right for an open end, left for an unknown start. */
function arrow(x: number, y: number, height: number, direction: 1 | -1, color: string = colors.bar): string {
  const tip = x + direction * geometry.arrow
  return element('path', {d: `M${num(x)} ${num(y - 1)}L${num(tip)} ${num(y + height / 2)}L${num(x)} ${num(y + height + 1)}Z`, fill: color})
}

/** The tag at the right end of a marked row's label: "new" or "ended". */
const tag = (mark: 'new' | 'ended', y: number, words: TimelineWords) =>
  text(geometry.labelWidth - 8, y, words.tags[mark], {'font-size': 6.5, 'font-weight': 'bold', fill: tone(mark), 'text-anchor': 'end'})

function legend(layout: TimelineLayout): string[] {
  const y = layout.bottom + 16
  const key = layout.words.timelineKey
  const lines: Array<Array<[string, string]>> = [
    [
      [segmentSvg({x: 0, width: 16, kind: 'day'}, y - 6, 7), key.day],
      [segmentSvg({x: 0, width: 16, kind: 'month'}, y - 6, 7), key.month],
      [segmentSvg({x: 0, width: 16, kind: 'year'}, y - 6, 7), key.year],
      [arrow(10, y - 6, 7, 1), key.noEnd],
      [element('line', {x1: 8, y1: y - 8, x2: 8, y2: y + 2, stroke: colors.period, 'stroke-dasharray': '3 2'}), key.period]
    ]
  ]
  // The changes since an earlier report, on a line of their own below.
  if (layout.since !== undefined) {
    const below = y + geometry.legendLine
    lines.push([
      [segmentSvg({x: 0, width: 16, kind: 'day'}, below - 6, 7, colors.new), fill(key.new, {old: layout.since})],
      [segmentSvg({x: 0, width: 16, kind: 'day'}, below - 6, 7, colors.ended), fill(key.ended, {old: layout.since})]
    ])
  }
  return lines.flatMap((items, line) => {
    let x = layout.left
    return items.map(([mark, label]) => {
      const shown = `<g transform="translate(${num(x)} 0)">${mark}${text(22, y + line * geometry.legendLine, label, {fill: colors.muted})}</g>`
      x += 30 + label.length * 4.4
      return shown
    })
  })
}

export function timelineSvg(layout: TimelineLayout): string {
  const {top, bottom, left, barHeight} = layout
  const body: string[] = [text(0, 14, layout.title, {'font-size': 11, 'font-weight': 'bold', fill: colors.ink})]
  for (const tick of layout.ticks) {
    body.push(element('line', {x1: tick.x, y1: top - 4, x2: tick.x, y2: bottom, stroke: colors.grid, 'stroke-width': tick.label ? 0.6 : 0.3}))
    if (tick.label) body.push(text(tick.x + 2, top - 7, tick.label, {fill: colors.muted, 'font-size': 7}))
  }
  for (const x of [layout.period.from, layout.period.to]) {
    body.push(element('line', {x1: x, y1: top - 18, x2: x, y2: bottom, stroke: colors.period, 'stroke-width': 1, 'stroke-dasharray': '3 2'}))
  }
  body.push(text(layout.periodLabel, top - 20, layout.words.timelineKey.period, {fill: colors.period, 'font-size': 7}))
  for (const row of layout.rows) {
    const color = tone(row.mark)
    body.push(text(0, row.y + barHeight - 1, row.label, {'font-size': 7, fill: row.mark === 'ended' ? colors.muted : colors.ink}))
    if (row.mark) body.push(tag(row.mark, row.y + barHeight - 1, layout.words))
    if (row.open === 'undated') body.push(text(left + 2, row.y + barHeight - 1, layout.words.noDates, {'font-size': 7, fill: colors.muted, 'font-style': 'italic'}))
    for (const segment of row.segments) body.push(segmentSvg(segment, row.y, barHeight, color))
    const edges = row.segments.map((segment) => [segment.x, segment.x + segment.width]).flat()
    if (row.open === 'end') body.push(arrow(Math.max(...edges), row.y, barHeight, 1, color))
    if (row.open === 'start') body.push(arrow(Math.min(...edges), row.y, barHeight, -1, color))
  }
  body.push(...legend(layout))
  return svgDocument(layout.width, layout.height, layout.title, body)
}
