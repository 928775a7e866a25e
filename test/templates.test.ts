// The templates as loaded by check and build: the styles' font must be usable before anything is laid out.
import {cp, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyse, check} from '../pipeline/index.js'
import {loadTemplates, packageTemplates, TemplateError, type Styles} from '../pipeline/templates.js'
import {sourceFiles} from './helpers/stages.js'
import {art67} from './helpers/run-cli.js'

/** A copy of the package's templates with styles.json changed by `change`. */
async function templatesWith(change: (styles: Styles & Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'art67-templates-'))
  await cp(packageTemplates, dir, {recursive: true})
  const file = path.join(dir, 'styles.json')
  const styles = JSON.parse(await readFile(file, 'utf8'))
  change(styles)
  await writeFile(file, JSON.stringify(styles))
  return dir
}

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
    ['an unknown paragraph numbering', (s) => (s.paragraphNumbers = 'outline' as 'inline'), 'paragraphNumbers']
  ])('refuse %s, in check too', async (_, change, message) => {
    const dir = await templatesWith(change)
    const error = await loadTemplates(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TemplateError)
    expect((error as Error).message).toContain(message)
    await expect(check('sources', {templates: dir})).rejects.toThrow(message)
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
