// A sources folder at a git revision (`HEAD~1:sources`), read into memory with `git ls-tree` and `git cat-file`:
// the same files, in the same order and normalised the same way, as `read` finds in a folder. Links are followed
// inside the revision as `read` follows them on disk, and refused by the same rules.
import {execFile} from 'node:child_process'
import path from 'node:path'
import ignore from 'ignore'
import {VFile} from 'vfile'
import {configName} from '../config.js'
import {Art67Error} from '../errors.js'
import {ignoreFile, isMarkdown, isPassedOver, isReadme, maxFileBytes, maxSourcesBytes, readOnce, tooLargeInAll, withSourceBytes, type Found, type Ignore, type Sources} from '../read/index.js'
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

const gitText = async (args: string[], cwd: string) => (await git(args, cwd)).toString('utf8').trim()

/** An entry of a git tree: a folder (`tree`), a file or link (`blob`, a link's mode 120000), a submodule (`commit`). */
interface Entry {
  mode: string
  type: string
  id: string
  /** Bytes of a blob. */
  size: number
}

const linkMode = '120000'
/** Links followed in one path before it is taken for a loop, as Linux does (`MAXSYMLINKS`). */
const maxLinks = 40

/** Where a path leads once its links are followed: a path in the repository and what is there, or why nowhere. */
type Resolved = {path: string; entry: Entry} | 'missing' | 'loop' | 'outside'

/** A revision's tree, each folder listed and each link read once, when first needed; links followed as `realpath` follows them. */
class RevisionTree {
  private readonly folders = new Map<string, Promise<Map<string, Entry>>>()
  /** Each link's target, by the link's object id. */
  private readonly targets = new Map<string, Promise<string>>()
  private readonly top: Entry

  constructor(
    private readonly tree: string,
    private readonly cwd: string
  ) {
    this.top = {mode: '040000', type: 'tree', id: tree, size: 0}
  }

  /** The entries, by name, of the folder at `dir`: a path in the repository without links, `''` for its top. */
  entries(dir: string): Promise<Map<string, Entry>> {
    let listed = this.folders.get(dir)
    if (!listed) {
      // `--full-tree`: the whole folder, not only what is under the current directory.
      listed = git(['ls-tree', '--full-tree', '-z', '--long', `${this.tree}:${dir}`], this.cwd).then((listing) => {
        const entries = new Map<string, Entry>()
        for (const line of listing.toString('utf8').split('\0')) {
          // `<mode> SP <type> SP <id> SP* <size> TAB <name>`
          const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/su.exec(line)
          if (match) entries.set(match[5]!, {mode: match[1]!, type: match[2]!, id: match[3]!, size: Number(match[4])})
        }
        return entries
      })
      this.folders.set(dir, listed)
    }
    return listed
  }

  private target(link: Entry): Promise<string> {
    let target = this.targets.get(link.id)
    if (!target) {
      target = git(['cat-file', 'blob', link.id], this.cwd).then((bytes) => bytes.toString('utf8'))
      this.targets.set(link.id, target)
    }
    return target
  }

  /** `at` (a path in the repository) with every link on the way followed; a link's target is relative to its folder. */
  async resolve(at: string): Promise<Resolved> {
    const pending = at.split('/')
    const reached: Array<[name: string, entry: Entry]> = []
    const here = () => reached.at(-1)?.[1] ?? this.top
    const dir = () => reached.map(([name]) => name).join('/')
    let links = 0
    while (pending.length > 0) {
      const part = pending.shift()!
      // Nothing is below a file (ENOTDIR on disk), not even `.`.
      if (here().type !== 'tree') return 'missing'
      if (part === '' || part === '.') continue
      if (part === '..') {
        // Above the top of the repository is outside the revision.
        if (reached.pop() === undefined) return 'outside'
        continue
      }
      const next = (await this.entries(dir())).get(part)
      if (!next) return 'missing'
      if (next.mode === linkMode) {
        if (++links > maxLinks) return 'loop'
        const target = await this.target(next)
        // An absolute link leads to this machine's files, not to the revision's.
        if (path.posix.isAbsolute(target)) return 'outside'
        pending.unshift(...target.split('/'))
        continue
      }
      reached.push([part, next])
    }
    return {path: dir(), entry: here()}
  }
}

