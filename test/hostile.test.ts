// Hostile and broken input: never a stack trace, a hang, a read outside the sources, a network access,
// or a partial output. The committed cases are in test/fixtures/inputs/*; these are made on the fly.
import {mkdir, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build, check} from '../pipeline/index.js'
import {maxFileBytes} from '../pipeline/read/index.js'
import {diagnostics} from '../pipeline/format/index.js'
import {pastMargin, readPdf} from './helpers/pdf-text.js'
import {blocksText} from '../pipeline/text.js'
import type {Report} from '../pipeline/model.js'
import {loadTemplates} from '../pipeline/templates.js'
import {art67} from './helpers/run-cli.js'
import {frontMatter, writeSources} from './helpers/sources.js'
import {readXlsx} from './helpers/xlsx-read.js'
import {fixture, fixtures} from './helpers/fixtures.js'

const cases = fixtures.map(({id}) => id)
const temp = (name: string) => mkdtemp(path.join(tmpdir(), `art67-${name}-`))
const located = async (dir: string) =>
  diagnostics((await check(dir)).files).map((p) => `${path.relative(dir, p.file) || '.'}:${p.line}:${p.column} ${p.ruleId}`)

describe('inputs made on the fly', () => {
  it('an empty folder', async () => {
    const dir = await temp('empty')
    expect(await located(dir)).toEqual(['.:null:null sources-empty'])
    expect(art67(['check', dir]).code).toBe(1)
  })

  it('a 5 MB file is read whole', async () => {
    const paragraph = 'Technical cooperation in intellectual property for developing country Members. '.repeat(20) + '\n\n'
    const dir = await writeSources({'report.md': frontMatter + '\n# Outline\n\n' + paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))})
    const result = await check(dir)
    expect(result.counts).toEqual({errors: 0, warnings: 0})
    expect(result.report!.body.length).toBeGreaterThan(3000)
  })

  it('a file over the size limit is refused with a message', async () => {
    const dir = await writeSources({'report.md': frontMatter, 'huge.md': Buffer.alloc(maxFileBytes + 1, 'a')})
    expect(await located(dir)).toEqual(['huge.md:null:null file-too-large'])
  })

  it('10,000 programmes are all checked', async () => {
    const programmes = Array.from({length: 10_000}, (_, i) => `## Programme ${i + 1}\n\n- Start date: 2021-01-01\n- Beneficiaries: Chile; Viet Nam\n`)
    const dir = await writeSources({'report.md': frontMatter, 'programmes/all.md': programmes.join('\n')})
    const result = await check(dir)
    expect(result.counts).toEqual({errors: 0, warnings: 0})
    expect(result.report!.programmes).toHaveLength(10_000)
    expect(result.report!.programmes.at(-1)).toMatchObject({no: 10_000, id: 'programme-10000'})
  })
})

describe('every fixture builds all outputs or none, and its PDF keeps within the margins', () => {
  it.each(cases)('%s', async (name) => {
    const out = await temp('out')
    const result = await build(fixture(name), {out})
    const written = (await readdir(out)).sort()
    if (result.ok) expect(written).toHaveLength(3)
    else expect(written).toEqual([])
    expect(result.outputs.map((file) => path.basename(file)).sort()).toEqual(written)
    const pdf = written.find((file) => file.endsWith('.pdf'))
    if (pdf) {
      const [, , rightMargin] = (await loadTemplates()).styles.pageMargins
      expect(pastMargin(await readPdf(await readFile(path.join(out, pdf))), rightMargin)).toEqual([])
    }
  })
})

