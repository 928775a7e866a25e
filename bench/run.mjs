// `npm run bench` (after `npm run build`): times whole `art67 check` and `art67 build` processes, the stages of one
// build, the bare-engine floor and the Typst anchor (bench/typst.mjs), on the example and on synthetic reports;
// checks the performance budgets (issue 13).
// Synthetic sources go to a temporary folder, removed at the end; results to bench/results/latest.json (quick.json).
// `node bench/run.mjs --quick`: fewer sizes and one run each, for development. Exits 1 when a budget is missed.
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {generate} from './generate.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const bench = path.join(root, 'bench')
/** The command as installed (from the start-up snapshot when it fits), and the plain CLI. */
const command = path.join(root, 'dist/pipeline/start.cjs')
const cli = path.join(root, 'dist/pipeline/cli.js')
/** GNU time, which measures a process with its children (the installed command starts one from the snapshot). */
const gnuTime = ['/usr/bin/time'].find((file) => existsSync(file))
const quick = process.argv.includes('--quick')
const sizes = quick ? [100, 1000] : [10, 100, 500, 1000, 5000]
/** Runs of each process per report; at 5,000 only the budgeted build is repeated, to keep the full run short. */
const runsFor = (size) => {
  if (quick) return {check: 1, build: 1, floor: 1, typst: 1}
  return size >= 5000 ? {check: 1, build: 3, floor: 1, typst: 1} : {check: 5, build: 5, floor: 5, typst: 5}
}
const stages = ['templates', 'read', 'parse', 'extract', 'validate', 'pdf', 'xlsx', 'json', 'write']
const MiB = 1024 * 1024

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Fail loudly unless a measured process exited 0. */
function succeeded(child, args) {
  if (child.status !== 0) throw new Error(`\`node ${args.join(' ')}\` exited ${child.status ?? child.signal}:\n${child.stderr}`)
  return child
}

/**
 * Run `node --import probe.mjs <args>` to completion, as its own process; fail loudly unless it exits 0.
 * @returns {{ms: number, stdout: string, stderr: string, maxRssBytes: number, cpuMs: number, heavyModules: string[]}}
 */
