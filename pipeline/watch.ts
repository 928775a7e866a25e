// `--watch`: check or build, then again whenever a source, the config or a template changes. Files are re-parsed only
// when their text changed (a parse cache per report, by content digest), a report is rendered again only when its
// model changed, and only outputs whose bytes changed are written again. Runs never overlap: changes during a run
// start one more run after it.
import {watch as watchFolder, type FSWatcher} from 'node:fs'
import path from 'node:path'
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

/**
 * Whether a change at `name` inside a watched `folder` is worth a run: not in the outputs, not a temporary or hidden
 * file or folder (but `.art67ignore`), nothing under `node_modules`.
 */
function relevant(folder: string, name: string, out: string): boolean {
  const file = path.join(folder, name)
  if (file === out || file.startsWith(out + path.sep)) return false
  return path.basename(name) === '.art67ignore' || !name.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules')
}

/**
 * Watch the report folders `dirs` (or their parents) and the templates; `onRun` gets every run's result, `onError`
 * a run's setup error (the watcher goes on: fixing the cause starts the next run).
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
  let changed = new Set<string>()
  let running: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  let closed = false

  const run = async () => {
    const files = [...changed].sort()
    changed = new Set()
    if (files.some((file) => file.startsWith(templates + path.sep))) {
      forgetTemplates()
      renders.clear()
    }
    const before = [...caches.values()].reduce((sum, cache) => sum + cache.parsed, 0)
    let rendered = 0
    try {
      // All in this thread, which keeps the caches: unchanged files are not parsed, unchanged reports not rendered.
      const many = {...options, parseCacheFor: cacheFor, renders, skipUnchanged: true, workers: 1}
      const result = options.command === 'build' ? await buildMany(dirs, many, {rendering: () => rendered++}) : await checkMany(dirs, many)
      const parsed = [...caches.values()].reduce((sum, cache) => sum + cache.parsed, 0) - before
      onRun({...result, parsed, rendered, changed: files})
    } catch (error) {
      onError(error)
    }
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
      running = run().finally(() => (running = undefined))
    }, options.settle ?? 100)
  }

  const watchers: FSWatcher[] = []
  for (const folder of [...new Set([...dirs.map((dir) => path.resolve(dir)), templates])]) {
    try {
      const watcher = watchFolder(folder, {recursive: true}, (_, name) => {
        const file = name ? name.toString() : ''
        if (!relevant(folder, file, out)) return
        changed.add(path.join(folder, file))
        schedule()
      })
      watcher.on('error', onError)
      watchers.push(watcher)
    } catch (error) {
      // A folder that does not exist: the run says so as a problem; watching the others goes on.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error)
    }
  }
  running = run().finally(() => (running = undefined))

  return {
    async close() {
      closed = true
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      await running
    }
  }
}
