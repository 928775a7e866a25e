// Files read beside the sources (`art67.config.json`, a template, a font): read only when regular files. A named pipe
// would block the read until something writes to it; it is opened without blocking and refused.
import {constants} from 'node:fs'
import {lstat, open, type FileHandle} from 'node:fs/promises'
import {special} from './read/index.js'

/**
 * `file`, opened to read. Throws an error with `code` `ENOENT` when there is nothing there (a link to nothing is an
 * error of its own), and one saying what it is when it is not a regular file.
 */
export async function openRegularFile(file: string): Promise<FileHandle> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && (await lstat(file).catch(() => undefined))?.isSymbolicLink()) throw new Error('it is a symbolic link to nothing')
    throw error
  })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new Error(`it is ${info.isDirectory() ? 'a folder' : `a ${special(info) ?? 'device'}`}, not a file`)
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** The text of `file`, as `openRegularFile` opens it. */
export async function readSettingsFile(file: string): Promise<string> {
  const handle = await openRegularFile(file)
  try {
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}
