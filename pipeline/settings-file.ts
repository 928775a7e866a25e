// The text of a file of settings (`art67.config.json`, a template): read only when it is a regular file. A named pipe
// would block the read until something writes to it; it is opened without blocking and refused.
import {constants} from 'node:fs'
import {lstat, open} from 'node:fs/promises'

/** What a path that is not a regular file is, in words. */
function kindOf(info: {isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean}): string {
  return info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : 'a device'
}

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
    if (!info.isFile()) throw new Error(`it is ${kindOf(info)}, not a file`)
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}
