// `art67 import`: e-TRIPS pages in the three interfaces into sources that `check` accepts, rows split the hard way,
// every guess a warning on the page's line, and the round trip of seed 002 through `build`.
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {Art67Error, build, check} from '../../pipeline/index.js'
import {importFile} from '../../pipeline/import/index.js'
import type {Report} from '../../pipeline/model.js'
import {art67} from '../helpers/run-cli.js'
import {englishPage, frenchPage, spanishPage} from './pages.js'

// A copy of the public e-TRIPS page of Canada's 2020-2021 report (French interface), as a user copies it.
const seed = path.resolve(import.meta.dirname, '../fixtures/import/002_05d88512103c0841.txt')

const temporary = () => mkdtemp(path.join(tmpdir(), 'art67-import-'))

/** Import `text` saved as a page in a new folder; the sources go to `<folder>/sources`. */
async function importText(text: string, options: {member?: string; period?: string; language?: string} = {}) {
  const dir = await temporary()
  const page = path.join(dir, 'page.txt')
  await writeFile(page, text)
  const result = await importFile(page, {...options, out: path.join(dir, 'sources')})
  const problems = result.file.messages.map((message) => `${message.line ?? '-'} ${message.ruleId}`)
  return {...result, dir, sources: path.join(dir, 'sources'), problems}
}

const cells = (rows: NonNullable<Awaited<ReturnType<typeof importText>>['report']>['rows']) =>
  rows.map(({number, title, start, beneficiaries}) => ({number, title, start, beneficiaries: beneficiaries.map((b) => (b.free ? `"${b.name}"` : b.name))}))

