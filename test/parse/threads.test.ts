// The parse in worker threads runs only compiled, so these tests use dist/ (test/global-setup.ts compiles it): a large
// generated source parsed in two threads gives the trees, definitions and problems of the parse in this thread, also
// when the workers fail. The compiled CLI's outputs with and without threads: test/threads.test.ts.
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import type {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generate} from '../../bench/generate.mjs'
import type * as ParseStage from '../../pipeline/parse/index.js'
import type * as Threads from '../../pipeline/parse/threads.js'
import type * as Read from '../../pipeline/read/index.js'

const {parse, ParseCache} = (await import(path.resolve('dist/pipeline/parse/index.js'))) as typeof ParseStage
const {parallelChars} = (await import(path.resolve('dist/pipeline/parse/threads.js'))) as typeof Threads
const {read} = (await import(path.resolve('dist/pipeline/read/index.js'))) as typeof Read

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'art67-threads-'))
  await generate(dir, 200)
  // A line nested too deep: a problem found before parsing, whose line is parsed as empty.
  await writeFile(path.join(dir, 'programmes', 'deep.md'), `# Deep\n\n${'> '.repeat(120)}text\n\nAfter.\n`)
})
afterAll(() => rm(dir, {recursive: true, force: true}))

const sources = async () => (await read(dir, {})).files

/** What the parse gives: each file's tree, definitions and problems. */
const parsedBy = async (threads: number, worker?: URL) =>
  (await parse(await sources(), undefined, {threads, worker})).map(({file, tree}) => ({
    path: file.path,
    tree,
    definitions: file.data.definitions,
    messages: file.messages.map((message) => ({...message}))
  }))

/** A worker module given as text. */
const workerOf = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`)
/** A worker that answers every job with an empty tree: its trees show where workers were used. */
const lying = workerOf(
  "import {parentPort} from 'node:worker_threads'; parentPort.on('message', ({batch, jobs}) => parentPort.postMessage({batch, results: jobs.map(() => ({type: 'root', children: []}))})); parentPort.postMessage({ready: true})"
)

describe('parse in threads', () => {
  it('gives the trees, definitions and problems of the parse in this thread', async () => {
    const files = await sources()
    expect(files.reduce((sum, file) => sum + String(file.value).length, 0)).toBeGreaterThan(parallelChars)
    const alone = await parsedBy(1)
    const threaded = await parsedBy(2)
    expect(threaded).toStrictEqual(alone)
    expect(threaded.map(({path}) => path)).toEqual(files.map((file) => file.path))
    expect(alone.find(({path}) => path.endsWith('deep.md'))!.messages.map(({ruleId, line}) => `${ruleId}:${line}`)).toEqual(['nesting-limit:3'])
    // The same parse with workers that lie gives other trees: the workers did parse. On a loaded machine this thread
    // may parse every chunk before a worker has started, so the workers get up to five tries to take part.
    expect(isDeepStrictEqual(threaded, alone)).toBe(true)
    let used = false
    for (let attempt = 0; attempt < 5 && !used; attempt++) used = !isDeepStrictEqual(await parsedBy(2, lying), alone)
    expect(used).toBe(true)
  })

  it('parses in this thread what workers that fail or stop do not', async () => {
    const alone = await parsedBy(1)
    const failing = [
      // Stops while loading.
      'process.exit(1)',
      // Takes a batch, then stops.
      "import {parentPort} from 'node:worker_threads'; parentPort.on('message', () => process.exit(3)); parentPort.postMessage({ready: true})",
      // Every job throws: each answer is undefined.
      "import {parentPort} from 'node:worker_threads'; parentPort.on('message', ({batch, jobs}) => parentPort.postMessage({batch, results: jobs.map(() => undefined)})); parentPort.postMessage({ready: true})",
      // A module that does not load.
      'throw new Error("broken worker")'
    ]
    for (const source of failing) expect(await parsedBy(2, workerOf(source))).toStrictEqual(alone)
  })

  it('keeps the trees parsed in threads in the parse cache', async () => {
    const cache = new ParseCache()
    const first = await parse(await sources(), cache, {threads: 2})
    // Nothing is parsed again, in a worker or here.
    const again = await parse(await sources(), cache, {threads: 2, worker: lying})
    expect(cache.parsed).toBe(first.length)
    expect(again.map(({tree}) => tree)).toStrictEqual(first.map(({tree}) => tree))
    expect(again.map(({file}: {file: VFile}) => file.data.definitions)).toStrictEqual(first.map(({file}) => file.data.definitions))
  })
})
