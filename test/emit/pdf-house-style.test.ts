// The WTO house style, point by point, on two whole builds read back with pdf.js: the example (`sources/`, a draft:
// Canada, no date or job number yet) and a generated second report (the United States of America, 60 programmes,
// dated and numbered). Geometry is checked from text positions, never pixels.
import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {emitPdf} from '../../pipeline/emit/pdf/index.js'
import {build, type Report} from '../../pipeline/index.js'
import {loadTemplates, templatesFor, type Templates} from '../../pipeline/templates.js'
import {readPdf, type PdfLine, type PdfText} from '../helpers/pdf-text.js'
import {hyphenated, writeSecondReport} from '../helpers/second-report.js'
import {validated} from '../helpers/stages.js'

const templates = templatesFor(await loadTemplates(), 'en')
const {labels, styles} = templates
const [marginLeft, , marginRight] = styles.pageMargins

interface Built {
  name: string
  report: Report
  pdf: PdfText
  bytes: Buffer
  sources: string
}

async function built(name: string, dir: string): Promise<Built> {
  const out = await mkdtemp(path.join(tmpdir(), 'art67-style-'))
  const result = await build(dir, {out})
  expect(result.counts.errors).toBe(0)
  const file = (extension: string) => result.outputs.find((output) => output.endsWith(extension))!
  const bytes = await readFile(file('.pdf'))
  const names = await readdir(dir, {recursive: true})
  const sources = (await Promise.all(names.filter((one) => one.endsWith('.md')).map((one) => readFile(path.join(dir, one), 'utf8')))).join('\n')
  return {name, report: JSON.parse(await readFile(file('.json'), 'utf8')) as Report, pdf: await readPdf(bytes), bytes, sources}
}

const reports: Built[] = []
beforeAll(async () => {
  reports.push(await built('the example', 'sources'))
  reports.push(await built('the second report', await writeSecondReport(await mkdtemp(path.join(tmpdir(), 'art67-usa-')))))
}, 120_000)

/** The first line of `lines` that contains `text`; fails the test when there is none. */
function lineOf(lines: readonly PdfLine[], text: string): PdfLine {
  const line = lines.find((candidate) => candidate.text.includes(text))
  expect(line, `a line with “${text}”`).toBeDefined()
  return line!
}

const width = (pdf: PdfText) => pdf.sizes[0]!.width
const centre = (line: PdfLine) => (line.left + line.right) / 2
/** Body lines of a page: below the running head (two lines) from page 2 on. */
const bodyLines = (pdf: PdfText, index: number) => pdf.lines[index]!.slice(index === 0 ? 0 : 2)
/** Every line of the body text, in reading order, without the running heads. */
const allBodyLines = (pdf: PdfText) => pdf.lines.flatMap((_, index) => bodyLines(pdf, index))

