// A side of `art67 diff` (or of `build --since`) that cannot be compared as it is: one with errors, listed with
// their places; and a git revision holding symbolic links, read as its folder is read.
import {execFileSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {anyChange, compare, loadReport} from '../../pipeline/diff/index.js'
import {readRevision} from '../../pipeline/diff/git.js'
import {Art67Error} from '../../pipeline/errors.js'
import {read, sourcePath, type Sources} from '../../pipeline/read/index.js'
import {art67} from '../helpers/run-cli.js'
import {readXlsx} from '../helpers/xlsx-read.js'

const example = path.resolve(import.meta.dirname, '../../sources')

let root: string
let bad: string
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'art67-diff-sides-'))
  bad = path.join(root, 'bad')
  await withErrors(bad)
})

/**
 * A new git repository in `root`/`name`; `commit` writes `files` (a path and its text, or the target of a link) and
 * commits the whole tree.
 */
async function repository(name: string) {
  const dir = path.join(root, name)
  await mkdir(dir)
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=art67', '-c', 'user.email=art67@example.invalid', ...args], {cwd: dir})
  git('init', '--quiet')
  return {
    dir,
    git,
    async commit(message: string, files: Record<string, string | {link: string}>) {
      for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name)
        await mkdir(path.dirname(file), {recursive: true})
        if (typeof content === 'string') await writeFile(file, content)
        else await symlink(content.link, file)
      }
      git('add', '--all')
      git('commit', '--quiet', '--allow-empty', '-m', message)
    }
  }
}

/** The example with an invisible character (a warning) and, after it on the same line, an impossible start date (an error). */
async function withErrors(dir: string): Promise<void> {
  await cp(example, dir, {recursive: true})
  const file = path.join(dir, 'report.md')
  const text = await readFile(file, 'utf8')
  expect(text).toContain('| 24/04/2021 |')
  await writeFile(file, text.replace('| 24/04/2021 |', '| 31/02/2021 |').replace('Executive Workshop', 'Executive\u200B Workshop'))
}

const dateError = [
  '41:63-41:73 error Invalid start date `31/02/2021`: February 2021 has no day 31 date-invalid art67',
  '  [url]:',
  '    docs/rules.md#date-invalid',
  '  [note]:',
  '    Write a date as 2021-04-24, 24/04/2021 (day first), 2021-04, April 2021 or 2021; the communication date (`date:`) with its day. A programme date not known (“ongoing”, “TBD”) is left out: leave the field out or its cell empty, and say so in the description.'
].join('\n')

describe('a side with errors', () => {
  it('carries its files, with their problems, on the error that stops the diff', async () => {
    const error = await loadReport(bad).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(error).toBeInstanceOf(Art67Error)
    expect((error as Art67Error).message).toBe(`${bad} has 1 error, so it cannot be compared`)
    const problems = (error as Art67Error).problems.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))
    expect(problems).toContain(`${path.join(bad, 'report.md')}:41:63 date-invalid`)
    expect(problems).toContain(`${path.join(bad, 'report.md')}:41:26 invisible-character`)
  })

  it('is listed by diff as check --quiet lists it, the files named as in the revision, then diff exits 2', async () => {
    const repo = await repository('repo-errors')
    const {dir} = repo
    await withErrors(path.join(dir, 'sources'))
    await repo.commit('with an error', {})
    await cp(example, path.join(dir, 'sources'), {recursive: true})
    await repo.commit('mended', {})

    const cli = art67(['diff', 'HEAD~1:sources', 'sources', '--format', 'json'], {NO_COLOR: '1', FORCE_COLOR: undefined}, [], dir)
    expect(cli).toMatchObject({code: 2, stdout: ''})
    expect(cli.stderr).toBe(`HEAD~1:sources/report.md\n${dateError}\n\n✖ 1 error\nart67: HEAD~1:sources has 1 error, so it cannot be compared\n`)

    // Both sides with errors: both listed (files by path, as check lists them), each under its own name.
    const both = art67(['diff', 'HEAD~1:./sources', bad], {NO_COLOR: '1', FORCE_COLOR: undefined}, [], dir)
    expect(both.code).toBe(2)
    expect(both.stderr).toBe(
      `${path.join(bad, 'report.md')}\n${dateError}\n\nHEAD~1:./sources/report.md\n${dateError}\n\n✖ 2 errors\n` +
        `art67: HEAD~1:./sources has 1 error and ${bad} has 1 error, so they cannot be compared\n`
    )
  })

  it('is listed by build --since too', () => {
    const built = art67(['build', example, '--out', path.join(root, 'out-since'), '--since', bad], {NO_COLOR: '1', FORCE_COLOR: undefined})
    expect(built.code).toBe(2)
    expect(built.stderr).toContain(`${path.join(bad, 'report.md')}\n${dateError}\n`)
    expect(built.stderr).toMatch(/art67: .*bad has 1 error, so it cannot be compared\n$/)
  })
})

