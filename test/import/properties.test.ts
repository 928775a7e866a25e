// Properties of `art67 import`: any text is imported without a crash, and a row with its start date splits back into
// the cells it was made of, whatever the title holds.
import fc from 'fast-check'
import {VFile} from 'vfile'
import {beforeAll, describe, expect, it} from 'vitest'
import {importLabels, importPage} from '../../pipeline/import/index.js'
import {readPage} from '../../pipeline/import/page.js'
import {splitRow} from '../../pipeline/import/rows.js'

const runs = Number(process.env.FUZZ_RUNS ?? 200)
const piece = fc.constantFrom('1', '2.', '  3. Text;;', 'List of programmes/projects', '# Title of programme or activity Start date', 'Kenya', 'Viet Nam;', '24/04/2021', '31/02/2021', ';', '\t', '|', '*', '<b>', '<html>', '😀', '\u200B', 'for', 'Rwanda.', '')
const pageText = fc.array(fc.oneof(fc.string({maxLength: 20}), fc.array(piece, {maxLength: 8}).map((words) => words.join(' '))), {maxLength: 12}).map((lines) => lines.join('\n'))

const titleWord = fc.constantFrom('Workshop', 'on', 'patents', 'for', 'Kenya', 'Rwanda.', 'December', '2016-', '(EDM)', '–', 'Ministry,', 'of', 'Viet Nam', '12/05/2021')
const member = fc.constantFrom('Kenya', 'Uganda', 'Viet Nam', 'Bolivia, Plurinational State of', "Lao People's Democratic Republic", 'Saint Vincent and the Grenadines')
const day = fc.integer({min: 1, max: 28}).map((n) => String(n).padStart(2, '0'))
const month = fc.integer({min: 1, max: 12}).map((n) => String(n).padStart(2, '0'))
const startDate = fc.tuple(day, month, fc.integer({min: 1990, max: 2030})).map(([d, m, y]) => `${d}/${m}/${y}`)

let labels: Awaited<ReturnType<typeof importLabels>>
beforeAll(async () => {
  labels = await importLabels()
})

describe('import properties', () => {
  it('imports any text without throwing, and writes Markdown or says why not', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const file = new VFile({path: 'page.txt', value: text})
        const imported = importPage(file, {member: 'Canada', period: '2020-2021'}, labels)
        expect(imported.markdown !== undefined || file.messages.some((message) => message.ruleId === 'import-not-etrips' || message.ruleId === 'import-html')).toBe(true)
      }),
      {numRuns: runs}
    )
  })

  it('reads every line of the list as a row, the end of one or text before the rows, whatever the numbers', () => {
    const number = fc.oneof(fc.integer({min: 1, max: 6}), fc.integer({min: 0, max: 2030}))
    const listLine = fc.tuple(fc.option(number), fc.constantFrom('Workshop', 'on patents 01/01/2021 Kenya', 'December', '\tSeminar\t\tKenya')).map(([n, text]) => (n === null ? text : `${n} ${text}`))
    fc.assert(
      fc.property(fc.array(listLine, {maxLength: 12}), (list) => {
        const page = readPage(['1. Text.', 'List of programmes/projects', ...list].join('\n'))
        const read = [...page.listIntro.map((piece) => piece.line), ...page.rows.flatMap((row) => [row.at.line, ...row.continued.map((line) => line.line)])]
        expect(read.sort((a, b) => a - b)).toEqual(list.map((_, index) => index + 3))
        for (const row of page.rows) expect(row.previous).toBe(page.rows[page.rows.indexOf(row) - 1]?.number)
      }),
      {numRuns: runs}
    )
  })

  it('splits a row with a start date into its title, date and beneficiaries', () => {
    fc.assert(
      fc.property(fc.array(titleWord, {minLength: 1, maxLength: 8}), startDate, fc.uniqueArray(member, {maxLength: 4}), (words, start, names) => {
        const title = words.join(' ')
        const cells = splitRow([title, start, names.join('; ')].filter(Boolean).join(' '), () => {})
        expect(cells).toEqual({title, start, beneficiaries: names.map((name) => ({name, free: false}))})
      }),
      {numRuns: runs}
    )
  })
})