describe.each([0, 1])('the house style of report %i', (which) => {
  const the = () => reports[which]!

  it('lays out page 1’s header as a three-row grid', () => {
    const {pdf, report} = the()
    const first = pdf.lines[0]!
    const job = report.job ? `(${report.job})` : `(${labels.draft.job})`
    // Row 2: the job number at the left margin, on the baseline of "Page: 1/N" at the right margin.
    const row2 = lineOf(first, `Page: 1/${pdf.numPages}`)
    expect(row2.text).toBe(`${job} Page: 1/${pdf.numPages}`)
    expect(row2.left).toBeCloseTo(marginLeft, 0)
    expect(row2.right).toBeCloseTo(width(pdf) - marginRight, 0)
    // Row 3: the Council's first line on the baseline of "Original: English"; "Rights" never alone.
    const row3 = lineOf(first, 'Original: English')
    expect(row3.text).toBe(`${labels.council[0]} Original: English`)
    const next = first[first.indexOf(row3) + 1]!
    expect(next.text).toBe('Intellectual Property Rights')
    expect(next.left).toBeCloseTo(marginLeft, 0)
    // Row 1: the symbol over the date, right-aligned, above row 2.
    const symbol = lineOf(first, report.symbol ?? labels.draft.symbol)
    const date = first[first.indexOf(symbol) + 1]!
    expect(date.text).toBe(report.date ? '16 September 2022' : labels.draft.date)
    expect(symbol.right).toBeCloseTo(width(pdf) - marginRight, 0)
    expect(date.right).toBeCloseTo(width(pdf) - marginRight, 0)
    expect(symbol.baseline).toBeLessThan(date.baseline)
    expect(date.baseline).toBeLessThan(row2.baseline)
    expect(next.baseline).toBeLessThan(lineOf(first, 'TECHNICAL COOPERATION ACTIVITIES:').top)
  })

  it('prints the running head from page 2: the symbol right-aligned over "- N -" centred, and no band under it', () => {
    const {pdf, report} = the()
    const symbol = report.symbol ?? labels.draft.symbol
    const gaps: number[] = []
    for (let index = 1; index < pdf.numPages; index++) {
      const [first, number, body] = pdf.lines[index]!
      expect(first!.text.endsWith(symbol), `page ${index + 1}`).toBe(true)
      expect(first!.right).toBeCloseTo(width(pdf) - marginRight, 0)
      expect(number!.text).toBe(`- ${index + 1} -`)
      expect(Math.abs(centre(number!) - width(pdf) / 2)).toBeLessThanOrEqual(2)
      gaps.push(body!.top - number!.baseline)
    }
    // The body starts right under the running head: the header's gap, give or take a line's leading.
    expect(Math.max(...gaps)).toBeLessThan(styles.header.gap + 12)
  })

  it('prints the rule as a centred paragraph of 15 underscores under the circulation sentence', () => {
    const {pdf} = the()
    const rule = lineOf(pdf.lines[0]!, '_')
    expect(rule.text).toBe('_'.repeat(15))
    expect(Math.abs(centre(rule) - width(pdf) / 2)).toBeLessThanOrEqual(2)
  })

  it('numbers paragraphs inline: number, full stop, tab, and continuation lines at the left margin', () => {
    const {pdf} = the()
    let checked = 0
    pdf.lines.forEach((_, index) => {
      const lines = bodyLines(pdf, index)
      lines.forEach((line, at) => {
        if (!/^\d+\. \S/.test(line.text) || Math.abs(line.left - marginLeft) > 0.5) return
        const next = lines[at + 1]
        // The next line of the same paragraph: close below, and not a new number, bullet or heading.
        if (!next || next.baseline - line.baseline > 13 || /^(\d+(\.\d+)*\.? |•)/.test(next.text)) return
        expect(next.left, `after “${line.text}”`).toBeCloseTo(marginLeft, 0)
        checked++
      })
    })
    expect(checked).toBeGreaterThan(3)
  })

  it('ends no page with a heading, and no table header row without a row under it', () => {
    const {pdf, report} = the()
    const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim().toUpperCase()
    const headings = new Set(
      [
        labels.annex.summary,
        labels.annex.details,
        labels.annex.description,
        ...report.programmes.map((programme) => `${programme.no}. ${programme.title}`),
        ...report.body.flatMap((block) => (block.type === 'heading' ? [`${block.number} ${block.content.map((run) => run.text).join('')}`] : []))
      ].map(squeeze)
    )
    for (let index = 0; index < pdf.numPages - 1; index++) {
      const lines = bodyLines(pdf, index)
      // A heading printed last on the page: its lines end the page.
      for (let count = 1; count <= 3; count++) {
        const last = squeeze(lines.slice(-count).map((line) => line.text).join(' '))
        expect(headings.has(last), `page ${index + 1} ends with the heading “${last}”`).toBe(false)
      }
      const header = lines.findIndex((line) => line.text.startsWith(`${labels.columns.no} ${labels.columns.title}`))
      // A row under the header (the header's own second line, "observers", does not count).
      if (header !== -1) expect(lines.slice(header + 1).some((line) => !'observers'.startsWith(line.text)), `page ${index + 1}`).toBe(true)
    }
  })

  it('prints every hyphenated word of the sources whole, with no gap after its hyphen', () => {
    const {pdf, sources} = the()
    const words = new Set(sources.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu))
    expect(words.size).toBeGreaterThan(5)
    const text = allBodyLines(pdf).map((line) => line.text)
    const flat = text.join(' ')
    for (const word of words) {
      const gapped = word.split('-').join('- ')
      expect(text.filter((line) => line.includes(gapped)), word).toEqual([])
      if (!/^\d+-\d+$/.test(word) || flat.includes(word)) expect(flat.replace(/- /g, '-')).toContain(word)
    }
    for (const word of ['Asia-Pacific', 'first-hand']) expect(flat).toContain(word)
  })

  it('prints no tool internals: no generated ID, kind or file name, and no summary unless asked', () => {
    const {pdf, report} = the()
    const text = pdf.pages.join('\n')
    for (const {id} of report.programmes) expect(text).not.toContain(id)
    for (const internal of [labels.kinds.free, 'programmes/agency', '.md', labels.summary.heading, labels.summary.ldcShare, `${labels.columns.id} `]) {
      expect(text).not.toContain(internal)
    }
  })

  it('lists the programmes in the e-TRIPS columns, End date only when one is given', () => {
    const {pdf, report} = the()
    const {columns} = labels
    const ends = report.programmes.some((programme) => programme.end)
    const header = allBodyLines(pdf).find((line) => line.text.startsWith(`${columns.no} ${columns.title}`))!
    expect(header.text.startsWith([columns.no, columns.title, columns.start, ...(ends ? [columns.end] : []), 'Beneficiary Members or'].join(' '))).toBe(true)
    expect(header.text.includes(columns.end)).toBe(ends)
    expect(ends).toBe(which === 1)
  })

  it('keeps each Member name on one line in the list of programmes', () => {
    const {pdf, report} = the()
    const names = report.beneficiaries.filter((beneficiary) => beneficiary.kind !== 'free' && beneficiary.name.includes(' ')).map((b) => b.name.split(' '))
    expect(names.length).toBeGreaterThan(2)
    let checked = 0
    pdf.lines.forEach((_, index) => {
      const lines = bodyLines(pdf, index)
      const header = lines.find((line) => line.text.startsWith(`${labels.columns.no} ${labels.columns.title}`))
      const column = header?.parts.find((part) => part.text.startsWith('Beneficiary'))?.left
      if (column === undefined) return
      // The beneficiaries column, line by line; pdf.js reads U+00A0 back as a space.
      const cells = lines
        .slice(lines.indexOf(header!) + 1)
        .map((line) => line.parts.filter((part) => part.left >= column - 1).map((part) => part.text).join('').replace(/\u00a0/g, ' ').trim())
      cells.slice(0, -1).forEach((here, at) => {
        const next = cells[at + 1]!
        for (const words of names) {
          for (let cut = 1; cut < words.length; cut++) {
            const split = here.endsWith(words.slice(0, cut).join(' ')) && next.startsWith(words.slice(cut).join(' '))
            expect(split, `${words.join(' ')} split after “${here}”`).toBe(false)
          }
        }
        checked++
      })
    })
    expect(checked).toBeGreaterThan(which === 1 ? 60 : 5)
  })

  it('prints in DejaVu Sans, the body at 9 pt and nothing below 7 pt', () => {
    const {pdf, bytes} = the()
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/)
    expect(raw).not.toContain('Roboto')
    const heights = pdf.lines.flat().map((line) => Math.round(line.baseline - line.top))
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(7)
    expect(Math.round(lineOf(pdf.lines[0]!, '1. ').baseline - lineOf(pdf.lines[0]!, '1. ').top)).toBe(9)
  })
})

