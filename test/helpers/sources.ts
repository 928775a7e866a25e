// Write a sources folder into a fresh temporary directory.
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

export const frontMatter = '---\nmember: Canada\nperiod: 2020-2021\ndate: 16/09/2021\n---\n'

export async function writeSources(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'art67-sources-'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await writeFile(path.join(dir, name), content)
  }
  return dir
}
