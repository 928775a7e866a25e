import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import type {ContentTable, ContentText} from 'pdfmake/interfaces.js'
import {emitPdf, pdfDefinition} from '../../pipeline/emit/pdf/index.js'
import type {Block, Programme, Report} from '../../pipeline/model.js'
import {summarize} from '../../pipeline/emit/summary.js'
import {loadTemplates, templatesFor, type Templates} from '../../pipeline/templates.js'
import {readPdf, type PdfLine, type PdfText} from '../helpers/pdf-text.js'
import {sampleReport, sampleReportWithLdcs} from '../helpers/sample-report.js'

const creationDate = new Date('2021-09-16T12:00:00Z')
let templates: Templates

beforeAll(async () => {
  templates = templatesFor(await loadTemplates(), 'en')
})

afterEach(() => {
  vi.restoreAllMocks()
})

const render = (report: Report, withTemplates = templates) => emitPdf(report, withTemplates, {instant: creationDate})
const read = async (report: Report) => readPdf(await render(report))

/** The first line of a page that contains `text`; fails the test when there is none. */
function lineOf(lines: PdfLine[], text: string): PdfLine {
  const line = lines.find((candidate) => candidate.text.includes(text))
  expect(line, `a line with “${text}”`).toBeDefined()
  return line!
}

const count = (text: string, word: string) => text.match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0

function programme(no: number, fields: Partial<Programme> = {}): Programme {
  return {
    no,
    id: `workshop-${no}`,
    title: `Workshop ${no} on patent examination`,
    start: {iso: '2021-04-24', precision: 'day', written: '24/04/2021'},
    beneficiaries: [`Beneficiary ${no}`, 'Bolivia, Plurinational State of'],
    partners: [],
    other: [],
    description: [],
    sources: [{file: 'report.md', line: no, column: 1}],
    ...fields
  }
}

/** The sample with other programmes; beneficiaries the sample does not describe become free text. */
function withProgrammes(programmes: Programme[]): Report {
  const described = new Map(sampleReport.beneficiaries.map((beneficiary) => [beneficiary.name, beneficiary]))
  const names = new Set(programmes.flatMap((programme) => programme.beneficiaries))
  const beneficiaries = [...names].map((name) => described.get(name) ?? {name, kind: 'free' as const, ldc: false})
  return {...sampleReport, programmes, beneficiaries}
}

/** The lines of the summary `report` should open its annex with, as the PDF text reads them. */
function summaryLines(report: Report, {labels}: Templates = templates): string[] {
  const summary = summarize(report)
  return [
    labels.summary.heading,
    `${labels.summary.programmes} ${summary.programmes}`,
    `${labels.summary.reachingLdcs} ${summary.reachingLdcs}`,
    `${labels.summary.ldcShare} ${Math.round(summary.ldcShare * 100)}%`,
    ...(summary.byBeneficiary.length === 0
      ? []
      : [
          labels.summary.byRegion,
          `${labels.columns.region} ${labels.columns.programmes}`,
          ...summary.byRegion.map(
            ({region, programmes}) => `${region ? labels.regions[region] : labels.summary.noRegion} ${programmes}`
          ),
          labels.summary.byBeneficiary,
          `${labels.columns.beneficiary} ${labels.columns.kind} ${labels.columns.ldc} ${labels.columns.programmes}`,
          ...summary.byBeneficiary.map(
            ({beneficiary: {name, kind, ldc}, programmes}) =>
              `${name} ${labels.kinds[kind]} ${ldc ? labels.summary.yes : labels.summary.no} ${programmes}`
          )
        ])
  ]
}

/** The lines of the annex from its summary heading on, across pages, without the running heads. */
function annexLines(pdf: PdfText, {labels}: Templates = templates): string[] {
  const lines = pdf.lines.flatMap((page, index) => page.slice(index === 0 ? 0 : 1)).map((line) => line.text)
  return lines.slice(lines.indexOf(labels.summary.heading))
}

