// Stage 6, write: put all outputs in place at once, or none of them.
import {randomBytes} from 'node:crypto'
import {rmSync} from 'node:fs'
import {lstat, mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Art67Error} from '../errors.js'
import {printablePath} from '../read/index.js'

export interface Output {
  /** File name inside the output folder. */
  name: string
  data: Uint8Array | string
}

/** Our temporary files: `.<output name>.<12 hex digits>.tmp`, beside their targets. */
const temporaryName = /^\..+\.[0-9a-f]{12}\.tmp$/
/** A temporary file left this long belongs to no build still writing: one that was killed. */
export const staleAfterMs = 60_000

/** Temporary files being written now, for `removeLiveTemporaries`. */
const live = new Set<string>()

const signals = ['SIGINT', 'SIGTERM'] as const
/** Set by `cleanupOnSignal`: a signal removes the live temporary files before it ends the process. */
let cleanup = false
let listening = false

/** Remove the live temporary files, then end as `signal` would have, its handler gone. */
function onSignal(signal: NodeJS.Signals): void {
  removeLiveTemporaries()
  process.kill(process.pid, signal)
}

/**
 * Handle the signals only while temporary files are live. The rest of the time (parsing, layout: long synchronous
 * work, during which a handler could not run) a signal ends the process at once, and there is nothing to remove.
 */
function listen(on: boolean): void {
  if (on === listening || (on && !cleanup)) return
  listening = on
  for (const signal of signals) {
    if (on) process.on(signal, onSignal)
    else process.off(signal, onSignal)
  }
}

function track(file: string): void {
  live.add(file)
  listen(true)
}

function untrack(file: string): void {
  live.delete(file)
  if (live.size === 0) listen(false)
}

/** Remove the temporary files of a write under way, at once: for a signal handler, which cannot wait. */
export function removeLiveTemporaries(): void {
  for (const file of live) rmSync(file, {force: true})
  live.clear()
  listen(false)
}

/**
 * On SIGINT (Ctrl-C) or SIGTERM while outputs are being written, remove their temporary files, then end as the
 * signal would have. For a command line; a library leaves signals to its program.
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

/** Why writing in `dir` failed, in words, with what to do where there is something to do. */
function why(error: unknown, dir: string): string {
  const shown = printablePath(dir)
  switch (errorCode(error)) {
    case 'EROFS':
      return `${shown} is on a read-only file system; choose another output folder`
    case 'EACCES':
    case 'EPERM':
      return `art67 may not write in ${shown}; choose another output folder or change its permissions`
    case 'ENOSPC':
      return 'the disk is full'
    case 'EDQUOT':
      return 'the disk quota is used up'
    case 'EEXIST':
      return `${shown} is a file, not a folder`
    case 'ENOTDIR':
      return `a part of the path ${shown} is a file, not a folder`
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'ENOENT':
      return `the folder ${shown} is gone (was it removed during the build?)`
    default:
      return (error as Error).message
  }
}

/**
 * A recursive mkdir reports ENOENT when the folder would be on a read-only file system (Node 20): ask the first
 * missing folder of the path on its own, which gives the true cause.
 */
async function trueCause(dir: string, error: unknown): Promise<unknown> {
  if (errorCode(error) !== 'ENOENT') return error
  let missing = path.resolve(dir)
  for (;;) {
    const parent = path.dirname(missing)
    if (parent === missing || (await lstat(parent).then(() => true, () => false))) break
    missing = parent
  }
  return mkdir(missing).then(() => error, (cause: unknown) => cause)
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
 * If any write fails, the temporary files are removed and the previous outputs stay untouched. With `skipUnchanged`,
 * an output whose bytes are already in place is not written again. Returns the paths written.
 */
export async function write(dir: string, outputs: readonly Output[], options: {skipUnchanged?: boolean | undefined} = {}): Promise<string[]> {
  try {
    await mkdir(dir, {recursive: true})
  } catch (error) {
    throw new Art67Error(`Cannot create the output folder ${printablePath(dir)}: ${why(await trueCause(dir, error), dir)}`)
  }
  // Renaming onto anything but a file could fail half-way: refuse before touching anything.
  for (const output of outputs) {
    const target = path.join(dir, output.name)
    const info = await lstat(target).catch(() => undefined)
    if (info && !info.isFile()) throw new Art67Error(`Cannot write ${printablePath(target)}: something other than a file is in the way`)
  }
  const tag = randomBytes(6).toString('hex')
  const changed = options.skipUnchanged ? await changedOnly(dir, outputs) : outputs
  const staged = changed.map((output) => ({
    target: path.join(dir, output.name),
    temporary: path.join(dir, `.${output.name}.${tag}.tmp`),
    data: output.data
  }))
  try {
    await removeStaleTemporaries(dir, Date.now())
    for (const file of staged) {
      track(file.temporary)
      await writeFile(file.temporary, file.data)
    }
    for (const file of staged) {
      await rename(file.temporary, file.target)
      untrack(file.temporary)
    }
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temporary, {force: true})))
    for (const file of staged) untrack(file.temporary)
    throw new Art67Error(`Cannot write the outputs to ${printablePath(dir)}: ${why(error, dir)}`)
  }
  return staged.map((file) => file.target)
}