describe('the rule severities of a side', () => {
  it('follow the revision’s own art67.config.json, else the one where diff runs, as check follows a folder’s', async () => {
    const repo = await repository('repo-config')
    const {dir} = repo
    const sources = path.join(dir, 'sources')
    await cp(example, sources, {recursive: true})
    const report = path.join(sources, 'report.md')
    // An invisible character: a warning, unless a config makes it an error.
    await writeFile(report, (await readFile(report, 'utf8')).replace('Executive Workshop', 'Executive\u200B Workshop'))
    const strict = JSON.stringify({rules: {'invisible-character': 'error'}})
    await repo.commit('strict in the sources', {'sources/art67.config.json': strict})
    const diff = () => art67(['diff', 'HEAD:sources', 'HEAD:sources'], {NO_COLOR: '1', FORCE_COLOR: undefined}, [], dir)
    expect(art67(['check', 'sources'], {}, [], dir).code).toBe(1)
    expect(diff()).toMatchObject({code: 2, stderr: expect.stringContaining('invisible-character')})

    repo.git('rm', '--quiet', 'sources/art67.config.json')
    await repo.commit('strict here', {'art67.config.json': strict})
    expect(diff()).toMatchObject({code: 2, stderr: expect.stringContaining('invisible-character')})

    // A config that is a link, followed within the revision.
    await repo.commit('strict through a link', {'shared/strict.json': strict, 'sources/art67.config.json': {link: '../shared/strict.json'}})
    repo.git('rm', '--quiet', 'art67.config.json')
    await repo.commit('only the linked one', {})
    expect(diff()).toMatchObject({code: 2, stderr: expect.stringContaining('invisible-character')})

    repo.git('rm', '--quiet', 'sources/art67.config.json')
    await repo.commit('no config', {})
    expect(diff()).toMatchObject({code: 0, stderr: ''})
  })
})

describe('build --since', () => {
  it('names one earlier report: refused for several reports, honoured with --combined', async () => {
    const two = path.join(root, 'two')
    for (const name of ['a', 'b']) await cp(example, path.join(two, name), {recursive: true})
    const many = art67(['build', two, '--out', path.join(root, 'out-two'), '--since', example])
    expect(many).toMatchObject({code: 2, stderr: expect.stringContaining('--since names one earlier report, but 2 reports were found')})

    const combined = art67(['build', example, '--combined', '--out', path.join(root, 'out-combined'), '--since', example])
    expect(combined.code).toBe(0)
    const xlsx = combined.stdout.split('\n').find((line) => line.endsWith('canada-2020-2021.xlsx'))!.slice('wrote '.length)
    expect(Object.keys((await readXlsx(await readFile(xlsx))).sheets)).toContain('Changes')
    // Its errors listed as without --combined.
    const failed = art67(['build', example, '--combined', '--out', path.join(root, 'out-combined-bad'), '--since', bad], {NO_COLOR: '1', FORCE_COLOR: undefined})
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain(`${path.join(bad, 'report.md')}\n${dateError}\n`)
  })
})

