// Every folder under test/fixtures/{rules,inputs,valid} is a sources folder with the problems it must produce in
// expected.json; an optional fixture.json gives check options (e.g. `{"sources": "missing"}` to check a path that
// does not exist, `{"maxFileBytes": 100}`, `{"namedPipes": ["pipe.md"]}` for named pipes and `{"hardLinks": {"b.md":
// "a.md"}}` for hard links, which git cannot keep, made for the run, `{"denied": ["locked.md"]}` for files and
// folders the system refuses to read, or
// `{"import": "page.txt"}` for the problems of `art67 import` of an e-TRIPS page). Regenerate
// after a deliberate change with UPDATE_FIXTURES=1, then review the diff.
import {execFileSync} from 'node:child_process'
import {existsSync, linkSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {check, type CheckOptions} from '../pipeline/index.js'
import {count, diagnostics} from '../pipeline/format/index.js'
import {importFile, type ImportOptions} from '../pipeline/import/index.js'
import {catalogue, ruleIds, type RuleId} from '../pipeline/rules/index.js'
import {fixtures, type Fixture} from './helpers/fixtures.js'

/**
 * Paths the file system refuses to read or list, as it does without permission (`denied` in fixture.json): tests
 * may run as root, who may read anything, so the refusal is made here.
 */
const denied = vi.hoisted(() => new Set<string>())
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const {resolve} = await import('node:path')
  const refuse = (target: unknown) => {
    if (denied.has(resolve(String(target)))) throw Object.assign(new Error(`EACCES: permission denied, '${String(target)}'`), {code: 'EACCES'})
  }
  const readFile = (async (target: string, ...rest: []) => (refuse(target), fs.readFile(target, ...rest))) as typeof fs.readFile
  const readdir = (async (target: string, ...rest: []) => (refuse(target), fs.readdir(target, ...rest))) as typeof fs.readdir
  return {...fs, readFile, readdir, default: {...fs, readFile, readdir}}
})

interface FixtureOptions extends CheckOptions, ImportOptions {
  /** Files and folders to refuse to read, relative to the fixture (see `denied`). */
  denied?: string[]
  /** The folder to check, relative to the fixture; default the fixture itself. */
  sources?: string
  /** Named pipes to make in the fixture for the run, relative to it. */
  namedPipes?: string[]
  /** Hard links to make in the fixture for the run, each a second name of an existing file, relative to it. */
  hardLinks?: Record<string, string>
  /** An e-TRIPS page to import (`art67 import`) instead of checking a folder, with `member` and `period` as options. */
  import?: string
}

/** The problems of importing `page` (the report.md it writes goes to a temporary folder), or of checking sources. */
async function problemsOf(dir: string, {sources = '.', namedPipes = [], hardLinks = {}, denied: refused = [], import: page, member, period, ...options}: FixtureOptions) {
  if (page !== undefined) {
    const out = await mkdtemp(path.join(tmpdir(), 'art67-import-fixture-'))
    const result = await importFile(path.join(dir, page), {member, period, out: path.join(out, 'sources')}).finally(() => rm(out, {recursive: true, force: true}))
    return {files: [result.file], ok: count([result.file]).errors === 0}
  }
  const pipes = namedPipes.map((name) => path.join(dir, name))
  for (const pipe of pipes) execFileSync('mkfifo', [pipe])
  const links = Object.entries(hardLinks).map(([name, file]) => [path.join(dir, name), path.join(dir, file)] as const)
  for (const [name, file] of links) linkSync(file, name)
  for (const name of refused) denied.add(path.resolve(dir, name))
  return check(path.join(dir, sources), options).finally(() => {
    for (const made of [...pipes, ...links.map(([name]) => name)]) rmSync(made, {force: true})
    denied.clear()
  })
}

async function run(dir: string) {
  const optionsFile = path.join(dir, 'fixture.json')
  const result = await problemsOf(dir, existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as FixtureOptions) : {})
  const problems = diagnostics(result.files).map((problem) => ({
    ...problem,
    file: path.relative(dir, problem.file) || '.',
    related: problem.related && {...problem.related, file: path.relative(dir, problem.related.file)}
  }))
  return {exit: result.ok ? 0 : 1, problems}
}


describe('fixtures', () => {
  it.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s', async (_, {category, name, dir, id}: Fixture) => {
    const expectedFile = path.join(dir, 'expected.json')
    const actual = await run(dir)
    if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))

    const raised = actual.problems.map((problem) => problem.ruleId)
    if (category === 'rules') {
      // A fixture under rules/ is named after the rule it shows: `merge-conflict` or `merge-conflict-<variant>`.
      const rule = ruleIds.find((ruleId) => name === ruleId || name.startsWith(ruleId + '-'))
      expect(rule, `${id} is not named after a rule`).toBeDefined()
      expect(raised).toContain(rule)
    }
    if (category === 'valid') expect(actual).toEqual({exit: 0, problems: []})
  })

  // A rule the config may turn off never stands between the sources and the outputs: with the rules a fixture raises
  // off (when none is fixed), it checks clean and gives a report to build.
  it.each(fixtures.filter((fixture) => fixture.category === 'rules').map((fixture) => [fixture.id, fixture] as const))('%s turned off gives a report', async (_, {dir}: Fixture) => {
    const optionsFile = path.join(dir, 'fixture.json')
    if (existsSync(optionsFile)) return
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Awaited<ReturnType<typeof run>>
    const raised = [...new Set(expected.problems.map((problem) => problem.ruleId as RuleId))]
    if (raised.some((id) => catalogue[id].fixed)) return
    const result = await check(dir, {rules: Object.fromEntries(raised.map((id) => [id, 'off']))})
    expect(diagnostics(result.files)).toEqual([])
    expect(result.report).toBeDefined()
  })

  it('raise every rule of the catalogue', () => {
    const raised = new Set(fixtures.flatMap(({dir}) => (JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Awaited<ReturnType<typeof run>>).problems.map((problem) => problem.ruleId)))
    expect(ruleIds.filter((id) => !raised.has(id))).toEqual([])
    expect(ruleIds.filter((id) => !fixtures.some((fixture) => fixture.category === 'rules' && (fixture.name === id || fixture.name.startsWith(id + '-'))))).toEqual([])
  })
})
