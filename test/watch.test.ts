// A short-lived watcher in a temporary folder: each step waits for the watcher's next run, never for a time.
import {spawn} from 'node:child_process'
import {cp, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, describe, expect, it, onTestFinished} from 'vitest'
import {packageTemplates} from '../pipeline/templates.js'
import {watch, type Run, type Watcher} from '../pipeline/watch.js'
import {frontMatter, writeSources} from './helpers/sources.js'

const table = (title: string) => `\n# Programmes\n\n| # | Title | Start date | Beneficiaries |\n|---|---|---|---|\n| 1 | ${title} | 01/03/2021 | Kenya |\n`

/** The runs of a watcher, one promise each, in order. */
function runs() {
  const waiting: Array<(run: Run) => void> = []
  const done: Run[] = []
  return {
    onRun: (run: Run) => (waiting.length > 0 ? waiting.shift()!(run) : done.push(run)),
    next,
    /** The first run that passes `test`: an editor's save may come as several events, and so several runs. */
    async until(test: (run: Run) => boolean): Promise<Run> {
      for (;;) {
        const run = await next()
        if (test(run)) return run
      }
    }
  }
  function next(): Promise<Run> {
    return done.length > 0 ? Promise.resolve(done.shift()!) : new Promise<Run>((resolve) => waiting.push(resolve))
  }
}

/** The first programme's title in a run's report, if it has one. */
const titleOf = (run: Run) => run.reports[0]?.result.report?.programmes[0]?.title

/** The rule ids of the problems of a run's first report. */
const ruleIdsOf = (run: Run) => run.reports[0]?.result.files.flatMap((file) => file.messages.map((message) => message.ruleId)) ?? []

/** A report in `src/` and a copy of the package's templates in `tpl/`, in a fresh temporary folder. */
async function project() {
  const root = await writeSources({'src/report.md': frontMatter + table('First')})
  const tpl = path.join(root, 'tpl')
  await cp(packageTemplates, tpl, {recursive: true})
  return {root, src: path.join(root, 'src'), tpl, en: path.join(tpl, 'en.json'), out: path.join(root, 'out')}
}

/** The package's English template with `rule` (the line under the circulation sentence) set to `value`. */
async function englishWithRule(value: unknown): Promise<string> {
  return JSON.stringify({...JSON.parse(await readFile(path.join(packageTemplates, 'en.json'), 'utf8')), rule: value}, null, 2)
}

/** Write `file` as an editor that saves by rename does: a new file, renamed over the old. */
async function saveByRename(file: string, text: string) {
  await writeFile(`${file}.saving`, text)
  await rename(`${file}.saving`, file)
}

let watcher: Watcher | undefined
afterEach(async () => {
  await watcher?.close()
  watcher = undefined
})