describe('a folder of several reports as a side', () => {
  it('is refused naming them, in a folder or at a revision; a folder of one report stands for it', async () => {
    const repo = await repository('repo-years')
    const report = await readFile(path.join(example, 'report.md'), 'utf8')
    await repo.commit('two years', {'reports/2024/report.md': report, 'reports/2025/report.md': report})
    // Before, each was read as one report with two front matters: errors that were none, exit 2.
    expect(art67(['diff', 'HEAD:reports', 'reports/2025'], {}, [], repo.dir)).toMatchObject({
      code: 2,
      stderr: 'art67: HEAD:reports holds 2 reports (HEAD:reports/2024 and HEAD:reports/2025), not one: name the folder of the report to compare, e.g. HEAD:reports/2024\n'
    })
    expect(art67(['diff', 'reports', 'reports/2025'], {}, [], repo.dir)).toMatchObject({
      code: 2,
      stderr: 'art67: reports holds 2 reports (reports/2024 and reports/2025), not one: name the folder of the report to compare, e.g. reports/2024\n'
    })
    expect(art67(['build', 'reports/2025', '--since', 'HEAD:', '--out', path.join(root, 'out-years')], {}, [], repo.dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('art67: HEAD: holds 2 reports (HEAD:reports/2024 and HEAD:reports/2025), not one')
    })
    const one = await repository('repo-one-year')
    await one.commit('one year', {'reports/2025/report.md': report})
    expect(art67(['diff', 'HEAD:', 'reports', '--exit-code'], {}, [], one.dir)).toMatchObject({code: 0, stdout: expect.stringContaining('No changes.')})
  })
})

/** What was read and what was refused, by path inside the sources: the text of each file read, the rules of each refused. */
const readOf = (sources: Sources) => ({
  files: sources.files.map((file) => [sourcePath(file), String(file.value)]),
  rejected: sources.rejected.map((file) => [sourcePath(file), file.messages.map((message) => message.ruleId)])
})

describe('a git revision that names no folder', () => {
  it('says why: no repository, no such revision, nothing at the path, or a file there', async () => {
    const repo = await repository('repo-one-commit')
    await repo.commit('first', {'sources/report.md': await readFile(path.join(example, 'report.md'), 'utf8'), 'notes.txt': 'Notes\n'})
    const refused = (spec: string, cwd = repo.dir) => loadReport(spec, {cwd}).then(() => 'read', (error: Error) => [error.constructor.name, error.message])
    expect(await refused('HEAD~1:sources')).toEqual(['Art67Error', 'HEAD~1:sources is not a folder at a git revision here: the revision `HEAD~1` does not exist in this repository'])
    expect(await refused('main~3:sources')).toEqual(['Art67Error', 'main~3:sources is not a folder at a git revision here: the revision `main~3` does not exist in this repository'])
    expect(await refused('HEAD:source')).toEqual(['Art67Error', 'HEAD:source is not a folder at a git revision here: the revision `HEAD` has nothing at `source`'])
    expect(await refused('HEAD:notes.txt')).toEqual(['Art67Error', 'HEAD:notes.txt is not a folder at a git revision here: `notes.txt` is a file at the revision `HEAD`, not a folder'])
    const outside = await mkdtemp(path.join(tmpdir(), 'art67-no-repository-'))
    expect(await refused('HEAD:sources', outside)).toEqual(['Art67Error', 'HEAD:sources is not a folder at a git revision here: the current directory is not in a git repository'])
    // The command: a usage error, exit 2, with the reason.
    expect(art67(['diff', 'HEAD~1:sources', 'sources'], {}, [], repo.dir)).toMatchObject({
      code: 2,
      stderr: 'art67: HEAD~1:sources is not a folder at a git revision here: the revision `HEAD~1` does not exist in this repository\n'
    })
  })
})

