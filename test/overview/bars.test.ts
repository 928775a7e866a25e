import {describe, expect, it} from 'vitest'
import {barGeometry, barLayout, barSvg, beneficiaryCounts, ldcSentence, regionCounts} from '../../pipeline/overview/bars.js'
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

  it('says the LDC share', () => {
    expect(ldcSentence(sampleReportWithLdcs, words('en').ldcShare, 'en')).toBe('2 of 5 programmes (40%) reach an LDC.')
    expect(ldcSentence(sampleReportWithLdcs, words('fr').ldcShare, 'fr')).toBe('2 sur 5 programmes (40 %) atteignent un PMA.')
    expect(ldcSentence({...sampleReportWithLdcs, programmes: sampleReportWithLdcs.programmes.slice(0, 1)}, words('es').ldcShare, 'es')).toMatch(/^[01] de 1 programa \(\d+%\) llega a un PMA\.$/)
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