describe('emitPdf with the sample report', () => {
  let pdf: PdfText

  beforeAll(async () => {
    pdf = await read(sampleReport)
  })

  it('prints the header block on page 1 with the true page count', () => {
    const page = pdf.pages[0]!
    expect(pdf.numPages).toBeGreaterThan(1)
    expect(page).toContain('Council for Trade-Related Aspects of Intellectual Property')
    const right = ['IP/C/R/TC/CAN/1', '16 September 2021', '(21-7777)', `Page: 1/${pdf.numPages}`, 'Original: English']
    for (const line of right) expect(page).toContain(line)
  })

  it('prints the running head with the page number from page 2 on', () => {
    for (let page = 2; page <= pdf.numPages; page++) {
      expect(pdf.lines[page - 1]![0]!.text).toBe(`IP/C/R/TC/CAN/1 - ${page} -`)
    }
  })

  it('keeps the header block and the running head above the body', () => {
    const first = pdf.lines[0]!
    expect(lineOf(first, 'Original: English').baseline).toBeLessThan(lineOf(first, 'TECHNICAL COOPERATION ACTIVITIES:').top)
    const [runningHead, firstBodyLine] = pdf.lines[1]!
    expect(runningHead!.baseline).toBeLessThan(firstBodyLine!.top)
  })

  it('opens the body with the title, the member and the circulation sentence', () => {
    const lines = pdf.lines[0]!.map((line) => line.text)
    const title = lines.indexOf('TECHNICAL COOPERATION ACTIVITIES:')
    expect(lines.slice(title, title + 3)).toEqual(['TECHNICAL COOPERATION ACTIVITIES:', 'INFORMATION FROM MEMBERS', 'Canada'])
    expect(pdf.pages[0]!.replace(/\s+/g, ' ')).toContain(
      'The following communication, dated 16 September 2021, is being circulated at the request of the delegation of Canada.'
    )
  })

  it('numbers headings and paragraphs, upper-casing level-1 headings', () => {
    const lines = pdf.lines[0]!.map((line) => line.text)
    expect(lines).toContain('1 BRIEF OUTLINE OF TECHNICAL COOPERATION ACTIVITIES')
    expect(lines).toContain('1.1 Multilateral level')
    expect(lines).toContainEqual(expect.stringMatching(/^1\. Canada works with the World Intellectual Property Organization/))
    expect(lines).toContain('2. The objectives are to:')
    expect(lines).toContain('A quoted sentence.')
  })

  it('starts the annex on a new page with its subheading', () => {
    const annexPage = pdf.lines.findIndex((lines) => lines.some((line) => line.text === 'ANNEX'))
    expect(annexPage).toBeGreaterThan(0)
    const lines = pdf.lines[annexPage]!.map((line) => line.text)
    expect(lines.slice(1, 3)).toEqual(['ANNEX', 'Technical cooperation programmes and activities, 2020-2021'])
    expect(pdf.pages.slice(0, annexPage).join('\n')).not.toContain('List of programmes')
  })

  it('opens the annex with the summary of the programmes, before the list of programmes', () => {
    const lines = annexLines(pdf)
    const expected = summaryLines(sampleReport)
    expect(expected).toContain('Share of programmes reaching LDCs 0%')
    expect(lines.slice(0, expected.length)).toEqual(expected)
    expect(lines[expected.length]).toBe(templates.labels.annex.summary)
  })

  it('lists every programme and every beneficiary, and details each programme', () => {
    const text = pdf.pages.join(' ').replace(/\s+/g, '')
    for (const {title, beneficiaries, partners, agency} of sampleReport.programmes) {
      for (const value of [title, ...beneficiaries, ...partners, agency ?? '']) {
        expect(text).toContain(value.replace(/\s+/g, ''))
      }
    }
    const annex = pdf.pages.join('\n')
    expect(annex).toContain('1. CIPO-WIPO Executive Workshop on IP Office Management')
    expect(annex).toContain('Start date 24/04/2021')
    expect(annex).toContain('End date March 2021')
    expect(annex).toContain('A one-week workshop for senior officials.')
  })

  it('writes the document information', () => {
    expect(pdf.info).toMatchObject({
      Title: 'TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS – Canada',
      Author: 'Canada',
      Subject: templates.labels.workbook.subject,
      Creator: 'art67',
      Producer: 'art67',
      CreationDate: expect.stringMatching(/^D:20210916120000/)
    })
  })
})

