// The compiled `art67` command as a user and CI run it: exit codes, messages, atomic outputs.
import {spawn} from 'node:child_process'
import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {art67, fingerprints} from './helpers/run-cli.js'
import {frontMatter, writeSources} from './helpers/sources.js'
import {readXlsx} from './helpers/xlsx-read.js'

/** No colour settings from the environment the tests run in. */
const plain = {FORCE_COLOR: undefined, NO_COLOR: undefined}
const ansi = '\u001B['

describe('art67 command', () => {
  it('prints help whatever other options are given, a command’s own among them', () => {
    for (const args of [['import', 'page.txt', '--force', '--help'], ['diff', 'a', 'b', '--exit-code', '-h'], ['check', '--bogus', '--help']]) {
      expect(art67(args)).toMatchObject({code: 0, stderr: ''})
      expect(art67(args).stdout).toContain('Usage:')
    }
  })

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
    [['init'], 'init needs the folder'],
    [['init', 'x', 'y'], 'unexpected argument `y`'],
    [['init', 'x'], 'init needs the reporting Member'],
    // Options of other commands are refused, never ignored (`-o` might be taken for the folder).
    [['init', 'x', '--member', 'Japan', '-o', 'y'], '--out goes with build and import, not init'],
    [['init', 'x', '--member', 'Japan', '--format', 'json'], '--format goes with build, check, import and diff, not init'],
    [['init', 'x', '--member', 'Japan', '--watch'], '--watch goes with build and check, not init'],
    [['init', 'x', '--member', 'Japan', '--max-warnings', 'abc'], '--max-warnings goes with build and check, not init'],
    [['init', 'x', '--member', 'Japan', '--since', 'old'], '--since goes with build, not init'],
    [['check', '--member', 'Japan'], '--member goes with init and import, not check'],
    [['build', '--period', '2022'], '--period goes with init and import, not build'],
    // Options of the commands that have their own, among all: one table says which command takes which.
    [['import', 'a.txt', '--quiet'], '--quiet goes with build and check, not import'],
    [['import', 'a.txt', '--no-strict'], '--no-strict goes with build and check, not import'],
    [['diff', 'a', 'b', '--out', 'x'], '--out goes with build and import, not diff'],
    [['check', '--force'], '--force goes with import, not check'],
    [['build', '--exit-code'], '--exit-code goes with diff, not build'],
    [['init', 'x', '--member', 'Japan', '--no-color'], '--no-color goes with build, check, import and diff, not init'],
    [['build', '--no-out'], 'unknown option `--no-out`'],
    [['import', 'a.txt', '--no-out'], 'unknown option `--no-out`'],
    // An empty path (an unset variable) is never taken for the current folder.
    [['init', '', '--member', 'Japan'], 'init needs the folder to write the report in, not an empty path (is a variable unset?)'],
    [['check', ''], 'check needs folders of sources, not an empty path'],
    [['build', '--out', ''], '--out needs a folder, not an empty path'],
    [['check', '--templates', ''], '--templates needs a folder, not an empty path'],
    [['import', '', '--out', 'x'], 'import needs the file of an e-TRIPS page, not an empty path'],
    [['import', 'a.txt', '--out', ''], '--out needs a folder, not an empty path'],
    [['diff', '', 'sources'], 'diff needs two reports, not an empty path'],
    [['check', '--overview'], '--overview goes with build'],
    [['check', '--bogus'], 'unknown option `--bogus`\n'],
    [['check', '--qiet'], 'unknown option `--qiet`: did you mean `--quiet`?'],
    [['check', '-q'], 'art67: unknown option `-q`\nRun `art67 --help` for the commands and options.\n'],
    [['diff', 'a', 'b', '--exit-cod'], 'unknown option `--exit-cod`: did you mean `--exit-code`?'],
    [['chek', 'sources'], 'unknown command `chek`: did you mean `check`?'],
    // Only the command's own options are suggested.
    [['check', '--forcee'], 'art67: unknown option `--forcee`\nRun'],
    [['import', 'a.txt', '--overveiw'], 'art67: unknown option `--overveiw`\nRun'],
    [['import', 'a.txt', '--forcee'], 'unknown option `--forcee`: did you mean `--force`?'],
    [['check', '--out', 'x'], '--out goes with build'],
    [['check', '--templates', '/nonexistent'], 'Cannot read the templates folder /nonexistent'],
    [['check', '--max-warnings', 'some'], '--max-warnings takes a whole number of warnings, not `some`'],
    [['check', '--max-warnings=-1'], '--max-warnings takes a whole number of warnings, not `-1`'],
    [['check', '--strict', '--max-warnings', '3'], '--strict is --max-warnings 0: give one of the two'],
    // parseArgs's own words for an option's value, said in ours on one line (they were `Option '-o, --out <value>' argument missing`…).
    [['check', '--color=always'], 'art67: --color takes no value\nRun'],
    [['build', '-o'], 'art67: --out needs a value\nRun'],
    [['diff', 'a', 'b', '--format'], 'art67: --format needs a value\nRun'],
    [['build', '--out', '--quiet'], 'art67: --out needs a value, not the option after it (a value that starts with `-` is written `--out=-…`)\nRun'],
    [['check', '--max-warnings', '-1'], 'art67: --max-warnings needs a value, not the option after it'],
    [['build', '-o', '-x'], 'art67: --out needs a value, not the option after it']
  ])('exits 2 on a usage error: %j', (args, text) => {
    const result = art67(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(text)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('writes nothing for `init ""`, not even in a current folder it could write in', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'art67-cwd-'))
    const result = art67(['init', '', '--member', 'Japan', '--period', '2022'], {}, [], cwd)
    expect(result.code).toBe(2)
    expect(await readdir(cwd)).toEqual([])
  })

  it('says why init cannot write the report, never with an internal error', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'art67-init-')), 'file')
    await writeFile(file, 'mine')
    expect(art67(['init', file, '--member', 'Japan'])).toMatchObject({code: 2, stderr: `art67: Cannot write the report in ${file}: ${file} is a file, not a folder\n`})
  })

  it('prints the whole usage for a missing command only; other usage errors end with a pointer to --help', () => {
    expect(art67([]).stderr).toMatch(/^art67: missing command\n\nUsage: art67 /)
    expect(art67(['check', '--format', 'xml']).stderr).toBe(
      'art67: unknown format `xml`; use one of text, json, github\nRun `art67 --help` for the commands and options.\n'
    )
  })

  it('checks the example: 0, or 1 under --strict because of its warnings', () => {
    const ok = art67(['check', 'sources'])
    expect(ok.code).toBe(0)
    expect(ok.stderr).toContain('sources: 2 files, 10 programmes, 0 errors, 5 warnings')
    expect(art67(['check', 'sources', '--strict']).code).toBe(1)
  })

  it('counts no file for a folder that is missing or holds none', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'art67-empty-'))
    expect(art67(['check', path.join(empty, 'missing')]).stderr).toContain(`${path.join(empty, 'missing')}: 0 files, 1 error, 0 warnings`)
    expect(art67(['check', empty]).stderr).toContain(`${empty}: 0 files, 1 error, 0 warnings`)
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
          hint: 'Make both files give the same value, or give it in one file only. If they are two different programmes with one title (two agencies’ study visits), give one of them an `ID:` of its own or another title, so that they are not merged.',
          url: 'docs/rules.md#merge-conflict',
          related: {file: 'test/fixtures/rules/merge-conflict/programmes/a.md', line: 3, column: 15, message: 'the other value'}
        }
      ],
      outputs: []
    })
  })

  it('prints GitHub Actions workflow commands with --format github', () => {
    const result = art67(['check', 'test/fixtures/rules/unknown-field', '--format', 'github'], {GITHUB_WORKSPACE: undefined})
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual([
      '::warning file=test/fixtures/rules/unknown-field/report.md,line=11,col=3,endLine=11,endColumn=28,title=art67 unknown-field::' +
        'Unknown field `Begining date`, kept under “Other information”: did you mean `Start date` or `End date`?%0A' +
        'If this is one of the fields listed in “Writing sources” in the README, use its label as the label or column title; ' +
        'otherwise nothing is lost: the PDF prints it among the programme’s details and the XLSX in its “Other information” column.'
    ])
    expect(art67(['check', 'sources', '--format', 'xml']).code).toBe(2)
  })

  it('names files in GitHub annotations from the repository’s root (GITHUB_WORKSPACE), whatever folder the step runs in', () => {
    const fromSubfolder = art67(['check', 'rules/unknown-field', '--format', 'github'], {GITHUB_WORKSPACE: process.cwd()}, [], 'test/fixtures')
    expect(fromSubfolder.stdout).toMatch(/^::warning file=test\/fixtures\/rules\/unknown-field\/report\.md,line=11,/)
    // Without it, as given; and a file outside the workspace too.
    expect(art67(['check', 'rules/unknown-field', '--format', 'github'], {GITHUB_WORKSPACE: undefined}, [], 'test/fixtures').stdout).toMatch(/^::warning file=rules\/unknown-field\/report\.md,/)
    expect(art67(['check', 'rules/unknown-field', '--format', 'github'], {GITHUB_WORKSPACE: '/nonexistent-root'}, [], 'test/fixtures').stdout).toMatch(/^::warning file=rules\/unknown-field\/report\.md,/)
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

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds a zip can date, saying the range', () => {
    for (const epoch of ['yesterday', '99999999999999', '253402300800', '315532799', '0']) {
      const result = art67(['build', 'sources', '--out', path.join(tmpdir(), 'art67-never')], {SOURCE_DATE_EPOCH: epoch})
      expect(result.code, epoch).toBe(2)
      expect(result.stderr).toBe(
        'art67: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 from 315532800 (1980-01-01) to 4354819199 ' +
          `(2107-12-31 23:59:59 UTC), the dates a zip file such as the XLSX can hold, not \`${epoch}\`\n`
      )
    }
  })

  it('builds at the last SOURCE_DATE_EPOCH accepted, into -o, an XLSX that reads back with that date', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'art67-epoch-'))
    expect(art67(['build', 'sources', '-o', out], {SOURCE_DATE_EPOCH: '4354819199'}).code).toBe(0)
    const {workbook} = await readXlsx(await readFile(path.join(out, 'canada-2020-2021.xlsx')))
    expect(workbook.created.toISOString()).toBe('2107-12-31T23:59:59.000Z')
  })

  it('fails on more warnings than --max-warnings, and says so in the summary', () => {
    expect(art67(['check', 'sources', '--max-warnings', '5'])).toMatchObject({code: 0})
    const over = art67(['check', 'sources', '--max-warnings', '4'])
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('sources: 2 files, 10 programmes, 0 errors, 5 warnings (more than the 4 allowed)\n')
    expect(art67(['check', 'sources', '--strict']).stderr).toContain('5 warnings (more than the 0 allowed)')
  })

  it('prints errors only with --quiet, still counting the warnings', () => {
    const quiet = art67(['check', 'sources', '--quiet'], plain)
    expect(quiet).toMatchObject({code: 0, stderr: 'sources: 2 files, 10 programmes, 0 errors, 5 warnings\n'})
    expect(art67(['check', 'sources', '--quiet', '--max-warnings', '4']).code).toBe(1)
    const errors = art67(['check', 'test/fixtures/inputs/config-severities', '--quiet', '--format', 'json'])
    const document = JSON.parse(errors.stdout)
    expect(document.summary).toEqual({files: 1, errors: 1, warnings: 2})
    expect(document.problems.map((problem: {ruleId: string}) => problem.ruleId)).toEqual(['no-beneficiaries'])
  })

  it('colours the text format as --color, --no-color, FORCE_COLOR and NO_COLOR say, and nothing else', () => {
    const dir = 'test/fixtures/rules/date-invalid'
    const colored = (args: string[], env: Record<string, string | undefined>) => art67(['check', dir, ...args], {...plain, ...env}).stderr.includes(ansi)
    expect(colored([], {})).toBe(false)
    expect(colored([], {FORCE_COLOR: '1'})).toBe(true)
    expect(colored([], {FORCE_COLOR: '0'})).toBe(false)
    expect(colored(['--color'], {})).toBe(true)
    expect(colored(['--color'], {NO_COLOR: '1'})).toBe(true)
    expect(colored(['--no-color'], {FORCE_COLOR: '1'})).toBe(false)
    const json = art67(['check', dir, '--format', 'json', '--color'], plain)
    expect(json.stdout + json.stderr).not.toContain(ansi)
  })

  it('runs on to its own exit code when the reader of its output stops early (`art67 check | head -1`)', async () => {
    const sources = await writeSources({'report.md': frontMatter + '\nA line <br> break.\n'})
    // The reading end closed before anything is written: each write there fails with EPIPE.
    const closed = (args: string[], stream: 'stdout' | 'stderr') =>
      new Promise<{code: number | null; stderr: string}>((resolve) => {
        const child = spawn(process.execPath, ['dist/pipeline/cli.js', ...args], {env: {...process.env, FORCE_COLOR: '0'}})
        child[stream].destroy()
        let stderr = ''
        if (stream === 'stdout') child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        child.on('close', (code) => resolve({code, stderr}))
      })
    // Before, a stack trace (`Error: write EPIPE`) and exit 1, as if the sources had errors.
    expect(await closed(['check', sources, '--format', 'github'], 'stdout')).toEqual({code: 0, stderr: `${sources}: 1 file, 0 programmes, 0 errors, 1 warning\n`})
    expect(await closed(['check', sources, '--format', 'github', '--strict'], 'stdout')).toMatchObject({code: 1})
    expect(await closed(['check', sources], 'stderr')).toMatchObject({code: 0})
  })

  it('applies rule severities from art67.config.json in the sources folder, or else the current directory', async () => {
    const sources = await writeSources({'report.md': frontMatter + '\nA line <br> break.\n'})
    expect(art67(['check', sources]).stderr).toContain('0 errors, 1 warning')
    const cwd = await mkdtemp(path.join(tmpdir(), 'art67-cwd-'))
    await writeFile(path.join(cwd, 'art67.config.json'), '{"rules": {"raw-html": "error"}}')
    const raised = art67(['check', sources], plain, [], cwd)
    expect(raised.code).toBe(1)
    expect(raised.stderr).toMatch(/error\s+Raw HTML is printed as text, not interpreted\s+raw-html/)
    expect(raised.stderr).toContain('1 error, 0 warnings')
    await writeFile(path.join(sources, 'art67.config.json'), '{"rules": {"raw-html": "off"}}')
    expect(art67(['check', sources, '--strict'], plain, [], cwd)).toMatchObject({code: 0, stderr: `${sources}: 1 file, 0 programmes, 0 errors, 0 warnings\n`})
  })

  it('exits 2 on a config that names an unknown rule or lowers a fixed one', async () => {
    const sources = await writeSources({'report.md': frontMatter, 'art67.config.json': '{"rules": {"no-beneficiary": "error"}}'})
    expect(art67(['check', sources])).toMatchObject({
      code: 2,
      stderr: `art67: ${sources}/art67.config.json: unknown rule \`no-beneficiary\`: did you mean \`no-beneficiaries\`?\n`
    })
    await writeFile(path.join(sources, 'art67.config.json'), '{"rules": {"merge-conflict": "off", "raw-html": "loud"}}')
    const refused = art67(['build', sources, '-o', path.join(tmpdir(), 'art67-never')])
    expect(refused.code).toBe(2)
    expect(refused.stderr.split('\n')).toEqual([
      `art67: ${sources}/art67.config.json has 2 problems:`,
      '  rule `merge-conflict` cannot be turned off: the report relies on it, since without it text of the sources would be left out or misread; fix what it reports instead',
      '  rule `raw-html` is set to "loud"; use "off", "warn" or "error"',
      ''
    ])
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
    // The hook sees every import art67 makes (the fast shaper imports pdfkit, which loads fontkit); `require` calls
    // inside CommonJS packages, and the PDF emitter's require of fontkit that pdfkit's already loaded, it does not.
    expect(await loaded(['build', 'sources', '--out', await mkdtemp(path.join(tmpdir(), 'art67-out-'))])).toEqual(['pdfmake', 'pdfkit', 'exceljs'])
  })

})
