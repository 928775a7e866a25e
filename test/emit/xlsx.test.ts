import {createHash} from 'node:crypto'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import {annexWorkbook, emitXlsx, maxCellLength, reproducibleZip, workbookParts} from '../../pipeline/emit/xlsx/index.js'
import {detailKeys} from '../../pipeline/fields.js'
import {Report} from '../../pipeline/model.js'
import {summarize} from '../../pipeline/emit/summary.js'
import {loadTemplates, templatesFor, type Templates} from '../../pipeline/templates.js'
import {sampleReport} from '../helpers/sample-report.js'
import {readXlsx, type ReadXlsx} from '../helpers/xlsx-read.js'

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
  'Contact',
  'Website',
  'Other information',
  'Description',
  'Source'
]

const source = (line: number) => [{file: 'report.md', line, column: 1}]

/** The sample with two more programmes, reaching an LDC Member, the group "LDC Members" and a free-text beneficiary. */
const withLdcs = Report.parse({
  ...sampleReport,
  programmes: [
    ...sampleReport.programmes,
    {
      no: 4,
      id: 'ldc-workshop',
      title: 'Workshop for LDC patent offices',
      beneficiaries: ['Bangladesh', 'LDC Members', 'Patent examiners of the region'],
      partners: [],
      other: [],
      contact: 'Technical Cooperation Unit, tc@cipo.example',
      website: 'https://cipo.example/tc',
      description: [],
      sources: source(70)
    },
    {
      no: 5,
      id: 'examiner-exchange',
      title: 'Examiner exchange',
      beneficiaries: ['Bangladesh', 'Costa Rica'],
      partners: [],
      other: [],
      description: [],
      sources: source(80)
    }
  ],
  beneficiaries: [
    ...sampleReport.beneficiaries,
    {name: 'Bangladesh', kind: 'member', code: 'BGD', region: 'Asia', ldc: true},
    {name: 'LDC Members', kind: 'group', ldc: true},
    {name: 'Patent examiners of the region', kind: 'free', ldc: null}
  ]
})

let templates: Templates
let xlsx: ReadXlsx
let ldcXlsx: ReadXlsx
let programmes: ExcelJS.Worksheet
let beneficiaries: ExcelJS.Worksheet

beforeAll(async () => {
  templates = templatesFor(await loadTemplates(), 'en')
  xlsx = await readXlsx(await emitXlsx(sampleReport, templates, {instant}))
  ldcXlsx = await readXlsx(await emitXlsx(withLdcs, templates, {instant}))
  programmes = xlsx.workbook.getWorksheet('Programmes')!
  beneficiaries = xlsx.workbook.getWorksheet('Beneficiaries')!
})

/** Rows without their trailing empty cells, split into blocks at blank rows. */
function blocks(rows: ExcelJS.CellValue[][]): ExcelJS.CellValue[][][] {
  const result: ExcelJS.CellValue[][][] = [[]]
  for (const row of rows) {
    const cells = row.slice(0, row.findLastIndex((value) => value !== null) + 1)
    if (cells.length === 0) result.push([])
    else result.at(-1)!.push(cells)
  }
  return result
}

/** The counts a Summary sheet shows: its figures, then the rows of its two tables below their title and header. */
function readSummary(rows: ExcelJS.CellValue[][]) {
  const [figures = [], regions = [], beneficiaries = []] = blocks(rows)
  const [programmes, reachingLdcs, ldcShare] = figures.map((row) => row[1])
  return {
    programmes,
    reachingLdcs,
    ldcShare,
    byRegion: regions.slice(2).map(([region, count]) => ({region, programmes: count})),
    byBeneficiary: beneficiaries.slice(2).map(([name, , , , , count]) => ({name, programmes: count}))
  }
}