describe('emitPdf', () => {
  it('gives the same bytes for the same input', async () => {
    const [first, second] = await Promise.all([render(sampleReport), render(sampleReport)])
    expect(first.equals(second)).toBe(true)
  })

  it('renders without warnings from pdfmake', async () => {
    const warn = vi.spyOn(console, 'warn')
    const log = vi.spyOn(console, 'log')
    await render(sampleReport)
    expect(warn).not.toHaveBeenCalled()
    expect(log).not.toHaveBeenCalled()
  })

  it('leaves out the symbol and job lines when the report has none', async () => {
    const {symbol: _, job: __, ...rest} = sampleReport
    const pdf = await read(rest)
    const header = pdf.lines[0]!.slice(0, 5).map((line) => line.text).join('\n')
    expect(header).not.toContain('IP/C/')
    expect(header).not.toContain('(')
    expect(header).toContain('16 September 2021')
    expect(header).toContain(`Page: 1/${pdf.numPages}`)
    expect(pdf.lines[1]![0]!.text).toBe('- 2 -')
  })

  it('prints a draft without a date line and with the undated circulation sentence', async () => {
    const {date: _, ...draft} = sampleReport
    const pdf = await read(draft)
    const page = pdf.pages[0]!
    expect(page).not.toContain('16 September 2021')
    expect(page).toContain(`Page: 1/${pdf.numPages}`)
    expect(page.replace(/\s+/g, ' ')).toContain(
      'The following communication is being circulated at the request of the delegation of Canada.'
    )
  })

  it('keeps a long council name in the header block, above the body', async () => {
    const council = 'Conseil des aspects des droits de propriété intellectuelle qui touchent au commerce'
    const pdf = await readPdf(await render(sampleReport, {...templates, labels: {...templates.labels, council}}))
    const first = pdf.lines[0]!
    const body = lineOf(first, 'TECHNICAL COOPERATION ACTIVITIES:')
    const header = first.filter((line) => line.baseline < body.top).map((line) => line.text).join(' ')
    for (const word of council.split(' ')) expect(header).toContain(word)
    expect(header).toContain('Original: English')
  })

  it('prints other information in the details, each under its own label, after the fields', async () => {
    const other = [
      {label: 'Funding', value: 'CAD 25,000 from the CIPO budget'},
      {label: '', value: 'A cell without a column title'}
    ]
    const pdf = await read(withProgrammes([programme(1, {other, agency: 'CIPO'})]))
    const details = annexLines(pdf).slice(annexLines(pdf).indexOf(templates.labels.annex.details))
    const at = (text: string) => details.findIndex((line) => line.includes(text))
    expect(details[at('Funding')]).toBe('Funding CAD 25,000 from the CIPO budget')
    expect(details[at('A cell without')]).toBe(`${templates.labels.columns.other} A cell without a column title`)
    expect(at('Implementing agency')).toBeLessThan(at('Funding'))
  })

  it('says so when no programme is reported, after a summary of zeros without tables', async () => {
    const pdf = await read({...sampleReport, programmes: [], beneficiaries: []})
    const text = pdf.pages.join('\n')
    expect(text).toContain(templates.labels.annex.none)
    expect(text).not.toContain(templates.labels.annex.summary)
    expect(annexLines(pdf).slice(0, 5)).toEqual([
      'Summary',
      'Programmes reported 0',
      'Programmes reaching LDCs 0',
      'Share of programmes reaching LDCs 0%',
      templates.labels.annex.none
    ])
  })

  it('counts programmes reaching LDCs, by region and by beneficiary, groups and free text included', async () => {
    const annexIntro: Block[] = [{type: 'paragraph', content: [{text: 'Written before the programmes.'}]}]
    const pdf = await read({...sampleReportWithLdcs, annexIntro})
    const expected = summaryLines(sampleReportWithLdcs)
    expect(expected).toEqual(
      expect.arrayContaining([
        'Programmes reported 5',
        'Programmes reaching LDCs 2',
        'Share of programmes reaching LDCs 40%',
        'Africa 1',
        'Groups and other beneficiaries 1',
        'Haiti WTO Member Yes 1',
        'Ethiopia Observer Yes 1',
        'LDC Members Group Yes 1',
        'Patent offices of the region As written No 1',
        'Costa Rica WTO Member No 2'
      ])
    )
    const lines = annexLines(pdf)
    expect(lines.slice(0, expected.length)).toEqual(expected)
    expect(lines.slice(expected.length, expected.length + 2)).toEqual([
      'Written before the programmes.',
      templates.labels.annex.summary
    ])
  })

  it("takes the summary's words, kinds and regions from the templates", async () => {
    const {labels} = templates
    const french: Templates = {
      ...templates,
      labels: {
        ...labels,
        summary: {
          heading: 'Résumé',
          programmes: 'Programmes notifiés',
          reachingLdcs: 'Programmes en faveur des PMA',
          ldcShare: 'Part des programmes en faveur des PMA',
          byRegion: 'Programmes par région',
          byBeneficiary: 'Programmes par bénéficiaire',
          noRegion: 'Groupes et autres bénéficiaires',
          yes: 'Oui',
          no: 'Non'
        },
        kinds: {
          member: 'Membre de l’OMC',
          observer: 'Observateur',
          organisation: 'Organisation',
          group: 'Groupe',
          free: 'Tel quel'
        },
        regions: {
          ...labels.regions,
          Africa: 'Afrique',
          'South and Central America and the Caribbean': 'Amérique du Sud et centrale et Caraïbes'
        },
        columns: {...labels.columns, region: 'Région', beneficiary: 'Bénéficiaire', kind: 'Type', ldc: 'PMA'}
      }
    }
    const pdf = await readPdf(await render(sampleReportWithLdcs, french))
    const expected = summaryLines(sampleReportWithLdcs, french)
    expect(expected).toEqual(
      expect.arrayContaining([
        'Part des programmes en faveur des PMA 40%',
        'Amérique du Sud et centrale et Caraïbes 3',
        'Afrique 1',
        'Groupes et autres bénéficiaires 1',
        'Ethiopia Observateur Oui 1',
        'Patent offices of the region Tel quel Non 1'
      ])
    )
    expect(annexLines(pdf, french).slice(0, expected.length)).toEqual(expected)
  })

  it('repeats the header of the list of programmes on every page the list spans', async () => {
    const programmes = Array.from({length: 80}, (_, index) => programme(index + 1))
    const pdf = await read(withProgrammes(programmes))
    const pages = pdf.pages
    const first = pages.findIndex((page) => page.includes(templates.labels.annex.summary))
    // The list's last row comes before the details, so the first page naming the last programme ends the list.
    const last = pages.findIndex((page) => /\bWorkshop 80\b/.test(page))
    expect(last).toBeGreaterThan(first)
    for (let page = first; page <= last; page++) {
      const header = pdf.lines[page]!.find((line) => line.text.startsWith('No. Title of programme or activity'))
      expect(header, `list header on page ${page + 1}`).toBeDefined()
    }
    const text = pages.join('\n')
    for (const {no} of programmes) {
      expect(count(text, `Workshop ${no}`), `programme ${no}`).toBe(2)
      // In the summary's table of beneficiaries too.
      expect(count(text, `Beneficiary ${no}`), `beneficiary ${no}`).toBe(3)
    }
  })

  it('never drops a title or a description longer than a page', async () => {
    const words = (prefix: string, length: number) =>
      Array.from({length}, (_, index) => `${prefix}${String(index + 1).padStart(4, '0')}`)
    const titleWords = words('title', 220)
    const descriptionWords = words('text', 1500)
    const description: Block[] = [{type: 'paragraph', content: [{text: descriptionWords.join(' ')}]}]
    const long = programme(2, {title: titleWords.join(' '), description})
    expect(long.title.length).toBeGreaterThan(2000)
    const pdf = await read(withProgrammes([programme(1), long, programme(3)]))
    const text = pdf.pages.join('\n')
    // Each title word is in the list and in the details; each description word once.
    for (const word of titleWords) expect(count(text, word), word).toBe(2)
    for (const word of descriptionWords) expect(count(text, word), word).toBe(1)
    expect(count(text, 'Workshop 3')).toBe(2)
  })

  it('renders lists, code, tables and rules of the body', async () => {
    const body: Block[] = [
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          [
            {type: 'paragraph', content: [{text: 'Third item'}]},
            {type: 'list', ordered: false, items: [[{type: 'paragraph', content: [{text: 'Nested item'}]}]]}
          ],
          [{type: 'paragraph', content: [{text: 'Fourth item'}]}]
        ]
      },
      {type: 'code', text: 'const  spaced = 1'},
      {type: 'rule'},
      {
        type: 'table',
        header: [[{text: 'Region'}], [{text: 'Participants'}]],
        rows: [[[{text: 'ASEAN'}], [{text: '24'}]], [[{text: 'ARIPO'}]]]
      }
    ]
    const pdf = await read({...sampleReport, body})
    const lines = pdf.lines[0]!.map((line) => line.text)
    expect(lines).toEqual(
      expect.arrayContaining(['3. Third item', 'Nested item', '4. Fourth item', 'Region Participants', 'ASEAN 24', 'ARIPO'])
    )
    expect(pdf.pages[0]).toContain('const spaced = 1')
  })
})

