// The text of an e-TRIPS page reaches the model as written: web addresses without backslashes, lines Markdown would
// read as definitions, lists, code or HTML kept as paragraphs, quotes inside free-text beneficiaries kept. Each page
// is imported, checked with no error, and its text compared with the model's (and once with the built JSON's).
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {analyse, build, check, type CheckResult} from '../../pipeline/index.js'
import {importFile, importLabels, importPage} from '../../pipeline/import/index.js'
import {readPage} from '../../pipeline/import/page.js'
import type {Block, Report} from '../../pipeline/model.js'
import {blocksText, inlineText, markdownCell, markdownInline, markdownLine} from '../../pipeline/text.js'
import {readPdf} from '../helpers/pdf-text.js'
import {readXlsx} from '../helpers/xlsx-read.js'

const runs = Number(process.env.FUZZ_RUNS ?? 200)
const title = 'Technical cooperation activities under Article 67 of the TRIPS Agreement - View details of the document'

/** Import `lines` (a page, e-TRIPS title first) into a new folder. */
async function importLines(lines: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'art67-import-text-'))
  await writeFile(path.join(dir, 'page.txt'), [title, ...lines].join('\n') + '\n')
  const sources = path.join(dir, 'sources')
  const result = await importFile(path.join(dir, 'page.txt'), {member: 'Canada', period: '2020-2021', out: sources})
  return {...result, dir, sources, markdown: await readFile(path.join(sources, 'report.md'), 'utf8')}
}

/** Check `sources`: no error, and the report. */
async function checked(sources: string) {
  const result = await check(sources)
  expect(result.files.flatMap((file) => file.messages).filter((message) => message.fatal)).toEqual([])
  return result.report!
}

const texts = (blocks: readonly Block[]) => blocks.map((block) => (block.type === 'paragraph' ? inlineText(block.content) : block.type))
const links = (blocks: readonly Block[]) => blocks.flatMap((block) => (block.type === 'paragraph' ? block.content.filter((run) => run.link) : []))

/** A report of `markdown` read in memory, as `check` reads a folder. */
async function analysed(markdown: string): Promise<CheckResult> {
  const file = new VFile({path: 'mem/report.md', value: `---\nmember: Canada\nperiod: 2020-2021\n---\n\n${markdown}`, data: {sourcePath: 'report.md'}})
  return analyse({dir: 'mem', files: [file], rejected: []})
}

