// Nothing lost, as a property: for generated valid sources, every title, field value and description word reaches
// the JSON model, and every title and field value reaches the PDF text (read back with pdf.js in drawing order).
import fc from 'fast-check'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {describe, expect, it} from 'vitest'
import {emitJson} from '../pipeline/emit/json/index.js'
import {emitPdf} from '../pipeline/emit/pdf/index.js'
import {analyse} from '../pipeline/index.js'
import {loadTemplates, templatesFor} from '../pipeline/templates.js'
import {sourceFiles} from './helpers/stages.js'

const runs = Number(process.env.FUZZ_RUNS ?? 60)

/** Every text item of the PDF in the order it is drawn, joined without white space. */
async function pdfCharacters(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0}).promise
  try {
    const parts: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      for (const item of (await (await document.getPage(number)).getTextContent()).items) if ('str' in item) parts.push(item.str)
    }
    return parts.join('').replace(/\s+/g, '')
  } finally {
    await document.destroy()
  }
}

const letters = 'abcdefghijklmnopqrstuvwxyzéèàçñüöäßøåœ'
const wordOf = (alphabet: string) =>
  fc.array(fc.constantFrom(...alphabet), {minLength: 1, maxLength: 12}).map((characters) => characters.join(''))
const word = fc.oneof(wordOf(letters), wordOf(letters.toUpperCase()), fc.integer({min: 0, max: 99999}).map(String), fc.constantFrom('IP-related', 'e-learning', "Members'", '(WIPO)', 'CIPO–WIPO', '50%', 'USD 10,000'))
const words = (min: number, max: number) => fc.array(word, {minLength: min, maxLength: max}).map((list) => list.join(' '))
const day = fc.record({y: fc.integer({min: 2020, max: 2021}), m: fc.integer({min: 1, max: 12}), d: fc.integer({min: 1, max: 28})})
const date = day.map(({y, m, d}) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`)
const beneficiaries = fc.subarray(['Chile', 'Viet Nam', 'Bolivia, Plurinational State of', 'Kenya', 'Panama', 'African Regional Intellectual Property Organization'], {minLength: 1})

const programme = fc.record({
  title: words(1, 10),
  start: date,
  beneficiaries,
  agency: words(1, 6),
  budget: words(1, 4),
  website: fc.constantFrom('https://www.wipo.int', 'https://example.org/programme/2021?lang=en'),
  description: fc.array(words(1, 30), {minLength: 0, maxLength: 3}),
  items: fc.array(words(1, 8), {maxLength: 3})
})

const report = fc.record({
  narrative: fc.array(words(1, 40), {minLength: 1, maxLength: 4}),
  programmes: fc.uniqueArray(programme, {minLength: 1, maxLength: 6, selector: (p) => p.title.toLowerCase()})
})

type Generated = typeof report extends fc.Arbitrary<infer T> ? T : never

function markdown({narrative, programmes}: Generated): string {
  const sections = programmes.map((p, index) =>
    [
      `## ${p.title}`,
      '',
      `- ID: p${index + 1}`,
      `- Start date: ${p.start}`,
      `- Beneficiaries: ${p.beneficiaries.join('; ')}`,
      `- Implementing agency: ${p.agency}`,
      `- Budget: ${p.budget}`,
      `- Website: ${p.website}`,
      '',
      ...p.description.flatMap((paragraph) => [paragraph, '']),
      // A list right after the field list would continue it: description lists follow a paragraph.
      ...(p.items.length > 0 && p.description.length > 0 ? [...p.items.map((item) => `- ${item}`), ''] : [])
    ].join('\n')
  )
  return ['---', 'member: Canada', 'period: 2020-2021', 'date: 16/09/2021', '---', '', '# Outline', '', ...narrative.flatMap((p) => [p, '']), '# Programmes', '', ...sections].join('\n')
}

const squeeze = (text: string) => text.replace(/\s+/g, '')
const templates = templatesFor(await loadTemplates(), 'en')

describe('nothing lost', () => {
  it('keeps every title, field value and description word in the JSON', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (generated) => {
        const files = sourceFiles({'report.md': markdown(generated)})
        const result = await analyse({dir: 'mem', files, rejected: []})
        expect(result.counts).toEqual({errors: 0, warnings: 0})
        const json = emitJson(result.report!)
        const model = JSON.parse(json) as {programmes: Array<Record<string, unknown>>}
        generated.programmes.forEach((source, index) => {
          const kept = model.programmes[index]!
          expect(kept).toMatchObject({title: source.title, agency: source.agency, budget: source.budget, website: source.website, beneficiaries: source.beneficiaries})
          expect(kept.start).toMatchObject({written: source.start})
        })
        const everything = [...generated.narrative, ...generated.programmes.flatMap((p) => [...p.description, ...(p.description.length > 0 ? p.items : [])])]
        for (const text of everything) for (const single of text.split(' ')) expect(json).toContain(JSON.stringify(single).slice(1, -1))
      }),
      {numRuns: runs}
    )
  })

  it('prints every title and field value in the PDF', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (generated) => {
        const files = sourceFiles({'report.md': markdown(generated)})
        const {report: model} = await analyse({dir: 'mem', files, rejected: []})
        const printed = await pdfCharacters(await emitPdf(model!, templates, {instant: new Date(0)}))
        for (const p of generated.programmes) {
          for (const value of [p.title, p.agency, p.budget, p.website, p.start, ...p.beneficiaries]) expect(printed).toContain(squeeze(value))
        }
      }),
      {numRuns: Math.max(3, Math.ceil(runs / 6))}
    )
  })
})
