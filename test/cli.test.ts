// The compiled `art67` command as a user and CI run it: exit codes, messages, atomic outputs.
import {spawnSync} from 'node:child_process'
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
    [['check', '--templates', '/nonexistent'], 'Cannot read template']
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
    const result = art67(['check', 'test/fixtures/date-invalid'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('test/fixtures/date-invalid/report.md')
    expect(result.stderr).toMatch(/11:15-11:25\s+error\s+Invalid start date `31\/02\/2021`: february 2021 has no day 31\s+date-invalid/)
    expect(result.stderr).toContain('Write a date as 2021-04-24')
    expect(art67(['check', 'no/such/folder']).code).toBe(1)
  })

  it('leaves the previous outputs untouched when a build fails', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'art67-out-'))
    expect(art67(['build', 'sources', '--out', out]).code).toBe(0)
    const before = await fingerprints(out)
    expect(before.map(([name]) => name)).toEqual(['canada-2020-2021.json', 'canada-2020-2021.pdf', 'canada-2020-2021.xlsx'])
    const failed = art67(['build', 'test/fixtures/merge-conflict', '--out', out])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe('')
    expect(await fingerprints(out)).toEqual(before)
  })

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    const result = art67(['build', 'sources', '--out', path.join(tmpdir(), 'art67-never')], {SOURCE_DATE_EPOCH: 'yesterday'})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds')
  })

  it('checks without loading pdfmake or exceljs', () => {
    const script = `
      import {createRequire} from 'node:module'
      const {check} = await import(${JSON.stringify(path.resolve('dist/pipeline/index.js'))})
      const result = await check('sources')
      const loaded = Object.keys(createRequire(import.meta.url).cache)
      console.log(JSON.stringify({programmes: result.report.programmes.length, heavy: loaded.filter((file) => /node_modules\\/(pdfmake|pdfkit|exceljs)\\//.test(file))}))
    `
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(JSON.parse(result.stdout)).toEqual({programmes: 10, heavy: []})
  })
})
