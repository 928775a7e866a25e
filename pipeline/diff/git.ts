// A sources folder at a git revision (`HEAD~1:sources`), read into memory with `git ls-tree` and `git cat-file`:
// the same files, in the same order and normalised the same way, as `read` finds in a folder.
import {execFile} from 'node:child_process'
import ignore from 'ignore'
import {VFile} from 'vfile'
import {Art67Error} from '../errors.js'
import {byReadingOrder, ignoreFile, isSourcePath, maxFileBytes, sourceFile, type Sources} from '../read/index.js'
import {problem} from '../rules/index.js'

/** `REV:path` split at its first colon; undefined when `spec` is not of that form. */
export function gitRevision(spec: string): {revision: string; path: string} | undefined {
  const match = /^([^:]+):(.*)$/su.exec(spec)
  return match ? {revision: match[1]!, path: match[2]!} : undefined
}

function git(args: string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, {cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024}, (error, stdout, stderr) => {
      if (error) reject(new Art67Error(`git ${args.join(' ')} failed: ${stderr.toString('utf8').trim() || error.message}`))
      else resolve(stdout)
    })
  })
}

interface Blob {
  path: string
  id: string
  size: number
}

/** Every blob of the tree `tree` (an object id), with its path inside it; links and submodules are left out. */
async function blobs(tree: string, top: string): Promise<Blob[]> {
  const listing = (await git(['ls-tree', '-r', '-z', '--long', tree], top)).toString('utf8')
  return listing
    .split('\0')
    .filter(Boolean)
    .flatMap((entry) => {
      // `<mode> SP <type> SP <id> SP* <size> TAB <path>`
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/su.exec(entry)
      if (!match || match[2] !== 'blob' || match[1] === '120000') return []
      return [{path: match[5]!, id: match[3]!, size: Number(match[4])}]
    })
}

/** The sources of `REV:path` in the repository around `cwd`, read as `read` reads a folder; `dir` names it in problems. */
export async function readRevision(spec: string, cwd: string): Promise<Sources> {
  const found = gitRevision(spec)
  if (!found) throw new Art67Error(`${spec} is not a git revision and path such as HEAD~1:sources`)
  const text = async (args: string[], where: string) => (await git(args, where)).toString('utf8').trim()
  // The tree's id, resolved where the user is (`HEAD:./sources` is relative to it); listed from the top of the
  // repository, where git applies no folder of the user's to the listing.
  const notFound = () => new Art67Error(`${spec} is not a folder at a git revision here (the revision \`${found.revision}\` and the path \`${found.path}\` inside it)`)
  const tree = await text(['rev-parse', '--verify', '--quiet', '--end-of-options', spec], cwd).catch(() => {
    throw notFound()
  })
  if ((await text(['cat-file', '-t', tree], cwd)) !== 'tree') throw notFound()
  const inside = await blobs(tree, await text(['rev-parse', '--show-toplevel'], cwd))
  const ignoreBlob = inside.find((blob) => blob.path === ignoreFile)
  const ignored = ignore().add(ignoreBlob ? await text(['cat-file', 'blob', ignoreBlob.id], cwd) : '')
  const sources: Sources = {dir: spec, files: [], rejected: []}
  const chosen = inside.filter((blob) => isSourcePath(blob.path, ignored)).sort((a, b) => byReadingOrder(a.path, b.path))
  for (const blob of chosen) {
    if (blob.size > maxFileBytes) {
      const file = new VFile({path: `${spec}/${blob.path}`, data: {sourcePath: blob.path}})
      problem(file, 'file-too-large', {bytes: blob.size, limit: maxFileBytes}, undefined)
      sources.rejected.push(file)
      continue
    }
    const file = sourceFile(spec, blob.path, await git(['cat-file', 'blob', blob.id], cwd))
    ;(file.value === undefined ? sources.rejected : sources.files).push(file)
  }
  if (sources.files.length === 0 && sources.rejected.length === 0) {
    const folder = new VFile({path: spec, data: {sourcePath: '.'}})
    problem(folder, 'sources-empty', {skipped: inside.length > 0}, undefined)
    sources.rejected.push(folder)
  }
  return sources
}
