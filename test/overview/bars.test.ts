import {describe, expect, it} from 'vitest'
import {barGeometry, barLayout, barSvg, beneficiaryCounts, ldcSentence, regionCounts} from '../../pipeline/overview/bars.js'
import {fitText} from '../../pipeline/overview/svg.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {sampleReportWithLdcs} from '../helpers/sample-report.js'

const words = (language: string) => templatesFor(templates, language).labels.overview
const templates = await loadTemplates()
const key = words('en').barKey

const region = (name: string | undefined) => name ?? 'Groups and other beneficiaries'

describe('counts', () => {
  it('counts programmes by region, and those naming an LDC of the region', () => {
    expect(regionCounts(sampleReportWithLdcs, region)).toEqual([
      {label: 'South and Central America and the Caribbean', total: 3, ldc: 1},
      {label: 'Africa', total: 1, ldc: 1},
      // The group "LDC Members" has no region.
      {label: 'Groups and other beneficiaries', total: 1, ldc: 1}
    ])
  })

  it('counts programmes by beneficiary, all in the LDC part for an LDC and unknown for free text', () => {
    const counts = beneficiaryCounts(sampleReportWithLdcs)
    expect(counts.find((count) => count.label === 'Haiti')).toEqual({label: 'Haiti', total: 1, ldc: 1})
    expect(counts.find((count) => count.label === 'Costa Rica')?.ldc).toBe(0)
    expect(counts.find((count) => count.label === 'Patent offices of the region')?.ldc).toBeUndefined()
  })

  it('says the LDC share, the noun and the verb agreeing with the number each goes with', () => {
    // Programmes 4 and 5 of the sample reach an LDC, 1 to 3 none.
    const share = (language: string, from: number, to: number) =>
      ldcSentence({...sampleReportWithLdcs, programmes: sampleReportWithLdcs.programmes.slice(from, to)}, words(language).ldcShare, language)
    expect([share('en', 0, 5), share('en', 0, 4), share('en', 0, 3), share('en', 3, 4), share('en', 0, 1)]).toEqual([
      '2 of 5 programmes (40%) reach an LDC.',
      '1 of 4 programmes (25%) reaches an LDC.',
      '0 of 3 programmes (0%) reach an LDC.',
      '1 of 1 programme (100%) reaches an LDC.',
      '0 of 1 programme (0%) reach an LDC.'
    ])
    // French counts the programmes that reach one: "7 programmes sur 9", never "7 sur 9 programmes"; 0 and 1 singular.
    expect([share('fr', 0, 5), share('fr', 0, 4), share('fr', 0, 3), share('fr', 3, 4), share('fr', 0, 1)]).toEqual([
      '2 programmes sur 5 (40 %) atteignent un PMA.',
      '1 programme sur 4 (25 %) atteint un PMA.',
      '0 programme sur 3 (0 %) atteint un PMA.',
      '1 programme sur 1 (100 %) atteint un PMA.',
      '0 programme sur 1 (0 %) atteint un PMA.'
    ])
    expect([share('es', 0, 5), share('es', 0, 4), share('es', 0, 3), share('es', 3, 4), share('es', 0, 1)]).toEqual([
      '2 de 5 programas (40%) llegan a un PMA.',
      '1 de 4 programas (25%) llega a un PMA.',
      '0 de 3 programas (0%) llegan a un PMA.',
      '1 de 1 programa (100%) llega a un PMA.',
      '0 de 1 programa (0%) llega a un PMA.'
    ])
  })
})

describe('barLayout', () => {
  const counts = [
    {label: 'A', total: 8, ldc: 2},
    {label: 'B', total: 4, ldc: 0},
    {label: 'C', total: 2, ldc: undefined}
  ]
  const room = 770 - barGeometry.labelWidth - barGeometry.countWidth

  it('scales the largest count to the plot’s width and the LDC part within its bar', () => {
    const layout = barLayout(counts, {title: 'T', subtitle: 'S', key})
    expect(layout.bars.map((bar) => [bar.width, bar.ldcWidth, bar.known])).toEqual([
      [room, room / 4, true],
      [room / 2, 0, true],
      [room / 4, 0, false]
    ])
    expect(layout.bars.map((bar) => bar.y)).toEqual([0, 1, 2].map((index) => barGeometry.top + index * barGeometry.rowHeight))
    expect(layout.height).toBe(barGeometry.top + 3 * barGeometry.rowHeight + barGeometry.bottom)
  })

  it('keeps the scale of all the bars on a page of them', () => {
    const page = barLayout(counts, {title: 'T', subtitle: 'S', key, slice: [1, 3]})
    expect(page.bars.map((bar) => [bar.label, bar.width])).toEqual([['B', room / 2], ['C', room / 4]])
  })

  it('draws a bar, its LDC part and its count', () => {
    const svg = barSvg(barLayout([{label: 'A & B', total: 3, ldc: 1}], {title: 'T', subtitle: 'S', key}))
    expect(svg).toContain('>A &amp; B</text>')
    expect(svg.match(/fill="#c8641e"/g)).toHaveLength(2) // the LDC part and its key
    expect(svg).toMatch(/>3<\/text>/)
  })
})

describe('fitText', () => {
  // DejaVu Sans's advances (2048 an em): `W` 2025, `i` 569, `…` 2048.
  const em = {W: 2025 / 2048, i: 569 / 2048, ellipsis: 1}
  it('cuts a label of wide letters to its width, so that it never runs under its bar', () => {
    const label = fitText('W'.repeat(80), barGeometry.labelWidth - 8, 8)
    expect(label.endsWith('…')).toBe(true)
    expect(((label.length - 1) * em.W + em.ellipsis) * 8).toBeLessThanOrEqual(barGeometry.labelWidth - 8)
    expect((label.length * em.W + em.ellipsis) * 8).toBeGreaterThan(barGeometry.labelWidth - 8)
  })

  it('keeps a label of narrow letters whole when it fits', () => {
    expect(fitText('i'.repeat(80), barGeometry.labelWidth - 8, 8)).toBe('i'.repeat(80))
    expect(80 * em.i * 8).toBeLessThanOrEqual(barGeometry.labelWidth - 8)
  })
})
