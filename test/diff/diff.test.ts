// `art67 diff` and `build --since` on two versions of the example: a new, an ended, a renamed (a typo corrected) and
// a changed programme, in every format, from folders, a JSON model and git revisions.
import {execFileSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {compare, diffReport, formatDiff, loadReport} from '../../pipeline/diff/index.js'
import {emitJson} from '../../pipeline/emit/json/index.js'
import {build, check} from '../../pipeline/index.js'
import type {Report} from '../../pipeline/model.js'
import {loadTemplates} from '../../pipeline/templates.js'
import {art67} from '../helpers/run-cli.js'
import {validated} from '../helpers/stages.js'
import {inLanguage, withRegistryNames} from '../../pipeline/language.js'
import {readPdf} from '../helpers/pdf-text.js'
import {readXlsx} from '../helpers/xlsx-read.js'

const example = path.resolve(import.meta.dirname, '../../sources')
const labels = (await loadTemplates()).labels.en!
const frenchLabels = (await loadTemplates()).labels.fr!

/** The example a year on: row 11 new, row 10 ended, row 9's typo corrected, row 3 started later, row 5 without Viet Nam. */
async function nextVersion(dir: string): Promise<void> {
  const file = path.join(dir, 'report.md')
  const text = await readFile(file, 'utf8')
  const edits: Array<[string, string]> = [
    ['| 10 | International IP Crime Training Seminars hosted by Interpol | | |\n', '| 10 | Regional workshop on geographical indications | 01/03/2022 | Kenya; Uganda |\n'],
    ['Centre for Trade Policy and Law (CPTL)', 'Centre for Trade Policy and Law (CTPL)'],
    ['Trade Facilitation Office (TFO) Canada | 01/01/2021 |', 'Trade Facilitation Office (TFO) Canada | 01/02/2021 |'],
    ['Protection in Viet Nam | 01/01/2021 | Viet Nam |', 'Protection in Viet Nam | 01/01/2021 | |']
  ]
  let edited = text
  for (const [before, after] of edits) {
    expect(edited).toContain(before)
    edited = edited.replace(before, after)
  }
  await writeFile(file, edited)
}

let root: string
let old: string
let now: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'art67-diff-'))
  old = path.join(root, 'old')
  now = path.join(root, 'new')
  await cp(example, old, {recursive: true})
  await cp(example, now, {recursive: true})
  await nextVersion(now)
})

const expected = {
  new: [{no: 10, id: 'regional-workshop-on-geographical-indications', title: 'Regional workshop on geographical indications'}],
  ended: [{no: 10, id: 'international-ip-crime-training-seminars-hosted-by-interpol', title: 'International IP Crime Training Seminars hosted by Interpol'}],
  changed: [
    {no: 3, field: 'start', old: '01/01/2021', new: '01/02/2021', matchedBy: 'id'},
    {no: 5, field: 'beneficiaries', old: 'Viet Nam', new: null, matchedBy: 'id'},
    {no: 9, field: 'title', old: 'Centre for Trade Policy and Law (CPTL) – guidance, support, knowledge and tools', new: 'Centre for Trade Policy and Law (CTPL) – guidance, support, knowledge and tools', matchedBy: 'near-title'}
  ],
  continuing: [1, 2, 4, 6, 7, 8]
}

