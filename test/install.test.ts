// Installing for real, as the README says: the packed tarball installed into a new project, then its `art67` run.
// Dependencies come from the npm cache where it has them (`--prefer-offline`), else from the registry.
import {execFileSync} from 'node:child_process'
import {cp, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})

describe('the packed package', () => {
  it('installs into a new project and builds the example from there', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'art67-install-'))
    // The global setup has compiled dist/ already: pack it as it is.
    const packed = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], process.cwd())) as Array<{filename: string; files: Array<{path: string}>}>
    const files = packed[0]!.files.map((file) => file.path)
    expect(files).toEqual(expect.arrayContaining(['dist/pipeline/cli.js', 'dist/pipeline/reports/worker.js', 'templates/en.json', 'templates/styles.json', 'README.md']))
    expect(files.filter((file) => file.startsWith('test/') || file.startsWith('pipeline/') || file.startsWith('node_modules/'))).toEqual([])

    const project = path.join(work, 'my-report')
    await cp('sources', path.join(project, 'sources'), {recursive: true})
    await writeFile(path.join(project, 'package.json'), JSON.stringify({name: 'my-report', private: true}))
    run(npm, ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, packed[0]!.filename)], project)
    const manifest = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>}
    expect(manifest.devDependencies.art67).toMatch(/^file:.*art67-\d+\.\d+\.\d+\.tgz$/)

    const bin = path.join(project, 'node_modules/.bin/art67')
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {version: string}
    expect(run(bin, ['--version'], project)).toBe(`${pkg.version}\n`)
    run(bin, ['build', 'sources', '--out', 'out', '--overview'], project)
    expect((await readdir(path.join(project, 'out'))).filter((name) => name.endsWith('.pdf')).sort()).toEqual(['canada-2020-2021-overview.pdf', 'canada-2020-2021.pdf'])
  }, 600_000)
})
