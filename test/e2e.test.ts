// The default example, built through the library and read back with real PDF and XLSX readers.
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, type Report} from '../pipeline/index.js'
import {reportSchemaId} from '../pipeline/emit/json/schema.js'
import {pastMargin, readPdf, type PdfText} from './helpers/pdf-text.js'
import {loadTemplates} from '../pipeline/templates.js'
import {readXlsx, type ReadXlsx} from './helpers/xlsx-read.js'

// The e-TRIPS list of Canada's 2020-2021 report (shared/seeds/002_05d88512103c0841.txt).
const seedTitles = [
  'CIPO-WIPO Executive Workshop on IP Office Management',
  'Pilot Program of Training for patent examiners in the area of computer-implemented inventions for Central American countries and the Dominican Republic',
  'Pre-recorded webinars on IP and patents on the website of Trade Facilitation Office (TFO) Canada',
  'Open African Innovation Research network (Open AIR)',
  'Expert Deployment Mechanism for Trade and Development (EDM) – Strengthen Intellectual Property Rights (IPRs) Protection in Viet Nam',
  'Strengthening cyber policy research centres in the Global South – Centre for Intellectual Property and Information Technology Law',
  'Initiative for Digital Rights in Latin America (INDELA)',
  'Supplying free copies of Canadian patent documents for developing countries',
  'Centre for Trade Policy and Law (CPTL) – guidance, support, knowledge and tools',
  'International IP Crime Training Seminars hosted by Interpol'
]
const seedStartDates: Array<[number, number, number] | null> = [
  [2021, 4, 24], [2020, 9, 7], [2021, 1, 1], null, [2021, 1, 1], [2019, 1, 1], [2019, 1, 1], null, null, null
]
const seedBeneficiaries = [
  'Costa Rica', 'Dominican Republic', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama',
  'Argentina', 'Bolivia, Plurinational State of', 'Brazil', 'Chile', 'Colombia', 'Cuba', 'Ecuador', 'Mexico',
  'Paraguay', 'Peru', 'Uruguay', 'Venezuela, Bolivarian Republic of'
]

/** Page text with line breaks folded, so wrapped titles read whole again. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/(\w)- (?=\w)/g, '$1-')

let outputs: string[]
let report: Report
let pdf: PdfText
let xlsx: ReadXlsx

beforeAll(async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'art67-e2e-'))
  const result = await build('sources', {out})
  expect(result.counts.errors).toBe(0)
  outputs = result.outputs
  report = JSON.parse(await readFile(path.join(out, 'canada-2020-2021.json'), 'utf8')) as Report
  pdf = await readPdf(await readFile(path.join(out, 'canada-2020-2021.pdf')))
  xlsx = await readXlsx(await readFile(path.join(out, 'canada-2020-2021.xlsx')))
})

describe('the default example', () => {
  it('writes the PDF, XLSX and JSON named after the member and period', () => {
    expect(outputs.map((file) => path.basename(file))).toEqual(['canada-2020-2021.pdf', 'canada-2020-2021.xlsx', 'canada-2020-2021.json'])
  })

  it('has a JSON model naming its schema, with the ten programmes of the e-TRIPS list, in order', () => {
    expect(Object.entries(report).slice(0, 2)).toEqual([['$schema', reportSchemaId], ['member', 'Canada']])
    expect(report.programmes.map((programme) => programme.title)).toEqual(seedTitles)
    expect(report.programmes[0]!.sources.map((source) => source.file)).toEqual(['report.md', 'programmes/cipo.md'])
  })

  it('prints the header block of a draft with a true page count', () => {
    const first = pdf.pages[0]!
    expect(pdf.numPages).toBeGreaterThan(2)
    // No date or job number yet: a draft, with placeholders where they go.
    expect(first).toMatch(
      new RegExp(`^DRAFT IP/C/R/TC/CAN/2\n\\[date\\]\n\\(XX-XXXX\\) Page: 1/${pdf.numPages}\nCouncil for Trade-Related Aspects of Original: English\nIntellectual Property Rights\n`)
    )
    expect(first).toContain('TECHNICAL COOPERATION ACTIVITIES:\nINFORMATION FROM MEMBERS\nCanada')
    expect(flat(first)).toContain('The following communication, dated [date], is being circulated at the request of the delegation of Canada.')
    expect(first).toContain('1 BRIEF OUTLINE OF TECHNICAL COOPERATION ACTIVITIES')
    expect(pdf.pages[1]).toMatch(/^DRAFT IP\/C\/R\/TC\/CAN\/2\n- 2 -\n/)
  })

  it('draws nothing past the right margin of any page', async () => {
    const [, , rightMargin] = (await loadTemplates()).styles.pageMargins
    expect(pastMargin(pdf, rightMargin)).toEqual([])
  })

  it('prints every programme title and beneficiary of the seed in the annex', () => {
    const all = flat(pdf.pages.join('\n'))
    expect(all).toContain('ANNEX')
    for (const title of seedTitles) expect(all).toContain(title)
    for (const name of seedBeneficiaries) expect(all).toContain(name)
    expect(all).toContain('Enhance knowledge and skills in the area of management techniques')
  })

  it('resolves every beneficiary of the example; the summary is in the XLSX, not the PDF annex', () => {
    expect(report.beneficiaries.filter((b) => b.kind === 'member').map((b) => b.name)).toEqual([...seedBeneficiaries, 'Viet Nam'].sort((a, b) => a.localeCompare(b, 'en')))
    expect(report.beneficiaries.filter((b) => b.kind === 'free')).toEqual([
      {name: 'developing countries', kind: 'free', ldc: null},
      {name: 'Global South', kind: 'free', ldc: null}
    ])
    const annex = flat(pdf.pages.slice(pdf.pages.findIndex((page) => page.includes('ANNEX'))).join('\n'))
    expect(annex).toContain('List of programmes')
    expect(annex).not.toContain('Programmes reported')
    const summary = xlsx.sheets['Summary']!
    expect(summary[0]).toEqual(['Programmes reported', 10, null, null, null, null])
  })

  it('lists the ten programmes in the XLSX with typed dates and beneficiaries', () => {
    const [header, ...rows] = xlsx.sheets['Programmes']!
    expect(header!.slice(0, 6)).toEqual(['No.', 'ID', 'Title of programme or activity', 'Start date', 'End date', 'Beneficiary Members or observers'])
    expect(rows.map((row) => row[2])).toEqual(seedTitles)
    rows.forEach((row, index) => {
      const date = seedStartDates[index]
      expect(row[3]).toEqual(date ? new Date(Date.UTC(date[0], date[1] - 1, date[2])) : null)
    })
    expect(String(rows[6]![5]).split('; ')).toEqual([
      'Argentina', 'Bolivia, Plurinational State of', 'Brazil', 'Chile', 'Colombia', 'Cuba', 'Ecuador',
      'Mexico', 'Panama', 'Paraguay', 'Peru', 'Uruguay', 'Venezuela, Bolivarian Republic of'
    ])
    const beneficiaryRows = xlsx.sheets['Beneficiaries']!.slice(1)
    for (const name of seedBeneficiaries) expect(beneficiaryRows.some((row) => row.includes(name))).toBe(true)
    expect(xlsx.workbook.creator).toBe('art67')
  })
})