describe('art67 diff', () => {
  it('lists new, ended, renamed, changed and continuing programmes and the beneficiaries reached', async () => {
    const changes = compare(await loadReport(old), await loadReport(now))
    expect(changes.report).toEqual([])
    expect(changes.programmes.new).toEqual(expected.new)
    expect(changes.programmes.ended).toEqual(expected.ended)
    expect(changes.programmes.changed.map(({new: p, changes: [change, ...more], matchedBy}) => ({no: p.no, ...change, matchedBy, more: more.length}))).toEqual(
      expected.changed.map((change) => ({...change, more: 0}))
    )
    expect(changes.programmes.continuing.map((match) => match.new.no)).toEqual(expected.continuing)
    expect(changes.beneficiaries).toEqual({reached: ['Kenya', 'Uganda'], noLongerReached: ['Viet Nam']})
  })

  it('prints text, colour only when asked', async () => {
    const {output} = await diffReport(old, now, 'text')
    expect(output).toBe(
      [
        'Changes from Canada, 2020-2021 to Canada, 2020-2021',
        'New programmes (1)',
        '  + 10. Regional workshop on geographical indications',
        'Ended programmes (1)',
        '  - 10. International IP Crime Training Seminars hosted by Interpol',
        'Changed programmes (3)',
        '  ~ 3. Pre-recorded webinars on IP and patents on the website of Trade Facilitation Office (TFO) Canada',
        '      Start date: 01/01/2021 → 01/02/2021',
        '  ~ 5. Expert Deployment Mechanism for Trade and Development (EDM) – Strengthen Intellectual Property Rights (IPRs) Protection in Viet Nam',
        '      Beneficiary Members or observers: Viet Nam → –',
        '  ~ 9. Centre for Trade Policy and Law (CTPL) – guidance, support, knowledge and tools',
        '      Title of programme or activity: Centre for Trade Policy and Law (CPTL) – guidance, support, knowledge and tools → Centre for Trade Policy and Law (CTPL) – guidance, support, knowledge and tools',
        'Continuing programmes (6)',
        '    1. CIPO-WIPO Executive Workshop on IP Office Management',
        '    2. Pilot Program of Training for patent examiners in the area of computer-implemented inventions for Central American countries and the Dominican Republic',
        '    4. Open African Innovation Research network (Open AIR)',
        '    6. Strengthening cyber policy research centres in the Global South – Centre for Intellectual Property and Information Technology Law',
        '    7. Initiative for Digital Rights in Latin America (INDELA)',
        '    8. Supplying free copies of Canadian patent documents for developing countries',
        'Beneficiaries newly reached (2)',
        '  + Kenya',
        '  + Uganda',
        'Beneficiaries no longer reached (1)',
        '  - Viet Nam'
      ].join('\n')
    )
    const colored = await diffReport(old, now, 'text', {color: true})
    expect(colored.output).toContain('\u001B[32m  + 10. Regional workshop on geographical indications\u001B[0m')
    expect(colored.output.replace(/\u001B\[\d+m/g, '')).toBe(output)
  })

  it('prints a stable, versioned JSON document', async () => {
    const {output} = await diffReport(old, now, 'json')
    const document = JSON.parse(output) as Record<string, unknown>
    expect(Object.keys(document)).toEqual(['version', 'tool', 'old', 'new', 'changed', 'summary', 'report', 'programmes', 'beneficiaries'])
    expect(document).toMatchObject({
      version: 1,
      tool: 'art67',
      old: {source: old, member: 'Canada', period: '2020-2021'},
      changed: true,
      summary: {new: 1, ended: 1, changed: 3, continuing: 6, reached: 2, noLongerReached: 1}
    })
    expect((await diffReport(old, now, 'json')).output).toBe(output)
  })

  it('prints Markdown for a pull-request comment', async () => {
    const {output} = await diffReport(old, now, 'markdown')
    expect(output).toContain('### Changes from Canada, 2020-2021 to Canada, 2020-2021\n\n#### New programmes (1)\n\n| No. | Title of programme or activity |\n|---|---|\n| 10 | Regional workshop on geographical indications |')
    expect(output).toContain('| 3 | Pre-recorded webinars on IP and patents on the website of Trade Facilitation Office (TFO) Canada | Start date | 01/01/2021 | 01/02/2021 |')
    expect(output).toContain('#### Continuing programmes (6)\n\n<details>')
    expect(output).toContain('#### Beneficiaries no longer reached (1)\n\n- Viet Nam')
  })

  it('reads git revisions of a sources folder and JSON models written by build', async () => {
    const repo = path.join(root, 'repo')
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=art67', '-c', 'user.email=art67@example.invalid', ...args], {cwd: repo})
    await cp(old, path.join(repo, 'sources'), {recursive: true})
    git('init', '--quiet')
    git('add', '.')
    git('commit', '--quiet', '-m', 'old')
    await rm(path.join(repo, 'sources'), {recursive: true})
    await cp(now, path.join(repo, 'sources'), {recursive: true})
    git('commit', '--quiet', '-a', '-m', 'new')
    const fromFolders = compare(await loadReport(old), await loadReport(now))
    expect(compare(await loadReport('HEAD~1:sources', {cwd: repo}), await loadReport('HEAD:sources', {cwd: repo}))).toEqual(fromFolders)
    // The CLI from inside the repository, old side from git, new side the folder.
    const cli = art67(['diff', 'HEAD~1:sources', 'sources', '--format', 'json'], {}, [], repo)
    expect(cli.code).toBe(0)
    expect(JSON.parse(cli.stdout)).toMatchObject({old: {source: 'HEAD~1:sources'}, summary: {new: 1, ended: 1, changed: 3, continuing: 6}})

    const built = await build(old, {out: path.join(root, 'out-old')})
    const model = built.outputs.find((output) => output.endsWith('.json'))!
    expect(compare(await loadReport(model), await loadReport(now))).toEqual(fromFolders)
    expect(art67(['diff', 'HEAD~7:sources', 'sources'], {}, [], repo)).toMatchObject({code: 2})
  })

  it('says why a file is not a model without printing its bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'art67-diff-binary-'))
    const binary = path.join(dir, 'old.json')
    // A short file is quoted whole by JSON.parse, a longer one in part, with `...`.
    for (const bytes of [Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x70, 0x9c]), Buffer.from('%PDF-1.7\n%\u001b[2J'.repeat(20))]) {
      await writeFile(binary, bytes)
      const message = await loadReport(binary).then(
        () => '',
        (error: Error) => error.message
      )
      expect(message).toMatch(/^Cannot read .*old\.json as JSON: Unexpected token '[^']+'$/)
    }
    await rm(dir, {recursive: true, force: true})
  })

  it('refuses a model with a date the calendar does not have, naming the file, the field and why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'art67-diff-date-'))
    const file = path.join(dir, 'old.json')
    const {report} = await check(example)
    const edits: Array<[(model: Report) => void, string]> = [
      [(model) => (model.period.from = '2024-02-30'), 'at period.from, `2024-02-30` is not a date: February 2024 has no day 30'],
      [(model) => (model.programmes[0]!.start = {iso: '2021-13', precision: 'month', written: '13/2021'}), 'at programmes.0.start.iso, `2021-13` is not a date: month 13 does not exist']
    ]
    for (const [edit, reason] of edits) {
      const model = structuredClone(report!)
      edit(model)
      await writeFile(file, emitJson(model))
      const message = await loadReport(file).then(
        () => '',
        (error: Error) => error.message
      )
      expect(message).toBe(`${file} is not a report model written by \`art67 build\`: ${reason}`)
    }
    expect(art67(['diff', file, example])).toMatchObject({code: 2, stderr: `art67: ${file} is not a report model written by \`art67 build\`: ${edits[1]![1]}\n`})
    await rm(dir, {recursive: true, force: true})
  })

  it('exits 1 with --exit-code only when something changed', () => {
    expect(art67(['diff', old, now, '--exit-code', '--format', 'markdown']).code).toBe(1)
    expect(art67(['diff', old, now]).code).toBe(0)
    const same = art67(['diff', old, old, '--exit-code'], {NO_COLOR: '1', FORCE_COLOR: undefined})
    expect(same.code).toBe(0)
    expect(same.stdout).toMatch(/^Changes from Canada, 2020-2021 to Canada, 2020-2021\nContinuing programmes \(10\)\n[^]*\nNo changes.\n$/)
    expect(art67(['diff', old, now], {FORCE_COLOR: '1', NO_COLOR: undefined}).stdout).toContain('\u001B[')
    expect(art67(['diff', old], {}).code).toBe(2)
    expect(art67(['diff', old, now, '--format', 'github']).stderr).toContain('unknown format `github`')
  })
})