describe('a draft and a circulated document', () => {
  it('marks the example, which has no date or job number yet, as a draft with placeholders', () => {
    const {pdf} = reports[0]!
    const first = pdf.lines[0]!.map((line) => line.text)
    expect(first[0]).toBe(`${labels.draft.mark} IP/C/R/TC/CAN/2`)
    expect(first).toContain(labels.draft.date)
    expect(pdf.pages[0]!.replace(/\s+/g, ' ')).toContain(
      `The following communication, dated ${labels.draft.date}, is being circulated at the request of the delegation of Canada.`
    )
    for (let index = 1; index < pdf.numPages; index++) expect(pdf.lines[index]![0]!.text.startsWith(labels.draft.mark)).toBe(true)
  })

  it('prints no mark or placeholder once date, symbol and job number are given', () => {
    const {pdf} = reports[1]!
    const text = pdf.pages.join('\n')
    for (const draft of Object.values(labels.draft)) expect(text).not.toContain(draft)
    expect(pdf.pages[0]!.replace(/\s+/g, ' ')).toContain(
      'The following communication, dated 16 September 2022, is being circulated at the request of the delegation of the United States of America.'
    )
  })

  it('titles the PDF with the symbol and the title, created on the communication’s date, or before it in a draft', () => {
    const [draft, dated] = reports.map(({pdf}) => pdf.info)
    expect(dated).toMatchObject({Title: 'IP/C/R/TC/USA/2 – TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS', Author: 'United States of America'})
    expect(dated!.CreationDate).toMatch(/^D:20220916000000Z/)
    expect(draft).toMatchObject({Title: 'IP/C/R/TC/CAN/2 – TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS'})
    // No date yet: the start of the period, which the communication cannot precede.
    expect(draft!.CreationDate).toMatch(/^D:20200101000000Z/)
  })
})

describe('the circulation sentence', () => {
  const sentence = async (frontMatter: string, withTemplates: Templates = templates) => {
    const {report, problems} = validated({'report.md': `---\nperiod: 2021\ndate: 16/09/2021\n${frontMatter}\n---\n\nText.\n`})
    expect(problems).toEqual([])
    const pdf = await readPdf(await emitPdf(report!, withTemplates, {instant: new Date(0)}))
    return /The following communication.*?\./.exec(pdf.pages[0]!.replace(/\s+/g, ' '))?.[0]
  }

  it('names the European Union without a delegation, and others with their article', async () => {
    expect(await sentence('member: European Union')).toBe('The following communication, dated 16 September 2021, is being circulated at the request of the European Union.')
    expect(await sentence('member: United States of America')).toMatch(/at the request of the delegation of the United States of America\.$/)
    expect(await sentence('member: Korea, Republic of')).toMatch(/at the request of the delegation of the Republic of Korea\.$/)
    expect(await sentence('member: Canada')).toMatch(/at the request of the delegation of Canada\.$/)
    expect(await sentence('member: Canada\nrequester: the Permanent Mission of Canada')).toMatch(/at the request of the Permanent Mission of Canada\.$/)
  })
})
