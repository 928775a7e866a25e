// A short-lived watcher in a temporary folder: each step waits for the watcher's next run, never for a time.
import {readdir, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
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
    expect(run.reports[0]!.result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain('member-unknown')
  })
})