const isInside = (root: string, target: string) => root === '' || target === root || target.startsWith(`${root}/`)

/** The Markdown files of the sources at a revision, found as `read` finds them in a folder, and what cannot be read. */
class RevisionListing {
  /**
   * Each Markdown file found, with its blob. What it reaches is a path in the repository: git keeps no hard links (two
   * names of one file are committed as two files), so only a link reaches a file by a second path.
   */
  readonly found: Array<Found & {blob: Entry}> = []
  readonly rejected: VFile[] = []
  /** Whether a README or an ignored entry was passed over. */
  skipped = false
  private readonly visited = new Set<string>()

  /** `root`: the sources folder's path in the repository. */
  constructor(
    private readonly tree: RevisionTree,
    private readonly spec: string,
    private readonly root: string,
    private readonly ignored: Ignore
  ) {}

  private reject(relative: string, report: (file: VFile) => void) {
    const file = revisionVFile(this.spec, relative)
    report(file)
    this.rejected.push(file)
  }

  /** Folders reached through links, listed once every folder of the sources itself is, as `read` does. */
  private readonly linked: Array<[string, string]> = []

  /** Every folder of the sources from `root` (at `at` in the repository), then those reached through links. */
  async list(at: string): Promise<void> {
    await this.folder('', at)
    for (let next = this.linked.shift(); next; next = this.linked.shift()) await this.folder(...next)
  }

  /** The folder `relative` of the sources, which is at `at` in the repository (elsewhere when reached through a link). */
  private async folder(relative: string, at: string): Promise<void> {
    if (this.visited.has(at)) return
    this.visited.add(at)
    // In the order `read` lists a folder in, so a folder reached twice is read under the same name.
    const entries = [...(await this.tree.entries(at))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [name, entry] of entries) {
      if (isPassedOver(name)) continue
      await this.entry(relative ? `${relative}/${name}` : name, name, entry, at ? `${at}/${name}` : name)
    }
  }

  private async entry(child: string, name: string, entry: Entry, at: string) {
    const markdown = isMarkdown(name)
    if (this.ignored.ignores(entry.type === 'tree' ? `${child}/` : child) || (markdown && isReadme(name))) {
      this.skipped = true
      return
    }
    let target: Resolved = {path: at, entry}
    const link = entry.mode === linkMode
    if (link) {
      target = await this.tree.resolve(at)
      if (target === 'missing' || target === 'loop') {
        if (markdown) this.reject(child, (file) => problem(file, 'symlink-broken', {as: target === 'loop' ? 'loop' : 'missing'}, undefined))
        return
      }
      // What a link out of the revision reaches is unknown: a `.md` one is refused as leading out of the sources, any
      // other passed over (on disk, a link to a folder outside is refused too).
      if (target === 'outside') {
        if (markdown) this.reject(child, (file) => problem(file, 'outside-sources', {}, undefined))
        return
      }
      if (!(target.entry.type === 'tree' || markdown)) return
      if (!isInside(this.root, target.path)) {
        this.reject(child, (file) => problem(file, 'outside-sources', {}, undefined))
        return
      }
    }
    if (target.entry.type === 'tree') {
      // A link to a folder is matched as a folder too, as git matches `drafts/`.
      if (link && this.ignored.ignores(`${child}/`)) this.skipped = true
      else if (link) this.linked.push([child, target.path])
      else await this.folder(child, target.path)
      return
    }
    // A submodule is another repository: nothing of it is in this revision.
    if (markdown && target.entry.type === 'blob') this.found.push({relative: child, identity: target.path, link, blob: target.entry})
  }
}

/** A file of `REV:path`, named as git names it: `HEAD~1:sources/report.md`, and `HEAD:report.md` for `HEAD:`. */
function revisionVFile(spec: string, relative: string): VFile {
  const named = spec.endsWith(':') ? spec + relative : path.join(spec, relative)
  return new VFile({path: named, data: {sourcePath: relative}})
}