describe('watch', () => {
  it('rebuilds on a change, parsing only the changed file and rewriting only changed outputs', async () => {
    const root = await writeSources({'report.md': frontMatter + table('First'), 'programmes/cipo.md': '## First\n\n- Type of activity: Workshop\n'})
    const out = path.join(root, 'out')
    const {onRun, next, until} = runs()
    watcher = watch([root], {command: 'build', out, settle: 50}, onRun, (error) => {
      throw error
    })
    const first = await next()
    expect(first).toMatchObject({ok: true, parsed: 2, rendered: 1, changed: []})
    const mtimes = async () => Object.fromEntries(await Promise.all((await readdir(out)).map(async (name) => [name, (await stat(path.join(out, name))).mtimeMs])))
    const before = await mtimes()

    // The same text saved again: nothing to parse, no output written.
    await writeFile(path.join(root, 'programmes/cipo.md'), '## First\n\n- Type of activity: Workshop\n')
    const same = await next()
    expect(same).toMatchObject({ok: true, parsed: 0, rendered: 0, changed: [path.join(root, 'programmes/cipo.md')]})
    expect(await mtimes()).toEqual(before)

    // A change to the agency file only: that file parsed again; the JSON model changes, so the outputs do too.
    await writeFile(path.join(root, 'programmes/cipo.md'), '## First\n\n- Type of activity: Seminar\n')
    const changed = await until((run) => run.parsed > 0)
    expect(changed).toMatchObject({ok: true, parsed: 1, rendered: 1})
    expect(changed.reports[0]!.result.report?.programmes[0]?.type).toBe('Seminar')
    const after = await mtimes()
    expect(after['canada-2020-2021.json']).not.toBe(before['canada-2020-2021.json'])
    expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('writing into the sources folder (--out .): sees the sources, and no run for the outputs it wrote', async () => {
    const root = await writeSources({'report.md': frontMatter + table('First')})
    const {onRun, next} = runs()
    watcher = watch([root], {command: 'build', out: root, settle: 50}, onRun, (error) => {
      throw error
    })
    expect(await next()).toMatchObject({ok: true, rendered: 1})
    expect((await readdir(root)).sort()).toEqual(['canada-2020-2021.json', 'canada-2020-2021.pdf', 'canada-2020-2021.xlsx', 'report.md'])
    await writeFile(path.join(root, 'report.md'), frontMatter + table('Second'))
    const run = await next()
    expect(run).toMatchObject({ok: true, parsed: 1, rendered: 1, changed: [path.join(root, 'report.md')]})
    expect(titleOf(run)).toBe('Second')
  })

  it('watches a parent of reports, parsing and rendering again only the report that changed', async () => {
    const root = await writeSources({
      'reports/a/report.md': frontMatter + table('A'),
      'reports/b/report.md': frontMatter.replace('Canada', 'Japan') + table('B')
    })
    const out = path.join(root, 'out')
    const {onRun, next, until} = runs()
    watcher = watch([path.join(root, 'reports')], {command: 'build', out, settle: 50}, onRun, (error) => {
      throw error
    })
    expect(await next()).toMatchObject({ok: true, parsed: 2, rendered: 2})
    await writeFile(path.join(root, 'reports/b/report.md'), frontMatter.replace('Canada', 'Japan') + table('B, changed'))
    const run = await until((each) => each.parsed > 0)
    expect(run).toMatchObject({ok: true, parsed: 1, rendered: 1})
    // The outputs written: none of the report that did not change.
    expect(run.reports.map((entry) => ('outputs' in entry.result ? entry.result.outputs.length : 0))).toEqual([0, 3])
  })

  it('checks again on a change, reporting the new problems', async () => {
    const root = await writeSources({'report.md': frontMatter + table('First')})
    const {onRun, next, until} = runs()
    watcher = watch([root], {command: 'check', out: path.join(root, 'out'), settle: 50}, onRun, (error) => {
      throw error
    })
    expect((await next()).ok).toBe(true)
    await writeFile(path.join(root, 'report.md'), frontMatter.replace('Canada', 'Canadaa') + table('First'))
    const run = await until((each) => !each.ok)
    expect(run.parsed).toBe(1)
    expect(ruleIdsOf(run)).toContain('member-unknown')
  })

  it('keeps seeing a file an editor saved by renaming a new file over it', async () => {
    const {src, out} = await project()
    const report = path.join(src, 'report.md')
    const {onRun, next, until} = runs()
    watcher = watch([src], {command: 'build', out, settle: 50}, onRun, (error) => {
      throw error
    })
    expect(await next()).toMatchObject({ok: true, rendered: 1})
    await saveByRename(report, frontMatter + table('Second'))
    await until((run) => titleOf(run) === 'Second')
    // The file at that path is a new one now: written in place, it is still seen.
    await writeFile(report, frontMatter + table('Third'))
    const third = await until((run) => titleOf(run) === 'Third')
    expect(third).toMatchObject({ok: true, parsed: 1})
    expect(third.changed).toContain(report)
  })

  it('follows a sources folder replaced by another (a checkout), and sees edits in the new one', async () => {
    const {root, src, out} = await project()
    const replacement = path.join(root, 'next')
    await cp(src, replacement, {recursive: true})
    await writeFile(path.join(replacement, 'report.md'), frontMatter + table('Second'))
    const said: string[] = []
    const {onRun, next, until} = runs()
    watcher = watch([src], {command: 'build', out, settle: 50}, onRun, (error) => said.push((error as Error).message))
    expect(await next()).toMatchObject({ok: true})
    await rename(src, path.join(root, 'old'))
    await rename(replacement, src)
    await until((run) => titleOf(run) === 'Second')
    await writeFile(path.join(src, 'report.md'), frontMatter + table('Third'))
    expect(await until((run) => run.changed.includes(path.join(src, 'report.md')) && titleOf(run) === 'Third')).toMatchObject({ok: true, parsed: 1})
    // Between the two renames the folder may have been seen gone; nothing else is said.
    expect(said.filter((message) => message !== `${src} is gone; watching for it to come back`)).toEqual([])
  })

  it('says once that a sources folder is gone, and checks it again when it is back', async () => {
    const {root, src, out} = await project()
    const kept = path.join(root, 'kept')
    await cp(src, kept, {recursive: true})
    const said: string[] = []
    const {onRun, next, until} = runs()
    watcher = watch([src], {command: 'check', out, settle: 50}, onRun, (error) => said.push((error as Error).message))
    expect(await next()).toMatchObject({ok: true})
    await rm(src, {recursive: true})
    // (A run between the file's removal and the folder's may find it empty first.)
    const gone = await until((run) => ruleIdsOf(run).includes('sources-missing'))
    expect(gone).toMatchObject({ok: false})
    await rename(kept, src)
    // Parsed again: the cache holds only the files of the last run, which had none.
    expect(await until((run) => run.ok)).toMatchObject({parsed: 1, changed: [src]})
    expect(said).toEqual([`${src} is gone; watching for it to come back`])
    // Watched again: an edit is seen.
    await writeFile(path.join(src, 'report.md'), frontMatter + table('Second'))
    expect(await until((run) => titleOf(run) === 'Second')).toMatchObject({ok: true, parsed: 1})
  })

  it('follows a templates folder moved away and back, and renders again on a later edit of a template', async () => {
    const {root, src, tpl, en, out} = await project()
    const said: string[] = []
    const {onRun, next, until} = runs()
    watcher = watch([src], {command: 'build', out, templates: tpl, settle: 50}, onRun, (error) => said.push((error as Error).message))
    expect(await next()).toMatchObject({ok: true, rendered: 1})
    await rename(tpl, path.join(root, 'tpl.bak'))
    // No templates, no build: the run fails.
    expect(await until((run) => !run.ok)).toMatchObject({reports: [], rendered: 0})
    await rename(path.join(root, 'tpl.bak'), tpl)
    const back = await until((run) => run.ok)
    expect(back).toMatchObject({rendered: 1})
    expect(back.changed).toContain(tpl)
    await saveByRename(en, await englishWithRule('— — —'))
    const edited = await until((run) => run.changed.includes(en))
    expect(edited).toMatchObject({ok: true, rendered: 1})
    expect(edited.reports[0]!.result).toMatchObject({outputs: expect.arrayContaining([path.join(out, 'canada-2020-2021.pdf')])})
    expect(said).toEqual([`${tpl} is gone; watching for it to come back`, expect.stringMatching(/^Cannot read the templates folder /)])
  })

  it('builds again when the --since report changes, its Changes sheet following it', async () => {
    const root = await writeSources({'src/report.md': frontMatter + table('Now'), 'before/report.md': frontMatter + table('Then')})
    const before = path.join(root, 'before', 'report.md')
    const {onRun, next, until} = runs()
    watcher = watch([path.join(root, 'src')], {command: 'build', out: path.join(root, 'out'), since: path.join(root, 'before'), settle: 50}, onRun, (error) => {
      throw error
    })
    expect(await next()).toMatchObject({ok: true, rendered: 1})
    // Only the earlier report changed: the report is the same, its outputs are not.
    await writeFile(before, frontMatter + table('Now'))
    const run = await until((each) => each.changed.includes(before))
    expect(run).toMatchObject({ok: true, parsed: 0, rendered: 1})
  })

  it('fails a run on a broken template, as on bad sources, and builds again once it is fixed', async () => {
    const {src, en, tpl, out} = await project()
    const said: string[] = []
    const {onRun, next, until} = runs()
    watcher = watch([src], {command: 'build', out, templates: tpl, settle: 50}, onRun, (error) => said.push((error as Error).message))
    expect(await next()).toMatchObject({ok: true, rendered: 1})
    await saveByRename(en, await englishWithRule(1))
    const failed = await until((run) => !run.ok)
    expect(failed).toMatchObject({reports: [], parsed: 0, rendered: 0})
    expect(failed.changed).toContain(en)
    expect(said).toEqual([`Template ${en} is invalid at rule: Invalid input: expected string, received number`])
    await saveByRename(en, await englishWithRule('fixed'))
    expect(await until((run) => run.ok)).toMatchObject({rendered: 1})
    expect(said).toHaveLength(1)
  })
})

describe('art67 build --watch', () => {
  const env = {CI: undefined, FORCE_COLOR: undefined, NO_COLOR: undefined}

  /**
   * The CLI watching, run with `args` in `cwd`: what it has printed on stderr so far, its lines that match a pattern,
   * and a wait until `test` holds, woken by each chunk it prints. Killed when the test ends.
   */
  function watching(args: string[], cwd?: string) {
    const child = spawn(process.execPath, [path.resolve('dist/pipeline/cli.js'), ...args], {cwd, env: {...process.env, ...env}})
    // A failed step leaves no watch running.
    onTestFinished(() => void child.kill())
    let stderr = ''
    const waiters: Array<() => void> = []
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      for (const wake of waiters.splice(0)) wake()
    })
    return {
      child,
      stderr: () => stderr,
      lines: (pattern: RegExp) => stderr.split('\n').filter((line) => pattern.test(line)),
      async waitFor(test: () => boolean) {
        while (!test()) await new Promise<void>((resolve) => waiters.push(resolve))
      }
    }
  }

  it('prints a failed run for a broken template and for a templates folder gone, then an ok one once each is mended', async () => {
    const {root, src, tpl, en, out} = await project()
    const {child, stderr, lines, waitFor} = watching(['build', src, '--out', out, '--templates', tpl, '--watch'])
    const ok = /^\[watch\] .*, ok; waiting for changes \(Ctrl-C to stop\)$/
    const failed = /^\[watch\] \d+ changed, 0 files parsed, 0 of 0 reports rendered, failed; waiting for changes \(Ctrl-C to stop\)$/
    await waitFor(() => lines(ok).length === 1)

    await saveByRename(en, await englishWithRule(1))
    await waitFor(() => lines(failed).length === 1)
    expect(stderr()).toContain(`art67: Template ${en} is invalid at rule: Invalid input: expected string, received number\n[watch] `)
    await saveByRename(en, await englishWithRule('fixed'))
    await waitFor(() => lines(ok).length === 2)
    expect(lines(ok)[1]).toMatch(/^\[watch\] \d+ changed, 0 files parsed, 1 of 1 report rendered, ok;/)

    await rename(tpl, path.join(root, 'moved'))
    await waitFor(() => lines(failed).length === 2)
    expect(lines(/^art67: /)).toEqual([
      `art67: Template ${en} is invalid at rule: Invalid input: expected string, received number`,
      `art67: ${tpl} is gone; watching for it to come back`,
      expect.stringMatching(/^art67: Cannot read the templates folder /)
    ])
    await rename(path.join(root, 'moved'), tpl)
    await waitFor(() => lines(ok).length === 3)
    expect(lines(ok)[2]).toMatch(/, 1 of 1 report rendered, ok;/)

    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
  })

  it('runs again when the art67.config.json of the current directory changes, the outputs written there too', async () => {
    const root = await writeSources({'src/report.md': frontMatter + table('First\u200B')})
    const {stderr, lines, waitFor} = watching(['build', 'src', '--out', '.', '--watch'], root)
    const runsSaid = (outcome: string) => lines(new RegExp(`^\\[watch\\] .*, ${outcome}; waiting`)).length
    // The invisible character is a warning, then an error by the config, then a warning again.
    await waitFor(() => runsSaid('ok') === 1)
    expect(stderr()).toMatch(/warning .*invisible-character/)
    const config = path.join(root, 'art67.config.json')
    await writeFile(config, JSON.stringify({rules: {'invisible-character': 'error'}}))
    await waitFor(() => runsSaid('failed') === 1)
    expect(stderr()).toMatch(/error .*invisible-character/)
    await rm(config)
    await waitFor(() => runsSaid('ok') === 2)
  })
})