/** The e-TRIPS list of seed 002 as the page shows it, column by column. */
const seedList = [
  ['CIPO-WIPO Executive Workshop on IP Office Management', '24/04/2021', []],
  [
    'Pilot Program of Training for patent examiners in the area of computer-implemented inventions for Central American countries and the Dominican Republic',
    '07/09/2020',
    ['Costa Rica', 'Dominican Republic', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama']
  ],
  ['Pre-recorded webinars on IP and patents on the website of Trade Facilitation Office (TFO) Canada', '01/01/2021', []],
  ['Open African Innovation Research network (Open AIR)', undefined, []],
  ['Expert Deployment Mechanism for Trade and Development (EDM) – Strengthen Intellectual Property Rights (IPRs) Protection in Viet Nam', '01/01/2021', []],
  ['Strengthening cyber policy research centres in the Global South – Centre for Intellectual Property and Information Technology Law', '01/01/2019', []],
  [
    'Initiative for Digital Rights in Latin America (INDELA)',
    '01/01/2019',
    ['Argentina', 'Bolivia, Plurinational State of', 'Brazil', 'Chile', 'Colombia', 'Cuba', 'Ecuador', 'Mexico', 'Panama', 'Paraguay', 'Peru', 'Uruguay', 'Venezuela, Bolivarian Republic of']
  ],
  ['Supplying free copies of Canadian patent documents for developing countries', undefined, []],
  ['Centre for Trade Policy and Law (CPTL) – guidance, support, knowledge and tools', undefined, []],
  ['International IP Crime Training Seminars hosted by Interpol', undefined, []]
] as const

describe('art67 import', () => {
  it('turns seed 002 (French interface) into sources that build with the e-TRIPS list', async () => {
    const dir = await temporary()
    const result = await importFile(seed, {out: path.join(dir, 'sources')})
    expect(result.interfaceLanguage).toBe('fr')
    // Canada's report is in English, whatever the interface it was seen through: imported in English, and said so.
    expect(result.report!.language).toBe('en')
    expect(result.file.messages.map((message) => `${message.line} ${message.ruleId}`)).toEqual([
      '5 import-language-guessed',
      '5 import-member-guessed',
      '5 import-period-guessed',
      '20 import-title-name-kept'
    ])
    const built = await build(path.join(dir, 'sources'), {out: path.join(dir, 'out')})
    expect(built.counts.errors).toBe(0)
    const json = built.outputs.find((output) => output.endsWith('.json'))!
    const report = JSON.parse(await readFile(json, 'utf8')) as Report
    expect(report.member).toBe('Canada')
    expect(report.period.label).toBe('2020-2021')
    expect(report.programmes.map((p) => [p.title, p.start?.written, p.beneficiaries])).toEqual(seedList.map(([title, start, names]) => [title, start, [...names]]))
    // The three paragraphs, numbers and the page's `;;` gone.
    expect(report.body.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    const markdown = await readFile(path.join(dir, 'sources', 'report.md'), 'utf8')
    expect(markdown).toMatch(/^---\nmember: Canada\nperiod: 2020-2021\n# Imported with `art67 import` from the e-TRIPS page 002_05d88512103c0841.txt \(French interface\)\./)
    expect(markdown).toContain('\n\nDetails of technical cooperation activities are provided in the Annex.\n\n# Programmes\n\n| # | Title | Start date | Beneficiaries |\n')
    expect(markdown).not.toMatch(/;;|^\s*\d+\. /m)
  })

  it('imports a French page in French: front matter, programmes heading and column titles, and so its outputs', async () => {
    const result = await importText(frenchPage)
    expect([result.interfaceLanguage, result.report!.language]).toEqual(['fr', 'fr'])
    expect(result.problems).toEqual(['3 import-member-guessed', '3 import-period-guessed', '12 import-beneficiaries-guessed'])
    // Its front matter's comments too, as `art67 init --language fr` writes its own.
    expect(result.markdown).toMatch(
      /^---\nmember: France\nperiod: 2022-2023\nlanguage: fr\n# Importé avec `art67 import` de la page e-TRIPS page\.txt \(interface en français\)\.\n# Ajouter `date:`, `symbol:` et `job:` une fois le document daté et numéroté par le Secrétariat\.\n---\n/
    )
    expect(result.markdown).toContain(
      "\n\n# Programmes\n\n| # | Titre | Date de début | Bénéficiaires |\n|---|-------|---------------|---------------|\n| 1 | Atelier sur l'examen des brevets | 01/03/2022 | Sénégal; Côte d'Ivoire |\n"
    )
    const built = await build(result.sources, {out: path.join(result.dir, 'out')})
    expect(built.counts.errors).toBe(0)
    const report = JSON.parse(await readFile(built.outputs.find((output) => output.endsWith('.json'))!, 'utf8')) as Report
    expect([report.language, report.original, report.requester]).toEqual(['fr', 'français', 'de la délégation de la France'])
    expect(report.programmes.map((programme) => programme.beneficiaries)).toEqual([['Sénégal', "Côte d'Ivoire"], [], ['Bénin', 'Togo']])
  })

  it('imports a Spanish page in Spanish', async () => {
    const result = await importText(spanishPage, {member: 'Spain'})
    expect(result.report!.language).toBe('es')
    expect(result.markdown).toMatch(
      /^---\nmember: España\nperiod: 2021-2022\nlanguage: es\n# Importado con `art67 import` de la página de e-TRIPS page\.txt \(interfaz en español\)\.\n# Añada `date:`, `symbol:` y `job:` cuando la Secretaría haya fechado y numerado el documento\.\n---\n/
    )
    expect(result.markdown).toContain('\n\n# Programas\n\n| # | Título | Fecha de inicio | Beneficiarios |\n|---|--------|-----------------|---------------|\n| 1 | Taller sobre examen de patentes | 01/03/2022 | Colombia; Perú |\n')
    const checked = await check(result.sources)
    expect(checked.counts.errors).toBe(0)
    expect([checked.report!.language, checked.report!.original, checked.report!.programmes.length]).toEqual(['es', 'español', 7])
  })

  it('takes the language from the text over the interface, and from --language over both, never warning then', async () => {
    // Seed 002: English text, French interface.
    const seedText = await readFile(seed, 'utf8')
    const asFrench = await importText(seedText, {language: 'fr'})
    expect(asFrench.report!.language).toBe('fr')
    expect(asFrench.problems).not.toContain('5 import-language-guessed')
    expect(asFrench.markdown).toMatch(/\nlanguage: fr\n[^]*\n# Programmes\n\n\| # \| Titre \| Date de début \| Bénéficiaires \|\n/)
    // The French page imported in English: no language line, English column titles.
    const asEnglish = await importText(frenchPage, {language: 'en'})
    expect(asEnglish.markdown).not.toContain('language:')
    expect(asEnglish.markdown).toContain('\n\n# Programmes\n\n| # | Title | Start date | Beneficiaries |\n|---|-------|------------|---------------|\n')
    // A French text on a page without the interface's texts (numbered paragraphs only): French, a guess.
    const bare = await importText('  1. Le présent document présente les activités de la Suisse pour la période 2022-2023, dans le domaine de la propriété intellectuelle.;;\n')
    expect(bare.report!.language).toBe('fr')
    expect(bare.problems).toEqual(['1 import-language-guessed', '1 import-member-guessed', '1 import-period-guessed'])
    expect(bare.file.messages[0]!.message).toBe("The page's text is in French: the report was imported in French")
    // Too little text to tell: the interface's language, without a warning.
    const short = await importText('  1. Texto.;;\n\nLista de programas/proyectos\n1 Taller 01/03/2022 Perú\n', {member: 'Spain', period: '2022'})
    expect(short.report!.language).toBe('es')
    expect(short.problems).toEqual([])
    await expect(importText(frenchPage, {language: 'de'})).rejects.toThrow('there are no templates for the language `de`; use one of en, es, fr')
  })

  it('splits English rows lacking a date, beneficiaries or both, with dates and Member names in titles', async () => {
    const result = await importText(englishPage)
    expect(result.interfaceLanguage).toBe('en')
    expect(cells(result.report!.rows)).toEqual([
      {number: 1, title: 'Workshop on patent examination', start: '01/03/2022', beneficiaries: ['Kenya', 'Uganda']},
      {number: 2, title: 'Webinar series on trademarks', start: '15/04/2022', beneficiaries: []},
      {number: 3, title: 'Training of customs officers', start: undefined, beneficiaries: ['Kenya', 'Rwanda']},
      {number: 4, title: 'Open research network on innovation', start: undefined, beneficiaries: []},
      {number: 5, title: 'Study visit of 12/05/2021 - 14/05/2021 follow-up', start: '01/06/2022', beneficiaries: ['Uganda']},
      {number: 6, title: 'Expert mission, December 2016- December 2019 programme', start: '01/01/2022', beneficiaries: []},
      {number: 7, title: 'Support to the Ministry of Infrastructure, Rwanda.', start: '01/07/2022', beneficiaries: ['Rwanda']},
      {number: 8, title: 'Advice to the Ministry of Infrastructure, Rwanda.', start: undefined, beneficiaries: ['Kenya', 'Uganda']},
      {number: 9, title: 'Capacity building for the Ministry of Trade, Rwanda.', start: undefined, beneficiaries: []},
      {number: 10, title: 'Seminar on geographical indications', start: undefined, beneficiaries: ['Bolivia, Plurinational State of', 'Peru']},
      {number: 11, title: 'Patent drafting workshop', start: undefined, beneficiaries: ['Kenya']}
    ])
    // Each guess on its row's line: the page's row 1 is line 12.
    expect(result.problems).toEqual([
      '5 import-member-guessed',
      '5 import-period-guessed',
      '14 import-beneficiaries-guessed',
      '16 import-dates-in-row',
      '19 import-beneficiaries-guessed',
      '20 import-title-name-kept',
      '21 import-beneficiaries-guessed',
      '22 import-beneficiaries-guessed'
    ])
    const checked = await check(result.sources)
    expect(checked.counts.errors).toBe(0)
    expect(checked.report!.member).toBe('Norway')
    expect(checked.report!.programmes.map((p) => p.title)).toEqual(result.report!.rows.map((row) => row.title))
  })

  it('reads the Spanish interface', async () => {
    const result = await importText(spanishPage, {member: 'Spain'})
    expect(result.interfaceLanguage).toBe('es')
    expect(cells(result.report!.rows)).toEqual([
      {number: 1, title: 'Taller sobre examen de patentes', start: '01/03/2022', beneficiaries: ['Colombia', 'Perú']},
      {number: 2, title: 'Seminario web sobre marcas', start: '15/04/2022', beneficiaries: []},
      {number: 3, title: 'Formación de funcionarios de aduanas', start: undefined, beneficiaries: ['Ecuador', 'Paraguay']},
      {number: 4, title: 'Red de investigación sobre innovación abierta', start: undefined, beneficiaries: []},
      {number: 5, title: 'Misión de expertos del 12/05/2021 al 14/05/2021, seguimiento', start: '01/06/2022', beneficiaries: ['Guatemala']},
      {number: 6, title: 'Apoyo al Ministerio de Comercio de Honduras', start: '01/07/2022', beneficiaries: ['Honduras']},
      {number: 7, title: 'Cooperación con la oficina de patentes de Guatemala', start: undefined, beneficiaries: []}
    ])
    expect(result.problems).toEqual(['3 import-period-guessed', '11 import-beneficiaries-guessed', '13 import-dates-in-row', '15 import-title-name-kept'])
    const checked = await check(result.sources)
    expect(checked.counts.errors).toBe(0)
    expect(checked.report!.period.label).toBe('2021-2022')
  })

  it('finds the reporting Member by its French or Spanish name too', async () => {
    const page = (paragraph: string) =>
      `Activités de coopération technique au titre de l'article 67 de l'Accord sur les ADPIC - Afficher les détails du document\n\n1. ${paragraph}\n\nListe des programmes/projets\n\nCliquez pour obtenir plus de renseignements\n# Titre du programme ou de l'activité Date de début Membres ou observateurs bénéficiares\n1 Atelier 15/03/2022 Ghana\n`
    const french = await importText(page('La Suisse présente ses activités pour la période 2022-2023. La Suisse coopère avec le Ghana.'))
    expect(french.report!.member).toBe('Switzerland')
    const spanish = await importText(page('España presenta sus actividades del período 2022-2023. España coopera con el Perú y con la República de Corea.'))
    expect(spanish.report!.member).toBe('Spain')
  })

  it('leaves what it cannot find as a commented placeholder, and reports it', async () => {
    const result = await importText('  1. Activities are listed below.;;\n\nList of programmes/projects\n1 Patent workshop 01/03/2022 Kenya\n')
    expect(result.problems).toEqual(['- import-member-missing', '- import-period-missing'])
    expect(result.markdown).toMatch(/^---\n# member: the reporting Member .*\n# period: the reporting period.*\n/)
    const checked = await check(result.sources)
    expect(checked.files[0]!.messages.map((message) => message.ruleId)).toContain('frontmatter-field')
    // In the report's language.
    const french = await importText('  1. Activities are listed below.;;\n\nList of programmes/projects\n1 Patent workshop 01/03/2022 Kenya\n', {language: 'fr'})
    expect(french.markdown).toMatch(
      /^---\n# member: le Membre qui présente le rapport \(absent de la page: à compléter\)\n# period: la période couverte, par exemple 2020-2021 \(absente de la page: à compléter\)\nlanguage: fr\n# Importé avec `art67 import` de la page e-TRIPS page\.txt \(interface en anglais\)\.\n# Ajouter /
    )
    // A page without the interface's texts names none.
    const spanish = await importText('  1. Las actividades figuran a continuación.;;\n', {language: 'es'})
    expect(spanish.markdown).toContain('\nlanguage: es\n# Importado con `art67 import` de la página de e-TRIPS page.txt.\n# Añada ')
  })

  it('checks --member and --period as init does, and writes the member by its WTO name', async () => {
    const page = '  1. Text.;;\n\nList of programmes/projects\n1 Seminar 01/03/2022 Kenya\n'
    const result = await importText(page, {member: 'usa', period: '2021'})
    expect(result.markdown).toMatch(/^---\nmember: United States of America\nperiod: 2021\n/)
    await expect(importText(page, {member: 'Norwya'})).rejects.toThrow('`Norwya` is not a WTO Member, observer or organisation art67 knows; did you mean "Norway"?')
    // Without init's --from and --to, which import does not take.
    await expect(importText(page, {period: '2022-2021'})).rejects.toThrow(/^--period takes a year or two years such as 2022-2023, not `2022-2021`$/)
    await expect(importText(page, {period: '2021-13'})).rejects.toThrow('not `2021-13`')
  })

  it('escapes Markdown in titles and quotes free-text beneficiaries, so check reads them as written', async () => {
    const page = '  1. Text.;;\n\nList of programmes/projects\n1 Use of *stars*, <tags> | pipes & `code` 01/03/2022 Global South; Kenya\n'
    const result = await importText(page, {member: 'Norway', period: '2021-2022'})
    expect(result.markdown).toContain('| 1 | Use of \\*stars\\*, \\<tags> \\| pipes & \\`code\\` | 01/03/2022 | "Global South"; Kenya |')
    const checked = await check(result.sources)
    expect(checked.counts.errors).toBe(0)
    expect(checked.report!.programmes[0]).toMatchObject({title: 'Use of *stars*, <tags> | pipes & `code`', beneficiaries: ['Global South', 'Kenya']})
  })

  it('reads rows copied with tabs between the cells, and column titles without the `#`', async () => {
    const page = '  1. Text.;;\n\nList of programmes/projects\nTitle of programme or activity\tStart date\tBeneficiary Members or observers\n1\tPatent drafting workshop Kenya\t\t\n2\tSeminar\t01/03/2022\tKenya; Uganda\n'
    const result = await importText(page, {member: 'Norway', period: '2021-2022'})
    expect(cells(result.report!.rows)).toEqual([
      {number: 1, title: 'Patent drafting workshop Kenya', start: undefined, beneficiaries: []},
      {number: 2, title: 'Seminar', start: '01/03/2022', beneficiaries: ['Kenya', 'Uganda']}
    ])
    expect(result.problems).toEqual([])
  })

  it('never writes into an existing folder unless forced', async () => {
    const first = await importText(englishPage)
    await expect(importFile(path.join(first.dir, 'page.txt'), {out: first.sources})).rejects.toThrow(Art67Error)
    await writeFile(path.join(first.dir, 'page.txt'), spanishPage)
    await importFile(path.join(first.dir, 'page.txt'), {out: first.sources, force: true, member: 'Spain'})
    expect(await readFile(path.join(first.sources, 'report.md'), 'utf8')).toContain('Taller sobre examen de patentes')
  })

  it('writes nothing for a text that is not an e-TRIPS page', async () => {
    const result = await importText('Minutes of the meeting.\n')
    expect(result.problems).toEqual(['- import-not-etrips'])
    expect(result.outputs).toEqual([])
  })

  it('runs as a command: problems on stderr or as JSON, the files written, exit codes', async () => {
    const dir = await temporary()
    const plain = {FORCE_COLOR: undefined, NO_COLOR: undefined}
    const first = art67(['import', seed, '--out', 'sources', '--member', 'Canada', '--period', '2020-2021'], plain, [], dir)
    expect(first.code).toBe(0)
    expect(first.stdout).toBe('wrote sources/report.md\n')
    expect(first.stderr).toMatch(/20:1-20:78 +warning This row has no start date and ends in `developing countries`/)
    expect(first.stderr).toMatch(/002_05d88512103c0841\.txt, 3 paragraphs, 10 programmes, 0 errors, 2 warnings\n$/)
    expect(art67(['check', 'sources'], plain, [], dir).code).toBe(0)

    const again = art67(['import', seed, '--out', 'sources'], plain, [], dir)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('sources already exists: art67 import never writes into an existing folder')
    const forced = art67(['import', seed, '--out', 'sources', '--force', '--format', 'json'], plain, [], dir)
    expect(forced.code).toBe(0)
    const document = JSON.parse(forced.stdout) as {problems: Array<{ruleId: string; line: number}>; outputs: string[]}
    expect(document.problems.map((problem) => `${problem.line} ${problem.ruleId}`)).toEqual(['5 import-language-guessed', '5 import-member-guessed', '5 import-period-guessed', '20 import-title-name-kept'])
    expect(document.outputs).toEqual(['sources/report.md'])
    const french = art67(['import', seed, '--out', 'french', '--language', 'fr'], plain, [], dir)
    expect(french.code).toBe(0)
    expect(await readFile(path.join(dir, 'french', 'report.md'), 'utf8')).toMatch(/^---\nmember: Canada\nperiod: 2020-2021\nlanguage: fr\n/)
    expect(art67(['import', seed, '--out', 'german', '--language', 'de'], plain, [], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('there are no templates for the language `de`; use one of en, es, fr')})

    await writeFile(path.join(dir, 'notes.txt'), 'Minutes of the meeting.\n')
    expect(art67(['import', 'notes.txt', '--out', 'other'], plain, [], dir).code).toBe(1)
    expect(art67(['import'], plain, [], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('import needs the file of an e-TRIPS page')})
    expect(art67(['import', 'a.txt', '--bogus'], plain, [], dir)).toMatchObject({code: 2, stderr: expect.stringContaining("unknown option `--bogus`")})
    expect(art67(['import', 'missing.txt', '--out', 'x'], plain, [], dir)).toMatchObject({code: 2, stderr: 'art67: Cannot read missing.txt: there is no such file\n'})
  })
})
