import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import type {ContentTable, ContentText} from 'pdfmake/interfaces.js'
import {emitPdf, pdfDefinition} from '../../pipeline/emit/pdf/index.js'
import type {Block, Programme, Report} from '../../pipeline/model.js'
import {summarize} from '../../pipeline/emit/summary.js'
import {loadTemplates, templatesFor, type Templates} from '../../pipeline/templates.js'
import {pastMargin, readPdf, type PdfLine, type PdfText} from '../helpers/pdf-text.js'
import {sampleReport, sampleReportWithLdcs} from '../helpers/sample-report.js'
import {validated} from '../helpers/stages.js'

const creationDate = new Date('2021-09-16T12:00:00Z')
let templates: Templates
/** The templates with the annex's summary of beneficiaries switched on. */
let withSummary: Templates

beforeAll(async () => {
  templates = templatesFor(await loadTemplates(), 'en')
  withSummary = {...templates, styles: {...templates.styles, annexSummary: true}}
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
  const beneficiaries = [...names].map((name) => described.get(name) ?? {name, kind: 'free' as const, ldc: null})
  return {...sampleReport, programmes, beneficiaries}
}

/** The lines of the summary `report` should open its annex with, as the PDF text reads them. */
function summaryLines(report: Report, {labels}: Templates = withSummary): string[] {
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
          `${labels.columns.beneficiary} ${labels.columns.ldc} ${labels.columns.programmes}`,
          ...summary.byBeneficiary.map(
            ({beneficiary: {name, ldc}, programmes}) =>
              `${name} ${ldc === null ? labels.summary.unknown : ldc ? labels.summary.yes : labels.summary.no} ${programmes}`
          )
        ])
  ]
}

/** The lines of the annex from its summary heading (or its subheading) on, across pages, without the running heads. */
function annexLines(pdf: PdfText, {labels}: Templates = withSummary): string[] {
  const lines = pdf.lines.flatMap((page, index) => page.slice(index === 0 ? 0 : 2)).map((line) => line.text)
  const summary = lines.indexOf(labels.summary.heading)
  return lines.slice(summary === -1 ? lines.indexOf(labels.annex.heading) + 2 : summary)
}