describe('import keeps the text of the page', () => {
  it('writes web addresses so that no backslash reaches any output, and GFM still links them', async () => {
    const paragraphs = [
      'Canada: see https://www.wipo.int/ip_development/en/agency_list.html and www.example.org/~user/page*1 and https://x.org/?a=1&copy;=2.',
      'In brackets (https://en.wikipedia.org/wiki/TRIPS_(agreement)), in stars *https://x.org/a_b* and last https://x.org/a_b_'
    ]
    const imported = await importLines([...paragraphs.map((text, index) => `  ${index + 1}. ${text}`), 'List of programmes/projects', '1 Webinars at https://www.tfocanada.ca/ip_webinars 01/01/2021 Cambodia'])
    expect(imported.markdown).toContain('see <https://www.wipo.int/ip_development/en/agency_list.html> and')
    const report = await checked(imported.sources)
    expect(texts(report.body)).toEqual(paragraphs)
    expect(links(report.body)).toEqual([
      {text: 'https://www.wipo.int/ip_development/en/agency_list.html', link: 'https://www.wipo.int/ip_development/en/agency_list.html'},
      {text: 'www.example.org/~user/page*1', link: 'http://www.example.org/~user/page*1'},
      {text: 'https://x.org/?a=1&copy;=2', link: 'https://x.org/?a=1&copy;=2'},
      {text: 'https://en.wikipedia.org/wiki/TRIPS_(agreement)', link: 'https://en.wikipedia.org/wiki/TRIPS_(agreement)'},
      {text: 'https://x.org/a_b', link: 'https://x.org/a_b'},
      {text: 'https://x.org/a_b', link: 'https://x.org/a_b'}
    ])
    expect(report.programmes[0]!.title).toBe('Webinars at https://www.tfocanada.ca/ip_webinars')

    const built = await build(imported.sources, {out: path.join(imported.dir, 'out')})
    expect(built.counts.errors).toBe(0)
    const output = (extension: string) => readFile(built.outputs.find((file) => file.endsWith(extension))!)
    const json = JSON.parse(String(await output('.json'))) as Report
    expect(texts(json.body)).toEqual(paragraphs)
    expect(json.programmes[0]!.title).toBe('Webinars at https://www.tfocanada.ca/ip_webinars')
    const {sheets} = await readXlsx(await output('.xlsx'))
    expect(Object.values(sheets).flat(2)).toContain('Webinars at https://www.tfocanada.ca/ip_webinars')
    const pdf = (await readPdf(await output('.pdf'))).pages.join('\n')
    // The PDF breaks long addresses after their slashes.
    expect(pdf).toContain('Webinars at https://www.tfocanada.ca/ip_webinars')
    expect(pdf).toContain('ip_development/')
    expect(pdf).not.toContain('\\')
  })

  it('keeps as text every line Markdown would read as a definition, a list, a heading, code, HTML or a rule', async () => {
    const lines = [
      'Canada reports on the 2020-2021 period; see the WIPO guide [1] and note [^a].',
      '[1]: https://www.wipo.int/publications/guide',
      '[^a]: Figures are provisional.',
      '[guide]: <https://x.org> "Title"',
      '<div>Kept as text</div>',
      '<!-- not a comment',
      '| a | b |',
      '|---|---|',
      '~~~',
      '```js',
      '* * *',
      '- - -',
      '___',
      '- item',
      '+ item',
      '1) raise awareness;',
      '> quoted',
      '# heading',
      '###### heading',
      '=====',
      '---',
      '- [ ] task',
      '\\ backslash first'
    ]
    const imported = await importLines([`  1. ${lines[0]}`, ...lines.slice(1), 'List of programmes/projects', '2021. A year of recovery.', '1 Workshop 01/01/2021 Kenya'])
    const report = await checked(imported.sources)
    expect(texts(report.body)).toEqual(lines)
    expect(links(report.body)).toContainEqual({text: 'https://www.wipo.int/publications/guide', link: 'https://www.wipo.int/publications/guide'})
    expect(texts(report.annexIntro)).toEqual(['2021. A year of recovery.'])
  })

  it("removes the page's own paragraph numbers, 1, 2, 3…, and no other number starting a line", async () => {
    const numbered = await importLines(['  1. First.', '  2. Second, in two lines', 'the second without a number.', '  3. Third.;;', 'List of programmes/projects', '1 Workshop 01/01/2021 Kenya'])
    expect(texts((await checked(numbered.sources)).body)).toEqual(['First.', 'Second, in two lines', 'the second without a number.', 'Third.'])
    // A list of the paragraph's own restarts at 1: from there on, a number cannot be told from the page's.
    const lines = ['1. raise awareness;', '2. train examiners;', '3. modernise offices.', '2021. A year of recovery.']
    const listed = await importLines(['1. Canada pursued three objectives:', ...lines, 'List of programmes/projects', '1 Seminar 01/01/2021 Kenya'])
    expect(listed.markdown).toContain('\n\n1\\. raise awareness;\n\n')
    expect(texts((await checked(listed.sources)).body)).toEqual(['Canada pursued three objectives:', ...lines])
    // A year first: no paragraph is numbered 1, so no number is the page's.
    const year = await importLines(['2021. A year of recovery.', '2. Then growth.', 'List of programmes/projects', '1 Seminar 01/01/2021 Kenya'])
    expect(texts((await checked(year.sources)).body)).toEqual(['2021. A year of recovery.', '2. Then growth.'])
  })

  it('keeps the double quotes inside a free-text beneficiary', async () => {
    const imported = await importLines(['  1. Text.', 'List of programmes/projects', '1 Seminar 01/01/2021 Officials of the "Pacific IP" network; Kenya; "Global South"; “Curly” ones'])
    expect(imported.markdown).toContain('| "Officials of the "Pacific IP" network"; Kenya; ""Global South""; "“Curly” ones" |')
    const report = await checked(imported.sources)
    expect(report.programmes[0]!.beneficiaries).toEqual(['Officials of the "Pacific IP" network', 'Kenya', '"Global South"', '“Curly” ones'])
  })
})

