// `--watch`: check or build, then again whenever a source, the config, a template or the `--since` report changes.
// Files are re-parsed only when their text changed (a parse cache per report, by content digest), a report is
// rendered again only when its model changed, and only outputs whose bytes changed are written again. Runs never overlap: changes during a run
// start one more run after it.
// Each folder has a watcher of its own, re-armed before every run for the folders as they are then, so the watch
// follows paths: a folder moved away and back, replaced (a checkout) or gone and back, a file saved by rename. (Node's
// recursive watcher on Linux watches each folder's and file's first inode, and drops a folder for good once it goes.)
import {existsSync, readdirSync, statSync, watch as watchFolder, type Dirent, type FSWatcher} from 'node:fs'
import path from 'node:path'
import {configName} from './config.js'
import {Art67Error} from './errors.js'
import type {BuildResult, CheckResult} from './index.js'
import {ParseCache} from './parse/index.js'
import {buildMany, checkMany, type ManyBuildOptions, type ManyResult, type Renders} from './reports/index.js'
import {forgetTemplates, packageTemplates} from './templates.js'

export interface WatchOptions extends ManyBuildOptions {
  command: 'build' | 'check'
  /** Milliseconds to wait for more changes before a run (an editor writes a file in several steps). Default 100. */
  settle?: number
}

export type Run = ManyResult<CheckResult | BuildResult> & {
  /** Files parsed in this run; the others came from the cache. */
  parsed: number
  /** Reports whose outputs were rendered in this run (building); the others' model had not changed. */
  rendered: number
  /** Paths that changed since the previous run; empty for the first. */
  changed: string[]
}

export interface Watcher {
  /** Stop watching; resolves once a run under way has finished (and written all its outputs, or none). */
  close(): Promise<void>
}

/** Milliseconds between looks for a watched folder that is gone. */
const lookEvery = 250

/** Whether `file` is `folder` or inside it. */
const within = (folder: string, file: string) => file === folder || file.startsWith(folder + path.sep)

/**
 * Whether a change at `file`, `root` or inside it, is worth a run: not in the output folder (unless `root` is in it, as
 * with `--out .`: then the outputs written are passed over by the run), not a temporary or hidden file or folder (but
 * `.art67ignore`), nothing under `node_modules`.
 */
function relevant(root: string, file: string, out: string): boolean {
  if (within(out, file) && !within(out, root)) return false
  return path.basename(file) === '.art67ignore' || !path.relative(root, file).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')
}

/** The device and inode of the folder at `folder`, which change when another folder takes its place; none if there is none. */
function identityOf(folder: string): string | undefined {
  try {
    const stats = statSync(folder)
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined
  } catch {
    return undefined
  }
}

/** What `since` names on disk: a folder, a file (a JSON model), or nothing (a git revision such as `HEAD~1:sources`). */
function kindOf(since: string): 'folder' | 'file' | undefined {
  try {
    const stats = statSync(since)
    return stats.isDirectory() ? 'folder' : 'file'
  } catch {
    return undefined
  }
}

/**
 * Watch the report folders `dirs` (or their parents), the templates, the `--since` report when it is on disk and the
 * `art67.config.json` of the current directory; `onRun` gets every run's result, `onError`
 * what the watch has to say: a run's setup error (that run fails; fixing the cause starts the next), a watched folder
 * gone (said once; it is looked for, and its return starts a run), a folder that cannot be watched.
 */