/** `summarize(report)` as the Summary sheet names it. */
function expectedSummary(report: Report, labels: Templates['labels']) {
  const summary = summarize(report)
  return {
    ...summary,
    byRegion: summary.byRegion.map(({region, programmes}) => ({
      region: region === undefined ? labels.summary.noRegion : labels.regions[region],
      programmes
    })),
    byBeneficiary: summary.byBeneficiary.map(({beneficiary, programmes}) => ({name: beneficiary.name, programmes}))
  }
}

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
  it('comes first, then Beneficiaries and Summary', () => {
    expect(Object.keys(xlsx.sheets)).toEqual(['Programmes', 'Beneficiaries', 'Summary'])
  })

  it('has the labelled header row and one row per programme', () => {
    const rows = xlsx.sheets.Programmes!
    expect(rows[0]).toEqual(programmeHeader)
    // The columns follow the field table: a new field is a new column without touching the emitter.
    const {columns} = templates.labels
    expect(rows[0]).toEqual([columns.no, columns.id, columns.title, ...detailKeys.map((key) => columns[key]), columns.other, columns.description, columns.source])
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

  it('writes partial dates as date cells on their first day, shown only to the precision written', () => {
    const [month, year] = [programmes.getCell('E3'), programmes.getCell('D4')]
    for (const cell of [month, year]) expect(cell.type).toBe(ExcelJS.ValueType.Date)
    expect((month.value as Date).getTime()).toBe(Date.UTC(2021, 2, 1))
    expect(month.numFmt).toBe('mmm yyyy')
    expect((year.value as Date).getTime()).toBe(Date.UTC(2019, 0, 1))
    expect(year.numFmt).toBe('yyyy')
  })

  it('prints each sheet landscape, one page wide, repeating the header row on every page', () => {
    for (const sheet of xlsx.workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0})
    }
    for (const sheet of [programmes, beneficiaries]) expect(sheet.pageSetup.printTitlesRow).toBe('1:1')
  })

  it('joins beneficiaries and sources with "; "', () => {
    const [, , second, third] = xlsx.sheets.Programmes!
    expect(second![5]).toBe(
      'Costa Rica; Dominican Republic; El Salvador; Guatemala; Honduras; Nicaragua; Panama'
    )
    expect(third![5]).toBe('Bolivia, Plurinational State of; Venezuela, Bolivarian Republic of')
    expect(third![16]).toBe('report.md:60; programmes/idrc.md:3')
  })

  it('writes contact and website after the budget', () => {
    const [header, ...rows] = ldcXlsx.sheets.Programmes!
    expect(header!.slice(11, 14)).toEqual(['Budget', 'Contact', 'Website'])
    expect(rows[3]!.slice(12, 14)).toEqual(['Technical Cooperation Unit, tc@cipo.example', 'https://cipo.example/tc'])
  })

  it('writes the description as plain text, one line a block', async () => {
    const report = Report.parse({
      ...sampleReport,
      programmes: [
        {
          ...sampleReport.programmes[0],
          description: [
            {type: 'paragraph', content: [{text: 'First '}, {text: 'bold', bold: true}, {text: '.'}]},
            {type: 'list', ordered: false, items: [[{type: 'paragraph', content: [{text: 'An item'}]}]]},
            {type: 'list', ordered: true, start: 3, delimiter: ')', items: [[{type: 'paragraph', content: [{text: 'Third'}]}]]}
          ]
        }
      ]
    })
    const {workbook, sheets} = await readXlsx(await emitXlsx(report, templates, {instant}))
    expect(sheets.Programmes![1]![15]).toBe('First bold.\n- An item\n3) Third')
    expect(workbook.getWorksheet('Programmes')!.getCell('P2').alignment).toMatchObject({wrapText: true})
  })


  it('writes out what a description’s formatting says: struck text between `~~`, a link’s address after its text', async () => {
    const wipo = 'https://www.wipo.int'
    const content = [
      {text: 'See '},
      {text: 'the ', link: wipo},
      {text: 'WIPO site', link: wipo, bold: true},
      {text: ', '},
      {text: 'www.wipo.int/', link: wipo},
      {text: ', '},
      {text: 'mail', link: 'mailto:tc@cipo.example'},
      {text: ' for '},
      {text: 'old ', strike: true},
      {text: 'words', strike: true, italic: true},
      {text: ' new.'}
    ]
    const report = Report.parse({...sampleReport, programmes: [{...sampleReport.programmes[0], description: [{type: 'paragraph', content}]}]})
    const {sheets} = await readXlsx(await emitXlsx(report, templates, {instant}))
    expect(sheets.Programmes![1]![15]).toBe(`See the WIPO site (${wipo}), www.wipo.int/, mail (tc@cipo.example) for ~~old words~~ new.`)
  })
  it('writes other information as `Label: value` lines in one column, before the description', async () => {
    const other = [
      {label: 'Funding', value: 'CAD 25,000'},
      {label: 'Begining date', value: '2021-04-24'},
      {label: '', value: 'A cell without a column title'}
    ]
    const report = Report.parse({...sampleReport, programmes: [{...sampleReport.programmes[0], other}]})
    const {workbook, sheets} = await readXlsx(await emitXlsx(report, templates, {instant}))
    expect(sheets.Programmes![0]![14]).toBe('Other information')
    expect(sheets.Programmes![1]![14]).toBe('Funding: CAD 25,000\nBegining date: 2021-04-24\nA cell without a column title')
    expect(workbook.getWorksheet('Programmes')!.getCell('O2').alignment).toMatchObject({wrapText: true})
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
    expect(programmes.autoFilter).toBe('A1:Q4')
  })
})

