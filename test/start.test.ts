// The installed command (dist/pipeline/start.js) starts from the start-up snapshot when it fits, else the plain CLI,
// with the same outputs, messages and exit codes either way, whatever the time zone.
import {spawnSync} from 'node:child_process'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {art67, fingerprints} from './helpers/run-cli.js'

const start = path.resolve('dist/pipeline/start.js')
const temp = (name: string) => mkdtemp(path.join(tmpdir(), `art67-start-${name}-`))

function command(args: string[], env: Record<string, string> = {}, nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, start, ...args], {
    encoding: 'utf8',
    env: {...process.env, ART67_TRACE_START: '1', ...env}
  })
  const [trace = '', ...rest] = result.stderr.split('\n')
  return {code: result.status, stdout: result.stdout, stderr: rest.join('\n'), trace}
}

describe('art67 as installed', () => {
  it('starts from the snapshot npm run build made, and falls back to the plain CLI under node options', () => {
    expect(command(['--version']).trace).toMatch(/^art67: start-up snapshot .*art67\.blob$/)
    expect(command(['--version'], {}, ['--no-warnings']).trace).toBe('art67: plain CLI: node options')
    expect(command(['--version'], {NODE_OPTIONS: '--no-deprecation'}).trace).toBe('art67: plain CLI: node options')
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

  it('reports problems and exits as the plain CLI does', () => {
    for (const args of [['check', 'test/fixtures/rules/merge-conflict'], ['check', 'sources', '--format', 'json'], ['nonsense']]) {
      const [fromSnapshot, fromPlain] = [command(args), art67(args)]
      expect(fromSnapshot.trace).toMatch(/start-up snapshot/)
      expect({code: fromSnapshot.code, stdout: fromSnapshot.stdout, stderr: fromSnapshot.stderr}).toEqual(fromPlain)
    }
  })
})
