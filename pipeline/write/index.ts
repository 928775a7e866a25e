// Stage 6, write: put all outputs in place at once, or none of them.
import {randomBytes} from 'node:crypto'
import {rmdirSync, rmSync} from 'node:fs'
import {link, lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Art67Error} from '../errors.js'
import {printablePath} from '../read/index.js'

export interface Output {
  /** File name inside the output folder, or a path below it (`programmes/agency.md`). */
  name: string
  data: Uint8Array | string
}

export interface WriteOptions {
  /** Leave an output whose bytes are already in place. */
  skipUnchanged?: boolean | undefined
  /**
   * The outputs are new files (the caller has made sure that none is there yet): a write that fails or is interrupted
   * after some are in place removes them too, so that nothing is left of it.
   */
  newFiles?: boolean | undefined
}

/** Our temporary files: `.<output name>.<12 hex digits>.tmp`, beside their targets. */
const temporaryName = /^\..+\.[0-9a-f]{12}\.tmp$/
/** A temporary file left this long belongs to no build still writing: one that was killed. */
export const staleAfterMs = 60_000

/** What a write under way would leave if it stopped now: its temporary files (and new files), the folders it made. */
interface Leftovers {
  files: Set<string>
  /** Deepest first, so that each is empty when its turn comes. */
  folders: string[]
}

/** The leftovers of the writes under way, for `removeLeftovers`. */
const live = new Set<Leftovers>()

const signals = ['SIGINT', 'SIGTERM'] as const
/** Set by `cleanupOnSignal`: a signal removes the leftovers of the writes under way before it ends the process. */
let cleanup = false
let listening = false

/** Remove the leftovers of the writes under way, then end as `signal` would have, its handler gone. */
function onSignal(signal: NodeJS.Signals): void {
  removeLeftovers()
  process.kill(process.pid, signal)
}

/**
 * Handle the signals only while a write is under way. The rest of the time (parsing, layout: long synchronous work,
 * during which a handler could not run) a signal ends the process at once, and there is nothing to remove.
 */
function listen(on: boolean): void {
  if (on === listening || (on && !cleanup)) return
  listening = on
  for (const signal of signals) {
    if (on) process.on(signal, onSignal)
    else process.off(signal, onSignal)
  }
}

function track(leftovers: Leftovers): void {
  live.add(leftovers)
  listen(true)
}

function untrack(leftovers: Leftovers): void {
  live.delete(leftovers)
  if (live.size === 0) listen(false)
}

/** Remove the files of `leftovers` and, of its folders, those left empty: at once, as a signal handler needs. */
function removeNow(leftovers: Leftovers): void {
  for (const file of leftovers.files) rmSync(file, {force: true})
  for (const folder of leftovers.folders) {
    try {
      rmdirSync(folder)
    } catch {
      // Not empty: something else was put in it meanwhile, and stays.
    }
  }
}

/** Remove what the writes under way would leave (temporary files, folders they made): for a signal handler. */
export function removeLeftovers(): void {
  for (const leftovers of live) removeNow(leftovers)
  live.clear()
  listen(false)
}

/**
 * On SIGINT (Ctrl-C) or SIGTERM while outputs are being written, remove their temporary files and the folders made
 * for them, then end as the signal would have. For a command line; a library leaves signals to its program.
 */
export function cleanupOnSignal(): void {
  cleanup = true
}

/** Remove our temporary files that a killed build left in `dir`; those of a build writing now are too young. */
async function removeStaleTemporaries(dir: string, now: number): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!temporaryName.test(name)) continue
    const file = path.join(dir, name)
    const info = await lstat(file).catch(() => undefined)
    // Best effort: a leftover that cannot be removed does not stop this build.
    if (info?.isFile() && now - info.mtimeMs > staleAfterMs) await rm(file, {force: true}).catch(() => undefined)
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code

/**
 * Making a folder says ENOENT where its parent is a link to nowhere, or takes no new folder (`/proc/x`); a recursive
 * mkdir also says it on a read-only file system (Node 20): ask the first missing folder of the path on its own, and
 * name the parent when that says ENOENT too.
 */
async function trueCause(dir: string, error: unknown): Promise<unknown> {
  if (errorCode(error) !== 'ENOENT') return error
  let missing = path.resolve(dir)
  for (;;) {
    const parent = path.dirname(missing)
    if (parent === missing || (await lstat(parent).then(() => true, () => false))) break
    missing = parent
  }
  const cause = await mkdir(missing).then(() => error, (cause: unknown) => cause)
  if (errorCode(cause) !== 'ENOENT') return cause
  // The parent as the path was given: relative if it was.
  const parent = path.isAbsolute(dir) ? path.dirname(missing) : path.relative(process.cwd(), path.dirname(missing)) || '.'
  return new Error(await noFolderIn(parent))
}

/** Why no folder can be made in `parent`, which exists. */
async function noFolderIn(parent: string): Promise<string> {
  const shown = printablePath(parent)
  if (!(await stat(parent).then(() => true, () => false))) return `${shown} is a link to ${printablePath(await readlink(parent))}, which does not exist`
  return `the file system lets no folder be made in ${shown}; choose another folder`
}

/** What stands where the folder `dir` should be, or on its path. */
export async function obstacle(dir: string): Promise<string> {
  const shown = printablePath(dir)
  const info = await lstat(dir).catch(() => undefined)
  if (info?.isSymbolicLink() && !(await stat(dir).then(() => true, () => false))) {
    return `${shown} is a link to ${printablePath(await readlink(dir))}, which does not exist`
  }
  if (info && !info.isDirectory()) return `${shown} is a file, not a folder`
  return `a part of the path ${shown} is a file, not a folder`
}

/**
 * Why the folder `dir` could not be made, read or written in (`error`, as the file system gave it), in words, with
 * what to do where there is something to do.
 */