describe('Beneficiaries sheet', () => {
  it('has one row per programme × beneficiary, without programmes that have none', () => {
    const rows = xlsx.sheets.Beneficiaries!
    expect(rows[0]).toEqual(['No.', 'ID', 'Title of programme or activity', 'Beneficiary', 'Code', 'Kind', 'Region', 'LDC'])
    expect(rows).toHaveLength(1 + 7 + 2)
    expect(rows.map((row) => row[0])).not.toContain(1)
    expect(rows[1]!.slice(0, 4)).toEqual([2, 'pilot-program', sampleReport.programmes[1]!.title, 'Costa Rica'])
    expect(rows[9]).toEqual([
      3,
      'indela',
      sampleReport.programmes[2]!.title,
      'Venezuela, Bolivarian Republic of',
      'VEN',
      'WTO Member',
      'South and Central America and the Caribbean',
      'No'
    ])
  })

  it('describes LDCs, groups and free text, leaving an absent code or region empty', () => {
    const rows = ldcXlsx.sheets.Beneficiaries!.filter((row) => row[0] === 4).map((row) => row.slice(3))
    expect(rows).toEqual([
      ['Bangladesh', 'BGD', 'WTO Member', 'Asia', 'Yes'],
      ['LDC Members', null, 'Group', null, 'Yes'],
      // Free text: whether it is an LDC is unknown, not "No".
      ['Patent examiners of the region', null, 'As written', null, '–']
    ])
  })

  it('has a bold, frozen header row and an autofilter', () => {
    expect(beneficiaries.getCell('A1').font).toMatchObject({bold: true})
    expect(beneficiaries.views[0]).toMatchObject({state: 'frozen', ySplit: 1})
    expect(beneficiaries.autoFilter).toBe('A1:H10')
  })
})