describe('a git revision with symbolic links', () => {
  it('reads the same files as its folder: links followed inside the sources, broken and escaping ones reported', async () => {
    const repo = await repository('repo-links')
    const {dir} = repo
    // Outside the sources, and outside the repository.
    await writeFile(path.join(root, 'escaped.md'), '# Escaped\n')
    await repo.commit('links', {
      'outside.md': '# Outside\n',
      'sources/.art67ignore': 'drafts/\n',
      'sources/report.md': '# Report\n',
      'sources/drafts/agency.md': '## Agency\n',
      'sources/programmes/linked.md': {link: '../drafts/agency.md'},
      // A link to a folder is read as a folder; a link through it as the file it reaches.
      'sources/more': {link: 'drafts'},
      'sources/chain.md': {link: 'more/../programmes/linked.md'},
      'sources/broken.md': {link: 'nowhere.md'},
      'sources/loop.md': {link: 'loop.md'},
      'sources/through-file.md': {link: 'report.md/agency.md'},
      'sources/outside.md': {link: '../outside.md'},
      'sources/escaped.md': {link: '../../escaped.md'},
      'sources/notes.txt': {link: '../outside.md'},
      // A folder already read, and one outside the sources.
      'sources/self': {link: '.'},
      'sources/up': {link: '..'},
      'sources/README.md': {link: 'nowhere.md'}
    })
    const folder = readOf(await read(path.join(dir, 'sources')))
    expect(folder).toEqual({
      // Three paths lead to drafts/agency.md: it is read once, by the path that is no link itself.
      files: [
        ['more/agency.md', '## Agency\n'],
        ['report.md', '# Report\n']
      ],
      rejected: [
        ['broken.md', ['symlink-broken']],
        ['escaped.md', ['outside-sources']],
        ['loop.md', ['symlink-broken']],
        ['outside.md', ['outside-sources']],
        ['through-file.md', ['symlink-broken']],
        ['up', ['outside-sources']],
        ['chain.md', ['symlink-duplicate']],
        ['programmes/linked.md', ['symlink-duplicate']]
      ]
    })
    const revision = await readRevision('HEAD:sources', dir)
    expect(readOf(revision)).toEqual(folder)
    expect(revision.rejected.map((file) => file.path)).toContain('HEAD:sources/broken.md')
    // The same sources named from a folder below them.
    expect(readOf(await readRevision('HEAD:../', path.join(dir, 'sources', 'programmes')))).toEqual(folder)
  })

  it('names the files of a revision as git does, also at the top of the repository (`HEAD:`)', async () => {
    const repo = await repository('repo-top')
    await repo.commit('at the top', {'report.md': '# Report\n\u200B', 'programmes/cipo.md': '## Agency\n', 'broken.md': {link: 'nowhere.md'}})
    const revision = await readRevision('HEAD:', repo.dir)
    expect(revision.files.map((file) => file.path)).toEqual(['HEAD:report.md', 'HEAD:programmes/cipo.md'])
    expect(revision.rejected.map((file) => file.path)).toEqual(['HEAD:broken.md'])
    // A problem found while reading the file names it the same way.
    expect(revision.files[0]!.messages.map((message) => [message.file, message.ruleId])).toEqual([['HEAD:report.md', 'invisible-character']])
    const below = await readRevision('HEAD:programmes', repo.dir)
    expect(below.files.map((file) => file.path)).toEqual(['HEAD:programmes/cipo.md'])
  })

  it('reads a link leading out of the repository, or absolute, as one leading out of the sources', async () => {
    const repo = await repository('repo-absolute')
    const {dir} = repo
    await repo.commit('absolute', {'sources/report.md': '# Report\n', 'sources/absolute.md': {link: path.join(dir, 'sources', 'report.md')}, 'sources/up.md': {link: '../../../x.md'}})
    expect(readOf(await readRevision('HEAD:sources', dir)).rejected).toEqual([
      ['absolute.md', ['outside-sources']],
      ['up.md', ['outside-sources']]
    ])
  })

  it('diffs a revision whose programmes file is a link against the same report in a folder: no change', async () => {
    const repo = await repository('repo-programmes')
    const {dir} = repo
    await repo.commit('programmes in a link', {
      'sources/.art67ignore': 'shared/\n',
      'sources/report.md': await readFile(path.join(example, 'report.md'), 'utf8'),
      'sources/shared/cipo.md': await readFile(path.join(example, 'programmes', 'cipo.md'), 'utf8'),
      'sources/programmes/cipo.md': {link: '../shared/cipo.md'}
    })
    expect(anyChange(compare(await loadReport('HEAD:sources', {cwd: dir}), await loadReport(example)))).toBe(false)
    expect(art67(['diff', 'HEAD:sources', example, '--exit-code'], {}, [], dir).code).toBe(0)
  })
})
