// The templates as loaded by check and build: the styles' font must be usable before anything is laid out.
import {execFileSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyse, check} from '../pipeline/index.js'
import {loadTemplates, packageTemplates, placeholders, TemplateError, type Styles} from '../pipeline/templates.js'
import {sourceFiles} from './helpers/stages.js'
import {art67} from './helpers/run-cli.js'

/** A copy of the package's templates with the JSON of `name` changed by `change`. */
async function copyWith<T>(name: string, change: (data: T) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'art67-templates-'))
  await cp(packageTemplates, dir, {recursive: true})
  const file = path.join(dir, name)
  const data = JSON.parse(await readFile(file, 'utf8')) as T
  change(data)
  await writeFile(file, JSON.stringify(data))
  return dir
}

/** A copy of the package's templates with styles.json changed by `change`. */
const templatesWith = (change: (styles: Styles & Record<string, unknown>) => void) => copyWith('styles.json', change)

describe('styles.json', () => {
  it.each<[string, (styles: Styles & Record<string, unknown>) => void, string]>([
    ['a font that is not in `fonts`', (s) => (s.font = 'Verdana'), 'font `Verdana` is not one of `fonts` (DejaVuSans, Roboto)'],
    [
      'a family art67 has no glyph table for',
      (s) => (s.fonts.Verdana = {...s.fonts.DejaVuSans!}),
      'art67 has no glyph table for the font family `Verdana`; use one of DejaVuSans, Roboto'
    ],
    ['a font file that does not exist', (s) => (s.fonts.DejaVuSans!.bold = 'ttf/DejaVuSans-Heavy.ttf'), 'the files of font `DejaVuSans` are missing: '],
    ['a font package that is not installed', (s) => (s.fonts.DejaVuSans!.package = 'no-such-font-package'), 'missing: no-such-font-package'],
    ['a family without one of its four variants', (s) => delete (s.fonts.DejaVuSans as Partial<Styles['fonts'][string]>).bolditalics, 'fonts.DejaVuSans.bolditalics'],
    ['text below 7 pt', (s) => (s.styles.tableCell!.fontSize = 6.5), 'styles.tableCell.fontSize: WTO documents print no text below 7 pt'],
    ['a font named in a style', (s) => ((s.styles.code as Record<string, unknown>).font = 'Roboto'), 'set the font family once, with the top-level "font"'],
    ['an unknown paragraph numbering', (s) => (s.paragraphNumbers = 'outline' as 'inline'), 'paragraphNumbers'],
    // Geometry that leaves no room for text: pdfmake laid out header-only pages, or crashed with no message.
    ['margins that leave text too narrow', (s) => (s.pageMargins = [290, 36, 290, 64]), 'pageMargins: the margins leave text 15.3 pt wide'],
    ['a header that leaves too little of the page', (s) => (s.header.gap = 800), "pageMargins: the margins and the header (its font size and gap) leave"],
    ['a negative margin', (s) => (s.pageMargins = [-72, -36, -72, -64]), 'pageMargins.0'],
    ['text above 36 pt', (s) => (s.styles.tableCell!.fontSize = 300), 'styles.tableCell.fontSize: text above 36 pt may not fit a page'],
    ['a header font above 36 pt', (s) => (s.header.fontSize = 200), 'header.fontSize: text above 36 pt'],
    ['lines far apart', (s) => (s.defaultStyle.lineHeight = 50), 'defaultStyle.lineHeight: lines more than 3 times'],
    ['a label column wider than the page', (s) => (s.styles.fieldLabel!.width = '150%'), 'styles.fieldLabel.width: a share of more than 60%'],
    // Values that put text off the page or over other text (words were lost, with exit 0), or crashed pdfmake.
    ['a tab wider than an inch', (s) => (s.tab = 100_000), 'tab: a tab of more than 72 pt'],
    ['keeping many lines with a heading', (s) => (s.keepWithNext = 100), 'keepWithNext: keeping more than 10 lines'],
    ['a negative margin in a style', (s) => ((s.styles.paragraph as Record<string, unknown>).margin = [-500, 0, 0, 0]), 'styles.paragraph.margin.0: a negative margin'],
    ['a margin of the wrong shape', (s) => ((s.styles.paragraph as Record<string, unknown>).margin = [0, 6, 0]), 'styles.paragraph.margin: a margin is a number of points'],
    ['an unknown decoration', (s) => ((s.styles.link as Record<string, unknown>).decoration = 'blink'), 'styles.link.decoration: a decoration is "underline"'],
    ['an unknown alignment', (s) => ((s.styles.title as Record<string, unknown>).alignment = 'middle'), 'styles.title.alignment'],
    ['a font file outside its package', (s) => (s.fonts.DejaVuSans!.normal = '../../../../etc/passwd'), 'fonts.DejaVuSans.normal: give the file’s path inside its package'],
    ['a font file that is no font', (s) => (s.fonts.DejaVuSans!.normal = 'package.json'), 'the files of font `DejaVuSans` must be TrueType, OpenType or WOFF fonts; these are not: '],
    ['a font file by absolute path', (s) => (s.fonts.DejaVuSans!.normal = '/etc/passwd'), 'fonts.DejaVuSans.normal: give the file’s path inside its package']
  ])('refuse %s, in check too', async (_, change, message) => {
    const dir = await templatesWith(change)
    const error = await loadTemplates(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TemplateError)
    expect((error as Error).message).toContain(message)
    await expect(check('sources', {templates: dir})).rejects.toThrow(message)
  })

  it('reads a template saved with a byte order mark', async () => {
    const dir = await copyWith<Styles>('styles.json', () => {})
    const file = path.join(dir, 'styles.json')
    await writeFile(file, '\uFEFF' + (await readFile(file, 'utf8')))
    expect((await loadTemplates(dir)).styles).toEqual((await loadTemplates(packageTemplates)).styles)
  })

  it('makes an unusable font a setup error of `art67 check` (exit 2)', async () => {
    const dir = await templatesWith((s) => (s.fonts.DejaVuSans!.normal = 'ttf/Nothing.ttf'))
    const result = art67(['check', 'sources', '--templates', dir])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('the files of font `DejaVuSans` are missing')
    expect(result.stderr).toContain('Nothing.ttf')
  })

  it('checks printed characters against the font the styles choose: DejaVu Sans by default, or Roboto', async () => {
    const sources = () => ({dir: 'mem', files: sourceFiles({'report.md': '---\nmember: Canada\nperiod: 2021\ndate: 16/09/2021\n---\n\nFrom A → B.\n'}), rejected: []})
    const rules = (result: Awaited<ReturnType<typeof analyse>>) => result.files.flatMap((file) => file.messages.map((message) => message.ruleId))
    expect(rules(await analyse(sources()))).toEqual([])
    const roboto = await templatesWith((s) => (s.font = 'Roboto'))
    expect(rules(await analyse(sources(), {templates: roboto}))).toEqual(['glyph-missing'])
  })
})

