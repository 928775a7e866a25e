import {describe, expect, it} from 'vitest'
import type {Report} from '../../pipeline/model.js'
import {geometry, shortMonths, timelineLayout, timelineSvg} from '../../pipeline/overview/timeline.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {validated} from '../helpers/stages.js'

const {months, overview: words} = templatesFor(await loadTemplates(), 'en').labels

function report(rows: string[]): Report {
  const {report} = validated({
    'report.md': `---\nmember: Canada\nperiod: 2020-2021\ndate: 16/09/2021\n---\n\n# Programmes\n\n| # | Title | Start date | End date | Beneficiaries |\n|---|---|---|---|---|\n${rows.join('\n')}\n`
  })
  // Dates outside the period are warnings: the model is still made.
  expect(report).toBeDefined()
  return report!
}

// 2020-01-01 to 2021-12-31 is 731 days, drawn from x = 230 to x = 760 (770 wide, less the arrow's room).
const from = geometry.labelWidth
const to = 770 - geometry.arrow - 4
const x = (days: number) => from + (days / 731) * (to - from)
const days = (value: number) => (value / 731) * (to - from)

describe('timelineLayout', () => {
  const layout = timelineLayout(
    report([
      '| 1 | Day to day | 01/03/2020 | 31/03/2020 | Kenya |',
      '| 2 | Month to day | 2020-06 | 15/09/2020 | Kenya |',
      '| 3 | Year, no end | 2021 | | Kenya |',
      '| 4 | No dates | | | Kenya |',
      '| 5 | End only | | 30/06/2020 | Kenya |'
    ]),
    {months, words, title: 'Timeline'}
  )

  it('marks the period’s bounds at the edges of a period of whole months', () => {
    expect(layout.period).toEqual({from, to})
    expect(layout.left).toBe(from)
    expect(layout.right).toBe(to)
  })

  it('draws dates known to the day as the bar’s edges, the last day included', () => {
    const [row] = layout.rows
    expect(row?.open).toBeUndefined()
    expect(row?.segments).toHaveLength(1)
    expect(row?.segments[0]!.kind).toBe('day')
    expect(row?.segments[0]!.x).toBeCloseTo(x(60))
    expect(row?.segments[0]!.width).toBeCloseTo(days(31))
  })

  it('draws a month-only start as a cap over its month, the known part after it', () => {
    const segments = layout.rows[1]!.segments
    const cap = segments.find((segment) => segment.kind === 'month')!
    const known = segments.find((segment) => segment.kind === 'day')!
    expect(cap.x).toBeCloseTo(x(152))
    expect(cap.width).toBeCloseTo(days(30))
    expect(known.x).toBeCloseTo(x(182))
    expect(known.x + known.width).toBeCloseTo(x(259))
  })

  it('draws a year-only start over its year, and an open end with an arrow', () => {
    const row = layout.rows[2]!
    expect(row.open).toBe('end')
    expect(row.segments).toEqual([{x: expect.closeTo(x(366)) as number, width: expect.closeTo(days(365)) as number, kind: 'year'}])
  })

  it('draws no bar for a programme without dates, and an unknown start from the period’s start', () => {
    expect(layout.rows[3]).toMatchObject({open: 'undated', segments: []})
    const row = layout.rows[4]!
    expect(row.open).toBe('start')
    expect(row.segments[0]!.x).toBeCloseTo(from)
    expect(row.segments[0]!.x + row.segments[0]!.width).toBeCloseTo(x(182))
  })

  it('puts one programme a row, and labels every quarter of a short period', () => {
    expect(layout.rows.map((row) => row.y - layout.rows[0]!.y)).toEqual([0, 1, 2, 3, 4].map((index) => index * geometry.rowHeight))
    expect(layout.ticks.filter((tick) => tick.label).map((tick) => tick.label)).toEqual([
      'Jan 2020', 'Apr 2020', 'Jul 2020', 'Oct 2020', 'Jan 2021', 'Apr 2021', 'Jul 2021', 'Oct 2021'
    ])
    expect(layout.ticks).toHaveLength(25)
  })

  it('labels years, spaced so that their labels stay apart, over a span of centuries', () => {
    const wide = timelineLayout(report(['| 1 | Old | 1000 | 2099 | Kenya |', '| 2 | Four years | 2018 | 2021 | Kenya |']), {months, words, title: 'T'})
    const labelled = wide.ticks.filter((tick) => tick.label)
    expect(labelled.map((tick) => tick.label)).toEqual(['1000', '1100', '1200', '1300', '1400', '1500', '1600', '1700', '1800', '1900', '2000'])
    for (const [index, tick] of labelled.slice(1).entries()) expect(tick.x - labelled[index]!.x).toBeGreaterThanOrEqual(26)
    // No unlabelled tick a year: they would be less than a point apart.
    expect(wide.ticks).toHaveLength(labelled.length + 1)
    // The period's label is moved left to end on the chart, not past its right edge.
    expect(wide.period.from + 2 + 16 * 7 * 0.62).toBeGreaterThan(wide.width)
    expect(wide.periodLabel + [...words.timelineKey.period].length * 7 * 0.62).toBeLessThanOrEqual(wide.width)
    // Over a few years, every year is labelled.
    const years = timelineLayout(report(['| 1 | Four years | 2018 | 2021 | Kenya |']), {months, words, title: 'T'})
    expect(years.ticks.map((tick) => tick.label)).toEqual(['2018', '2019', '2020', '2021', undefined])
    expect(years.periodLabel).toBeCloseTo(years.period.from + 2)
  })

  it('draws a page of the programmes on the scale of them all', () => {
    const page = timelineLayout(report(['| 1 | A | 01/03/2020 | | Kenya |', '| 2 | B | 15/11/2019 | 31/12/2019 | Kenya |']), {months, words, title: 'T', slice: [0, 1]})
    expect(page.rows.map((row) => row.no)).toEqual([1])
    // The domain starts with the month of the earliest date, 2019-11-01: 61 days before the period.
    const scale = (to - from) / (731 + 61)
    expect(page.period.from).toBeCloseTo(from + 61 * scale)
    // Open end: the known part runs to the period's end.
    expect(page.rows[0]!.segments[0]!.x + page.rows[0]!.segments[0]!.width).toBeCloseTo(to)
  })
})

