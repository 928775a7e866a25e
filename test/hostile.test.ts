// Hostile and broken input: never a stack trace, a hang, a read outside the sources, a network access,
// or a partial output. The committed cases are in test/fixtures/inputs/*; these are made on the fly.
import {mkdir, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build, check} from '../pipeline/index.js'
import {maxFileBytes} from '../pipeline/read/index.js'
import {diagnostics} from '../pipeline/format/index.js'
import {readPdf} from './helpers/pdf-text.js'
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

describe('every fixture builds all outputs or none', () => {
  it.each(cases)('%s', async (name) => {
    const out = await temp('out')
    const result = await build(fixture(name), {out})
    const written = (await readdir(out)).sort()
    if (result.ok) expect(written).toHaveLength(3)
    else expect(written).toEqual([])
    expect(result.outputs.map((file) => path.basename(file)).sort()).toEqual(written)
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