function node(args, probeFile) {
  const start = performance.now()
  const child = spawnSync(process.execPath, ['--import', path.join(bench, 'probe.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
    env: {...process.env, ART67_BENCH_PROBE: probeFile}
  })
  const ms = performance.now() - start
  succeeded(child, args)
  return {ms, stdout: child.stdout, stderr: child.stderr, ...JSON.parse(readFileSync(probeFile, 'utf8'))}
}

/**
 * Run the installed command `art67 <args>` as users do (no node option, so it may start from the snapshot), under
 * GNU time when there is one for its peak memory and CPU time with its child; else those of the plain CLI's probe.
 */
function art67(args, probeFile) {
  if (!gnuTime) return {...node([cli, ...args], probeFile), ms: wall(args)}
  const start = performance.now()
  const child = spawnSync(gnuTime, ['-f', 'art67-bench %M %U %S', process.execPath, command, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * MiB
  })
  const ms = performance.now() - start
  succeeded(child, args)
  const lines = child.stderr.trimEnd().split('\n')
  const [, kib, user, system] = lines.pop().split(' ')
  return {ms, stdout: child.stdout, stderr: lines.join('\n'), maxRssBytes: Number(kib) * 1024, cpuMs: (Number(user) + Number(system)) * 1000}
}

/** The wall time of the installed command alone. */
function wall(args) {
  const start = performance.now()
  succeeded(spawnSync(process.execPath, [command, ...args], {cwd: root, encoding: 'utf8', maxBuffer: 64 * MiB}), args)
  return performance.now() - start
}

/** What check found; a synthetic report that does not check clean stops the bench: its timings would mean nothing. */
function verified(name, stderr, expected) {
  const found = summary(stderr)
  if (expected && JSON.stringify(found) !== JSON.stringify({...expected, errors: 0, warnings: 0})) {
    throw new Error(`synthetic report ${name} does not check clean:\n${stderr}`)
  }
  return found
}

/** The report model: the JSON output of a build. */
const modelIn = (out) => path.join(out, readdirSync(out).find((file) => file.endsWith('.json')))

/** `dir: 9 files, 1000 programmes, 0 errors, 0 warnings`, the CLI's last line, as numbers. */
function summary(stderr) {
  const match = /(\d+) files, (\d+) programmes, (\d+) errors, (\d+) warnings\s*$/.exec(stderr)
  if (!match) throw new Error(`no summary line in:\n${stderr}`)
  const [files, programmes, errors, warnings] = match.slice(1).map(Number)
  return {files, programmes, errors, warnings}
}

/**
 * Measure one sources folder: interleaved runs of check, build and the floor (`runs` of each), then the stages of
 * one more build. `expected` (synthetic trees) is what the first check must report, or the bench stops there:
 * those files and programmes, no error, no warning.
 */
function measure(name, dir, runs, work, expected) {
  const out = path.join(work, `out-${name}`)
  const probe = path.join(work, 'probe.json')
  const loadAverage = os.loadavg()[0]
  const check = [], build = [], floor = [], typst = []
  let found
  // Interleaved, so that a change in the machine's load shifts all three alike.
  for (let run = 0; run < Math.max(...Object.values(runs)); run++) {
    if (run < runs.check) check.push(art67(['check', dir], probe))
    if (run === 0) found = verified(name, check[0].stderr, expected)
    if (run < runs.build) build.push(art67(['build', dir, '--out', out], probe))
    if (run < runs.floor) floor.push(node([path.join(bench, 'floor.mjs'), modelIn(out)], probe))
    if (run < runs.typst) typst.push(node([path.join(bench, 'typst.mjs'), modelIn(out)], probe))
  }
  const timings = JSON.parse(node([path.join(bench, 'stages.mjs'), dir, out], probe).stdout)
  // Which engines check loads: the plain CLI's modules, which are those the snapshot holds.
  const {heavyModules} = node([cli, 'check', dir], probe)
  const whole = (results) => ({
    medianMs: median(results.map((result) => result.ms)),
    runsMs: results.map((result) => Math.round(result.ms)),
    cpuMs: results.map((result) => Math.round(result.cpuMs)),
    peakRssBytes: Math.max(...results.map((result) => result.maxRssBytes))
  })
  const engines = floor.map((result) => JSON.parse(result.stdout))
  const result = {
    name,
    loadAverage,
    files: found.files,
    programmes: found.programmes,
    check: {...whole(check), heavyModules},
    build: whole(build),
    floor: {...whole(floor), pdfMs: median(engines.map((e) => e.pdf)), xlsxMs: median(engines.map((e) => e.xlsx))},
    typst: whole(typst),
    stagesMs: Object.fromEntries(Object.entries(timings).map(([stage, ms]) => [stage, Math.round(ms)]))
  }
  result.buildOverFloor = result.build.medianMs / result.floor.medianMs
  result.buildOverTypst = result.build.medianMs / result.typst.medianMs
  return result
}

function table(results) {
  const seconds = (ms) => (ms / 1000).toFixed(2)
  const header = ['report', 'files', 'progs', 'check s', 'build s', 'peak MiB', 'floor s', '÷floor', 'typst s', '÷typst']
  const rows = results.map((r) => [
    r.name,
    r.files,
    r.programmes,
    seconds(r.check.medianMs),
    seconds(r.build.medianMs),
    Math.round(r.build.peakRssBytes / MiB),
    seconds(r.floor.medianMs),
    r.buildOverFloor.toFixed(2),
    seconds(r.typst.medianMs),
    r.buildOverTypst.toFixed(2),
    ...stages.map((stage) => r.stagesMs[stage] ?? '')
  ])
  const lines = [[...header, ...stages.map((stage) => `${stage} ms`)], ...rows].map((row) => row.map(String))
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)))
  const pad = (cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))
  return lines.map((line) => line.map(pad).join('  ')).join('\n')
}