/** Where the `path` of `REV:path` is in the repository: from its top, or from `cwd` when it starts with `./` or `../`. */
async function repositoryPath(given: string, cwd: string): Promise<string> {
  const prefix = /^\.\.?\//u.test(given) ? await gitText(['rev-parse', '--show-prefix'], cwd) : ''
  const joined = path.posix.join(prefix, given).replace(/\/$/u, '')
  return joined === '.' ? '' : joined
}

/**
 * Why `REV:path` names nothing git finds from `cwd`: no repository there, no such revision (`HEAD~1` in a repository
 * of one commit), or nothing at the path in it.
 */
async function whyNoFolder(found: {revision: string; path: string}, cwd: string): Promise<string> {
  const succeeds = (args: string[]) => gitText(args, cwd).then(() => true, () => false)
  if (!(await succeeds(['rev-parse', '--git-dir']))) return 'the current directory is not in a git repository'
  if (!(await succeeds(['rev-parse', '--verify', '--quiet', '--end-of-options', `${found.revision}^{tree}`]))) {
    return `the revision \`${found.revision}\` does not exist in this repository`
  }
  return `the revision \`${found.revision}\` has nothing at \`${found.path}\``
}

/**
 * The sources of `REV:path` in the repository around `cwd`, read as `read` reads a folder; `spec` names them in
 * problems. With them, the text of their `art67.config.json` at the revision, if it has one.
 */
export async function readRevision(spec: string, cwd: string): Promise<Sources & {config: string | undefined}> {
  const found = gitRevision(spec)
  if (!found) throw new Art67Error(`${spec} is not a git revision and path such as HEAD~1:sources`)
  // Resolved where the user is (`HEAD:./sources` is relative to it).
  const notFound = (why: string) => new Art67Error(`${spec} is not a folder at a git revision here: ${why}`)
  const sourcesTree = await gitText(['rev-parse', '--verify', '--quiet', '--end-of-options', spec], cwd).catch(async () => {
    throw notFound(await whyNoFolder(found, cwd))
  })
  const type = await gitText(['cat-file', '-t', sourcesTree], cwd)
  if (type !== 'tree') throw notFound(`\`${found.path}\` is ${type === 'blob' ? 'a file' : 'a submodule'} at the revision \`${found.revision}\`, not a folder`)
  const tree = new RevisionTree(await gitText(['rev-parse', '--verify', '--end-of-options', `${found.revision}^{tree}`], cwd), cwd)
  const root = await repositoryPath(found.path, cwd)

  // The ignore file and the config are read through a link too, as on disk.
  const textOf = async (name: string) => {
    const found = await tree.resolve(root ? `${root}/${name}` : name)
    return typeof found === 'object' && found.entry.type === 'blob' ? (await git(['cat-file', 'blob', found.entry.id], cwd)).toString('utf8') : undefined
  }
  const [patterns, config] = await Promise.all([textOf(ignoreFile), textOf(configName)])
  const listing = new RevisionListing(tree, spec, root, ignore().add(patterns ?? ''))
  await listing.list(root)

  const {kept: chosen, repeats} = readOnce(listing.found, (relative) => revisionVFile(spec, relative))
  const sources = {dir: spec, files: [] as VFile[], rejected: [...listing.rejected, ...repeats], config}
  const folder = new VFile({path: spec, data: {sourcePath: '.'}})
  if (chosen.length === 0 && sources.rejected.length === 0) {
    problem(folder, 'sources-empty', {skipped: listing.skipped}, undefined)
    sources.rejected.push(folder)
  }
  const inAll = tooLargeInAll(folder, chosen.flatMap(({blob}) => (blob.size > maxFileBytes ? [] : [blob.size])), maxSourcesBytes)
  if (inAll) sources.rejected.push(inAll)
  for (const {relative, blob} of chosen) {
    if (inAll && blob.size <= maxFileBytes) continue
    if (blob.size > maxFileBytes) {
      const file = revisionVFile(spec, relative)
      problem(file, 'file-too-large', {bytes: blob.size, limit: maxFileBytes}, undefined)
      sources.rejected.push(file)
      continue
    }
    const file = withSourceBytes(revisionVFile(spec, relative), await git(['cat-file', 'blob', blob.id], cwd))
    ;(file.value === undefined ? sources.rejected : sources.files).push(file)
  }
  return sources
}