describe('names and labels that the outputs or the sources would trip on', () => {
  const labelsWith = (change: (labels: Record<string, any>) => void) => copyWith('en.json', change)

  it.each<[string, (labels: Record<string, any>) => void, string]>([
    ['a sheet name Excel refuses', (l) => (l.workbook.programmesSheet = 'Prog/rammes?'), 'workbook.programmesSheet: a sheet name cannot hold'],
    ['a sheet named twice, whatever the case', (l) => (l.workbook.beneficiariesSheet = 'PROGRAMMES'), 'workbook.beneficiariesSheet: the sheet name "PROGRAMMES" is already workbook.programmesSheet'],
    ['the Changes sheet named as another', (l) => (l.changes.sheet = 'Summary'), 'changes.sheet: the sheet name "Summary" is already workbook.summarySheet'],
    ['the sheet name Excel keeps', (l) => (l.workbook.summarySheet = 'History'), 'workbook.summarySheet: Excel keeps the sheet name "History"'],
    ['a sheet name in apostrophes', (l) => (l.workbook.summarySheet = "'Summary'"), 'workbook.summarySheet: a sheet name cannot start or end with an apostrophe'],
    ['a placeholder left open', (l) => (l.circulation = 'Dated {date at {requester}'), 'at circulation: {date is not closed: did you mean {date}?'],
    ['one label for two fields', (l) => l.sources.fields.end.push('start date:'), 'at sources.fields.end: "start date:" is already a label of the field start']
  ])('refuse %s, in check too', async (_, change, message) => {
    const dir = await labelsWith(change)
    await expect(loadTemplates(dir)).rejects.toThrow(message)
    await expect(check('sources', {templates: dir})).rejects.toThrow(message)
  })

  it('refuses a label that another language’s template gives another field', async () => {
    const dir = await copyWith<Record<string, any>>('es.json', (labels) => labels.sources.fields.end.push('Start date'))
    await expect(loadTemplates(dir)).rejects.toThrow(/es\.json is invalid at sources\.fields\.end: "Start date" is already a label of the field start in en\.json/)
  })

  it('refuses a template or config that is a named pipe or a link to nothing, instead of waiting for it', async () => {
    const dir = await copyWith('en.json', () => {})
    await rm(path.join(dir, 'fr.json'))
    execFileSync('mkfifo', [path.join(dir, 'fr.json')])
    await expect(loadTemplates(dir)).rejects.toThrow(`Cannot read template ${path.join(dir, 'fr.json')}: it is a named pipe, not a file`)
    const sources = await mkdtemp(path.join(tmpdir(), 'art67-config-'))
    await cp('sources', sources, {recursive: true})
    execFileSync('mkfifo', [path.join(sources, 'art67.config.json')])
    await expect(check(sources)).rejects.toThrow('art67.config.json: it is a named pipe, not a file')
    await rm(path.join(sources, 'art67.config.json'))
    await symlink('missing.json', path.join(sources, 'art67.config.json'))
    await expect(check(sources)).rejects.toThrow('art67.config.json: it is a symbolic link to nothing')
  })
})

