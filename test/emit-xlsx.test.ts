import {createHash} from 'node:crypto'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import {emitXlsx, reproducibleZip} from '../pipeline/emit-xlsx.js'
import {Report} from '../pipeline/model.js'
import {loadTemplates, type Templates} from '../pipeline/templates.js'
import {sampleReport} from './helpers/sample-report.js'
import {readXlsx, type ReadXlsx} from './helpers/xlsx-read.js'

const instant = new Date(Date.UTC(2021, 8, 16, 12, 30, 10))
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const programmeHeader = [
  'No.',
  'ID',
  'Title of programme or activity',
  'Start date',
  'End date',
  'Beneficiary Members or observers',
  'Partners',
  'Implementing agency',
  'Type of activity',
  'IP area',
  'Target group',
  'Budget',
  'Description',
  'Source'
]

let templates: Templates
let xlsx: ReadXlsx
let programmes: ExcelJS.Worksheet
let beneficiaries: ExcelJS.Worksheet

beforeAll(async () => {
  templates = await loadTemplates('en')
  xlsx = await readXlsx(await emitXlsx(sampleReport, templates, {instant}))
  programmes = xlsx.workbook.getWorksheet('Programmes')!
  beneficiaries = xlsx.workbook.getWorksheet('Beneficiaries')!
})

/** Run `action` with the process in time zone `tz` (Node re-reads TZ when it is assigned), then restore it. */
async function withTimeZone<T>(tz: string, action: () => Promise<T>): Promise<T> {
  const saved = process.env.TZ
  process.env.TZ = tz
  try {
    return await action()
  } finally {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  }
}

describe('Programmes sheet', () => {
  it('comes first, then Beneficiaries', () => {
    expect(Object.keys(xlsx.sheets)).toEqual(['Programmes', 'Beneficiaries'])
  })

  it('has the labelled header row and one row per programme', () => {
    const rows = xlsx.sheets.Programmes!
    expect(rows[0]).toEqual(programmeHeader)
    expect(rows).toHaveLength(1 + sampleReport.programmes.length)
  })

  it('writes every field of a programme', () => {
    expect(xlsx.sheets.Programmes![1]).toEqual([
      1,
      'cipo-wipo-executive-workshop-on-ip-office-management',
      'CIPO-WIPO Executive Workshop on IP Office Management',
      new Date(Date.UTC(2021, 3, 24)),
      null,
      null,
      'World Intellectual Property Organization (WIPO)',
      'Canadian Intellectual Property Office (CIPO)',
      null,
      null,
      null,
      null,
      'A one-week workshop for senior officials.',
      'report.md:40'
    ])
  })

  it('writes full dates as date cells at UTC midnight with a date format', () => {
    const start = programmes.getCell('D3')
    expect(start.type).toBe(ExcelJS.ValueType.Date)
    expect((start.value as Date).getTime()).toBe(Date.UTC(2020, 8, 7))
    expect(start.numFmt).toBe('dd/mm/yyyy')
  })

  it('writes partial dates as the text written', () => {
    expect(programmes.getCell('E3').value).toBe('March 2021')
    expect(programmes.getCell('D4').value).toBe('2019')
    expect(programmes.getCell('D4').type).toBe(ExcelJS.ValueType.String)
  })

  it('joins beneficiaries and sources with "; "', () => {
    const [, , second, third] = xlsx.sheets.Programmes!
    expect(second![5]).toBe(
      'Costa Rica; Dominican Republic; El Salvador; Guatemala; Honduras; Nicaragua; Panama'
    )
    expect(third![5]).toBe('Bolivia, Plurinational State of; Venezuela, Bolivarian Republic of')
    expect(third![13]).toBe('report.md:60; programmes/idrc.md:3')
  })

  it('writes the description as plain text, one line a block', async () => {
    const report = Report.parse({
      ...sampleReport,
      programmes: [
        {
          ...sampleReport.programmes[0],
          description: [
            {type: 'paragraph', content: [{text: 'First '}, {text: 'bold', bold: true}, {text: '.'}]},
            {type: 'list', ordered: false, items: [[{type: 'paragraph', content: [{text: 'An item'}]}]]}
          ]
        }
      ]
    })
    const {workbook, sheets} = await readXlsx(await emitXlsx(report, templates, {instant}))
    expect(sheets.Programmes![1]![12]).toBe('First bold.\n- An item')
    expect(workbook.getWorksheet('Programmes')!.getCell('M2').alignment).toMatchObject({wrapText: true})
  })

  it('fits column widths to the content, between 10 and 60, wrapping long text', () => {
    const widths = programmeHeader.map((_, index) => programmes.getColumn(index + 1).width)
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(10)
    for (const width of widths) expect(width).toBeLessThanOrEqual(60)
    expect(programmes.getColumn(1).width).toBe(10)
    expect(programmes.getCell('C3').alignment).toMatchObject({wrapText: true})
    expect(programmes.getCell('A2').alignment?.wrapText).toBeFalsy()
  })

  it('has a bold, frozen header row and an autofilter over header and data', () => {
    expect(programmes.getCell('A1').font).toMatchObject({bold: true})
    expect(programmes.views[0]).toMatchObject({state: 'frozen', ySplit: 1})
    expect(programmes.autoFilter).toBe('A1:N4')
  })
})