export async function whyNot(dir: string, error: unknown): Promise<string> {
  const shown = printablePath(dir)
  switch (errorCode(error)) {
    case 'EROFS':
      return `${shown} is on a read-only file system; choose another folder`
    case 'EACCES':
    case 'EPERM':
      return `art67 may not write in ${shown}; choose another folder or change its permissions`
    case 'ENOSPC':
      return 'the disk is full'
    case 'EDQUOT':
      return 'the disk quota is used up'
    case 'EEXIST':
    case 'ENOTDIR':
      return obstacle(dir)
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'ELOOP':
      return `the links on the path ${shown} lead round in a circle`
    case 'ENOENT':
      return `the folder ${shown} is gone (was it removed meanwhile?)`
    default:
      return (error as Error).message
  }
}

/**
 * Make `folder` and the missing ones above it, one by one from the top, noting those made in `leftovers`. Not with a
 * recursive mkdir: where a folder exists but takes no new one (`/proc`, which answers ENOENT), Node's spins for ever.
 */
async function makeFolder(folder: string, leftovers: Leftovers): Promise<void> {
  const fail = async (error: unknown) => new Art67Error(`Cannot create the folder ${printablePath(folder)}: ${await whyNot(folder, await trueCause(folder, error))}`)
  const missing: string[] = []
  for (let at = path.resolve(folder); !(await lstat(at).then(() => true, () => false)) && path.dirname(at) !== at; at = path.dirname(at)) missing.unshift(at)
  // Nothing missing: a folder already, or what stands in its place, named.
  if (missing.length === 0) return void (await mkdir(folder, {recursive: true}).catch(async (error: unknown) => Promise.reject(await fail(error))))
  for (const dir of missing) {
    try {
      await mkdir(dir)
    } catch (error) {
      // Made meanwhile by another build: used as found.
      if (errorCode(error) === 'EEXIST' && (await stat(dir).then((info) => info.isDirectory(), () => false))) continue
      throw await fail(error)
    }
    leftovers.folders.unshift(dir)
  }
}

/**
 * Put `temporary` in place as the new file `target`, never over a file that appeared there meanwhile: a hard link
 * fails where a rename would replace (a file system without hard links gets the rename).
 */
async function putNew(temporary: string, target: string, leftovers: Leftovers): Promise<void> {
  try {
    await link(temporary, target)
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new Art67Error(`Cannot write ${printablePath(target)}: a file of that name appeared meanwhile, and is left as it is`)
    await rename(temporary, target)
  }
  leftovers.files.add(target)
  await rm(temporary, {force: true})
}

/** The outputs whose bytes differ from the file already at their place (or that have none). */
async function changedOnly(dir: string, outputs: readonly Output[]): Promise<Output[]> {
  const kept = await Promise.all(
    outputs.map(async (output) => {
      const old = await readFile(path.join(dir, output.name)).catch(() => undefined)
      const data = typeof output.data === 'string' ? Buffer.from(output.data) : output.data
      return old !== undefined && Buffer.compare(old, data) === 0
    })
  )
  return outputs.filter((_, index) => !kept[index])
}

/**
 * Write every output to a temporary file beside its target, then rename them into place.
 * If any write fails, or a signal stops it (after `cleanupOnSignal`), the temporary files and the folders made for
 * them (once empty) are removed, and the previous outputs stay untouched. Returns the paths written.
 */
export async function write(dir: string, outputs: readonly Output[], options: WriteOptions = {}): Promise<string[]> {
  if (dir === '') throw new Art67Error('The output folder is an empty path: name a folder')
  const leftovers: Leftovers = {files: new Set(), folders: []}
  track(leftovers)
  try {
    return await writeTracked(dir, outputs, options, leftovers)
  } catch (error) {
    removeNow(leftovers)
    throw error
  } finally {
    untrack(leftovers)
  }
}

/** The work of `write`, noting in `leftovers` what it would leave if it stopped now. */
async function writeTracked(dir: string, outputs: readonly Output[], options: WriteOptions, leftovers: Leftovers): Promise<string[]> {
  await makeFolder(dir, leftovers)
  // Renaming onto anything but a file could fail half-way: refuse before touching anything.
  for (const output of outputs) {
    const target = path.join(dir, output.name)
    const info = await lstat(target).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOTDIR' ? error : undefined))
    if (info instanceof Error) throw new Art67Error(`Cannot write ${printablePath(target)}: a part of its path is a file, not a folder`)
    if (info && !info.isFile()) throw new Art67Error(`Cannot write ${printablePath(target)}: something other than a file is in the way`)
  }
  const changed = options.skipUnchanged ? await changedOnly(dir, outputs) : outputs
  for (const output of changed) {
    if (path.dirname(output.name) !== '.') await makeFolder(path.join(dir, path.dirname(output.name)), leftovers)
  }
  const tag = randomBytes(6).toString('hex')
  const staged = changed.map((output) => {
    const target = path.join(dir, output.name)
    return {target, temporary: path.join(path.dirname(target), `.${path.basename(target)}.${tag}.tmp`), data: output.data}
  })
  try {
    await removeStaleTemporaries(dir, Date.now())
    for (const file of staged) {
      leftovers.files.add(file.temporary)
      await writeFile(file.temporary, file.data)
    }
    for (const file of staged) {
      if (options.newFiles) await putNew(file.temporary, file.target, leftovers)
      else await rename(file.temporary, file.target)
      leftovers.files.delete(file.temporary)
    }
  } catch (error) {
    if (error instanceof Art67Error) throw error
    throw new Art67Error(`Cannot write in ${printablePath(dir)}: ${await whyNot(dir, error)}`)
  }
  return staged.map((file) => file.target)
}
