// `npm run build` and scripts/compile.mjs (after tsc): the start-up snapshots. esbuild bundles the CLI
// (dist/pipeline/cli.js) with dist/pipeline/snapshot.js into one CommonJS file, dist/snapshot/art67.cjs, and
// `node --build-snapshot` makes two V8 start-up snapshots of it: check.blob with every module of `check` loaded and
// warmed, and build.blob with the emitters and their engines too (pipeline/snapshot.ts says what each holds).
// dist/snapshot/snapshot.json records what the blobs fit (node binary, version, platform, package folder, the
// compile they bundle, the V8 flags to start them with) and each blob's size and time; pipeline/start.cts starts
// from one only when all of that still holds, else runs the plain CLI.
import {spawn} from 'node:child_process'
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = path.join(root, 'dist', 'snapshot')
/** The blobs, by the kind of snapshot (pipeline/snapshot.ts) each holds. */
const kinds = ['check', 'build']

/**
 * V8 flags each blob is made with; a process starts from a blob only with the same flags (pipeline/start.cts passes
 * those snapshot.json records). `--interrupt-budget` (V8's default 132 KiB of bytecode run before a function is
 * considered for optimisation) 8× larger: a process started from a warmed snapshot otherwise spends much of a short
 * run optimising with TurboFan (61 ms of a check's CPU on the example) and redoing it. Measured side by side (CPU of
 * the process, medians; issue 13): example build 1.21 → 0.84 s, check 0.42 → 0.37 s, 1,000 programmes build 24.4 →
 * 23.4 s; 4 MiB was no faster on the example and slower at 1,000 programmes (26.8 s).
 */
const v8Flags = ['--interrupt-budget=1048576']

/** `source`, the text of `file`, with `__dirname` as its real folder: package files find their data beside themselves. */
const withRealDirname = (file, source) => source.replaceAll(/\b__dirname\b/g, JSON.stringify(path.dirname(file)))

const realDirname = {
  name: 'real-dirname',
  setup(build) {
    build.onLoad({filter: /[/\\]node_modules[/\\].*\.c?js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      return source.includes('__dirname') ? {contents: withRealDirname(args.path, source), loader: 'js'} : undefined
    })
  }
}

/**
 * A package our ES modules load as CommonJS (`createRequire(import.meta.url)('fontkit')`, to share pdfkit's copy) is
 * bundled too: `require('fontkit')`, which esbuild follows, instead of a second copy read from node_modules at run time.
 */
