// `npm run build` and scripts/compile.mjs (after tsc): the start-up snapshot. esbuild bundles the CLI
// (dist/pipeline/cli.js) into one CommonJS file, dist/snapshot/art67.cjs, and `node --build-snapshot` makes a V8
// start-up snapshot of it, dist/snapshot/art67.blob: every module of `check` loaded and compiled; the emitters and
// their engines stay in the bundle, loaded when a build needs them. dist/snapshot/snapshot.json records what the
// blob fits (node binary, version, platform, package folder, the compile it bundles) and its size and time;
// pipeline/start.ts starts from it only when all of that still holds, else runs the plain CLI. (A second snapshot
// with the emitters loaded too crashed V8's handle check at --build-snapshot with exceljs and the CLI inside.)
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = path.join(root, 'dist', 'snapshot')

/** Package files that find their data beside themselves: `__dirname` becomes their real folder. */
const realDirname = {
  name: 'real-dirname',
  setup(build) {
    build.onLoad({filter: /[/\\]node_modules[/\\].*\.c?js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('__dirname')) return undefined
      return {contents: source.replaceAll(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))), loader: 'js'}
    })
  }
}

/** Bundle the compiled CLI and make its start-up snapshot, replacing dist/snapshot/ once it is whole. */
export async function snapshot() {
  const work = `${dir}.${process.pid}.tmp`
  rmSync(work, {recursive: true, force: true})
  mkdirSync(work, {recursive: true})
  try {
    await make(work)
    rmSync(dir, {recursive: true, force: true})
    renameSync(work, dir)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/** The bundle, blob and snapshot.json, made in `work` to be used from `dir`. */
async function make(work) {
  const bundle = path.join(work, 'art67.cjs')
  await build({
    // The CLI imported for its effect (cli.js exports `main`, and a snapshot has no `module` to export to).
    stdin: {contents: "import './dist/pipeline/cli.js'", resolveDir: root, sourcefile: 'snapshot-entry.js'},
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    // import.meta.url of every module is the bundle's in its final place (dist/snapshot/ is as deep as dist/pipeline/).
    define: {'import.meta.url': 'importMetaUrl'},
    banner: {js: `const importMetaUrl = ${JSON.stringify(pathToFileURL(path.join(dir, 'art67.cjs')).href)};`},
    plugins: [realDirname],
    logLevel: 'warning'
  })
  const blob = path.join(work, 'art67.blob')
  // Node.js warns of built-in modules it has not verified in snapshots: shown only when the snapshot fails.
  const result = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], {cwd: root, encoding: 'utf8'})
  if (result.status !== 0) throw new Error(`the start-up snapshot failed:\n${result.stderr}`)
  const {size, mtimeMs} = statSync(blob)
  const compiled = statSync(path.join(root, 'dist', '.compiled')).mtimeMs
  const fits = {execPath: process.execPath, version: process.version, platform: process.platform, arch: process.arch, root, compiled}
  writeFileSync(path.join(work, 'snapshot.json'), JSON.stringify({...fits, blob: {size, mtimeMs}}, null, 2) + '\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await snapshot()