describe('what hostile sources cannot do', () => {
  it.each(['rules/image-ignored', 'rules/outside-sources', 'rules/raw-html', 'inputs/formula-text'])(
    '%s reads nothing outside the sources and the package, and opens no connection',
    async (name) => {
      const sources = fixture(name)
      const out = await temp('out')
      const log = path.join(await temp('log'), 'events.jsonl')
      await writeFile(log, '')
      const result = art67(['build', sources, '--out', out], {SANDBOX_LOG: log}, ['--import', path.resolve('test/helpers/sandbox.mjs')])
      expect(result.stderr).not.toMatch(/\n\s+at /)
      const events = (await readFile(log, 'utf8')).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as {kind: string; path?: string})
      expect(events.filter((event) => event.kind === 'network')).toEqual([])
      const allowed = [path.resolve(sources), process.cwd(), out]
      const outside = events.filter((event) => event.path && !allowed.some((root) => event.path === root || event.path!.startsWith(root + path.sep)))
      expect(outside).toEqual([])
      expect(events.some((event) => event.path?.startsWith(path.resolve(sources)))).toBe(true)
    }
  )

  it('formula-looking text stays plain text in the XLSX', async () => {
    const out = await temp('out')
    expect((await build(fixture('inputs/formula-text'), {out})).ok).toBe(true)
    const {workbook} = await readXlsx(await readFile(path.join(out, 'canada-2020-2021.xlsx')))
    const row = workbook.getWorksheet('Programmes')!.getRow(2)
    const texts = [3, 12, 13, 9].map((column) => ({type: row.getCell(column).type, value: row.getCell(column).value}))
    expect(texts).toEqual([
      {type: 3, value: '=HYPERLINK("http://evil.example","click")'},
      {type: 3, value: "+cmd|' /C calc'!A0"},
      {type: 3, value: '@SUM(1+1)'},
      {type: 3, value: '-2+3'}
    ])
  })

  it('wide tables and long words are printed whole, within the margins', async () => {
    const [, , rightMargin] = (await loadTemplates()).styles.pageMargins
    for (const name of ['inputs/wide-tables', 'inputs/long-words']) {
      const out = await temp('out')
      expect((await build(fixture(name), {out})).ok).toBe(true)
      const pdf = await readPdf(await readFile(path.join(out, 'canada-2020-2021.pdf')))
      expect(pastMargin(pdf, rightMargin), name).toEqual([])
      const text = pdf.pages.join('')
      const source = await readFile(path.join(fixture(name), 'report.md'), 'utf8')
      // Every long run of one letter in the sources is printed whole (counted across lines and pages).
      for (const [run, letter] of source.matchAll(/(\p{Lu})\1{99,}/gu)) {
        expect(text.split(letter!).length - 1, `${name}: ${letter}`).toBeGreaterThanOrEqual(run.length)
      }
    }
  })

  it('a table too wide for a portrait page gets a landscape page, every short cell whole on its line', async () => {
    const out = await temp('out')
    expect((await build(fixture('inputs/wide-tables'), {out})).ok).toBe(true)
    const pdf = await readPdf(await readFile(path.join(out, 'canada-2020-2021.pdf')))
    expect(pdf.sizes.filter((size) => size.width > size.height)).toHaveLength(1)
    const source = await readFile(path.join(fixture('inputs/wide-tables'), 'report.md'), 'utf8')
    const cells = source.split('\n').filter((line) => /^\s*\|(?!-)/.test(line)).flatMap((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    const words = new Set(pdf.lines.flat().flatMap((line) => line.text.split(' ')))
    for (const cell of cells.filter((cell) => !cell.includes(' ') && cell.length < 30)) expect(words, cell).toContain(cell)
  })

  it('XLSX cells keep escape-like text, text over 32,767 characters and early dates, as the JSON has them', async () => {
    const out = await temp('out')
    expect((await build(fixture('inputs/xlsx-cells'), {out})).ok).toBe(true)
    const report = JSON.parse(await readFile(path.join(out, 'canada-2020-2021.json'), 'utf8')) as Report
    const {sheets} = await readXlsx(await readFile(path.join(out, 'canada-2020-2021.xlsx')))
    const [header, first, second] = sheets.Programmes!
    const cell = (row: unknown[], name: string) => row[header!.indexOf(name)]
    const [controls, long] = report.programmes
    // Control characters are left out at read time (invisible-character); what is left reads back as the JSON has it.
    expect(cell(first!, 'Budget')).toBe(controls!.budget)
    expect(controls!.contact).toContain('_x0041_')
    expect(cell(first!, 'Contact')).toBe(controls!.contact)
    expect([cell(first!, 'Start date'), cell(first!, 'End date')]).toEqual(['31/12/1899', '28/02/1900'])
    expect(cell(second!, 'Start date')).toEqual(new Date(Date.UTC(1900, 2, 1)))
    const description = blocksText(long!.description)
    expect(description.length).toBeGreaterThan(32_767)
    expect([cell(second!, 'Description'), cell(second!, 'Description (2)')].join('')).toBe(description)
  })

  it('a title and description longer than a page are printed whole, and undrawable characters are visible', async () => {
    const out = await temp('out')
    expect((await build(fixture('inputs/long-title'), {out})).ok).toBe(true)
    const pdf = await readPdf(await readFile(path.join(out, 'canada-2020-2021.pdf')))
    // Without the running head (two lines) that tops every page after the first, the text reads on across pages.
    const text = pdf.pages
      .map((page, index) => (index === 0 ? page : page.split('\n').slice(2).join('\n')))
      .join(' ')
      .replace(/\s+/g, ' ')
    expect(text.split('A long description sentence about the activity.').length - 1).toBe(600)
    expect(pdf.numPages).toBeGreaterThan(5)

    const emoji = await temp('out')
    expect((await build(fixture('rules/glyph-missing'), {out: emoji})).ok).toBe(true)
    const page = (await readPdf(await readFile(path.join(emoji, 'canada-2020-2021.pdf')))).pages.join('\n')
    // DejaVu Sans draws 😀 but not 🎉 or CJK.
    expect(page).toContain('A report with emoji 😀? and CJK ???? text.')
  })
})
