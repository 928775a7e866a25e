// The compiled CLI, plain or from its start-up snapshot, writes the same bytes with a large report's sources parsed in
// threads as in one thread (ART67_THREADS=1).
import {spawnSync} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {generate} from '../bench/generate.mjs'
import type * as Threads from '../pipeline/parse/threads.js'
import {art67, fingerprints} from './helpers/run-cli.js'

const {parallelChars} = (await import(path.resolve('dist/pipeline/parse/threads.js'))) as typeof Threads

describe('the compiled CLI with threads', () => {
  it('writes the bytes it writes in one thread, plain and from the start-up snapshot', {timeout: 600_000}, async () => {
    // Valid sources: the generated ones alone.
    const valid = await mkdtemp(path.join(tmpdir(), 'art67-threads-valid-'))
    await generate(valid, 200)
    // Large enough to be parsed in threads.
    const names = (await readdir(valid, {recursive: true})).filter((name) => name.endsWith('.md'))
    const chars = (await Promise.all(names.map((name) => readFile(path.join(valid, name), 'utf8')))).reduce((sum, text) => sum + text.length, 0)
    expect(chars).toBeGreaterThan(parallelChars)
    const out = (name: string) => path.join(valid, 'out', name)
    try {
      expect(art67(['build', valid, '--out', out('one')], {ART67_THREADS: '1'}).code).toBe(0)
      expect(art67(['build', valid, '--out', out('threads')], {ART67_THREADS: undefined}).code).toBe(0)
      const started = spawnSync(process.execPath, [path.resolve('dist/pipeline/start.cjs'), 'build', valid, '--out', out('snapshot')], {
        encoding: 'utf8',
        env: {...process.env, ART67_THREADS: undefined, ART67_TRACE_START: '1'}
      })
      expect(started.stderr).toMatch(/^art67: start-up snapshot .*build\.blob\n/)
      expect(started.status).toBe(0)
      const one = await fingerprints(out('one'))
      expect(one.map(([name]) => name)).toEqual(['australia-2023.json', 'australia-2023.pdf', 'australia-2023.xlsx'])
      expect(await fingerprints(out('threads'))).toEqual(one)
      expect(await fingerprints(out('snapshot'))).toEqual(one)
    } finally {
      await rm(valid, {recursive: true, force: true})
    }
  })
})