describe('build --since', () => {
  it('adds a Changes sheet with what diff lists, and leaves the PDF and a build without it as they were', async () => {
    const epoch = 1_600_000_000
    const plain = await build(now, {out: path.join(root, 'out-plain'), sourceDateEpoch: epoch})
    const since = await build(now, {out: path.join(root, 'out-since'), sourceDateEpoch: epoch, since: old})
    const bytes = async (outputs: string[], extension: string) => readFile(outputs.find((output) => output.endsWith(extension))!)
    expect((await bytes(since.outputs, '.pdf')).equals(await bytes(plain.outputs, '.pdf'))).toBe(true)
    expect((await bytes(since.outputs, '.json')).equals(await bytes(plain.outputs, '.json'))).toBe(true)
    const again = await build(now, {out: path.join(root, 'out-plain-again'), sourceDateEpoch: epoch})
    expect((await bytes(again.outputs, '.xlsx')).equals(await bytes(plain.outputs, '.xlsx'))).toBe(true)

    expect(Object.keys((await readXlsx(await bytes(plain.outputs, '.xlsx'))).sheets)).not.toContain('Changes')
    const {sheets} = await readXlsx(await bytes(since.outputs, '.xlsx'))
    const changes = compare(await loadReport(old), await loadReport(now))
    expect(sheets.Changes).toEqual([
      ['Change', 'No.', 'ID', 'Title of programme or activity', 'Field', 'Old value', 'New value'],
      ['New', 10, expected.new[0]!.id, expected.new[0]!.title, null, null, null],
      ['Ended', 10, expected.ended[0]!.id, expected.ended[0]!.title, null, null, null],
      ...changes.programmes.changed.map((p) => ['Changed', p.new.no, p.new.id, p.new.title, labels.columns[p.changes[0]!.field], p.changes[0]!.old, p.changes[0]!.new]),
      ...changes.programmes.continuing.map((p) => ['Continuing', p.new.no, p.new.id, p.new.title, null, null, null]),
      ['Newly reached', null, null, null, 'Beneficiary', null, 'Kenya'],
      ['Newly reached', null, null, null, 'Beneficiary', null, 'Uganda'],
      ['No longer reached', null, null, null, 'Beneficiary', 'Viet Nam', null]
    ])
    expect(formatDiff(changes, 'text', labels, {old, new: now})).toContain('Changed programmes (3)')
  })

  it('is a build option of the command, not a check one', async () => {
    const out = path.join(root, 'out-cli')
    const built = art67(['build', now, '--out', out, '--since', old])
    expect(built.code).toBe(0)
    const xlsx = built.stdout.split('\n').find((line) => line.endsWith('.xlsx'))!.slice('wrote '.length)
    expect(Object.keys((await readXlsx(await readFile(xlsx))).sheets)).toEqual(['Programmes', 'Beneficiaries', 'Summary', 'Changes'])
    expect(art67(['check', now, '--since', old])).toMatchObject({code: 2, stderr: expect.stringContaining('--since goes with build, not check')})
    expect(art67(['build', now, '--out', out, '--since', path.join(root, 'nowhere')])).toMatchObject({code: 2, stderr: expect.stringContaining('is not a sources folder, a JSON model or a git revision')})
  })

  it('with --overview, tags the new programme on the timeline and draws the ended one as a row of its own', async () => {
    const epoch = 1_600_000_000
    const plain = await build(now, {out: path.join(root, 'out-overview'), sourceDateEpoch: epoch, overview: true})
    const since = await build(now, {out: path.join(root, 'out-overview-since'), sourceDateEpoch: epoch, overview: true, since: old})
    const bytes = async (outputs: string[], ending: string) => readFile(outputs.find((output) => output.endsWith(ending))!)
    // The bar charts are as they were; the timeline has one more row, and the marks.
    for (const chart of ['-regions.svg', '-beneficiaries.svg']) expect((await bytes(since.outputs, chart)).equals(await bytes(plain.outputs, chart))).toBe(true)
    const timeline = String(await bytes(since.outputs, '-timeline.svg'))
    const rows = (svg: string) => svg.match(/>\d+\. [^<]*<\/text>/g)!
    expect(rows(timeline)).toHaveLength(rows(String(await bytes(plain.outputs, '-timeline.svg'))).length + 1)
    expect(rows(timeline).slice(-1)[0]).toContain('10. International IP Crime')
    expect(timeline.match(/>(new|ended)<\/text>/g)).toEqual(['>new</text>', '>ended</text>'])
    expect(timeline).toContain('new since 2020-2021')
    const read = await readPdf(await bytes(since.outputs, '-overview.pdf'))
    const text = read.pages.join('\n')
    expect(text).toContain('International IP Crime')
    expect(text).toContain('ended: in 2020-2021, not in this report')
  })
})