describe('Beneficiaries sheet', () => {
  it('has one row per programme × beneficiary, without programmes that have none', () => {
    const rows = xlsx.sheets.Beneficiaries!
    expect(rows[0]).toEqual(['No.', 'ID', 'Title of programme or activity', 'Beneficiary'])
    expect(rows).toHaveLength(1 + 7 + 2)
    expect(rows.map((row) => row[0])).not.toContain(1)
    expect(rows[1]).toEqual([2, 'pilot-program', sampleReport.programmes[1]!.title, 'Costa Rica'])
    expect(rows[9]).toEqual([3, 'indela', sampleReport.programmes[2]!.title, 'Venezuela, Bolivarian Republic of'])
  })

  it('has a bold, frozen header row and an autofilter', () => {
    expect(beneficiaries.getCell('A1').font).toMatchObject({bold: true})
    expect(beneficiaries.views[0]).toMatchObject({state: 'frozen', ySplit: 1})
    expect(beneficiaries.autoFilter).toBe('A1:D10')
  })
})

describe('workbook', () => {
  it('keeps text that looks like a formula as text', async () => {
    const tricky = ['=HYPERLINK("x")', '+cmd', '@SUM(A1)', '-1+2']
    const report = Report.parse({
      ...sampleReport,
      programmes: [
        {...sampleReport.programmes[0], title: tricky[0], agency: tricky[1], partners: [tricky[2]], beneficiaries: [tricky[3]]}
      ]
    })
    const bytes = await emitXlsx(report, templates, {instant})
    const {workbook} = await readXlsx(bytes)
    const cells = ['C2', 'H2', 'G2', 'F2'].map((address) => workbook.getWorksheet('Programmes')!.getCell(address))
    expect(cells.map((cell) => cell.value)).toEqual(tricky)
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String)
    const zip = await JSZip.loadAsync(bytes)
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(await zip.file(sheet)!.async('string')).not.toMatch(/<f[ >]/)
    }
  })

  it('takes every label from the templates', async () => {
    const {labels} = templates
    const french: Templates = {
      ...templates,
      labels: {
        ...labels,
        columns: {...labels.columns, no: 'N°', beneficiary: 'Bénéficiaire'},
        workbook: {...labels.workbook, title: 'Annexe : {member}, {period}', programmesSheet: 'Programmes FR', beneficiariesSheet: 'Bénéficiaires'}
      }
    }
    const {workbook, sheets} = await readXlsx(await emitXlsx(sampleReport, french, {instant}))
    expect(Object.keys(sheets)).toEqual(['Programmes FR', 'Bénéficiaires'])
    expect(sheets['Programmes FR']![0]![0]).toBe('N°')
    expect(sheets['Bénéficiaires']![0]).toEqual(['N°', 'ID', 'Title of programme or activity', 'Bénéficiaire'])
    expect(workbook.title).toBe('Annexe : Canada, 2020-2021')
  })

  it('writes only headers when no programme is reported', async () => {
    const {workbook, sheets} = await readXlsx(await emitXlsx({...sampleReport, programmes: []}, templates, {instant}))
    expect(sheets.Programmes).toEqual([programmeHeader])
    expect(sheets.Beneficiaries).toHaveLength(1)
    expect(workbook.getWorksheet('Programmes')!.autoFilter).toBe('A1:N1')
  })

  it('carries title, subject, creator and the given instant', () => {
    const {workbook} = xlsx
    expect(workbook.title).toBe('Article 67 annex: Canada, 2020-2021')
    expect(workbook.subject).toBe('Technical cooperation under Article 67 of the TRIPS Agreement')
    expect(workbook.creator).toBe('art67')
    expect(workbook.lastModifiedBy).toBe('art67')
    expect(workbook.created).toEqual(instant)
    expect(workbook.modified).toEqual(instant)
  })
})

describe('reproducible bytes', () => {
  it('are identical across renders', async () => {
    // exceljs stamps zip entries with the clock: render at two different times.
    const renderAt = async (now: number) => {
      vi.useFakeTimers({toFake: ['Date'], now})
      try {
        return await emitXlsx(sampleReport, templates, {instant})
      } finally {
        vi.useRealTimers()
      }
    }
    const first = await renderAt(Date.UTC(2022, 0, 1))
    const second = await renderAt(Date.UTC(2023, 6, 1, 9, 41))
    expect(sha256(second)).toBe(sha256(first))
  })

  it('stamp every entry with the instant, in name order, without folders', async () => {
    const zip = await JSZip.loadAsync(await emitXlsx(sampleReport, templates, {instant}))
    const names = Object.keys(zip.files)
    expect(names).toEqual([...names].sort())
    expect(names[0]).toBe('[Content_Types].xml')
    for (const entry of Object.values(zip.files)) {
      expect(entry.dir).toBe(false)
      expect(entry.date).toEqual(instant)
    }
  })

  it('clamp instants before 1980 to the first date a zip can hold', async () => {
    const source = await new JSZip().file('a.txt', 'a').generateAsync({type: 'uint8array'})
    const zip = await JSZip.loadAsync(await reproducibleZip(source, new Date(0)))
    expect(zip.files['a.txt']!.date).toEqual(new Date(Date.UTC(1980, 0, 1)))
  })

  it('do not depend on the time zone, and dates keep their UTC values', async () => {
    const render = async () => ({
      bytes: await emitXlsx(sampleReport, templates, {instant}),
      offset: new Date(2021, 0, 1).getTimezoneOffset() // January: no daylight saving time
    })
    const utc = await withTimeZone('UTC', render)
    const tokyo = await withTimeZone('Asia/Tokyo', render)
    expect(utc.offset).toBe(0)
    expect(tokyo.offset).toBe(-540) // proves the time zone did change inside this process
    expect(sha256(tokyo.bytes)).toBe(sha256(utc.bytes))
    for (const tz of ['UTC', 'Asia/Tokyo']) {
      const {workbook} = await withTimeZone(tz, () => readXlsx(tokyo.bytes))
      const start = workbook.getWorksheet('Programmes')!.getCell('D2').value as Date
      expect(start.getTime()).toBe(Date.UTC(2021, 3, 24))
    }
  })
})