describe('shortMonths', () => {
  it('cuts month names to three letters, or more where two would read the same', async () => {
    const set = await loadTemplates()
    expect(shortMonths(months)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])
    expect(shortMonths(templatesFor(set, 'fr').labels.months)).toEqual(['jan', 'fév', 'mar', 'avr', 'mai', 'juin', 'juil', 'aoû', 'sep', 'oct', 'nov', 'déc'])
    expect(shortMonths(templatesFor(set, 'es').labels.months)).toEqual(['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'])
  })
})

describe('timelineSvg', () => {
  it('writes each kind of segment distinctly, arrows and the period bounds, with text escaped', () => {
    const layout = timelineLayout(
      report(['| 1 | R&D <tools> | 2020-06 | 15/09/2020 | Kenya |', '| 2 | Y | 2021 | | Kenya |']),
      {months, words, title: 'Timeline & co'}
    )
    const svg = timelineSvg(layout)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="770"')).toBe(true)
    expect(svg).toContain('<title>Timeline &amp; co</title>')
    expect(svg).toContain('1. R&amp;D &lt;tools&gt;')
    expect(svg.match(/fill-opacity="0.45"/g)).toHaveLength(2) // the month cap and its legend
    expect(svg.match(/stroke-dasharray="2 1.5"/g)).toHaveLength(2) // the year cap and its legend
    expect(svg.match(/stroke="#c00000"/g)).toHaveLength(3) // two bounds and the legend
    expect(svg.match(/<path /g)).toHaveLength(2) // the open end's arrow and the legend's
  })
})

describe('timelineLayout with changes since an earlier report', () => {
  const now = report(['| 1 | Continuing | 01/03/2020 | 31/03/2020 | Kenya |', '| 2 | Started this year | 01/06/2020 | | Kenya |'])
  const earlier = report(['| 1 | Continuing | 01/03/2020 | 31/03/2020 | Kenya |', '| 2 | A long title of a programme that the earlier report had, and this one no longer has | 01/11/2019 | 31/12/2019 | Kenya |'])
  const since = {period: '2018-2019', new: new Set([2]), ended: [earlier.programmes[1]!]}
  const plain = timelineLayout(now, {months, words, title: 'T'})
  const layout = timelineLayout(now, {months, words, title: 'T', since})

  it('marks the new programme, and draws the ended one as a row of its own after the others', () => {
    expect(layout.rows.map((row) => [row.no, row.mark])).toEqual([[1, undefined], [2, 'new'], [2, 'ended']])
    expect(layout.rows[2]!.y - layout.rows[1]!.y).toBe(geometry.rowHeight)
    expect(plain.rows.every((row) => !('mark' in row))).toBe(true)
    expect(layout.since).toBe('2018-2019')
  })

  it('widens the scale to the ended programme’s dates, and makes room for the tag and a second legend line', () => {
    // The domain now starts 2019-11-01, 61 days before the period.
    const scale = (to - from) / (731 + 61)
    expect(layout.period.from).toBeCloseTo(from + 61 * scale)
    expect(layout.rows[2]!.segments).toEqual([{x: expect.closeTo(from) as number, width: expect.closeTo(61 * scale) as number, kind: 'day'}])
    expect(layout.rows[2]!.label.endsWith('…')).toBe(true)
    expect(layout.rows[2]!.label.length).toBeLessThan(timelineLayout(earlier, {months, words, title: 'T'}).rows[1]!.label.length)
    expect(layout.height - plain.height).toBe(geometry.rowHeight + geometry.legendLine)
  })

  it('pages over the programmes and the ended ones together', () => {
    const page = timelineLayout(now, {months, words, title: 'T', since, slice: [2, 3]})
    expect(page.rows.map((row) => row.mark)).toEqual(['ended'])
    expect(page.rows[0]!.y).toBe(layout.rows[0]!.y)
  })

  it('writes the tags, the marked rows in their colours and the legend of the changes', () => {
    const svg = timelineSvg(layout)
    expect(svg.match(/>new<\/text>/g)).toHaveLength(1)
    expect(svg.match(/>ended<\/text>/g)).toHaveLength(1)
    expect(svg).toContain('>new since 2018-2019</text>')
    expect(svg).toContain('>ended: in 2018-2019, not in this report</text>')
    // The new row's bar and arrow, and its legend; the ended row's bar, and its legend.
    expect(svg.match(/fill="#2e7d32"/g)).toHaveLength(4)
    expect(svg.match(/<rect [^>]*fill="#9a9a9a"/g)).toHaveLength(2)
    const unmarked = timelineSvg(plain)
    expect(unmarked).not.toContain('#2e7d32')
    expect(unmarked).not.toContain('since')
  })
})