/** Text as the page holds a line of it, trimmed: web addresses and Markdown's markup among any characters. */
const lineText = fc
  .array(
    fc.oneof(
      fc.string({maxLength: 6}),
      fc.string({maxLength: 3, unit: 'grapheme'}),
      fc.constantFrom('https://', 'http://', 'HTTPS://', 'www.', 'WWW.', 'x.org', 'a_b', '/~u', '@', 'mailto:', 'a@b.org', '&copy;', '&#35;', '(', ')', '[', ']', '](', '<', '>', '|', '\\', '`', '*', '_', '~', '.', ',', ';', ':', '!', '?', '"', "'", '#', '-', '+', '=', '1.', '2)', ' ', '\t', '\u00A0')
    ),
    {minLength: 1, maxLength: 16}
  )
  .map((pieces) => pieces.join('').replace(/[\r\n]/g, ' ').trim())
  .filter((text) => text.length > 0)

describe('Markdown written for text, read back', () => {
  it('markdownInline: a paragraph holds the text as written, addresses and all', async () => {
    await fc.assert(
      fc.asyncProperty(lineText, async (text) => {
        // A word first, so that the line does not start a block: line starts are the import's paragraph's.
        const {report} = await analysed(`x ${markdownInline(text)}`)
        expect(texts(report!.body)).toEqual([`x ${text}`])
        if (!text.includes('\\')) expect(links(report!.body).filter((run) => run.link!.includes('\\'))).toEqual([])
      }),
      {numRuns: runs}
    )
  })

  it('markdownCell: a title cell holds the text as written, addresses and all', async () => {
    await fc.assert(
      fc.asyncProperty(lineText, async (text) => {
        const {report} = await analysed(`# Programmes\n\n| Title | Start date |\n|---|---|\n| x ${markdownCell(text)} | 01/01/2021 |\n`)
        expect(report!.programmes.map((programme) => programme.title)).toEqual([`x ${text}`.replace(/[^\S\u00A0\u2007\u202F]+/g, ' ')]) // no-break spaces as written
      }),
      {numRuns: runs}
    )
  })

  it('import: every paragraph of the page, whatever its first characters, is a paragraph of the report as written', async () => {
    const lineStart = fc.constantFrom('[1]: ', '[^a]: ', '[x]: <y> "t"', '<', '<div>', '<!--', '<?', '<![CDATA[', '|', '|-|', '~~~', '```', '    ', '\t', '* * *', '- - -', '___', '-', '+', '*', '1.', '1)', '2021.', '>', '#', '######', '=', '==', '---', '[ ]', '\\', '&#35;', '&amp;', '-->')
    const line = fc.tuple(fc.array(lineStart, {maxLength: 3}), lineText).map(([starts, rest]) => starts.join('') + rest)
    await fc.assert(
      fc.asyncProperty(fc.array(line, {minLength: 1, maxLength: 6}), async (lines) => {
        const page = [title, ...lines.map((text, index) => `  ${index + 1}. ${text}`), 'List of programmes/projects', '1 Seminar 01/01/2021 Kenya'].join('\n')
        const {markdown} = importPage(new VFile({path: 'page.txt', value: page}), {member: 'Canada', period: '2020-2021'}, await importLabels())
        const {report} = await analysed(markdown!.replace(/^---\n[^]*?\n---\n/, ''))
        expect(texts(report!.body)).toEqual(readPage(page).paragraphs.map((piece) => piece.text))
      }),
      {numRuns: runs}
    )
  })

  it('markdownLine: a list item holds the text as written, whatever its first characters (diff --format markdown)', async () => {
    const lineStart = fc.constantFrom('[1]: ', '[^a]: ', '[ ] ', '[x] ', '<div>', '<!--', '~~~', '```', '* * *', '- - -', '___', '-', '+ ', '*', '1.', '1) ', '2021.', '> ', '# ', '######', '=', '---', '\\', '&#35;')
    const item = fc.tuple(fc.array(lineStart, {minLength: 1, maxLength: 3}), lineText).map(([starts, rest]) => (starts.join('') + rest).trim())
    await fc.assert(
      fc.asyncProperty(fc.array(item, {minLength: 1, maxLength: 4}), async (items) => {
        const {report} = await analysed(items.map((text) => `- ${markdownLine(text)}`).join('\n'))
        expect(report!.body.map((block) => block.type)).toEqual(['list'])
        expect(blocksText(report!.body)).toBe(items.map((text) => `- ${text}`).join('\n'))
      }),
      {numRuns: runs}
    )
  })
})
