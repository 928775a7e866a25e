// The compiled `art67` command as a user and CI run it: exit codes, messages, atomic outputs.
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {art67, fingerprints} from './helpers/run-cli.js'

describe('art67 command', () => {
  it('prints help and version', async () => {
    const help = art67(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: art67 <command>/)
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {version: string}
    expect(art67(['--version'])).toMatchObject({code: 0, stdout: `${pkg.version}\n`})
  })

  it.each([
    [[], 'missing command'],
    [['publish'], 'unknown command `publish`'],
    [['check', 'a', 'b'], 'unexpected argument `b`'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['check', '--out', 'x'], '--out goes with build'],
    [['check', '--templates', '/nonexistent'], 'Cannot read the templates folder /nonexistent']
  ])('exits 2 on a usage error: %j', (args, text) => {
    const result = art67(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(text)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('checks the example: 0, or 1 under --strict because of its warnings', () => {
    const ok = art67(['check', 'sources'])
    expect(ok.code).toBe(0)
    expect(ok.stderr).toContain('sources: 2 files, 10 programmes, 0 errors, 5 warnings')
    expect(art67(['check', 'sources', '--strict']).code).toBe(1)
  })

  it('exits 1 with file:line:column, rule id and hint for invalid sources', () => {
    const result = art67(['check', 'test/fixtures/rules/date-invalid'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('test/fixtures/rules/date-invalid/report.md')
    expect(result.stderr).toMatch(/11:15-11:25\s+error\s+Invalid start date `31\/02\/2021`: February 2021 has no day 31\s+date-invalid/)
    expect(result.stderr).toContain('docs/rules.md#date-invalid')
    expect(result.stderr).toContain('Write a date as 2021-04-24')
    expect(art67(['check', 'no/such/folder']).code).toBe(1)
  })

  it('prints problems as a stable JSON document on stdout with --format json', () => {
    const result = art67(['check', 'test/fixtures/rules/merge-conflict', '--format', 'json'])
    expect(result.code).toBe(1)
    const document = JSON.parse(result.stdout)
    expect(document).toEqual({
      version: 1,
      tool: 'art67',
      summary: {files: 3, errors: 1, warnings: 0},
      problems: [
        {
          file: 'test/fixtures/rules/merge-conflict/programmes/b.md',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 25,
          severity: 'error',
          ruleId: 'merge-conflict',
          message: 'Programme `workshop` has start date `24/05/2021` here and `2021-04-24` in another file',
          hint: 'Make both files give the same value, or give it in one file only.',
          url: 'docs/rules.md#merge-conflict',
          related: {file: 'test/fixtures/rules/merge-conflict/programmes/a.md', line: 3, column: 15, message: 'the other value'}
        }
      ],
      outputs: []
    })
  })

  it('prints GitHub Actions workflow commands with --format github', () => {
    const result = art67(['check', 'test/fixtures/rules/unknown-field', '--format', 'github'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual([
      '::warning file=test/fixtures/rules/unknown-field/report.md,line=11,col=3,endLine=11,endColumn=28,title=art67 unknown-field::' +
        'Unknown field `Begining date`, kept under “Other information”: did you mean `Start date` or `End date`?%0A' +
        'If this is one of the fields listed in “Writing sources” in the README, use its label as the label or column title; ' +
        'otherwise nothing is lost: the PDF prints it among the programme’s details and the XLSX in its “Other information” column.'
    ])
    expect(art67(['check', 'sources', '--format', 'xml']).code).toBe(2)
  })

  it('lists what a JSON build wrote', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'art67-json-'))
    const document = JSON.parse(art67(['build', 'sources', '--out', out, '--format', 'json']).stdout)
    expect(document.outputs.map((file: string) => path.basename(file))).toEqual(['canada-2020-2021.pdf', 'canada-2020-2021.xlsx', 'canada-2020-2021.json'])
    expect(document.summary).toEqual({files: 2, errors: 0, warnings: 5})
  })

  it('leaves the previous outputs untouched when a build fails', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'art67-out-'))
    expect(art67(['build', 'sources', '--out', out]).code).toBe(0)
    const before = await fingerprints(out)
    expect(before.map(([name]) => name)).toEqual(['canada-2020-2021.json', 'canada-2020-2021.pdf', 'canada-2020-2021.xlsx'])
    const failed = art67(['build', 'test/fixtures/rules/merge-conflict', '--out', out])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe('')
    expect(await fingerprints(out)).toEqual(before)
  })

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    const result = art67(['build', 'sources', '--out', path.join(tmpdir(), 'art67-never')], {SOURCE_DATE_EPOCH: 'yesterday'})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds')
    expect(art67(['build', 'sources', '--out', path.join(tmpdir(), 'art67-never')], {SOURCE_DATE_EPOCH: '99999999999999'}).stderr).toContain(
      'art67: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970'
    )
  })

  it('checks without loading pdfmake, exceljs or fontkit, and builds with them', async () => {
    const loaded = async (args: string[]) => {
      const log = path.join(await mkdtemp(path.join(tmpdir(), 'art67-imports-')), 'imports.log')
      const result = art67(args, {IMPORTS_LOG: log}, ['--import', path.resolve('test/helpers/record-imports.mjs')])
      expect(result.code).toBe(0)
      const urls = (await readFile(log, 'utf8')).split('\n')
      return ['pdfmake', 'pdfkit', 'exceljs', 'fontkit'].filter((name) => urls.some((url) => url.includes(`/node_modules/${name}/`)))
    }
    expect(await loaded(['check', 'test/fixtures/rules/glyph-missing'])).toEqual([])
    // The hook sees every import art67 makes; `require` calls inside CommonJS packages (pdfmake's pdfkit) it does not.
    expect(await loaded(['build', 'sources', '--out', await mkdtemp(path.join(tmpdir(), 'art67-out-'))])).toEqual(['pdfmake', 'exceljs'])
  })

})
