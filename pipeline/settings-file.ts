// The text of a file of settings (`art67.config.json`, a template): read only when it is a regular file. A named pipe
// would block the read until something writes to it; it is opened without blocking and refused.
import {constants} from 'node:fs'
import {lstat, open} from 'node:fs/promises'
import {special} from './read/index.js'

/**
 * The text of `file`. Throws an error with `code` `ENOENT` when there is nothing there (a link to nothing is an error
 * of its own), and one saying what it is when it is not a regular file.
 */
export async function readSettingsFile(file: string): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && (await lstat(file).catch(() => undefined))?.isSymbolicLink()) throw new Error('it is a symbolic link to nothing')
    throw error
  })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new Error(`it is ${info.isDirectory() ? 'a folder' : `a ${special(info) ?? 'device'}`}, not a file`)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}