describe('Summary sheet', () => {
  it('shows the counts of summarize() for the sample', () => {
    expect(readSummary(xlsx.sheets.Summary!)).toEqual(expectedSummary(sampleReport, templates.labels))
  })

  it('shows the counts of summarize() with LDCs, a group and free text', () => {
    const shown = readSummary(ldcXlsx.sheets.Summary!)
    expect(shown).toEqual(expectedSummary(withLdcs, templates.labels))
    expect(shown).toMatchObject({programmes: 5, reachingLdcs: 2, ldcShare: 0.4})
    expect(shown.byRegion).toEqual([
      {region: 'South and Central America and the Caribbean', programmes: 3},
      {region: 'Asia', programmes: 2},
      {region: 'Groups and other beneficiaries', programmes: 1}
    ])
    expect(shown.byBeneficiary.slice(0, 2)).toEqual([
      {name: 'Bangladesh', programmes: 2},
      {name: 'Costa Rica', programmes: 2}
    ])
  })

  it('labels its figures and tables, and describes each beneficiary', () => {
    const [figures, regions, byBeneficiary] = blocks(ldcXlsx.sheets.Summary!)
    expect(figures!.map((row) => row[0])).toEqual([
      'Programmes reported',
      'Programmes reaching LDCs',
      'Share of programmes reaching LDCs'
    ])
    expect(regions!.slice(0, 2)).toEqual([['Programmes by region'], ['Region', 'Programmes']])
    expect(byBeneficiary!.slice(0, 3)).toEqual([
      ['Programmes by beneficiary'],
      ['Beneficiary', 'Code', 'Kind', 'Region', 'LDC', 'Programmes'],
      ['Bangladesh', 'BGD', 'WTO Member', 'Asia', 'Yes', 2]
    ])
    expect(byBeneficiary).toContainEqual(['LDC Members', null, 'Group', null, 'Yes', 1])
    expect(byBeneficiary).toContainEqual(['Patent examiners of the region', null, 'As written', null, '–', 1])
  })

  it('writes numbers as number cells, the share with a percent format', () => {
    const sheet = ldcXlsx.workbook.getWorksheet('Summary')!
    for (const address of ['B1', 'B2', 'B3', 'B7', 'B8', 'B9']) expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getCell('B3').numFmt).toBe('0%')
    expect(sheet.getCell('F13').value).toBe(2)
  })

  it('has bold titles and headers and widths fitted to the content', () => {
    const sheet = ldcXlsx.workbook.getWorksheet('Summary')!
    for (const address of ['A5', 'A6', 'B6', 'A11', 'F12']) expect(sheet.getCell(address).font).toMatchObject({bold: true})
    expect(sheet.getCell('A1').font?.bold).toBeFalsy()
    expect(sheet.getColumn(1).width).toBe('South and Central America and the Caribbean'.length + 2)
    expect(sheet.getColumn(2).width).toBe('Programmes'.length + 2)
  })

  it('sizes the share as shown ("33%"), not as its digits', async () => {
    const oneInThree = Report.parse({
      ...sampleReport,
      beneficiaries: sampleReport.beneficiaries.map((b) => (b.code === 'BOL' ? {...b, ldc: true} : b))
    })
    const {workbook} = await readXlsx(await emitXlsx(oneInThree, templates, {instant}))
    const sheet = workbook.getWorksheet('Summary')!
    expect(sheet.getCell('B3').value).toBeCloseTo(1 / 3)
    expect(sheet.getColumn(2).width).toBe('Programmes'.length + 2)
  })
})

