// The installed command (dist/pipeline/start.cjs) starts from a start-up snapshot when it fits (build.blob for
// `build`, check.blob for the rest), else the plain CLI, with the same outputs, messages and exit codes either way,
// whatever the time zone.
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {art67, fingerprints} from './helpers/run-cli.js'

const start = path.resolve('dist/pipeline/start.cjs')
const temp = (name: string) => mkdtemp(path.join(tmpdir(), `art67-start-${name}-`))

function command(args: string[], env: Record<string, string> = {}, nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, start, ...args], {
    encoding: 'utf8',
    env: {...process.env, ART67_TRACE_START: '1', ...env}
  })
  // The launcher's line, then (from a snapshot) the child's line saying what the snapshot holds.
  const lines = result.stderr.split('\n')
  const traced = lines[0]?.startsWith('art67: start-up snapshot') && lines[1]?.startsWith('art67: snapshot holds ') ? 2 : 1
  const [trace = '', holds = ''] = lines.slice(0, traced)
  return {code: result.status, stdout: result.stdout, stderr: lines.slice(traced).join('\n'), trace, holds}
}

describe('art67 as installed', () => {
  it('starts from the snapshot npm run build made, and falls back to the plain CLI under node options', () => {
    expect(command(['--version']).trace).toMatch(/^art67: start-up snapshot .*check\.blob$/)
    expect(command(['--version'], {}, ['--no-warnings']).trace).toBe('art67: plain CLI: node options')
    expect(command(['--version'], {NODE_OPTIONS: '--no-deprecation'}).trace).toBe('art67: plain CLI: node options')
  })

  it('starts build from the snapshot holding the emitters, and every other command from the lean one', () => {
    const lean = 'art67: snapshot holds the check modules (parse shortcuts on), warmed on en, es, fr'
    const full = 'art67: snapshot holds the check modules (parse shortcuts on) and the pdf, xlsx, json emitters (pdfmake and pdfkit patches on), warmed on en, es, fr'
    for (const [args, blob, holds] of [
      [['build', '--help'], 'build', full],
      [['--quiet', 'build', '--help'], 'build', full],
      [['check', '--help'], 'check', lean],
      [['--help'], 'check', lean],
      [['diff', '--help'], 'check', lean]
    ] as const) {
      const started = command([...args])
      expect(started.trace, args.join(' ')).toMatch(new RegExp(`^art67: start-up snapshot .*${blob}\\.blob$`))
      expect(started.holds, args.join(' ')).toBe(holds)
    }
  })

  it('starts the snapshot without NODE_EXTRA_CA_CERTS, which only the launcher then reads', () => {
    const certs = '/nonexistent/art67-extra-ca.pem'
    const result = spawnSync(process.execPath, [start, '--version'], {
      encoding: 'utf8',
      env: {...process.env, ART67_TRACE_START: '1', NODE_EXTRA_CA_CERTS: certs}
    })
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/art67: start-up snapshot .*check\.blob/)
    // Node.js warns of certificates it cannot load once in each process that reads the variable.
    expect(result.stderr.split(certs).length - 1).toBe(1)
  })

  it('snapshots a bundle of ASCII only (a character above U+00FF would double the text each blob holds)', async () => {
    const bundle = await readFile('dist/snapshot/art67.cjs')
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1)
  })

  it.each(['UTC', 'Asia/Tokyo', 'America/Santiago'])('writes the bytes the plain CLI writes, in %s', async (tz) => {
    const [snapshot, plain] = [await temp('snapshot'), await temp('plain')]
    const fromSnapshot = command(['build', 'sources', '--out', snapshot], {TZ: tz})
    expect(fromSnapshot.trace).toMatch(/start-up snapshot/)
    const fromPlain = art67(['build', 'sources', '--out', plain], {TZ: 'UTC'})
    expect(fromSnapshot.code).toBe(0)
    expect(fromPlain.code).toBe(0)
    expect(fromSnapshot.stderr).toBe(fromPlain.stderr)
    expect(await fingerprints(snapshot)).toEqual(await fingerprints(plain))
  })

  it('builds many reports in worker threads as the plain CLI does', async () => {
    // Two reports in one folder: one per worker (here and in a worker thread), from the snapshot as from the plain CLI.
    const reports = await temp('reports')
    for (const member of ['Canada', 'Japan']) {
      await cp('sources', path.join(reports, member), {recursive: true})
      const report = path.join(reports, member, 'report.md')
      await writeFile(report, (await readFile(report, 'utf8')).replace(/^member: .*$/m, `member: ${member}`))
    }
    const [snapshot, plain] = [await temp('snapshot'), await temp('plain')]
    const fromSnapshot = command(['build', reports, '--out', snapshot])
    expect(fromSnapshot.trace).toMatch(/build\.blob$/)
    expect(fromSnapshot.code).toBe(0)
    expect(art67(['build', reports, '--out', plain]).code).toBe(0)
    expect(await fingerprints(snapshot)).toEqual(await fingerprints(plain))
    expect((await fingerprints(snapshot)).map(([name]) => name)).toEqual(
      ['canada', 'japan'].flatMap((name) => ['json', 'pdf', 'xlsx'].map((format) => `${name}-2020-2021.${format}`))
    )
  })

  it('reports problems and exits as the plain CLI does', () => {
    for (const args of [['--version'], ['-h'], ['--quiet', 'check', 'sources'], ['check', 'test/fixtures/rules/merge-conflict'], ['check', 'sources', '--format', 'json'], ['nonsense']]) {
      const [fromSnapshot, fromPlain] = [command(args), art67(args)]
      expect(fromSnapshot.trace).toMatch(/start-up snapshot/)
      expect({code: fromSnapshot.code, stdout: fromSnapshot.stdout, stderr: fromSnapshot.stderr}).toEqual(fromPlain)
    }
  })
})
