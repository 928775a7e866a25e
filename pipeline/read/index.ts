// Stage 1, read: find the report's Markdown files and read them as checked UTF-8 text, normalised (`text.ts`).
import type {BigIntStats, Dirent, Stats} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore from 'ignore'
import {VFile} from 'vfile'
import {setSavedText} from '../place.js'
import {problem} from '../rules/index.js'
import {visible} from '../text.js'
import {decode} from './decode.js'
import {sourceText} from './text.js'

export const maxFileBytes = 20 * 1024 * 1024
/**
 * The most bytes one report's sources may hold in all. A build's memory grows with its sources (11,500 programmes,
 * 20 MB, peaked at 1.8 GB), and a process past node's heap limit (4.3 GB on a 24 GB machine) crashes, not reports.
 */
export const maxSourcesBytes = 20 * 1024 * 1024

/** Runs of invisible characters warned about one by one in a file; one more warning counts the rest. */
export const invisibleWarnings = 20

/** Gitignore-style patterns, in the sources folder, of files and folders not to read. */
export const ignoreFile = '.art67ignore'

export interface Sources {
  /** The sources folder as given. */
  dir: string
  /** Readable Markdown files, sorted by their path inside the folder. */
  files: VFile[]
  /** Files with problems that keep them from being parsed, and the folder's own problems. */
  rejected: VFile[]
}

/** A file's path inside the sources folder, with `/` separators: the same on every machine. */
export function sourcePath(file: VFile): string {
  return file.data.sourcePath ?? file.path
}

/** A path as a terminal may print it: control and invisible characters of a file name written as `<U+001B>`. */
export const printablePath = (filePath: string) => visible(filePath)

/** A file of the sources in `dir` (a folder, or a git revision's `REV:path`) at `relative`. */
export function sourceVFile(dir: string, relative: string, value?: string): VFile {
  return new VFile({path: path.join(dir, relative), value, data: {sourcePath: relative}})
}

export const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md')
/** `README.md`, `readme.fr.md`…: notes about the folder, not part of the report. */
export const isReadme = (name: string) => /^readme/i.test(name)
/** Files and folders never read, nor listed: hidden ones, and `node_modules`. */
export const isPassedOver = (name: string) => name.startsWith('.') || name === 'node_modules'
const isInside = (root: string, target: string) => target === root || target.startsWith(root + path.sep)

export type Ignore = ReturnType<typeof ignore>

/** What is at a path that is neither a folder nor a regular file, in the catalogue's words. */
export function special(info: Dirent | Stats | BigIntStats): 'named pipe' | 'socket' | 'device' | undefined {
  if (info.isFIFO()) return 'named pipe'
  if (info.isSocket()) return 'socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device'
  return undefined
}

/** A Markdown file found, with what it reaches (`identity`) and whether it is a link. */
export interface Found {
  relative: string
  /** The same for every path that reaches the same file, and for no other file's. */
  identity: string
  link: boolean
}

/**
 * What tells a file on disk from every other: its device and inode when it has several names (hard links), else its
 * real path. Inode numbers are used only then, since some file systems (network, FUSE) do not keep them apart, and
 * as bigints, since a number does not hold Windows' 64-bit ones exactly: two files taken for one would lose a text.
 */
const identity = (info: BigIntStats, real: string) => (info.nlink > 1n ? `inode ${info.dev}:${info.ino}` : real)

/** The Markdown files under a sources folder, and the problems of what cannot be read. */
class Listing {
  /** Each Markdown file found, with its size. */
  readonly found: Array<Found & {size: number}> = []
  readonly rejected: VFile[] = []
  /** Whether a README or an ignored entry was passed over. */
  skipped = false
  private readonly visited = new Set<string>()

  constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly ignored: Ignore
  ) {}

  private reject(relative: string, report: (file: VFile) => void) {
    const file = sourceVFile(this.root, relative)
    report(file)
    this.rejected.push(file)
  }

  /** Folders reached through links, listed once every folder of the sources itself is: a file is found by its own path first. */
  private readonly linked: string[] = []

  /** Every folder of the sources, then those reached through links. */
  async list(): Promise<void> {
    await this.folder('')
    for (let next = this.linked.shift(); next !== undefined; next = this.linked.shift()) await this.folder(next)
  }

  private async folder(relative: string): Promise<void> {
    let entries: Dirent[]
    let realDir: string
    try {
      realDir = await realpath(path.join(this.root, relative))
      if (this.visited.has(realDir)) return
      this.visited.add(realDir)
      entries = await readdir(path.join(this.root, relative), {withFileTypes: true})
    } catch (error) {
      this.reject(relative || '.', (file) => problem(file, 'read-denied', {what: 'folder', code: errorCode(error)}, undefined))
      return
    }
    // In a fixed order, so a folder reached twice through a link is always read under the same name.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (isPassedOver(entry.name)) continue
      await this.entry(relative ? `${relative}/${entry.name}` : entry.name, entry, realDir)
    }
  }

  private async entry(child: string, entry: Dirent, realDir: string) {
    let real = path.join(realDir, entry.name)
    const markdown = isMarkdown(entry.name)
    if (this.ignored.ignores(entry.isDirectory() ? `${child}/` : child) || (markdown && isReadme(entry.name))) {
      this.skipped = true
      return
    }
    // What a link leads to.
    let target: BigIntStats | undefined
    if (entry.isSymbolicLink()) {
      try {
        real = await realpath(path.join(this.root, child))
        target = await stat(real, {bigint: true})
      } catch (error) {
        if (markdown) this.reject(child, (file) => problem(file, 'symlink-broken', {as: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'missing'}, undefined))
        return
      }
      if (!(target.isDirectory() || markdown)) return
      if (!isInside(this.realRoot, real)) {
        this.reject(child, (file) => problem(file, 'outside-sources', {}, undefined))
        return
      }
    }
    const info = target ?? entry
    if (info.isDirectory()) {
      // A link to a folder is matched as a folder too, as git matches `drafts/`.
      if (entry.isSymbolicLink() && this.ignored.ignores(`${child}/`)) this.skipped = true
      else if (entry.isSymbolicLink()) this.linked.push(child)
      else await this.folder(child)
      return
    }
    if (!markdown) return
    const kind = special(info)
    if (kind) this.reject(child, (file) => problem(file, 'file-not-regular', {kind}, undefined))
    else if (info.isFile()) await this.file(child, real, target)
  }

  /** The regular file at `child` (`real` on disk), with what its link leads to if it is one. */
  private async file(child: string, real: string, target: BigIntStats | undefined) {
    let info = target
    try {
      info ??= await stat(path.join(this.root, child), {bigint: true})
    } catch (error) {
      this.reject(child, (file) => problem(file, 'read-denied', {what: 'file', code: errorCode(error)}, undefined))
      return
    }
    this.found.push({relative: child, identity: identity(info, real), link: target !== undefined, size: Number(info.size)})
  }
}

/**
 * Files reached by several paths (a link to a file the sources hold already, a file under several names): one path
 * of each is read, the file's own if it is there (a name, not a link), else the first in reading order, and each
 * other path is a warning naming it (`symlink-duplicate` for a link, `hardlink-duplicate` for a name), so no text
 * is printed twice. The kept paths in reading order.
 */
export function readOnce<Each extends Found>(found: readonly Each[], named: (relative: string) => VFile) {
  const first = new Map<string, string>()
  const kept: Each[] = []
  const repeats: VFile[] = []
  for (const each of [...found].sort((a, b) => Number(a.link) - Number(b.link) || byReadingOrder(a.relative, b.relative))) {
    const earlier = first.get(each.identity)
    if (earlier === undefined) {
      first.set(each.identity, each.relative)
      kept.push(each)
      continue
    }
    const file = named(each.relative)
    problem(file, each.link ? 'symlink-duplicate' : 'hardlink-duplicate', {of: earlier}, undefined)
    repeats.push(file)
  }
  return {kept: kept.sort((a, b) => byReadingOrder(a.relative, b.relative)), repeats}
}

/** The patterns of the sources folder's `.art67ignore`; none when it has none. */
async function ignoredIn(dir: string): Promise<Ignore> {
  const patterns = await readFile(path.join(dir, ignoreFile), 'utf8').catch(() => '')
  return ignore().add(patterns)
}

/**
 * Files in this folder of the sources, and below it, hold programmes only. Its name is read in any case, as labels
 * are: a `Programmes/` made on macOS or Windows, whose file systems ignore case, is the same folder to its writer.
 */
const programmesFolder = 'programmes/'
const inProgrammesFolder = (relative: string) => relative.slice(0, programmesFolder.length).toLowerCase() === programmesFolder
export const isProgrammesFile = (file: VFile) => inProgrammesFolder(sourcePath(file))

/** Top-level files first, then those under `programmes/`; each group in code-point order of the path. */
export function byReadingOrder(a: string, b: string): number {
  const group = (name: string) => (inProgrammesFolder(name) ? 1 : 0)
  return group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0)
}

export interface ReadOptions {
  /** Files larger than this are refused (`file-too-large`); default 20 MB. */
  maxFileBytes?: number
  /** Sources larger than this in all are refused, none of their files read (`sources-too-large`); default 20 MB. */
  maxSourcesBytes?: number
}

