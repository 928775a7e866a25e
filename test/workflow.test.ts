// The everyday workflow from the compiled command: init, many reports built in parallel worker threads, --watch.
import {spawn} from 'node:child_process'
import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {art67, fingerprints} from './helpers/run-cli.js'
import {frontMatter, writeSources} from './helpers/sources.js'

const table = (title: string) => `\n# Programmes\n\n| # | Title | Start date | Beneficiaries |\n|---|---|---|---|\n| 1 | ${title} | 01/03/2021 | Kenya |\n`
const env = {CI: undefined, FORCE_COLOR: undefined, NO_COLOR: undefined}

describe('art67 init', () => {
  it('writes a report that builds with a draft’s warning, and never overwrites', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'art67-init-')), 'report')
    const init = art67(['init', dir, '--member', 'New Zealand', '--from', '01/07/2021', '--to', '30/06/2022'], env)
    expect(init).toMatchObject({code: 0, stdout: `wrote ${path.join(dir, 'report.md')}\nwrote ${path.join(dir, 'programmes/agency.md')}\n`})
    const build = art67(['build', dir, '--out', path.join(dir, '..', 'out')], env)
    expect(build.code).toBe(0)
    expect(build.stderr).toContain('0 errors, 5 warnings')
    expect(build.stderr).toContain('date-missing')
    expect(build.stderr).toContain('init-text-left')
    const again = art67(['init', dir, '--member', 'Japan'], env)
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/is not empty/)
  })
})

describe('art67 build with many reports', () => {
  it('builds reports in worker threads, with the same bytes as one at a time, one listing, no progress off a terminal', async () => {
    const root = await writeSources({
      'reports/canada/report.md': frontMatter + table('Canadian workshop'),
      'reports/japan/report.md': frontMatter.replace('Canada', 'Japan') + table('Japanese seminar'),
      'reports/broken/report.md': frontMatter.replace('Canada', 'Canadaa') + table('Broken')
    })
    const out = path.join(root, 'out')
    const many = art67(['build', path.join(root, 'reports'), '--out', out, '--overview'], env)
    expect(many.code).toBe(1)
    expect(many.stderr).not.toContain('\r')
    expect(many.stderr).toContain('member-unknown')
    expect(many.stderr).toContain('3 reports, 1 failed: 1 error, 0 warnings')
    const names = (await readdir(out)).sort()
    expect(names).toEqual([
      'canada-2020-2021-beneficiaries.svg', 'canada-2020-2021-overview.pdf', 'canada-2020-2021-regions.svg', 'canada-2020-2021-timeline.svg',
      'canada-2020-2021.json', 'canada-2020-2021.pdf', 'canada-2020-2021.xlsx',
      'japan-2020-2021-beneficiaries.svg', 'japan-2020-2021-overview.pdf', 'japan-2020-2021-regions.svg', 'japan-2020-2021-timeline.svg',
      'japan-2020-2021.json', 'japan-2020-2021.pdf', 'japan-2020-2021.xlsx'
    ])
    // Built alone, in the main thread, each report gives the same bytes.
    const alone = path.join(root, 'alone')
    expect(art67(['build', path.join(root, 'reports/japan'), '--out', alone, '--overview'], env).code).toBe(0)
    const japan = (await fingerprints(out)).filter(([name]) => name.startsWith('japan'))
    expect(japan).toEqual(await fingerprints(alone))
  })

  it('checks several folders given one by one, with the JSON format one document for all', async () => {
    const root = await writeSources({'a/report.md': frontMatter + table('A'), 'b/report.md': frontMatter.replace('Canada', 'Canadaa') + table('B')})
    const result = art67(['check', path.join(root, 'a'), path.join(root, 'b'), '--format', 'json'], env)
    expect(result.code).toBe(1)
    const {problems} = JSON.parse(result.stdout) as {problems: Array<{file: string; ruleId: string}>}
    expect(problems.map((problem) => [path.relative(root, problem.file), problem.ruleId])).toEqual([['b/report.md', 'member-unknown']])
  })
})

describe('art67 check with many reports', () => {
  it('lists the problems checked in worker threads as one report alone lists them, related places included', async () => {
    const root = await writeSources({'other/report.md': frontMatter + table('Other')})
    const fixtures = ['merge-conflict', 'duplicate-id', 'frontmatter-yaml'].map((name) => path.resolve('test/fixtures/rules', name))
    // The reporter aligns its columns over all the files it lists: compare with runs of spaces as one.
    const spaced = (text: string) => text.replace(/ +/g, ' ')
    const alone = fixtures.map((dir) => spaced(art67(['check', dir], env).stderr))
    const together = art67(['check', ...fixtures, path.join(root, 'other')], env)
    together.stderr = spaced(together.stderr)
    expect(together.code).toBe(1)
    for (const listing of alone) {
      // The listing of one report, less its summary lines, appears whole in the listing of all.
      const problems = listing.slice(0, listing.lastIndexOf('\n\n')).split('\n\n')[0]!
      expect(problems).toMatch(/\d+:\d+/)
      expect(together.stderr).toContain(problems)
    }
    expect(together.stderr).toContain('4 reports, 3 failed')
  })
})

describe('art67 build --watch', () => {
  it('builds, rebuilds on a change, and ends cleanly on Ctrl-C with no temporary file', async () => {
    const root = await writeSources({'report.md': frontMatter + table('First')})
    const out = path.join(root, 'out')
    const child = spawn(process.execPath, [path.resolve('dist/pipeline/cli.js'), 'build', root, '--out', out, '--watch'], {env: {...process.env, ...env}})
    let stderr = ''
    let stdout = ''
    const waiters: Array<() => void> = []
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      for (const wake of waiters.splice(0)) wake()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      for (const wake of waiters.splice(0)) wake()
    })
    const runs = () => stderr.split('[watch]').length - 1
    const waitFor = async (test: () => boolean) => {
      while (!test()) await new Promise<void>((resolve) => waiters.push(resolve))
    }
    await waitFor(() => runs() >= 1)
    expect(stderr).toContain('[watch] 1 file parsed, 1 of 1 report rendered, ok; waiting for changes (Ctrl-C to stop)')
    await writeFile(path.join(root, 'report.md'), frontMatter + table('Second'))
    await waitFor(() => /\[watch\] \d+ changed, 1 file parsed, 1 of 1 report rendered, ok/.test(stderr))
    expect(JSON.parse(await readFile(path.join(out, 'canada-2020-2021.json'), 'utf8')).programmes[0].title).toBe('Second')
    const wrote = () => stdout.split('\n').filter((line) => line.startsWith('wrote ')).length
    await waitFor(() => wrote() >= 6)
    expect(wrote()).toBe(6)
    // Text changed, model the same: parsed again, nothing rendered, and no output listed as written.
    await writeFile(path.join(root, 'report.md'), frontMatter + table('Second') + '\n\n')
    await waitFor(() => runs() >= 3)
    expect(stderr).toMatch(/\[watch\] \d+ changed, 1 file parsed, 0 of 1 report rendered, ok/)
    expect(wrote()).toBe(6)
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([])
  })
})