describe('emitPdf with the sample report', () => {
  let pdf: PdfText

  beforeAll(async () => {
    pdf = await read(sampleReport)
  })

  it('prints the header block on page 1 with the true page count', () => {
    expect(pdf.numPages).toBeGreaterThan(1)
    expect(pdf.lines[0]!.slice(0, 5).map((line) => line.text)).toEqual([
      'IP/C/R/TC/CAN/1',
      '16 September 2021',
      `(21-7777) Page: 1/${pdf.numPages}`,
      'Council for Trade-Related Aspects of Original: English',
      'Intellectual Property Rights'
    ])
  })

  it('prints the running head with the page number from page 2 on', () => {
    for (let page = 2; page <= pdf.numPages; page++) {
      expect(pdf.lines[page - 1]!.slice(0, 2).map((line) => line.text)).toEqual(['IP/C/R/TC/CAN/1', `- ${page} -`])
    }
  })

  it('keeps the header block and the running head above the body', () => {
    const first = pdf.lines[0]!
    expect(lineOf(first, 'Original: English').baseline).toBeLessThan(lineOf(first, 'TECHNICAL COOPERATION ACTIVITIES:').top)
    const [, runningHead, firstBodyLine] = pdf.lines[1]!
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

  it('indents quotations within quotations only while their text keeps half the page’s width', async () => {
    const [margin, , right] = templates.styles.pageMargins
    const width = 595.28 - margin - right
    const sentence = 'A sentence quoted twelve levels deep, long enough to take more than one line of a page of text, and more.'
    let block: Block = {type: 'paragraph', content: [{text: sentence}]}
    for (let level = 0; level < 12; level++) block = {type: 'quote', children: [block]}
    const {lines} = await read({...sampleReport, body: [block]})
    const quoted = lines[0]!.filter((line) => sentence.includes(line.text))
    // A few lines at half the page's width (it took a line a letter), starting no further in than a quarter of it.
    expect(quoted.length).toBeLessThanOrEqual(3)
    expect(quoted.map((line) => line.text).join(' ')).toBe(sentence)
    expect(quoted[0]!.left - margin).toBeLessThanOrEqual(width / 4 + 1)
  })

  it('sets the item after a nested list as far below it as items are from each other', async () => {
    const item = (text: string, ...more: Block[]): Block[] => [{type: 'paragraph', content: [{text}]}, ...more]
    const nested: Block = {type: 'list', ordered: false, items: [item('Nested a'), item('Nested b')]}
    const list: Block = {type: 'list', ordered: false, items: [item('First point', nested), item('Second point')]}
    const {lines} = await read({...sampleReport, body: [list]})
    const baseline = (text: string) => lines[0]!.find((line) => line.text.endsWith(text))!.baseline
    const step = baseline('Nested b') - baseline('Nested a')
    expect(step).toBeGreaterThan(0)
    expect(baseline('First point') + step).toBeCloseTo(baseline('Nested a'), 1)
    expect(baseline('Second point') - baseline('Nested b')).toBeCloseTo(step, 1)
  })

  it('starts a numbered paragraph’s text at the tab, its next lines at the margin, or under the text when hanging', async () => {
    const {tab, pageMargins} = templates.styles
    const [margin] = pageMargins
    const text = 'Canada continues to undertake a number of technical cooperation activities in favour of developing Members. '.repeat(3)
    const report = {...sampleReport, body: [{type: 'paragraph' as const, number: 1, content: [{text}]}]}
    const firstTwo = async (withTemplates: Templates) => {
      const lines = (await readPdf(await render(report, withTemplates))).lines[0]!
      const first = lineOf(lines, '1. Canada continues')
      return [first, lines[lines.indexOf(first) + 1]!] as const
    }
    const [first, next] = await firstTwo(templates)
    expect(first.parts[0]).toMatchObject({text: '1.', left: margin})
    expect(first.parts[1]!.left).toBeCloseTo(margin + tab, 1)
    expect(next.text).toMatch(/^\w/)
    expect(next.left).toBeCloseTo(margin, 1)
    const [, indented] = await firstTwo({...templates, styles: {...templates.styles, paragraphNumbers: 'hanging'}})
    expect(indented.left).toBeCloseTo(margin + tab, 1)
  })

  it('starts the annex on a new page with its subheading', () => {
    const annexPage = pdf.lines.findIndex((lines) => lines.some((line) => line.text === 'ANNEX'))
    expect(annexPage).toBeGreaterThan(0)
    const lines = pdf.lines[annexPage]!.map((line) => line.text)
    expect(lines.slice(2, 4)).toEqual(['ANNEX', 'Technical cooperation programmes and activities, 2020-2021'])
    expect(pdf.pages.slice(0, annexPage).join('\n')).not.toContain('List of programmes')
  })

  it('opens the annex with the list of programmes, and no summary of beneficiaries unless asked', () => {
    expect(annexLines(pdf)[0]).toBe(templates.labels.annex.summary)
    expect(pdf.pages.join('\n')).not.toContain(templates.labels.summary.heading)
  })

  it('opens the annex with the summary of the programmes when asked, before the list of programmes', async () => {
    const lines = annexLines(await readPdf(await render(sampleReport, withSummary)))
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
      Title: 'IP/C/R/TC/CAN/1 – TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS',
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

  it('prints in the family the styles choose: DejaVu Sans by default, Roboto on request', async () => {
    const family = async (withTemplates: Templates) => /\/BaseFont \/[A-Z]{6}\+(\w+)/.exec((await render(sampleReport, withTemplates)).toString('latin1'))?.[1]
    expect(await family(templates)).toBe('DejaVuSans')
    expect(await family({...templates, styles: {...templates.styles, font: 'Roboto'}})).toMatch(/^Roboto/)
  })

  it('renders without warnings from pdfmake', async () => {
    const warn = vi.spyOn(console, 'warn')
    const log = vi.spyOn(console, 'log')
    await render(sampleReport)
    expect(warn).not.toHaveBeenCalled()
    expect(log).not.toHaveBeenCalled()
  })

  it('prints placeholders and a draft mark for the symbol and job number a report does not have yet', async () => {
    const {symbol: _, job: __, ...rest} = sampleReport
    const pdf = await read(rest)
    const {draft} = templates.labels
    expect(pdf.lines[0]!.slice(0, 3).map((line) => line.text)).toEqual([`${draft.mark} ${draft.symbol}`, '16 September 2021', `(${draft.job}) Page: 1/${pdf.numPages}`])
    expect(pdf.lines[1]!.slice(0, 2).map((line) => line.text)).toEqual([`${draft.mark} ${draft.symbol}`, '- 2 -'])
  })

  it('prints a draft with a placeholder for the date, in the header and the circulation sentence', async () => {
    const {date: _, ...undated} = sampleReport
    const pdf = await read(undated)
    const page = pdf.pages[0]!
    const {draft} = templates.labels
    expect(page).not.toContain('16 September 2021')
    expect(pdf.lines[0]!.slice(0, 2).map((line) => line.text)).toEqual([`${draft.mark} IP/C/R/TC/CAN/1`, draft.date])
    expect(page.replace(/\s+/g, ' ')).toContain(
      `The following communication, dated ${draft.date}, is being circulated at the request of the delegation of Canada.`
    )
  })

  it('prints the council in the lines the template gives, and an organisation line when it has one, above the body', async () => {
    const council = ['Conseil des aspects des droits de propriété', 'intellectuelle qui touchent au commerce']
    const organisation = ['ORGANISATION MONDIALE DU COMMERCE']
    const pdf = await readPdf(await render(sampleReport, {...templates, labels: {...templates.labels, council, organisation}}))
    const first = pdf.lines[0]!
    const body = lineOf(first, 'TECHNICAL COOPERATION ACTIVITIES:')
    expect(first.filter((line) => line.baseline < body.top).map((line) => line.text)).toEqual([
      'ORGANISATION MONDIALE DU COMMERCE IP/C/R/TC/CAN/1',
      '16 September 2021',
      `(21-7777) Page: 1/${pdf.numPages}`,
      'Conseil des aspects des droits de propriété Original: English',
      'intellectuelle qui touchent au commerce'
    ])
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

  it('says so when no programme is reported, after a summary of zeros without tables when asked for one', async () => {
    const none = {...sampleReport, programmes: [], beneficiaries: []}
    expect(annexLines(await read(none)).slice(0, 1)).toEqual([templates.labels.annex.none])
    const pdf = await readPdf(await render(none, withSummary))
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
    const pdf = await readPdf(await render({...sampleReportWithLdcs, annexIntro}, withSummary))
    const expected = summaryLines(sampleReportWithLdcs)
    expect(expected).toEqual(
      expect.arrayContaining([
        'Programmes reported 5',
        'Programmes reaching LDCs 2',
        'Share of programmes reaching LDCs 40%',
        'Africa 1',
        'Groups and other beneficiaries 1',
        'Haiti Yes 1',
        'Ethiopia Yes 1',
        'LDC Members Yes 1',
        // Free text: whether it reaches LDCs is unknown.
        'Patent offices of the region – 1',
        'Costa Rica No 2'
      ])
    )
    const lines = annexLines(pdf)
    expect(lines.slice(0, expected.length)).toEqual(expected)
    expect(lines.slice(expected.length, expected.length + 2)).toEqual([
      'Written before the programmes.',
      templates.labels.annex.summary
    ])
  })

  it("takes the summary's words and regions from the templates", async () => {
    const {labels} = withSummary
    const french: Templates = {
      ...withSummary,
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
          no: 'Non',
          unknown: 's.o.'
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
        'Ethiopia Oui 1',
        'Patent offices of the region s.o. 1'
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
      expect(count(text, `Beneficiary ${no}`), `beneficiary ${no}`).toBe(2)
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

  it('numbers an ordered list with the delimiter its sources write after each number, `)` or `.`', async () => {
    const body = '# Cooperation\n\n3) first\n4) second\n\nText.\n\n7. seventh\n'
    const {report} = validated({'report.md': `---\nmember: Canada\nperiod: 2020-2021\ndate: 16/09/2021\n---\n\n${body}`})
    const lines = (await read(report!)).lines[0]!.map((line) => line.text)
    expect(lines).toEqual(expect.arrayContaining(['3) first', '4) second', '7. seventh']))
  })
})

describe('emitPdf prints what the sources wrote where they wrote it', () => {
  const french = (body: string, files: Record<string, string> = {}) =>
    validated({'report.md': `---\nmember: France\nperiod: 2025\ndate: 16/09/2025\nlanguage: fr\n---\n\n${body}`, ...files}).report!

  it('prints a second programmes heading and its sections in the body, not as programmes of the annex', async () => {
    const report = french(
      '# Activités de coopération technique\n\n## INPI\n\nFormations.\n\n## AFD\n\nProjets.\n\n' +
        '# Programmes\n\n| N° | Titre | Bénéficiaires |\n|---|---|---|\n| 1 | Appui aux incubateurs | Togo |\n'
    )
    const pdf = await read(report)
    const first = pdf.lines[0]!.map((line) => line.text)
    expect(first.slice(first.indexOf('_______________') + 1)).toEqual(['1 ACTIVITÉS DE COOPÉRATION TECHNIQUE', '1.1 INPI', '1. Formations.', '1.2 AFD', '2. Projets.'])
    expect(report.programmes.map((programme) => programme.title)).toEqual(['Appui aux incubateurs'])
  })

  it('prints a heading over a programme table in the annex, not as an empty programme', async () => {
    const report = french('# Aperçu\n\nTexte.\n', {'programmes/afd.md': "## Projets de l'AFD\n\n| Titre | Bénéficiaires |\n|---|---|\n| Appui aux incubateurs | Togo |\n"})
    expect(report.programmes.map((programme) => programme.title)).toEqual(['Appui aux incubateurs'])
    const annex = (await read(report)).lines.slice(1).flat().map((line) => line.text)
    expect(annex.indexOf("Projets de l'AFD")).toBeGreaterThan(-1)
    expect(annex.filter((line) => line.includes("Projets de l'AFD"))).toEqual(["Projets de l'AFD"])
  })
})

describe('emitPdf never runs text off the page nor loses it', () => {
  const rightMargin = () => templates.styles.pageMargins[2]
  const cells = (texts: string[]) => texts.map((text) => [{text}])
  const table = (header: string[], rows: string[][]): Block => ({type: 'table', header: cells(header), rows: rows.map(cells)})
  const paragraph = (number: number, text: string): Block => ({type: 'paragraph', number, content: [{text}]})
  const occurrences = (text: string, character: string) => text.split(character).length - 1
  /** All the text, without running heads (the symbol over "- N -"), run together: a word broken across lines reads whole again. */
  const runTogether = (pdf: PdfText) =>
    pdf.lines
      .flatMap((lines, index) => lines.slice(index === 0 ? 0 : 2))
      .map((line) => line.text)
      .join('')
      .replace(/\s+/g, '')
  /** The text drawn in the column whose header reads `header`, below it on its page, run together. */
  function column(pdf: PdfText, header: string, nextHeader: string): string {
    const page = pdf.lines.findIndex((lines) => lines.some((line) => line.parts.some((part) => part.text.trim() === header)))
    const lines = pdf.lines[page]!
    const headerLine = lines.findIndex((line) => line.parts.some((part) => part.text.trim() === header))
    const left = lines[headerLine]!.parts.find((part) => part.text.trim() === header)!.left
    const right = lines[headerLine]!.parts.find((part) => part.text.trim() === nextHeader)!.left
    return lines
      .slice(headerLine + 1)
      .flatMap((line) => line.parts.filter((part) => part.left >= left - 0.5 && part.left < right - 0.5))
      .map((part) => part.text)
      .join('')
      .replace(/\s+/g, '')
  }


  it('breaks a name held on one line at its spaces, never within a word, where its column is narrower than it', async () => {
    const name = 'Países en desarrollo Miembros'
    const month = (iso: string) => ({iso, precision: 'month' as const, written: iso})
    const listed = withProgrammes([programme(1, {title: 'Regional workshop on the management of intellectual property offices', start: month('2021-09'), end: month('2021-11'), beneficiaries: [name, 'Ghana']})])
    // A group's name, which the lists hold on one line where it fits (free text is printed as written).
    const report = {...listed, beneficiaries: listed.beneficiaries.map((beneficiary) => (beneficiary.name === name ? {...beneficiary, kind: 'group' as const} : beneficiary))}
    const a5 = {...templates, styles: {...templates.styles, pageSize: 'A5' as const, pageMargins: [40, 30, 40, 40] as [number, number, number, number]}}
    const pdf = await readPdf(await render(report, a5))
    const words = pdf.pages.join('\n').split(/\s+/)
    // Once in the annex's list, once in the programme's details, each word whole.
    const pieces = (whole: string) => words.filter((word) => word !== whole && (whole.startsWith(word) || whole.endsWith(word)) && word.length > 1)
    expect(words.filter((word) => word === 'desarrollo')).toHaveLength(2)
    expect([...pieces('desarrollo'), ...pieces('Miembros;'), ...pieces('Países')]).toEqual([])
  })
  it('fits a six-column table with a long address in one cell, every column in its place', async () => {
    const address = 'https://www.ic.gc.ca/eic/site/cipointernet-internetopic.nsf/eng/wr04651.html?Open&wt_src=cipo-ip-main&utm_campaign=technical-cooperation-activities'
    const header = ['Agency', 'Activity', 'Year', 'Address', 'Notes', 'Status']
    const row = ['CIPO', 'Patent examination training', '2021', address, 'Delivered online with WIPO Academy', 'Done']
    const pdf = await read({...sampleReport, body: [paragraph(1, 'Activities:'), table(header, [row])]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    header.slice(0, -1).forEach((name, index) => expect(column(pdf, name, header[index + 1]!), name).toBe(row[index]!.replace(/\s+/g, '')))
    expect(pdf.pages[0]).toContain('Status')
    expect(pdf.lines[0]!.find((line) => line.text.startsWith('CIPO'))!.text).toMatch(/ Done$/)
  })

  it('fits twelve columns of short cells on the portrait page, each word whole', async () => {
    const header = ['Member', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'November']
    const row = ['Viet Nam', '7', '6', '9', '12', '11', '8', '10', '9', '7', '6', '12']
    const pdf = await read({...sampleReport, body: [table(header, [row])]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    expect(pdf.sizes[0]!.width).toBeLessThan(pdf.sizes[0]!.height)
    const lines = pdf.lines[0]!.map((line) => line.text)
    expect(lines).toContain(header.join(' '))
    expect(lines).toContain(row.join(' '))
  })

  it('sets a table too wide for a portrait page on a landscape page, smaller, then turns back', async () => {
    const header = ['Member', ...Array.from({length: 25}, (_, index) => `W${String(index + 1).padStart(2, '0')}`)]
    const row = ['Chile', ...Array.from({length: 25}, (_, index) => String((index * 7) % 13))]
    const pdf = await read({...sampleReport, body: [paragraph(1, 'Before.'), table(header, [row]), paragraph(2, 'After the table.')]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    const page = pdf.lines.findIndex((lines) => lines.some((line) => line.text === header.join(' ')))
    expect(pdf.sizes[page]!.width).toBeGreaterThan(pdf.sizes[page]!.height)
    expect(pdf.lines[page]!.map((line) => line.text)).toContain(row.join(' '))
    const after = pdf.lines.findIndex((lines) => lines.some((line) => line.text.includes('After the table.')))
    expect(after).toBe(page + 1)
    expect(pdf.sizes[after]!.width).toBeLessThan(pdf.sizes[after]!.height)
  })

  it('turns the page for a landscape table with the headings above it', async () => {
    const header = ['Member', ...Array.from({length: 25}, (_, index) => `W${String(index + 1).padStart(2, '0')}`)]
    const row = ['Chile', ...Array.from({length: 25}, (_, index) => String(index % 10))]
    const heading: Block = {type: 'heading', depth: 1, number: '2', content: [{text: 'Fortnights'}]}
    const pdf = await read({...sampleReport, body: [paragraph(1, 'Before.'), heading, table(header, [row])]})
    const page = pdf.lines.findIndex((lines) => lines.some((line) => line.text === header.join(' ')))
    expect(pdf.sizes[page]!.width).toBeGreaterThan(pdf.sizes[page]!.height)
    expect(pdf.pages[page]).toContain('FORTNIGHTS')
    expect(pdf.pages[page - 1]).not.toContain('FORTNIGHTS')
  })

  it('keeps a table in a list on the portrait page, within the list', async () => {
    const header = ['Region', 'Q1', 'Q2', 'Q3', 'Q4', 'Total', 'Share', 'Staff', 'Days', 'Notes', 'Partners', 'Status']
    const row = ['Latin America', '3', '4', '2', '5', '14', '40%', '6', '21', 'Online', 'WIPO', 'Done']
    const list: Block = {type: 'list', ordered: false, items: [[paragraph(1, 'An item with a table:'), table(header, [row])], [paragraph(2, 'Next item.')]]}
    const pdf = await read({...sampleReport, body: [list, paragraph(3, 'After the list, a paragraph long enough to fill its line up to the right margin of the page.')]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    expect(pdf.sizes.every((size) => size.width < size.height)).toBe(true)
    const headerLine = pdf.lines[0]!.find((line) => line.text.startsWith('Region Q1'))!
    expect(headerLine.left).toBeGreaterThan(lineOf(pdf.lines[0]!, 'An item with a table:').left - 1)
    expect(pdf.pages[0]).toContain(row.slice(1).join(' '))
  })

  it('breaks an address, a budget, a quoted beneficiary and a word in a table cell, keeping every character', async () => {
    // Distinct letters, so that counting them counts every character of each value wherever the PDF prints it.
    const website = 'https://example.org/' + 'ф'.repeat(5000)
    const budget = 'CAD ' + 'Ж'.repeat(3000)
    const beneficiary = 'Щ'.repeat(1500)
    const cell = 'Ю'.repeat(3000)
    const word = 'Я'.repeat(2000)
    const long = programme(1, {website, budget, beneficiaries: [beneficiary, 'Panama']})
    const body = [paragraph(1, `A paragraph with ${word} in it.`), table(['Item', 'Note'], [['long', cell]])]
    const pdf = await read({...withProgrammes([long]), body})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    const text = pdf.pages.join('')
    expect(occurrences(text, 'ф')).toBe(5000)
    expect(occurrences(text, 'Ж')).toBe(3000)
    // In the list of programmes and the programme's details.
    expect(occurrences(text, 'Щ')).toBe(2 * 1500)
    expect(occurrences(text, 'Ю')).toBe(3000)
    expect(occurrences(text, 'Я')).toBe(2000)
    // Broken only across lines: read on, each reads whole and in order. The zero-width spaces that let pdfmake break
    // words over 400 characters quickly are not in the PDF at all.
    expect(text).not.toContain('\u200B')
    const flow = runTogether(pdf)
    for (const value of [website, budget.replace(' ', ''), word]) expect(flow).toContain(value)
  })

  it('prints a table whose header row, or first row, is taller than a page whole', async () => {
    // pdfmake lays out a repeated header row, and the rows kept with it, as one block that must fit on a page, and
    // drops what of it does not. Distinct letters, so that counting them counts every character of each row.
    const words = (letter: string, count: number) => Array.from({length: count}, () => letter.repeat(6)).join(' ')
    const tall = table([words('Ѳ', 2500), 'B'], [['first', 'x'], ['second', 'y']])
    // Nineteen narrow columns in a list item: a first row of 57 words a cell is 114 lines tall.
    const narrow = table(
      Array.from({length: 19}, (_, index) => `H${index}`),
      [Array.from({length: 19}, () => words('ѣ', 57)), Array.from({length: 19}, () => 'Ѵ')]
    )
    const list: Block = {type: 'list', ordered: false, items: [[paragraph(1, 'An item with a table:'), narrow]]}
    const pdf = await read({...sampleReport, body: [tall, paragraph(2, 'Between.'), list, paragraph(3, 'After.')]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    const text = pdf.pages.join('')
    expect(occurrences(text, 'Ѳ')).toBe(6 * 2500)
    expect(text).toContain('first')
    expect(occurrences(text, 'ѣ')).toBe(6 * 57 * 19)
    expect(occurrences(text, 'Ѵ')).toBe(19)
  })

  it('keeps centred and justified words longer than a line within the margins', async () => {
    // pdfmake measures each piece of a broken word as if it still ended with the space after the word.
    const member = `${'M'.repeat(150)} Islands`
    const pdf = await read({...sampleReport, member, body: [paragraph(1, `Justified ${'J'.repeat(200)} text that goes on.`)]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    const text = pdf.pages.join('')
    for (const [letter, times] of [['M', 150], ['J', 200]] as const) expect(occurrences(text, letter)).toBeGreaterThanOrEqual(times)
  })

  it('cuts a symbol too long for the header block and the running heads into lines that fit, every character kept', async () => {
    // No space in it: as one line it would run past the right margin.
    const symbol = 'IP/C/R/TC/CAN/2/Add.1/Corr.1/Rev.2/Suppl.3/Annex.4/Part.5/Section.6/Paragraph.7/Item.8/Note.9'
    const pdf = await read({...sampleReport, symbol, body: [paragraph(1, 'A page.'), {type: 'paragraph', content: [{text: 'Text.\n'.repeat(120)}]}]})
    expect(pastMargin(pdf, rightMargin())).toEqual([])
    expect(pdf.numPages).toBeGreaterThan(1)
    // Page 1's header block, and the running head of page 2, above the body.
    const above = (page: number, words: string) => pdf.lines[page]!.slice(0, pdf.lines[page]!.findIndex((line) => line.text.includes(words)))
    const joined = (lines: PdfLine[]) => lines.map((line) => line.text.replace(/\s+/g, '')).join('')
    expect(joined(above(0, 'TECHNICAL'))).toContain(symbol)
    expect(joined(above(1, 'Text.'))).toContain(symbol)
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

  it('repeats the header rows of the summary tables, keeps the first row with them and lets rows break', () => {
    const content = pdfDefinition(sampleReportWithLdcs, withSummary).content as unknown[]
    const {columns} = templates.labels
    const tables = content
      .flat(Infinity)
      .filter((node): node is ContentTable => typeof node === 'object' && node !== null && 'table' in node)
    const headed = (column: string) => tables.find((node) => (node.table.body[0]?.[0] as ContentText).text === column)
    for (const column of [columns.region, columns.beneficiary, columns.no]) {
      expect(headed(column)?.table, column).toMatchObject({headerRows: 1, keepWithHeaderRows: 1})
      expect(headed(column)?.table, column).not.toHaveProperty('dontBreakRows')
    }
  })

  it('keeps a body table’s header with an ordinary first row, and repeats it', () => {
    // A first row of 400 characters a cell in three columns: about a dozen lines, which surely fit on a page.
    const cell = 'Training of examiners on the search and examination of patent applications, with exercises. '.repeat(4).slice(0, 400)
    const body: Block[] = [{type: 'table', header: [[{text: 'Agency'}], [{text: 'Activity'}], [{text: 'Notes'}]], rows: [[[{text: cell}], [{text: cell}], [{text: cell}]], [[{text: 'B'}], [{text: 'C'}], [{text: 'D'}]]]}]
    const tables = (pdfDefinition({...sampleReport, body}, templates).content as unknown[])
      .flat(Infinity)
      .filter((node): node is ContentTable => typeof node === 'object' && node !== null && 'table' in node)
    const [kept] = tables.filter((node) => JSON.stringify(node.table.body[0]).includes('Agency'))
    expect(kept?.table).toMatchObject({headerRows: 1, keepWithHeaderRows: 1})
  })

  it('leaves the creation date to emitPdf', () => {
    expect(definition().info).not.toHaveProperty('creationDate')
  })
})