const bundledRequire = {
  name: 'bundled-require',
  setup(build) {
    build.onLoad({filter: /[/\\]dist[/\\]pipeline[/\\].*\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const pattern = /\bcreateRequire\(import\.meta\.url\)\(('[^']+'|"[^"]+")\)/g
      return pattern.test(source) ? {contents: source.replaceAll(pattern, 'require($1)'), loader: 'js'} : undefined
    })
  }
}

/**
 * Files bundled as their own text. The run-time patches of pdfmake and pdfkit (pipeline/emit/pdf/patch.ts) replace
 * their methods only while the methods' source (Function.prototype.toString) is the one they were written against,
 * and esbuild reprints the code it bundles (other indentation, `void 0`, renamed parameters), which would turn them
 * off in the snapshot. Such a file is run from its original text, as Node.js's loader runs it, with its `require`s
 * bundled.
 */
const verbatim = {
  name: 'verbatim',
  setup(build) {
    build.onLoad({filter: /[/\\]node_modules[/\\](?:pdfmake[/\\]js[/\\](?:StyleContextStack|TextInlines|PDFDocument|Renderer|DocMeasure|LayoutBuilder|DocumentContext)|pdfkit[/\\]js[/\\]pdfkit)\.js$/}, (args) => {
      // pdfkit reads its standard fonts' metrics beside itself.
      const source = withRealDirname(args.path, readFileSync(args.path, 'utf8'))
      const requires = [...new Set(Array.from(source.matchAll(/\brequire\(("[^"]+"|'[^']+')\)/g), (match) => match[1]))]
      const bundled = requires.map((request) => `[${request}]: require(${request})`).join(', ')
      const run = `new Function('exports', 'require', 'module', ${JSON.stringify(source)})`
      return {contents: `${run}(exports, (request) => ({${bundled}})[request], module)\n`, loader: 'js'}
    })
  }
}

/**
 * vfile-reporter's string-width, measuring the cells of the problems table, goes through pipeline/format/width.ts
 * first: text of single-column characters is counted there, without string-width's first-call cost (15-35 ms, an
 * Intl.Segmenter and the emoji regular expression), and anything else by string-width as before.
 */
const narrowWidths = {
  name: 'narrow-widths',
  setup(build) {
    const width = JSON.stringify(path.join(root, 'dist', 'pipeline', 'format', 'width.js'))
    build.onResolve({filter: /^string-width$/}, (args) =>
      args.namespace === 'file' && /[/\\]node_modules[/\\]vfile-reporter[/\\]/.test(args.importer)
        ? {path: 'string-width', namespace: 'narrow-widths', pluginData: {resolveDir: args.resolveDir}}
        : undefined
    )
    build.onLoad({filter: /.*/, namespace: 'narrow-widths'}, (args) => ({
      contents: [
        "import stringWidth from 'string-width'",
        `import {narrowWidth} from ${width}`,
        "export default (text, options) => (options === undefined && typeof text === 'string' ? narrowWidth(text) : undefined) ?? stringWidth(text, options)"
      ].join('\n'),
      // string-width as vfile-reporter resolves it.
      resolveDir: args.pluginData.resolveDir,
      loader: 'js'
    }))
  }
}

/**
 * Modules the engines load with them but art67 never calls, made to load at their first call instead: their data
 * would otherwise be built at load and kept in build.blob, which costs start-up time by its size (~5 ms a MB).
 * fontkit's Brotli decoder (WOFF2 fonts; its dictionary ~1.1 MB of heap) and the AES tables of pdfkit's encryption
 * (~1.3 MB). Each entry: the request, the file that makes it, and the names the module is called by.
 */
const lazyModules = [
  {request: 'brotli/decompress.js', importer: /[/\\]node_modules[/\\]fontkit[/\\]/, exports: undefined},
  {request: '@noble/ciphers/aes', importer: /[/\\]node_modules[/\\]pdfkit[/\\]/, exports: ['cbc', 'ecb']}
]
const loadOnFirstCall = {
  name: 'load-on-first-call',
  setup(build) {
    for (const lazy of lazyModules) {
      const filter = new RegExp(`^${lazy.request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`)
      build.onResolve({filter}, async (args) => {
        if (args.pluginData?.real || !lazy.importer.test(args.importer)) return undefined
        const real = await build.resolve(args.path, {resolveDir: args.resolveDir, kind: args.kind, pluginData: {real: true}})
        if (real.errors.length > 0) return {errors: real.errors}
        return {path: real.path, namespace: 'load-on-first-call', pluginData: {exports: lazy.exports}}
      })
    }
    build.onLoad({filter: /.*/, namespace: 'load-on-first-call'}, (args) => {
      const load = `let real; const load = () => (real ??= require(${JSON.stringify(args.path)}));`
      const exported = args.pluginData.exports
      const value = exported
        ? `{${exported.map((name) => `${name}: (...args) => load().${name}(...args)`).join(', ')}}`
        : '(...args) => load()(...args)'
      return {contents: `${load}\nmodule.exports = ${value}\n`, resolveDir: path.dirname(args.path), loader: 'js'}
    })
  }
}

/**
 * Escape what esbuild's `charset: 'ascii'` leaves: characters in regular expression literals (the bundle has no
 * comments). One character above U+00FF makes V8 keep the whole text at two bytes a character. `\uXXXX` means the
 * same character in a regular expression, with or without the `u` flag (a pair of surrogates is one code point).
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8')
  // A backslash before such a character would escape the backslash of its `\u`.
  if (/\\[^\x00-\x7f]/.test(source)) throw new Error(`${file}: a backslash before a character outside ASCII`)
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

/** Bundle the compiled CLI and make its start-up snapshots, replacing dist/snapshot/ once it is whole. */
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

/** `node --build-snapshot` of `bundle` into `blob`, preparing `kind`; rejects with its stderr when it fails. */
function buildSnapshot(bundle, blob, kind) {
  return new Promise((resolve, reject) => {
    // Node.js warns of built-in modules it has not verified in snapshots: shown only when the snapshot fails.
    const child = spawn(process.execPath, [...v8Flags, '--snapshot-blob', blob, '--build-snapshot', bundle], {
      cwd: root,
      env: {...process.env, ART67_SNAPSHOT_KIND: kind},
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`the ${kind} start-up snapshot failed (${signal ?? `exit ${code}`}):\n${stderr}`))
    )
  })
}

/** The bundle, blobs and snapshot.json, made in `work` to be used from `dir`. */
async function make(work) {
  const bundle = path.join(work, 'art67.cjs')
  await build({
    // The CLI imported for its effect (cli.js exports `main`, and a snapshot has no `module` to export to); the
    // preparation's failure fails the snapshot.
    stdin: {
      contents: [
        "import './dist/pipeline/cli.js'",
        "import {prepareSnapshot} from './dist/pipeline/snapshot.js'",
        'prepareSnapshot(process.env.ART67_SNAPSHOT_KIND).catch((error) => {',
        '  process.stderr.write(`${error?.stack ?? error}\\n`)',
        '  process.exit(1)',
        '})'
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'snapshot-entry.js'
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    // The bundle's whole text stays in each snapshot (V8 compiles functions from it when first called), and a blob
    // costs start-up time by its size: no comments or indentation, short local names (4.4 -> 3.4 MB; check.blob
    // 12.6 -> 11.4 MB, the example's check 147 -> 139 ms), and only ASCII (below). The patched engines' files keep
    // their own text (verbatim, above), and the outputs, problems and exit codes are the plain CLI's (test/start.test.ts).
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    charset: 'ascii',
    // import.meta.url of every module is the bundle's in its final place (dist/snapshot/ is as deep as dist/pipeline/).
    define: {'import.meta.url': 'importMetaUrl'},
    banner: {js: `const importMetaUrl = ${JSON.stringify(pathToFileURL(path.join(dir, 'art67.cjs')).href)};`},
    plugins: [verbatim, realDirname, bundledRequire, narrowWidths, loadOnFirstCall],
    logLevel: 'warning'
  })
  asciiOnly(bundle)
  // One after the other: the machine may have other work, and each takes a core.
  const blobs = {}
  for (const kind of kinds) {
    const started = performance.now()
    const blob = path.join(work, `${kind}.blob`)
    await buildSnapshot(bundle, blob, kind)
    const {size, mtimeMs} = statSync(blob)
    blobs[kind] = {size, mtimeMs, ms: Math.round(performance.now() - started)}
  }
  // The bundle's pool (pipeline/reports/pool.ts) starts its worker threads from `./worker.js` beside the bundle: the
  // plain compiled worker, since a worker thread cannot start from a snapshot.
  writeFileSync(path.join(work, 'worker.js'), "import '../pipeline/reports/worker.js'\n")
  // Likewise the parse's workers (pipeline/parse/threads.ts), from `./parse-worker.js`.
  writeFileSync(path.join(work, 'parse-worker.js'), "import '../pipeline/parse/parse-worker.js'\n")
  const compiled = statSync(path.join(root, 'dist', '.compiled')).mtimeMs
  const fits = {execPath: process.execPath, version: process.version, platform: process.platform, arch: process.arch, root, compiled, flags: v8Flags}
  writeFileSync(path.join(work, 'snapshot.json'), JSON.stringify({...fits, blobs}, null, 2) + '\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await snapshot()