describe('workbook', () => {
  it('keeps text that looks like a formula as text', async () => {
    const tricky = ['=HYPERLINK("x")', '+cmd', '@SUM(A1)', '-1+2']
    const report = Report.parse({
      ...sampleReport,
      programmes: [
        {...sampleReport.programmes[0], title: tricky[0], agency: tricky[1], partners: [tricky[2]], beneficiaries: [tricky[3]]}
      ],
      beneficiaries: [{name: tricky[3], kind: 'free', ldc: null}]
    })
    const bytes = await emitXlsx(report, templates, {instant})
    const {workbook} = await readXlsx(bytes)
    const cells = ['C2', 'H2', 'G2', 'F2'].map((address) => workbook.getWorksheet('Programmes')!.getCell(address))
    expect(cells.map((cell) => cell.value)).toEqual(tricky)
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(workbook.getWorksheet('Summary')!.getCell('A11').value).toBe(tricky[3])
    const zip = await JSZip.loadAsync(bytes)
    const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)
    expect(sheets).toHaveLength(3)
    for (const sheet of sheets) expect(await sheet.async('string')).not.toMatch(/<f[ >]/)
  })

  it('takes every label from the templates', async () => {
    const {labels} = templates
    const french: Templates = {
      ...templates,
      labels: {
        ...labels,
        columns: {
          ...labels.columns,
          no: 'N°',
          beneficiary: 'Bénéficiaire',
          contact: 'Contact FR',
          code: 'Code ISO',
          kind: 'Nature',
          region: 'Région',
          ldc: 'PMA',
          programmes: 'Nombre'
        },
        summary: {
          ...labels.summary,
          programmes: 'Programmes signalés',
          byRegion: 'Par région',
          byBeneficiary: 'Par bénéficiaire',
          noRegion: 'Groupes et autres',
          yes: 'Oui',
          no: 'Non'
        },
        kinds: {...labels.kinds, member: "Membre de l'OMC", group: 'Groupe'},
        // Asia left out: shown as the registry names it.
        regions: {'South and Central America and the Caribbean': 'Amérique du Sud et centrale et Caraïbes'},
        workbook: {
          ...labels.workbook,
          title: 'Annexe : {member}, {period}',
          programmesSheet: 'Programmes FR',
          beneficiariesSheet: 'Bénéficiaires',
          summarySheet: 'Résumé'
        }
      }
    }
    const {workbook, sheets} = await readXlsx(await emitXlsx(withLdcs, french, {instant}))
    expect(Object.keys(sheets)).toEqual(['Programmes FR', 'Bénéficiaires', 'Résumé'])
    expect(sheets['Programmes FR']![0]![0]).toBe('N°')
    expect(sheets['Programmes FR']![0]![12]).toBe('Contact FR')
    expect(sheets['Bénéficiaires']![0]).toEqual(['N°', 'ID', 'Title of programme or activity', 'Bénéficiaire', 'Code ISO', 'Nature', 'Région', 'PMA'])
    expect(sheets['Bénéficiaires']![1]!.slice(5)).toEqual(["Membre de l'OMC", 'Amérique du Sud et centrale et Caraïbes', 'Non'])
    const [figures, regions, byBeneficiary] = blocks(sheets['Résumé']!)
    expect(figures![0]).toEqual(['Programmes signalés', 5])
    expect(regions).toEqual([
      ['Par région'],
      ['Région', 'Nombre'],
      ['Amérique du Sud et centrale et Caraïbes', 3],
      ['Asia', 2],
      ['Groupes et autres', 1]
    ])
    expect(byBeneficiary!.slice(0, 2)).toEqual([['Par bénéficiaire'], ['Bénéficiaire', 'Code ISO', 'Nature', 'Région', 'PMA', 'Nombre']])
    expect(byBeneficiary).toContainEqual(['LDC Members', null, 'Groupe', null, 'Oui', 1])
    expect(workbook.title).toBe('Annexe : Canada, 2020-2021')
  })

  it('writes only headers when no programme is reported', async () => {
    const {workbook, sheets} = await readXlsx(await emitXlsx({...sampleReport, programmes: []}, templates, {instant}))
    expect(sheets.Programmes).toEqual([programmeHeader])
    expect(sheets.Beneficiaries).toHaveLength(1)
    expect(workbook.getWorksheet('Programmes')!.autoFilter).toBe('A1:Q1')
    expect(readSummary(sheets.Summary!)).toEqual({programmes: 0, reachingLdcs: 0, ldcShare: 0, byRegion: [], byBeneficiary: []})
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

  it('clamp instants to the dates a zip can hold, 1980 to 2107, never wrapping round', async () => {
    const parts = new Map([['a.txt', new TextEncoder().encode('a')]])
    const stamped = async (instant: Date) => (await JSZip.loadAsync(reproducibleZip(parts, instant))).files['a.txt']!.date
    const last = new Date(Date.UTC(2107, 11, 31, 23, 59, 58))
    expect(await stamped(new Date(0))).toEqual(new Date(Date.UTC(1980, 0, 1)))
    expect(await stamped(last)).toEqual(last)
    // A report dated 2108 or 9999 was stamped 1980 or 2063.
    expect(await stamped(new Date(Date.UTC(2108, 0, 1)))).toEqual(last)
    expect(await stamped(new Date(Date.UTC(9999, 11, 31)))).toEqual(last)
  })

  it('hold exactly the parts exceljs itself zips, zipped once', async () => {
    const unzip = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes)
      const files = Object.values(zip.files).filter((entry) => !entry.dir)
      return Object.fromEntries(await Promise.all(files.map(async (entry) => [entry.name, sha256(await entry.async('uint8array'))])))
    }
    for (const report of [sampleReport, {...sampleReport, programmes: []}]) {
      const exceljs = await annexWorkbook(report, templates, instant).xlsx.writeBuffer()
      const parts = await workbookParts(annexWorkbook(report, templates, instant))
      const ours = await unzip(await emitXlsx(report, templates, {instant}))
      expect(ours).toEqual(await unzip(new Uint8Array(exceljs)))
      expect(Object.keys(ours)).toEqual([...parts.keys()].sort())
    }
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

describe('cells keep every character', () => {
  const day = (iso: string, written: string) => ({iso, precision: 'day' as const, written})
  /** A programme with beneficiaries, so that it has rows in the Beneficiaries sheet too. */
  const base = sampleReport.programmes[1]!

  it('escape control characters, and text that looks like an escape, so that they read back as written', async () => {
    const budget = 'CAD 100\u0007000 \u001b[1m\u0000\u007f'
    const contact = 'literal _x0041_, _x005F_ and _x00e9_ escapes, tab\there, CR\rhere, U+FFFE \uFFFE'
    const report = Report.parse({...sampleReport, programmes: [{...base, title: 'Bell\u0007 workshop', budget, contact}]})
    const bytes = await emitXlsx(report, templates, {instant})
    const {sheets} = await readXlsx(bytes)
    const [header, row] = sheets.Programmes!
    expect(row![header!.indexOf('Title of programme or activity')]).toBe('Bell\u0007 workshop')
    expect(row![header!.indexOf('Budget')]).toBe(budget)
    expect(row![header!.indexOf('Contact')]).toBe(contact)
    expect(sheets.Beneficiaries![1]![2]).toBe('Bell\u0007 workshop')
    // What is in the file: OOXML escapes, as Excel writes them.
    const strings = await (await JSZip.loadAsync(bytes)).file('xl/sharedStrings.xml')!.async('string')
    expect(strings).toContain('CAD 100_x0007_000 _x001B_[1m_x0000__x007F_')
    expect(strings).toContain('literal _x005F_x0041_, _x005F_x005F_ and _x005F_x00e9_ escapes')
  })

  it('continue text longer than a cell holds in the next columns, headed (2), (3) …', async () => {
    const sentence = 'Cooperation in the administration of intellectual property. '
    const text = sentence.repeat(1100).trim()
    const title = 'T'.repeat(maxCellLength) + '😀 end'
    expect(text.length).toBeGreaterThan(2 * maxCellLength)
    const report = Report.parse({
      ...sampleReport,
      programmes: [{...base, title, description: [{type: 'paragraph', content: [{text}]}]}, sampleReport.programmes[0]]
    })
    const {sheets} = await readXlsx(await emitXlsx(report, templates, {instant}))
    const [header, first, second] = sheets.Programmes!
    const at = (name: string) => header!.indexOf(name)
    expect(header!.slice(at('Description'), at('Description') + 4)).toEqual(['Description', 'Description (2)', 'Description (3)', 'Source'])
    expect(header!.slice(at('Title of programme or activity'), at('Title of programme or activity') + 3)).toEqual([
      'Title of programme or activity',
      'Title of programme or activity (2)',
      'Start date'
    ])
    for (const row of sheets.Programmes!) for (const cell of row) if (typeof cell === 'string') expect(cell.length).toBeLessThanOrEqual(maxCellLength)
    expect(first!.slice(at('Description'), at('Description') + 3).join('')).toBe(text)
    // A character of two UTF-16 units is never cut in two.
    expect(first!.slice(at('Title of programme or activity'), at('Title of programme or activity') + 2)).toEqual(['T'.repeat(maxCellLength), '😀 end'])
    expect(second!.slice(at('Description') + 1, at('Description') + 3)).toEqual([null, null])
    const beneficiaries = sheets.Beneficiaries!
    expect(beneficiaries[0]!.slice(2, 5)).toEqual(['Title of programme or activity', 'Title of programme or activity (2)', 'Beneficiary'])
    expect(beneficiaries[1]!.slice(2, 4).join('')).toBe(title)
  })

  it('write dates from 1 March 1900 as dates, and earlier ones, which Excel shows a day off or not at all, as written', async () => {
    const report = Report.parse({
      ...sampleReport,
      programmes: [
        {...base, start: day('1899-12-31', '31/12/1899'), end: day('1900-02-28', '28/02/1900')},
        {...sampleReport.programmes[0]!, start: day('1900-03-01', '01/03/1900'), end: day('1900-01-01', '1900-01-01')},
        {...sampleReport.programmes[0]!, start: {iso: '1899', precision: 'year', written: '1899'}, end: {iso: '1900-02', precision: 'month', written: 'Feb 1900'}}
      ]
    })
    const {workbook} = await readXlsx(await emitXlsx(report, templates, {instant}))
    const sheet = workbook.getWorksheet('Programmes')!
    expect(['D2', 'E2', 'E3', 'D4', 'E4'].map((address) => sheet.getCell(address).value)).toEqual(['31/12/1899', '28/02/1900', '1900-01-01', '1899', 'Feb 1900'])
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.String)
    const march = sheet.getCell('D3')
    expect(march.type).toBe(ExcelJS.ValueType.Date)
    expect((march.value as Date).toISOString().slice(0, 10)).toBe('1900-03-01')
  })
})