/**
 * The sources folder's problem when the files to read hold more than `limit` bytes in all (`sizes`, each within the
 * limit for a file), so that none is read; undefined when they hold no more.
 */
export function tooLargeInAll(folder: VFile, sizes: readonly number[], limit: number): VFile | undefined {
  const bytes = sizes.reduce((sum, size) => sum + size, 0)
  if (bytes <= limit) return undefined
  problem(folder, 'sources-too-large', {bytes, files: sizes.length, limit}, undefined)
  return folder
}

function tooLarge(dir: string, relative: string, bytes: number, limit: number): VFile {
  const file = sourceVFile(dir, relative)
  problem(file, 'file-too-large', {bytes, limit}, undefined)
  return file
}

/**
 * A source file of the folder `dir` from its bytes, as every stage reads it: decoded, normalised, invisible characters
 * warned about. Its `value` is undefined when it cannot be read as text (the problem says why). Also for sources
 * that are not files on disk (`art67 diff` reads git revisions).
 */
export function sourceFile(dir: string, relative: string, bytes: Uint8Array): VFile {
  return withSourceBytes(sourceVFile(dir, relative), bytes)
}

/** `file` (named already) given its bytes, as `sourceFile` reads them. */
export function withSourceBytes(file: VFile, bytes: Uint8Array): VFile {
  const raw = decode(file, bytes)
  if (raw !== undefined) setSourceText(file, raw)
  return file
}

/**
 * `file`'s value from its decoded text `raw`, as every stage reads it: normalised, and its invisible characters warned
 * about at their place in the file as saved, where its later problems are placed too.
 */
export function setSourceText(file: VFile, raw: string): void {
  const {text, removed, saved} = sourceText(raw)
  file.value = text
  // Placed in the file as saved already: reported before the file knows how its text lines up with it.
  for (const run of removed.slice(0, invisibleWarnings)) {
    problem(file, 'invisible-character', {characters: run.characters, count: run.count, rest: false}, run.place)
  }
  const rest = removed.slice(invisibleWarnings)
  if (rest.length > 0) {
    const characters = [...new Set(rest.flatMap((run) => run.characters))]
    const count = rest.reduce((sum, run) => sum + run.count, 0)
    problem(file, 'invisible-character', {characters, count, rest: true}, rest[0]!.place.start)
  }
  if (saved) setSavedText(file, saved)
}

/** The system's code for why a file or folder could not be read, e.g. `EACCES`. */
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'EIO'

/** One file of the sources, of `size` bytes when listed, read; a vfile without a value, with its problem, when it cannot be. */
async function readSource(dir: string, relative: string, size: number, limit: number): Promise<VFile> {
  if (size > limit) return tooLarge(dir, relative, size, limit)
  let bytes: Buffer
  try {
    bytes = await readFile(path.join(dir, relative))
  } catch (error) {
    const file = sourceVFile(dir, relative)
    problem(file, 'read-denied', {what: 'file', code: errorCode(error)}, undefined)
    return file
  }
  // It may have grown since it was listed.
  if (bytes.length > limit) return tooLarge(dir, relative, bytes.length, limit)
  return sourceFile(dir, relative, bytes)
}

export async function read(dir: string, options: ReadOptions = {}): Promise<Sources> {
  const limit = options.maxFileBytes ?? maxFileBytes
  const sources: Sources = {dir, files: [], rejected: []}
  const folder = new VFile({path: dir, data: {sourcePath: '.'}})
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    problem(folder, 'sources-missing', {as: info ? 'file' : 'missing'}, undefined)
    sources.rejected.push(folder)
    return sources
  }

  const listing = new Listing(dir, await realpath(dir), await ignoredIn(dir))
  await listing.list()
  const {kept, repeats} = readOnce(listing.found, (relative) => sourceVFile(dir, relative))
  sources.rejected.push(...listing.rejected, ...repeats)
  if (kept.length === 0 && sources.rejected.length === 0) {
    problem(folder, 'sources-empty', {skipped: listing.skipped}, undefined)
    sources.rejected.push(folder)
  }

  // Files over the limit each are refused on their own, and are not counted in the sources' size.
  const inAll = tooLargeInAll(folder, kept.flatMap(({size}) => (size > limit ? [] : [size])), options.maxSourcesBytes ?? maxSourcesBytes)
  if (inAll) sources.rejected.push(inAll)
  for (const {relative, size} of kept) {
    if (inAll && size <= limit) continue
    const file = await readSource(dir, relative, size, limit)
    ;(file.value === undefined ? sources.rejected : sources.files).push(file)
  }
  return sources
}
