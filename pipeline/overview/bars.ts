// Bar charts of who the programmes reach: programmes by region and by beneficiary, the part reaching LDCs drawn in
// its own colour. Pure: report to counts (`regionCounts`, `beneficiaryCounts`), counts to geometry (`barLayout`),
// geometry to SVG (`barSvg`).
import type {Report} from '../model.js'
import {summarize} from '../emit/summary.js'
import {fill, type OverviewWords} from '../templates.js'
import {colors, element, fitText, svgDocument, text} from './svg.js'

export interface Count {
  label: string
  /** Programmes counted. */
  total: number
  /** Of them, programmes reaching an LDC (drawn in the LDC colour); `undefined` when unknown (free text, groups). */
  ldc: number | undefined
}

/** Programmes reaching each region, and those of them naming an LDC of that region; as `summarize` orders regions. */
export function regionCounts(report: Report, regionName: (region: string | undefined) => string): Count[] {
  const described = new Map(report.beneficiaries.map((beneficiary) => [beneficiary.name, beneficiary]))
  return summarize(report).byRegion.map(({region, programmes}) => {
    const reachingLdc = report.programmes.filter((programme) =>
      programme.beneficiaries.some((name) => {
        const beneficiary = described.get(name)!
        return beneficiary.region === region && beneficiary.ldc === true
      })
    ).length
    return {label: regionName(region), total: programmes, ldc: region === undefined && reachingLdc === 0 ? undefined : reachingLdc}
  })
}

/** Programmes naming each beneficiary, most first: all of them in the LDC colour for an LDC. */
export function beneficiaryCounts(report: Report): Count[] {
  return summarize(report).byBeneficiary.map(({beneficiary, programmes}) => ({
    label: beneficiary.name,
    total: programmes,
    ldc: beneficiary.ldc === null ? undefined : beneficiary.ldc ? programmes : 0
  }))
}

export interface Bar {
  label: string
  total: number
  y: number
  /** Width of the whole bar, and of its LDC part (drawn from the left). */
  width: number
  ldcWidth: number
  known: boolean
}

export interface BarLayout {
  width: number
  height: number
  title: string
  subtitle: string
  key: OverviewWords['barKey']
  left: number
  barHeight: number
  bars: Bar[]
  top: number
  bottom: number
}

export const barGeometry = {labelWidth: 200, rowHeight: 14, barHeight: 9, top: 44, bottom: 30, countWidth: 28}

/** Bars scaled so that the largest count fills the plot (`slice`: a page of them, on the same scale). */
export function barLayout(all: readonly Count[], options: {title: string; subtitle: string; key: OverviewWords['barKey']; width?: number; slice?: [number, number]}): BarLayout {
  const width = options.width ?? 770
  const left = barGeometry.labelWidth
  const room = width - left - barGeometry.countWidth
  // One scale for every page of a long chart.
  const most = Math.max(1, ...all.map((count) => count.total))
  const counts = options.slice ? all.slice(...options.slice) : all
  const top = barGeometry.top
  const bars = counts.map((count, index): Bar => ({
    label: fitText(count.label, barGeometry.labelWidth - 8, 8),
    total: count.total,
    y: top + index * barGeometry.rowHeight,
    width: (count.total / most) * room,
    ldcWidth: ((count.ldc ?? 0) / most) * room,
    known: count.ldc !== undefined
  }))
  const bottom = top + Math.max(1, counts.length) * barGeometry.rowHeight
  return {width, height: bottom + barGeometry.bottom, title: options.title, subtitle: options.subtitle, key: options.key, left, barHeight: barGeometry.barHeight, bars, top, bottom}
}

/**
 * "12 of 40 programmes (30%) reach an LDC.", in the words of the templates: the form for the number of programmes
 * (singular or plural, as the language's plural rules class it), then for the number reaching an LDC.
 */
export function ldcSentence(report: Report, words: OverviewWords['ldcShare'], language: string): string {
  const {programmes, reachingLdcs, ldcShare} = summarize(report)
  const rules = new Intl.PluralRules(language)
  const form = (count: number) => (rules.select(count) === 'one' ? 'one' : 'other')
  return fill(words[form(programmes)][form(reachingLdcs)], {reaching: reachingLdcs, programmes, share: Math.round(ldcShare * 100)})
}

export function barSvg(layout: BarLayout): string {
  const {left, barHeight} = layout
  const body: string[] = [
    text(0, 14, layout.title, {'font-size': 11, 'font-weight': 'bold', fill: colors.ink}),
    text(0, 30, layout.subtitle, {'font-size': 8, fill: colors.muted})
  ]
  for (const bar of layout.bars) {
    body.push(text(0, bar.y + barHeight - 1, bar.label, {fill: colors.ink}))
    body.push(element('rect', {x: left, y: bar.y, width: bar.width, height: barHeight, fill: bar.known ? colors.bar : colors.grid}))
    if (bar.ldcWidth > 0) body.push(element('rect', {x: left, y: bar.y, width: bar.ldcWidth, height: barHeight, fill: colors.ldc}))
    body.push(text(left + bar.width + 4, bar.y + barHeight - 1, String(bar.total), {fill: colors.ink}))
  }
  const y = layout.bottom + 16
  const key: Array<[string, string]> = [
    [colors.ldc, layout.key.ldc],
    [colors.bar, layout.key.others],
    [colors.grid, layout.key.unknown]
  ]
  let x = left
  for (const [fill, label] of key) {
    body.push(element('rect', {x, y: y - 7, width: 10, height: 8, fill}), text(x + 14, y, label, {fill: colors.muted}))
    x += 24 + label.length * 4.6
  }
  return svgDocument(layout.width, layout.height, layout.title, body)
}
