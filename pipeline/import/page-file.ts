// The file given to `art67 import`, read as text: a regular file only, never waited on as a pipe and never read past
// the size limit; UTF-8, or UTF-16 with its byte-order mark; normalised as sources are, invisible characters warned
// about (`read/`). What keeps it from being read is a problem on the file (`import-unreadable`).
import {constants} from 'node:fs'
import {open, stat, type FileHandle} from 'node:fs/promises'
import {VFile} from 'vfile'
import {Art67Error} from '../errors.js'
import {decodeBytes} from '../read/decode.js'
import {maxFileBytes, printablePath, setSourceText, special} from '../read/index.js'
import {problem} from '../rules/index.js'

/** Why the system would not give the file, for a setup error. */
function cannotRead(input: string, error: NodeJS.ErrnoException): never {
  const why = error.code === 'ENOENT' ? 'there is no such file' : error.code === 'EACCES' || error.code === 'EPERM' ? `permission denied (${error.code})` : `the system refused (${error.code ?? 'EIO'})`
  throw new Art67Error(`Cannot read ${printablePath(input)}: ${why}`)
}

/** At most `limit` + 1 bytes of the file: enough to tell one over the limit, however much it grew since it was looked at. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total))
    const {bytesRead} = await handle.read(chunk, 0, chunk.length, null)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
  }
  return Buffer.concat(chunks, total)
}

/**
 * The page at `input` as a file whose value is its text; without a value when it cannot be read as text, the problem
 * saying why. A path that does not exist or that the system refuses is a setup error (`Art67Error`).
 */
export async function readPageFile(input: string): Promise<VFile> {
  const file = new VFile({path: input})
  const info = await stat(input).catch((error: NodeJS.ErrnoException) => cannotRead(input, error))
  if (!info.isFile()) {
    problem(file, 'import-unreadable', {as: info.isDirectory() ? 'folder' : (special(info) ?? 'device')}, undefined)
    return file
  }
  if (info.size > maxFileBytes) {
    problem(file, 'import-unreadable', {as: 'too-large', bytes: info.size, limit: maxFileBytes}, undefined)
    return file
  }
  // Not blocking: should a named pipe have taken the file's place since, opening it does not wait for a writer.
  const handle = await open(input, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: NodeJS.ErrnoException) => cannotRead(input, error))
  const bytes = await readAtMost(handle, maxFileBytes)
    .catch((error: NodeJS.ErrnoException) => cannotRead(input, error))
    .finally(() => handle.close())
  if (bytes.length > maxFileBytes) {
    problem(file, 'import-unreadable', {as: 'too-large', bytes: bytes.length, limit: maxFileBytes}, undefined)
    return file
  }
  const decoded = decodeBytes(bytes, {utf16: true})
  if (decoded.problem) problem(file, 'import-unreadable', decoded.problem, decoded.place)
  else setSourceText(file, decoded.text)
  return file
}
