// The overview's files from a long report: the 60-programme second report, its charts split over landscape pages.
import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {compare} from '../../pipeline/diff/compare.js'
import {overview} from '../../pipeline/overview/index.js'
import {loadTemplates, templatesFor} from '../../pipeline/templates.js'
import {readPdf} from '../helpers/pdf-text.js'
import {secondReportSources} from '../helpers/second-report.js'
import {validated} from '../helpers/stages.js'

const templates = templatesFor(await loadTemplates(), 'en')
const report = validated(secondReportSources()).report!
const instant = new Date(Date.UTC(2022, 8, 16))

describe('overview', () => {
  it('writes the PDF and three SVG charts, the same bytes every time', async () => {
    const outputs = await overview(report, templates, {instant})
    expect(outputs.map((output) => output.name)).toEqual([
      'united-states-of-america-2021-2022-overview.pdf',
      'united-states-of-america-2021-2022-timeline.svg',
      'united-states-of-america-2021-2022-regions.svg',
      'united-states-of-america-2021-2022-beneficiaries.svg'
    ])
    const again = await overview(report, templates, {instant})
    outputs.forEach((output, index) => expect(Buffer.from(again[index]!.data).equals(Buffer.from(output.data)), output.name).toBe(true))
    for (const svg of outputs.slice(1)) expect(String(svg.data)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>\n$/)
    // Every programme has a row of the standalone timeline.
    expect(String(outputs[1]!.data).match(/>\d+\. [^<]*<\/text>/g)).toHaveLength(60)
  })

  it('lays the charts out on landscape pages marked not for circulation, the timeline over two pages', async () => {
    const [pdf] = await overview(report, templates, {instant})
    const read = await readPdf(pdf!.data as Uint8Array)
    expect(read.sizes.every((size) => size.width > size.height)).toBe(true)
    expect(read.pages.every((page, index) => page.startsWith(`Overview of United States of America's report for 2021-2022: not for circulation. Page ${index + 1}/${read.numPages}`))).toBe(true)
    const timelinePages = read.pages.filter((page) => page.includes('Programmes over the reporting period'))
    expect(timelinePages).toHaveLength(2)
    expect(timelinePages[1]).toContain('60. ')
    expect(read.pages.join('\n')).toContain('Programmes by region: United States of America, 2021-2022')
    expect(read.info.Title).toBe('Overview: United States of America 2021-2022')
  })

  it('is byte for byte what it was before `--since` marks existed when no earlier report is given', async () => {
    // SHA-256 of each output, measured on main before the marks were added (the timeline's again since its labels are
    // fitted with the font's widths): a change here must be deliberate.
    const outputs = await overview(report, templates, {instant, since: undefined})
    expect(Object.fromEntries(outputs.map((output) => [output.name.replace('united-states-of-america-2021-2022-', ''), createHash('sha256').update(output.data).digest('hex')]))).toEqual({
      'overview.pdf': '150f44dae3ecc21c5c2abb1fcbd804da3ac372263dca03931b5d9254e3c4cd29',
      'timeline.svg': '09a8d2931474be0c5e6b20feace6e52899e6a9b8c55694f4624a79201a7226f1',
      'regions.svg': '378a73e301dfeebf7edab16a081fab7bc4fba16475a1a683c7836643c15fc6bb',
      'beneficiaries.svg': '9553fda801c6e80e2ae61a60cbd47e892472afd4491e9fafe0414ba0865230b3'
    })
  })

  it.each([
    ['fr', "Aperçu du rapport des États-Unis d'Amérique pour 2021-2022 : ne pas distribuer. Page 1/", 'Programmes par région : États-Unis d', 'nouveau depuis 2020-2021'],
    ['es', 'Resumen del informe de los Estados Unidos de América para 2021-2022: no destinado a distribución. Página 1/', 'Programas por región: Estados Unidos', 'nuevo desde 2020-2021']
  ])('speaks the templates’ language (%s): page head, titles, keys', async (language, head, title, since) => {
    const local = templatesFor(await loadTemplates(), language)
    // An earlier report without the first programme: that one is new since.
    const old = {...report, period: {...report.period, label: '2020-2021'}, programmes: report.programmes.slice(1)}
    const outputs = await overview(report, local, {instant, since: {old, changes: compare(old, report)}})
    // Files named as the report's other outputs in that language.
    expect(outputs[0]!.name).toBe(language === 'fr' ? 'etats-unis-d-amerique-2021-2022-overview.pdf' : 'estados-unidos-de-america-2021-2022-overview.pdf')
    const read = await readPdf(outputs[0]!.data as Uint8Array)
    expect(read.pages[0]).toContain(head)
    expect(read.pages.join('\n')).toContain(title)
    const timeline = String(outputs[1]!.data)
    expect(timeline).toContain(`>${local.labels.overview.tags.new}</text>`)
    expect(timeline).toContain(`>${since}</text>`)
    expect(String(outputs[2]!.data)).toContain(`>${local.labels.overview.barKey.ldc}</text>`)
    // No English text of the charts is left.
    for (const output of outputs.slice(1)) expect(String(output.data)).not.toMatch(/reporting period|reach an LDC|LDC status unknown|no end date/)
  })
})
