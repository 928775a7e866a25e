// `node scripts/compile.mjs`: compile pipeline/ to dist/ only when something tsc reads changed since the last
// successful compile (`npm start`, `npm run check`, `npm run bench`); `--clean` empties dist/ first (`npm run build`).
// Up to date means: the stamp dist/.compiled is newer than every file and folder under pipeline/ (a folder's time
// changes when a file is added, removed or renamed in it), than the tsconfig files and than the installed TypeScript.
// Otherwise `tsc -b` compiles incrementally (its build info is in dist/, so a clean removes it too). After a compile,
// or when it is missing or older than scripts/snapshot.mjs, the start-up snapshot of the CLI is made again.
import {execFileSync} from 'node:child_process'
import {readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {snapshot} from './snapshot.mjs'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const stampOf = (root) => path.join(root, 'dist', '.compiled')

/** The newest modification time under `entry` (itself included), in milliseconds; 0 when it does not exist. */
function newest(entry) {
  let stats
  try {
    stats = statSync(entry)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stats.mtimeMs)
}

const inputs = ['pipeline', 'tsconfig.json', 'tsconfig.build.json', 'node_modules/typescript/package.json']

/** Whether dist/ in `root` was compiled from the files there now. */
export function upToDate(root = packageRoot) {
  const built = newest(stampOf(root))
  return built > 0 && inputs.every((input) => newest(path.join(root, input)) < built)
}

/** Whether the start-up snapshot is missing or older than the script that makes it (how it bundles, its V8 flags). */
function snapshotStale(root) {
  const made = newest(path.join(root, 'dist', 'snapshot', 'snapshot.json'))
  return made === 0 || newest(path.join(root, 'scripts', 'snapshot.mjs')) > made
}

/** Make the start-up snapshot; when that fails, say so in a line: art67 then starts as the plain CLI. */
async function snapshotOrPlain() {
  try {
    await snapshot()
  } catch (error) {
    process.stderr.write(`art67: no start-up snapshot (the plain CLI will start): ${String(error.message).split('\n')[0]}\n`)
  }
}

/** Compile when needed (always after `clean`), then make the snapshot when needed; whether tsc ran. */
export async function compile({clean = false} = {}) {
  const root = packageRoot
  if (clean) rmSync(path.join(root, 'dist'), {recursive: true, force: true})
  else if (upToDate(root)) {
    if (snapshotStale(root)) await snapshotOrPlain()
    return false
  }
  // The stamp's time is taken before tsc reads the sources, so an edit made while it runs is seen next time.
  const started = new Date()
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit'
  })
  writeFileSync(stampOf(root), `${started.toISOString()}\n`)
  utimesSync(stampOf(root), started, started)
  await snapshotOrPlain()
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await compile({clean: process.argv.includes('--clean')})
