// Writing the outputs: temporary files never outlive a build, and a folder that cannot be written says why.
import {spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, readdir, readFile, stat, symlink, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {staleAfterMs, write} from '../../pipeline/write/index.js'
import {failures} from './inject-failures.js'

vi.mock('node:fs/promises', async (original) => (await import('./inject-failures.js')).failing(await original()))
afterEach(() => {
  failures.length = 0
})

const temp = (name: string) => mkdtemp(path.join(tmpdir(), `art67-${name}-`))

describe('write', () => {
  it('removes the temporary files a killed build left, but not those of a build writing now, nor other files', async () => {
    const out = await temp('out')
    const stale = '.canada-2020-2021.pdf.0123456789ab.tmp'
    const young = '.canada-2020-2021.pdf.ba9876543210.tmp'
    const other = '.notes.tmp'
    for (const name of [stale, young, other]) await writeFile(path.join(out, name), 'partial')
    const past = (Date.now() - staleAfterMs - 1000) / 1000
    for (const name of [stale, other]) await utimes(path.join(out, name), past, past)
    await write(out, [{name: 'report.json', data: '{}'}])
    expect((await readdir(out)).sort()).toEqual([young, other, 'report.json'].sort())
  })

  it('says why a folder cannot be made: a file in the way, a link to nowhere', async () => {
    const dir = await temp('file')
    await writeFile(path.join(dir, 'out'), '')
    await expect(write(path.join(dir, 'out'), [])).rejects.toThrow(/^Cannot create the folder .*\/out: .*\/out is a file, not a folder$/)
    await expect(write(path.join(dir, 'out', 'sub'), [])).rejects.toThrow(/a part of the path .*\/out\/sub is a file, not a folder$/)
    await expect(write(dir, [{name: 'out/a.json', data: '{}'}])).rejects.toThrow(/^Cannot write .*\/out\/a\.json: a part of its path is a file, not a folder$/)
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'link'))
    await expect(write(path.join(dir, 'link'), [])).rejects.toThrow(/^Cannot create the folder .*\/link: .*\/link is a link to .*\/nowhere, which does not exist$/)
    expect((await readdir(dir)).sort()).toEqual(['link', 'out'])
  })

  // Node's recursive mkdir spins for ever there: asked for /proc/x, /proc answers ENOENT, as if /proc were missing.
  it.skipIf(process.platform !== 'linux')('says that a folder takes no new folder (/proc), rather than hang', async () => {
    await expect(write('/proc/art67-out/report', [{name: 'a.json', data: '{}'}])).rejects.toThrow(
      'Cannot create the folder /proc/art67-out/report: the file system lets no folder be made in /proc; choose another folder'
    )
  })

  it('names a link to nowhere above the folder to make', async () => {
    const dir = await temp('dangling')
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'link'))
    await expect(write(path.join(dir, 'link', 'out'), [])).rejects.toThrow(`Cannot create the folder ${dir}/link/out: ${dir}/link is a link to ${dir}/nowhere, which does not exist`)
  })

  it('refuses an empty path, which would be the current folder', async () => {
    await expect(write('', [{name: 'a.json', data: '{}'}])).rejects.toThrow('The output folder is an empty path')
  })

  it('says that a folder it would make is on a read-only file system (a recursive mkdir says ENOENT there)', async () => {
    const root = await temp('ro')
    failures.push((call, [target, options]) =>
      call === 'mkdir' && String(target).startsWith(root) ? ((options as {recursive?: boolean} | undefined)?.recursive ? 'ENOENT' : 'EROFS') : undefined
    )
    await expect(write(path.join(root, 'out', 'report'), [])).rejects.toThrow(`Cannot create the folder ${root}/out/report: ${root}/out/report is on a read-only file system; choose another folder`)
  })

  it('removes the folders it made when the disk is full, and keeps those it found', async () => {
    const root = await temp('full')
    failures.push((call) => (call === 'writeFile' ? 'ENOSPC' : undefined))
    const outputs = [{name: 'a.json', data: '{}'}, {name: 'sub/b.json', data: '{}'}]
    await expect(write(path.join(root, 'new', 'out'), outputs)).rejects.toThrow(`Cannot write in ${root}/new/out: the disk is full`)
    expect(await readdir(root)).toEqual([])
    await expect(write(root, outputs)).rejects.toThrow('the disk is full')
    expect(await readdir(root)).toEqual([])
  })

  it('with newFiles, removes the new files already in place when a later one fails', async () => {
    const root = await temp('new-files')
    // A link that fails is tried again as a rename, which fails too.
    failures.push((call, [, to]) => ((call === 'link' || call === 'rename') && String(to).endsWith('agency.md') ? 'EIO' : undefined))
    const outputs = [{name: 'report.md', data: '#'}, {name: 'programmes/agency.md', data: '##'}]
    await expect(write(path.join(root, 'report'), outputs, {newFiles: true})).rejects.toThrow(/^Cannot write in .*\/report: EIO: injected failure/)
    expect(await readdir(root)).toEqual([])
  })

  it('with newFiles, never replaces a file that is there when its turn comes, and leaves nothing of its own', async () => {
    const root = await temp('appeared')
    await writeFile(path.join(root, 'b.md'), 'theirs')
    const outputs = [{name: 'a.md', data: 'ours'}, {name: 'b.md', data: 'ours'}]
    await expect(write(root, outputs, {newFiles: true})).rejects.toThrow(`Cannot write ${root}/b.md: a file of that name appeared meanwhile, and is left as it is`)
    expect(await readdir(root)).toEqual(['b.md'])
    expect(await readFile(path.join(root, 'b.md'), 'utf8')).toBe('theirs')
  })

  it('removes its live temporary files and the folders it made on SIGINT, then ends as the signal would', async () => {
    const root = await temp('out')
    // The data is written in two parts; between them, the process interrupts itself.
    const script = `
      import {cleanupOnSignal, write} from ${JSON.stringify(path.resolve('dist/pipeline/write/index.js'))}
      cleanupOnSignal()
      const data = (async function* () {
        yield 'partial'
        process.kill(process.pid, 'SIGINT')
        await new Promise((resolve) => setTimeout(resolve, 10_000))
      })()
      await write(${JSON.stringify(path.join(root, 'new'))}, [{name: 'a.json', data: '{}'}, {name: 'sub/b.json', data}])
    `
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000})
    expect(result.signal).toBe('SIGINT')
    expect(await readdir(root)).toEqual([])
  })

  it('handles SIGINT and SIGTERM only while temporary files are live, so that a signal at any other time ends at once', async () => {
    const out = await temp('out')
    const script = `
      import {cleanupOnSignal, write} from ${JSON.stringify(path.resolve('dist/pipeline/write/index.js'))}
      const handlers = () => ['SIGINT', 'SIGTERM'].map((signal) => process.listenerCount(signal))
      cleanupOnSignal()
      const seen = [handlers()]
      const data = (async function* () {
        seen.push(handlers())
        yield '{}'
      })()
      await write(${JSON.stringify(out)}, [{name: 'a.json', data}])
      seen.push(handlers())
      process.stdout.write(JSON.stringify(seen))
    `
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000})
    expect(JSON.parse(result.stdout)).toEqual([[0, 0], [1, 1], [0, 0]])
  })

  // A read-only file system needs a mount of its own: root in a mount namespace, as on the project's machines.
  const canMount = spawnSync('unshare', ['-m', 'mount', '-t', 'tmpfs', '-o', 'ro', 'tmpfs', tmpdir()]).status === 0
  it.skipIf(!canMount)('says that the output folder is on a read-only file system', async () => {
    const root = await temp('ro')
    await mkdir(path.join(root, 'mnt'))
    const command = `mount -t tmpfs -o ro tmpfs ${root}/mnt && exec "$@"`
    const cli = path.resolve('dist/pipeline/cli.js')
    const result = spawnSync('unshare', ['-m', 'sh', '-c', command, 'sh', process.execPath, cli, 'build', path.resolve('test/fixtures/valid/minimal'), '--out', `${root}/mnt/out`], {encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`art67: Cannot create the folder ${root}/mnt/out: ${root}/mnt/out is on a read-only file system; choose another folder`)
  })
})

describe('write with skipUnchanged', () => {
  it('leaves an output whose bytes are already in place, writes the others, and returns only those written', async () => {
    const dir = await temp('unchanged')
    await write(dir, [{name: 'a.json', data: '{"a":1}'}, {name: 'b.pdf', data: new Uint8Array([1, 2, 3])}])
    const old = new Date(Date.UTC(2001, 0, 1))
    await utimes(path.join(dir, 'a.json'), old, old)
    await utimes(path.join(dir, 'b.pdf'), old, old)
    const written = await write(dir, [{name: 'a.json', data: '{"a":1}'}, {name: 'b.pdf', data: new Uint8Array([1, 2, 4])}], {skipUnchanged: true})
    expect(written).toEqual([path.join(dir, 'b.pdf')])
    expect((await stat(path.join(dir, 'a.json'))).mtime).toEqual(old)
    expect((await stat(path.join(dir, 'b.pdf'))).mtime).not.toEqual(old)
    expect(await readFile(path.join(dir, 'b.pdf'))).toEqual(Buffer.from([1, 2, 4]))
  })
})
