// Run the compiled `art67` command in a child process, and fingerprint folders.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'

const cli = path.resolve('dist/pipeline/cli.js')

/** `env` adds to the test's environment; a variable set to `undefined` is left out. */
export function art67(args: string[], env: Record<string, string | undefined> = {}, nodeOptions: string[] = [], cwd?: string) {
  const result = spawnSync(process.execPath, [...nodeOptions, cli, ...args], {encoding: 'utf8', env: {...process.env, ...env}, cwd})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Every entry of a folder (not below it): a file with the sha256 of its bytes, a folder as `folder`. */
export async function fingerprints(dir: string): Promise<Array<[string, string]>> {
  const entries = (await readdir(dir, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : 1))
  return Promise.all(
    entries.map(async (entry): Promise<[string, string]> => [
      entry.name,
      entry.isDirectory() ? 'folder' : createHash('sha256').update(await readFile(path.join(dir, entry.name))).digest('hex')
    ])
  )
}