export function watch(dirs: readonly string[], options: WatchOptions, onRun: (run: Run) => void, onError: (error: unknown) => void): Watcher {
  const caches = new Map<string, ParseCache>()
  const renders: Renders = new Map()
  const cacheFor = (dir: string) => {
    const key = path.resolve(dir)
    let cache = caches.get(key)
    if (!cache) caches.set(key, (cache = new ParseCache()))
    return cache
  }
  const out = path.resolve(options.out ?? 'out')
  const templates = path.resolve(options.templates ?? packageTemplates)
  /** The folders watched with those below them, by path, each with its name as given (for messages). */
  const roots = new Map<string, string>()
  const since = options.since !== undefined ? kindOf(options.since) : undefined
  const folders = [...dirs, options.templates ?? packageTemplates, ...(since === 'folder' ? [options.since!] : [])]
  for (const dir of folders) if (!roots.has(path.resolve(dir))) roots.set(path.resolve(dir), dir)
  /** Files watched alone, outside those folders, by their folder: the config read from the current directory, a JSON `--since`. */
  const lone = new Map<string, Set<string>>()
  for (const file of [configName, ...(since === 'file' ? [options.since!] : [])].map((name) => path.resolve(name))) {
    if ([...roots.keys()].some((root) => within(root, file))) continue
    const names = lone.get(path.dirname(file)) ?? new Set()
    lone.set(path.dirname(file), names.add(path.basename(file)))
  }
  let changed = new Set<string>()
  /** The outputs runs wrote: their changes start no run (they are seen when the sources are in the output folder). */
  const written = new Set<string>()
  let first = true
  let running: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  let closed = false

  /** Each folder watched, by path, with its identity when its watcher was armed. */
  const watchers = new Map<string, {watcher: FSWatcher; identity: string}>()
  /** Folders whose watcher saw the folder itself move or go: re-armed at the next run, whatever their identity. */
  const moved = new Set<string>()
  /** Roots found at some run: one missing since is gone (one never found is the run's problem to tell). */
  const found = new Set<string>()
  /** Roots missing at the last run, looked for until one is back. */
  const missing = new Set<string>()
  let looking: NodeJS.Timeout | undefined
  /** The problems said at the last run: each is said once, while it lasts. */
  let said = new Set<string>()

  /** Watch `folder` below `root`, or only its files named `only`. */
  const watchOne = (root: string, folder: string, only?: ReadonlySet<string>): FSWatcher => {
    const watcher = watchFolder(folder, (_, name) => {
      if (only) {
        if (name === null || !only.has(name)) return
        changed.add(path.join(folder, name))
        schedule()
        return
      }
      // The folder's own move or removal comes under its own name, as a child's would (or under none).
      const itself = name === null || (name === path.basename(folder) && !existsSync(path.join(folder, name)))
      if (itself) moved.add(folder)
      const file = itself ? folder : path.join(folder, name)
      if (!relevant(root, file, out)) return
      changed.add(file)
      schedule()
    })
    // A watcher that fails (its folder removed, on some systems) is re-armed, or found gone, by a run.
    watcher.on('error', () => {
      moved.add(folder)
      changed.add(folder)
      schedule()
    })
    return watcher
  }

  /** Watch each root and the folders below it that a relevant change can be in, as they are now. */
  const arm = () => {
    const armed = new Set<string>()
    const problems = new Set<string>()
    /** Watch `folder` (keeping a watcher still on it), or only its files `only`; false when there is no folder there. */
    const armOne = (root: string, folder: string, only?: ReadonlySet<string>): boolean => {
      const identity = identityOf(folder)
      if (identity === undefined) return false
      const kept = watchers.get(folder)
      if (kept?.identity !== identity || moved.has(folder)) {
        kept?.watcher.close()
        watchers.delete(folder)
        try {
          watchers.set(folder, {watcher: watchOne(root, folder, only), identity})
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          if (code === 'ENOENT' || code === 'ENOTDIR') return false
          // No inotify watches left, say: the run still reads the folder, but its changes go unseen.
          problems.add(`cannot watch ${folder}: ${(error as Error).message}`)
        }
      }
      armed.add(folder)
      return true
    }
    /** Watch `folder` and those below it; false when there is no folder there. */
    const armFolder = (root: string, folder: string): boolean => {
      if (!armOne(root, folder)) return false
      let entries: Dirent[] = []
      try {
        entries = readdirSync(folder, {withFileTypes: true})
      } catch {
        // Unreadable: the run says so.
      }
      for (const entry of entries) {
        const child = path.join(folder, entry.name)
        if (entry.isDirectory() && relevant(root, child, out)) armFolder(root, child)
      }
      return true
    }
    for (const [root, name] of roots) {
      if (armFolder(root, root)) {
        found.add(root)
        missing.delete(root)
      } else {
        missing.add(root)
        if (found.has(root)) problems.add(`${name} is gone; watching for it to come back`)
      }
    }
    // A lone file's folder that is missing has nothing to say: the run tells what it needed from there.
    for (const [folder, names] of lone) armOne(folder, folder, names)
    for (const [folder, {watcher}] of watchers) {
      if (armed.has(folder)) continue
      watcher.close()
      watchers.delete(folder)
    }
    moved.clear()
    for (const problem of problems) if (!said.has(problem)) onError(new Art67Error(problem))
    said = problems
    if (missing.size > 0) looking ??= setInterval(lookForMissing, lookEvery)
  }

  /** A missing root that is back starts a run (which watches it). */
  const lookForMissing = () => {
    const back = [...missing].filter((root) => identityOf(root) !== undefined)
    if (back.length === 0) return
    clearInterval(looking)
    looking = undefined
    for (const root of back) changed.add(root)
    schedule()
  }

  const run = async () => {
    const files = [...changed].filter((file) => !written.has(file)).sort()
    changed = new Set()
    if (files.length === 0 && !first) return
    first = false
    arm()
    if (files.some((file) => within(templates, file))) {
      forgetTemplates()
      renders.clear()
    }
    const parsedSoFar = () => [...caches.values()].reduce((sum, cache) => sum + cache.parsed, 0)
    const before = parsedSoFar()
    let rendered = 0
    // All in this thread, which keeps the caches: unchanged files are not parsed, unchanged reports not rendered.
    const many = {...options, parseCacheFor: cacheFor, renders, skipUnchanged: true, workers: 1}
    const result: ManyResult<CheckResult | BuildResult> & {combined?: string} = await (options.command === 'build' ? buildMany(dirs, many, {rendering: () => rendered++}) : checkMany(dirs, many)).catch(
      (error: unknown) => {
        // A setup error (broken templates, an invalid config…) is said, and the run fails as one of bad sources does.
        onError(error)
        return {reports: [], ok: false}
      }
    )
    for (const {result: report} of result.reports) if ('outputs' in report) for (const output of report.outputs) written.add(path.resolve(output))
    if (result.combined !== undefined) written.add(path.resolve(result.combined))
    onRun({...result, parsed: parsedSoFar() - before, rendered, changed: files})
  }

  /** Start a run; what it throws (a callback's error) is said, never left to end the watch. */
  const start = () => {
    running = run()
      .catch(onError)
      .finally(() => (running = undefined))
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (closed) return
      if (running) {
        // Run again once this run ends, with every change seen meanwhile.
        void running.then(schedule)
        return
      }
      start()
    }, options.settle ?? 100)
  }

  start()

  return {
    async close() {
      closed = true
      clearTimeout(timer)
      clearInterval(looking)
      for (const {watcher} of watchers.values()) watcher.close()
      await running
    }
  }
}
