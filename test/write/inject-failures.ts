// File system failures a test cannot make for real (a full disk, a read-only file system), injected where it asks:
// `vi.mock('node:fs/promises', async (original) => (await import('./inject-failures.js')).failing(await original()))`.
import type * as fs from 'node:fs/promises'

type Call = 'link' | 'mkdir' | 'readdir' | 'rename' | 'writeFile'
/** Given a call and its arguments, the code of the error it fails with, or undefined to let it run. */
export type Failure = (call: Call, args: unknown[]) => string | undefined

/** The failures in force; a test empties it when done. */
export const failures: Failure[] = []

/** `real`, with its calls that write failing as `failures` say. */
export function failing(real: typeof fs): typeof fs {
  const wrap = (call: Call) => async (...args: unknown[]) => {
    const code = failures.map((failure) => failure(call, args)).find((found) => found !== undefined)
    if (code) throw Object.assign(new Error(`${code}: injected failure, ${call} '${String(args[0])}'`), {code})
    return (real[call] as (...args: unknown[]) => Promise<unknown>)(...args)
  }
  const calls = {link: wrap('link'), mkdir: wrap('mkdir'), readdir: wrap('readdir'), rename: wrap('rename'), writeFile: wrap('writeFile')}
  return {...real, ...calls, default: {...real, ...calls}} as typeof fs
}