describe('pdfDefinition', () => {
  const definition = () => pdfDefinition(sampleReport, templates)

  it('hands pdfmake its styles without our uppercase flag', () => {
    const {styles} = definition()
    expect(styles?.heading1).toMatchObject({bold: true})
    expect(styles?.heading1).not.toHaveProperty('uppercase')
  })

  it('keeps inline formatting and links', () => {
    const body: Block[] = [
      {
        type: 'paragraph',
        content: [
          {text: 'bold', bold: true},
          {text: 'italic', italic: true},
          {text: 'struck', strike: true},
          {text: 'code', code: true},
          {text: 'site', link: 'https://www.wto.org/'}
        ]
      },
      {type: 'heading', depth: 5, number: '1.1.1.1.1', content: [{text: 'Deep'}]}
    ]
    const content = JSON.stringify(pdfDefinition({...sampleReport, body}, templates).content)
    expect(content).toContain('{"text":"bold","bold":true}')
    expect(content).toContain('{"text":"italic","italics":true}')
    expect(content).toContain('{"text":"struck","decoration":"lineThrough"}')
    expect(content).toContain('{"text":"code","style":["inlineCode"]}')
    expect(content).toContain('{"text":"site","link":"https://www.wto.org/","style":["link"]}')
    expect(content).toContain('"style":"heading3"')
  })

  it('repeats the header rows of the summary tables and lets their rows break', () => {
    const content = pdfDefinition(sampleReportWithLdcs, templates).content as unknown[]
    const {columns} = templates.labels
    const tables = content
      .flat(Infinity)
      .filter((node): node is ContentTable => typeof node === 'object' && node !== null && 'table' in node)
    const headed = (column: string) => tables.find((node) => (node.table.body[0]?.[0] as ContentText).text === column)
    for (const column of [columns.region, columns.beneficiary]) {
      expect(headed(column)?.table, column).toMatchObject({headerRows: 1})
      expect(headed(column)?.table, column).not.toHaveProperty('dontBreakRows')
    }
  })

  it('leaves the creation date to emitPdf', () => {
    expect(definition().info).not.toHaveProperty('creationDate')
  })
})
