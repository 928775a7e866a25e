// Stage 1, read: find the report's Markdown files and read them as checked UTF-8 text.
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {problem} from '../rules/index.js'

export const maxFileBytes = 20 * 1024 * 1024

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

function vfile(dir: string, relative: string, value?: string): VFile {
  return new VFile({path: path.join(dir, relative), value, data: {sourcePath: relative}})
}

const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md')
const isInside = (root: string, target: string) => target === root || target.startsWith(root + path.sep)

async function listMarkdown(
  root: string,
  realRoot: string,
  relative: string,
  found: string[],
  rejected: VFile[],
  visited = new Set<string>()
) {
  const realDir = await realpath(path.join(root, relative))
  if (visited.has(realDir)) return
  visited.add(realDir)
  const entries = await readdir(path.join(root, relative), {withFileTypes: true})
  // In a fixed order, so a folder reached twice through a link is always read under the same name.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const child = relative ? `${relative}/${entry.name}` : entry.name
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      const target = await realpath(path.join(root, child)).catch(() => undefined)
      const info = target ? await stat(target) : undefined
      isDirectory = Boolean(info?.isDirectory())
      isFile = Boolean(info?.isFile())
      if (!(isDirectory || isMarkdown(entry.name))) continue
      if (!target || !isInside(realRoot, target)) {
        const file = vfile(root, child)
        if (target) problem(file, 'outside-sources', {}, undefined)
        else problem(file, 'file-unreadable', {as: 'broken-link'}, undefined)
        rejected.push(file)
        continue
      }
    }
    if (isDirectory) await listMarkdown(root, realRoot, child, found, rejected, visited)
    else if (isFile && isMarkdown(entry.name)) found.push(child)
  }
}

function decode(file: VFile, bytes: Buffer): string | undefined {
  if (bytes.includes(0)) {
    problem(file, 'file-unreadable', {as: 'binary'}, undefined)
    return undefined
  }
  try {
    // Strips a byte-order mark.
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes)
    const bad = text.indexOf('\uFFFD')
    const before = text.slice(0, Math.max(bad, 0)).split(/\r\n|\r|\n/)
    problem(file, 'file-unreadable', {as: 'encoding'}, {
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1
    })
    return undefined
  }
}

/** Files in this folder of the sources, and below it, hold programmes only. */
const programmesFolder = 'programmes/'
const inProgrammesFolder = (relative: string) => relative.startsWith(programmesFolder)
export const isProgrammesFile = (file: VFile) => inProgrammesFolder(sourcePath(file))

/** Top-level files first, then those under `programmes/`; each group in code-point order of the path. */
export function byReadingOrder(a: string, b: string): number {
  const group = (name: string) => (inProgrammesFolder(name) ? 1 : 0)
  return group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0)
}

export interface ReadOptions {
  /** Files larger than this are refused (`file-too-large`); default 20 MB. */
  maxFileBytes?: number
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

  const found: string[] = []
  await listMarkdown(dir, await realpath(dir), '', found, sources.rejected)
  found.sort(byReadingOrder)
  if (found.length === 0 && sources.rejected.length === 0) {
    problem(folder, 'sources-empty', {}, undefined)
    sources.rejected.push(folder)
  }

  for (const relative of found) {
    const file = vfile(dir, relative)
    const {size} = await stat(path.join(dir, relative))
    if (size > limit) {
      problem(file, 'file-too-large', {bytes: size, limit}, undefined)
      sources.rejected.push(file)
      continue
    }
    const text = decode(file, await readFile(path.join(dir, relative)))
    if (text === undefined) {
      sources.rejected.push(file)
      continue
    }
    file.value = text
    sources.files.push(file)
  }
  return sources
}