describe('a report in French', () => {
  const french = path.resolve(import.meta.dirname, '../fixtures/valid/french')
  let frRoot: string
  beforeAll(async () => {
    frRoot = await mkdtemp(path.join(tmpdir(), 'art67-diff-fr-'))
    await cp(french, path.join(frRoot, 'old'), {recursive: true})
    await cp(french, path.join(frRoot, 'now'), {recursive: true})
    const file = path.join(frRoot, 'now', 'report.md')
    const text = await readFile(file, 'utf8')
    expect(text).toContain('| Pérou; Colombie; "pays andins" |')
    await writeFile(file, text.replace('| Pérou; Colombie; "pays andins" |', '| Pérou; "pays andins" |'))
  })

  it('reads back the JSON model build wrote, with its French names, as the report its folder gives: no change', async () => {
    const built = await build(path.join(frRoot, 'old'), {out: path.join(frRoot, 'out-old')})
    const json = built.outputs.find((output) => output.endsWith('.json'))!
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({member: 'Suisse', beneficiaries: expect.arrayContaining([expect.objectContaining({name: 'Colombie'})])})
    expect(await loadReport(json)).toEqual(await loadReport(path.join(frRoot, 'old')))
    const {changes, output} = await diffReport(json, path.join(frRoot, 'old'), 'text')
    expect(changes).toMatchObject({report: [], beneficiaries: {reached: [], noLongerReached: []}, programmes: {new: [], ended: [], changed: []}})
    expect(output).toContain('Aucune modification.')
  })

  it('writes the report’s date in words, as the PDF prints it, in every format and in the Changes sheet of each language', async () => {
    const dated = path.join(frRoot, 'dated')
    await cp(path.join(frRoot, 'old'), dated, {recursive: true})
    const file = path.join(dated, 'report.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 1er juin 2022\n', 'date: 12/03/2023\n'))
    const old = path.join(frRoot, 'old')
    expect((await diffReport(old, dated, 'text')).output).toContain('\nDonnées du rapport (1)\n  Date: 1er juin 2022 → 12 mars 2023\n')
    expect(JSON.parse((await diffReport(old, dated, 'json')).output).report).toEqual([{field: 'date', old: '1er juin 2022', new: '12 mars 2023'}])
    expect((await diffReport(old, dated, 'markdown')).output).toContain('| Date | 1er juin 2022 | 12 mars 2023 |')
    // A draft's missing date is `–`, as any absent value.
    const draft = path.join(frRoot, 'draft')
    await cp(old, draft, {recursive: true})
    await writeFile(path.join(draft, 'report.md'), (await readFile(file, 'utf8')).replace('date: 12/03/2023\n', ''))
    expect((await diffReport(draft, dated, 'text')).output).toContain('  Date: – → 12 mars 2023\n')

    const since = await build(dated, {out: path.join(frRoot, 'out-dated'), since: old, languages: ['en', 'es']})
    const rows = async (suffix: string, name: string) => (await readXlsx(await readFile(since.outputs.find((output) => output.endsWith(suffix))!))).sheets[name]!
    const dateRow = (sheet: unknown[][]) => sheet.find((row) => row[4] === 'Date' || row[4] === 'Fecha')?.slice(4)
    expect(dateRow(await rows('-2021-2022.xlsx', 'Modifications'))).toEqual(['Date', '1er juin 2022', '12 mars 2023'])
    expect(dateRow(await rows('-en.xlsx', 'Changes'))).toEqual(['Date', '1 June 2022', '12 March 2023'])
    expect(dateRow(await rows('-es.xlsx', 'Cambios'))).toEqual(['Fecha', '1 de junio de 2022', '12 de marzo de 2023'])
  })

  it('names registry names in French, and leaves free text as written, `;` and all', () => {
    const report = (beneficiaries: string) =>
      validated({'report.md': `---\nmember: Suisse\nperiod: 2021\ndate: 2021-06-01\nlanguage: fr\n---\n\n# Programmes\n\n## Atelier\n\n- Bénéficiaires: ${beneficiaries}\n`}).report!
    const changes = compare(report('"Canada; Mexico"; Pérou'), report('"Canada; Mexico"; Colombie'), 'fr')
    // A JSON model's free text is read back as written, even when it is a name in the registry.
    const quoted = report('"Suisse"; Pérou')
    expect(withRegistryNames(inLanguage(quoted, labels, frenchLabels))).toEqual(quoted)
    expect(changes.programmes.changed[0]!.changes).toEqual([{field: 'beneficiaries', old: 'Canada; Mexico; Pérou', new: 'Canada; Mexico; Colombie'}])
    expect(changes.beneficiaries).toEqual({reached: ['Colombie'], noLongerReached: ['Pérou']})
  })

  it('names Members and beneficiaries in French, in the text, the JSON and the Changes sheet of each language', async () => {
    const {changes, output} = await diffReport(path.join(frRoot, 'old'), path.join(frRoot, 'now'), 'text')
    expect(output).toMatch(/^Modifications de Suisse, 2021-2022 à Suisse, 2021-2022\n/)
    expect(output).toContain('Pérou; Colombie; pays andins → Pérou; pays andins')
    expect(changes.beneficiaries.noLongerReached).toEqual(['Colombie'])
    expect(output).not.toMatch(/Colombia|Peru\b|Switzerland/)

    const old = (await build(path.join(frRoot, 'old'), {out: path.join(frRoot, 'out-since-old')})).outputs.find((output) => output.endsWith('.json'))!
    const since = await build(path.join(frRoot, 'now'), {out: path.join(frRoot, 'out-since'), since: old, languages: ['en']})
    const sheet = async (suffix: string, name: string) => (await readXlsx(await readFile(since.outputs.find((output) => output.endsWith(suffix))!))).sheets[name]!
    const french = await sheet('-2021-2022.xlsx', 'Modifications')
    const naming = (rows: unknown[][], name: string) => rows.filter((row) => row.some((cell) => typeof cell === 'string' && cell.includes(name))).length
    expect(naming(french, 'Colombie')).toBe(2)
    expect(JSON.stringify(french)).not.toMatch(/Colombia|Peru\b/)
    const english = await sheet('-en.xlsx', 'Changes')
    expect(naming(english, 'Colombia')).toBe(2)
    expect(JSON.stringify(english)).not.toMatch(/Colombie|Pérou/)
  })
})