/** Each budget: what it limits, the measured value (undefined when this run has no such case) and its limit. */
function budgets(results) {
  const byName = Object.fromEntries(results.map((r) => [r.name, r]))
  const [example, at500, at1000, at5000] = ['example', '500', '1000', '5000'].map((name) => byName[name])
  const heavy = results.flatMap((r) => r.check.heavyModules.map((module) => `${module} (${r.name})`))
  const growth = at5000 && at500 && at5000.build.medianMs / at500.build.medianMs
  return [
    {budget: 'example: build median', unit: 's', value: example && example.build.medianMs / 1000, limit: 0.4},
    {budget: 'example: check median', unit: 's', value: example && example.check.medianMs / 1000, limit: 0.15},
    {budget: '1,000 programmes: build median', unit: 's', value: at1000 && at1000.build.medianMs / 1000, limit: 5},
    {budget: '1,000 programmes: build peak RSS', unit: 'MB', value: at1000 && at1000.build.peakRssBytes / 1e6, limit: 500},
    {budget: '1,000 programmes: build ÷ Typst anchor', unit: '×', value: at1000?.buildOverTypst, limit: 1.0},
    {budget: '5,000 programmes: build median', unit: 's', value: at5000 && at5000.build.medianMs / 1000, limit: 25},
    {budget: '5,000 programmes: build peak RSS', unit: 'MB', value: at5000 && at5000.build.peakRssBytes / 1e6, limit: 1200},
    {budget: 'growth: build 5,000 ÷ build 500', unit: '×', value: growth, limit: 11},
    {budget: 'check loads neither exceljs nor pdfmake', unit: 'modules', value: heavy.length, limit: 0, detail: heavy.join(', ')}
  ].map((b) => ({...b, status: b.value === undefined ? 'skipped' : b.value <= b.limit ? 'pass' : 'FAIL'}))
}

/** `pass    example: build median: 0.86 s (limit 1, 86% of it)` */
function budgetLine(b) {
  const share = b.limit ? `, ${Math.round((b.value / b.limit) * 100)}% of it` : ''
  const value = b.status === 'skipped' ? '' : `: ${+b.value.toFixed(2)} ${b.unit} (limit ${b.limit}${share})`
  return `${b.status.padEnd(7)} ${b.budget}${value}${b.detail ? ` ${b.detail}` : ''}`
}

function machine() {
  const git = spawnSync('git', ['describe', '--always', '--dirty'], {cwd: root, encoding: 'utf8'})
  return {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    // Set on some machines (behind a proxy); every node process then parses those certificates before any script:
    // the launcher, the floor's and the Typst anchor's processes (the snapshot's child is started without it).
    nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null,
    commit: git.stdout.trim() || undefined
  }
}

const started = performance.now()
const work = await mkdtemp(path.join(os.tmpdir(), 'art67-bench-'))
try {
  const results = []
  const info = machine()
  const memory = `${(info.memoryBytes / 1024 ** 3).toFixed(0)} GiB`
  console.log(`${info.cpu}, ${info.cores} cores, ${memory}, Node ${info.node}${quick ? ' (quick)' : ''}`)
  if (info.nodeExtraCaCerts) console.log(`NODE_EXTRA_CA_CERTS=${info.nodeExtraCaCerts}: each node process reads it as it starts`)
  const synthetic = sizes.map((size) => [String(size), path.join(work, `src-${size}`), size])
  const cases = [['example', path.join(root, 'sources'), undefined], ...synthetic]
  for (const [name, dir, size] of cases) {
    const expected = size && {files: await generate(dir, size), programmes: size}
    console.log(`measuring ${name} (load average ${os.loadavg()[0].toFixed(1)})…`)
    results.push(measure(name, dir, runsFor(size ?? 0), work, expected))
  }
  console.log('\n' + table(results) + '\n')
  const checked = budgets(results)
  for (const b of checked) console.log(budgetLine(b))
  await mkdir(path.join(bench, 'results'), {recursive: true})
  const file = path.join(bench, 'results', quick ? 'quick.json' : 'latest.json')
  const json = {date: new Date().toISOString(), quick, machine: info, results, budgets: checked}
  await writeFile(file, JSON.stringify(json, null, 2) + '\n')
  console.log(`\nwrote ${path.relative(root, file)} in ${((performance.now() - started) / 60000).toFixed(1)} min`)
  process.exitCode = checked.some((b) => b.status === 'FAIL') ? 1 : 0
} finally {
  await rm(work, {recursive: true, force: true})
}