describe('placeholders in the labels', () => {
  /** A copy of the package's templates with en.json changed by `change`. */
  const labelsWith = (change: (labels: Record<string, any>) => void) => copyWith('en.json', change)

  it('refuses an unknown placeholder, which would be printed as written, naming the ones the text takes', async () => {
    const dir = await labelsWith((labels) => (labels.runningHead = '- {Page} of {total} -'))
    const result = art67(['check', 'sources', '--templates', dir])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('en.json is invalid in 2 places:')
    expect(result.stderr).toContain('at runningHead: unknown placeholder {Page}: did you mean {page}? this text takes {page}')
    expect(result.stderr).toContain('at runningHead: unknown placeholder {total}: this text takes {page}')
  })

  it('refuses a placeholder in a text that takes none, array items included', async () => {
    const dir = await labelsWith((labels) => {
      labels.annex.heading = 'ANNEX: {member}'
      labels.title[1] = 'FROM {member}'
    })
    const error = await loadTemplates(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TemplateError)
    expect((error as Error).message).toContain('at annex.heading: unknown placeholder {member}: this text takes none')
    expect((error as Error).message).toContain('at title.1: unknown placeholder {member}: this text takes none')
  })

  it('accepts every placeholder the emitters fill, and lists only texts that exist', async () => {
    const {labels} = await loadTemplates()
    for (const words of Object.values(labels)) {
      for (const at of Object.keys(placeholders)) {
        const text = at.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], words)
        expect(typeof text, at).toBe('string')
      }
    }
    // Braces that are not a placeholder are text.
    await expect(loadTemplates(await labelsWith((labels) => (labels.annex.heading = 'ANNEX {1-2} { } {see annex}')))).resolves.toBeDefined()
  })
})

describe('the three languages’ templates', () => {
  /** Every path to a value in `value`, arrays as leaves. */
  const keyPaths = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key))
      : [prefix]
  const raw = async (language: string) => JSON.parse(await readFile(path.join(packageTemplates, `${language}.json`), 'utf8')) as unknown

  it.each(['fr', 'es'])('%s.json has every key of en.json, and no other', async (language) => {
    expect(keyPaths(await raw(language)).sort()).toEqual(keyPaths(await raw('en')).sort())
  })

  it('loads English, French and Spanish, each naming the three languages and its own', async () => {
    const {labels} = await loadTemplates()
    expect(Object.keys(labels)).toEqual(['en', 'es', 'fr'])
    for (const [language, words] of Object.entries(labels)) {
      expect(words.language).toBe(language)
      expect(Object.keys(words.languageNames).sort()).toEqual(['en', 'es', 'fr'])
    }
    expect([labels.fr!.languageNames.en, labels.es!.languageNames.en]).toEqual(['anglais', 'inglés'])
  })

  it('gives the fixed texts domain.md lists for each language', async () => {
    const {labels} = await loadTemplates()
    const {fr, es} = labels as Record<'fr' | 'es', NonNullable<(typeof labels)[string]>>
    expect(fr.council.join(' ')).toBe('Conseil des aspects des droits de propriété intellectuelle qui touchent au commerce')
    expect(es.council.join(' ')).toBe('Consejo de los Aspectos de los Derechos de Propiedad Intelectual relacionados con el Comercio')
    expect(fr.title).toEqual(['ACTIVITÉS DE COOPÉRATION TECHNIQUE:', 'RENSEIGNEMENTS COMMUNIQUÉS PAR LES MEMBRES'])
    expect(es.title).toEqual(['ACTIVIDADES DE COOPERACIÓN TÉCNICA:', 'INFORMACIÓN FACILITADA POR LOS MIEMBROS'])
    expect([fr.page, es.page]).toEqual(['Page: {page}/{pages}', 'Página: {page}/{pages}'])
    expect([fr.annex.heading, es.annex.heading]).toEqual(['ANNEXE', 'ANEXO'])
    expect(fr.circulation).toBe('La communication ci-après, datée du {date}, est distribuée à la demande {requester}.')
    expect(es.circulation).toBe('La siguiente comunicación, de fecha {date}, se distribuye a petición {requester}.')
    // The e-TRIPS list's columns, and its French misspelling accepted in sources.
    expect([fr.columns.title, fr.columns.start]).toEqual(["Titre du programme ou de l'activité", 'Date de début'])
    expect([es.columns.title, es.columns.start, es.columns.beneficiaries]).toEqual(['Título del programa o actividad', 'Fecha de inicio', 'Miembros u observadores beneficiarios'])
    expect(fr.sources.fields.beneficiaries).toContain('Membres ou observateurs bénéficiares')
    expect(fr.sources.programmesHeadings).toContain('Programmes')
    expect(es.sources.programmesHeadings).toContain('Programas')
  })
})
