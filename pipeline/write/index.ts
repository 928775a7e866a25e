// Stage 6, write: put all outputs in place at once, or none of them.
import {randomBytes} from 'node:crypto'
import {lstat, mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Art67Error} from '../errors.js'

export interface Output {
  /** File name inside the output folder. */
  name: string
  data: Uint8Array | string
}

/**
 * Write every output to a temporary file beside its target, then rename them into place.
 * If any write fails, the temporary files are removed and the previous outputs stay untouched.
 */
export async function write(dir: string, outputs: readonly Output[]): Promise<string[]> {
  try {
    await mkdir(dir, {recursive: true})
  } catch (error) {
    throw new Art67Error(`Cannot create the output folder ${dir}: ${(error as Error).message}`)
  }
  // Renaming onto anything but a file could fail half-way: refuse before touching anything.
  for (const output of outputs) {
    const target = path.join(dir, output.name)
    const info = await lstat(target).catch(() => undefined)
    if (info && !info.isFile()) throw new Art67Error(`Cannot write ${target}: something other than a file is in the way`)
  }
  const tag = randomBytes(6).toString('hex')
  const staged = outputs.map((output) => ({
    target: path.join(dir, output.name),
    temporary: path.join(dir, `.${output.name}.${tag}.tmp`),
    data: output.data
  }))
  try {
    for (const file of staged) await writeFile(file.temporary, file.data)
    for (const file of staged) await rename(file.temporary, file.target)
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temporary, {force: true})))
    throw new Art67Error(`Cannot write the outputs to ${dir}: ${(error as Error).message}`)
  }
  return staged.map((file) => file.target)
}
