// A build that fails at any stage leaves the previous outputs untouched and no temporary file behind;
// the same sources give the same bytes whatever the folder, the time zone or the clock.
import {spawn} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {art67, fingerprints} from './helpers/run-cli.js'
import {readPdf} from './helpers/pdf-text.js'
import {frontMatter} from './helpers/sources.js'

const temp = (name: string) => mkdtemp(path.join(tmpdir(), `art67-${name}-`))

/** A copy of the package's templates with one file changed. */
async function brokenTemplates(file: string, change: (data: Record<string, any>) => void) {
  const dir = await temp('templates')
  await cp('templates', dir, {recursive: true})
  const data = JSON.parse(await readFile(path.join(dir, file), 'utf8'))
  change(data)
  await writeFile(path.join(dir, file), JSON.stringify(data))
  return dir
}

describe('a failed build', () => {
  let out: string
  let before: Array<[string, string]>

  beforeAll(async () => {
    out = await temp('out')
    expect(art67(['build', 'sources', '--out', out]).code).toBe(0)
    before = await fingerprints(out)
  })

  it.each([
    ['validation', async () => ['test/fixtures/rules/merge-conflict'], 1, 'merge-conflict'],
    [
      'the templates',
      async () => ['sources', '--templates', await brokenTemplates('styles.json', (styles) => (styles.pageSize = 'A99'))],
      2,
      'styles.json is invalid at pageSize'
    ],
    [
      'the PDF stage',
      // A character spacing pdfkit cannot read: styles.json checks the keys that place or mark text, not every key.
      async () => ['sources', '--templates', await brokenTemplates('styles.json', (styles) => (styles.styles.paragraph.characterSpacing = 'x'))],
      2,
      'internal error'
    ]
  ])('in %s leaves the previous outputs untouched', async (_stage, args, code, message) => {
    const result = art67(['build', ...(await args()), '--out', out])
    expect(result.code).toBe(code)
    expect(result.stderr).toContain(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(await fingerprints(out)).toEqual(before)
  })

  it('in the write stage leaves no output replaced and no temporary file', async () => {
    const blocked = await temp('blocked')
    await cp(out, blocked, {recursive: true})
    // A folder where the JSON goes: the build must stop before it replaces the PDF or the XLSX.
    await rm(path.join(blocked, 'canada-2020-2021.json'))
    await mkdir(path.join(blocked, 'canada-2020-2021.json'))
    const previous = await fingerprints(blocked)
    // Another instant, so that a replaced output would show in its bytes.
    const result = art67(['build', 'sources', '--out', blocked], {SOURCE_DATE_EPOCH: '1700000000'})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('something other than a file is in the way')
    expect(await fingerprints(blocked)).toEqual(previous)
  })
})

describe('a build stopped by a signal', () => {
  // Sources that take a long time to parse (about 9 MB a file, each part a heading, a list of lists and text; two
  // files, within the 20 MB the sources may hold in all), so that the signal comes during long synchronous work,
  // where no handler can run before the work ends.
  let sources: string
  beforeAll(async () => {
    sources = await temp('large')
    const part = (i: number) => `## Part ${i}\n\n- Item ${i}\n  - Start date: 1 May 2020\n  - End date: 2 May 2020\n\nSome text about part ${i}.\n\n`
    const body = Array.from({length: 80_000}, (_, i) => part(i)).join('')
    await writeFile(path.join(sources, 'report.md'), `${frontMatter}\n# Outline\n\n${body}`)
    await writeFile(path.join(sources, 'b.md'), `# Outline\n\n${body}`)
  })

  /** Start `script` (the plain CLI or the installed command) building the sources, signal it after a while, and time its end. */
  async function stopped(script: string, signal: NodeJS.Signals) {
    const out = await temp('stopped-out')
    // In a process group of its own, so that a build that does not stop can be ended with all its processes.
    const child = spawn(process.execPath, [path.resolve(script), 'build', sources, '--out', out], {stdio: 'ignore', detached: true})
    const ended = new Promise<{signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (_, signal) => resolve({signal})))
    const wait = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms))
    // Start-up and reading take well under this; the parse goes on for much longer.
    await wait(3000)
    child.kill(signal)
    // Generous: ending at once takes milliseconds, while the parse alone runs for tens of seconds.
    const result = await Promise.race([ended, wait(10_000)])
    if (!result) process.kill(-child.pid!, 'SIGKILL')
    return {signal: result?.signal, left: await readdir(out)}
  }

  it.each([
    ['the plain CLI', 'SIGTERM', 'dist/pipeline/cli.js'],
    ['the plain CLI', 'SIGINT', 'dist/pipeline/cli.js'],
    ['the installed command', 'SIGTERM', 'dist/pipeline/start.cjs'],
    ['the installed command', 'SIGINT', 'dist/pipeline/start.cjs']
  ] as const)('%s ends at once on %s mid-parse, leaving nothing', async (_, signal, script) => {
    expect(await stopped(script, signal)).toEqual({signal, left: []})
  })
})

describe('reproducible outputs', () => {
  it('are byte-identical across folders, time zones and clocks', async () => {
    const [a, b] = [await temp('a'), await temp('b')]
    await cp('sources', path.join(a, 'sources'), {recursive: true})
    await cp('sources', path.join(b, 'report-sources'), {recursive: true})
    const shifted = ['--import', path.resolve('test/helpers/shift-clock.mjs')]
    expect(art67(['build', path.join(a, 'sources'), '--out', path.join(a, 'out')], {TZ: 'UTC'}).code).toBe(0)
    expect(art67(['build', path.join(b, 'report-sources'), '--out', path.join(b, 'out')], {TZ: 'Asia/Tokyo', CLOCK_SHIFT_DAYS: '1000'}, shifted).code).toBe(0)
    const first = await fingerprints(path.join(a, 'out'))
    expect(first).toHaveLength(3)
    expect(await fingerprints(path.join(b, 'out'))).toEqual(first)
  })

  it('stamp the report’s own date, or SOURCE_DATE_EPOCH when set', async () => {
    const [plain, epoch] = [await temp('plain'), await temp('epoch')]
    expect(art67(['build', 'sources', '--out', plain]).code).toBe(0)
    expect(art67(['build', 'sources', '--out', epoch], {SOURCE_DATE_EPOCH: '1700000000'}).code).toBe(0)
    const info = async (dir: string) => (await readPdf(await readFile(path.join(dir, 'canada-2020-2021.pdf')))).info
    // The example has no date yet, so the instant is the start of its period: never a day after the communication.
    expect(String((await info(plain)).CreationDate)).toMatch(/^D:20200101000000Z/)
    expect(String((await info(epoch)).CreationDate)).toMatch(/^D:20231114221320Z/)
  })
})
