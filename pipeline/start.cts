#!/usr/bin/env node
// The `art67` command: starts the CLI from a start-up snapshot (scripts/snapshot.mjs, made by `npm run build`)
// when one fits this process, else runs the plain CLI (cli.ts), silently. `build` starts from build.blob (the
// emitters and their engines loaded), every other command from the leaner check.blob; either runs any command the
// same way, only faster or slower. A snapshot fits when it was made by this node binary and version, on this
// platform, for this package folder and for the compiled code there now, its blob is the one recorded (size and
// time), and this process has no node options (a snapshot holds the flags it was made with, which snapshot.json
// lists and the child is given). The snapshot runs as a child process with this one's arguments, streams and exit
// status.
// It is CommonJS (start.cts → start.cjs), loading only the built-in modules below before the child starts: this
// process is only a node start-up (~80 ms of CPU on this machine) and ~10 ms of its own (issue 13).
// ART67_TRACE_START=1 says on stderr which way it started, and why not from the snapshot.
import childProcess = require('node:child_process')
import fs = require('node:fs')
import path = require('node:path')

const root = path.join(__dirname, '..', '..') + path.sep
const dir = path.join(root, 'dist', 'snapshot')

/** What snapshot.json records. */
interface Made {
  execPath: string
  version: string
  platform: string
  arch: string
  root: string
  compiled: number
  /** The V8 flags the blobs were made with, which a process starting from one must be given too. */
  flags: string[]
  blobs: Record<string, {size: number; mtimeMs: number} | undefined>
}

/** The blob a command starts from: `build` (the first argument that is not an option) from the build snapshot. */
const kindOf = (args: readonly string[]) => (args.find((arg) => !arg.startsWith('-')) === 'build' ? 'build' : 'check')

/** The blob to start from, or why none fits. */
function fittingBlob(kind: string): {blob: string; flags: string[]} | {why: string} {
  if (process.execArgv.length > 0 || process.env.NODE_OPTIONS) return {why: 'node options'}
  let made: Made
  try {
    made = JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8')) as Made
  } catch {
    return {why: 'no snapshot (npm run build makes it)'}
  }
  const blob = path.join(dir, `${kind}.blob`)
  const time = (file: string) => fs.statSync(file, {throwIfNoEntry: false})
  const [info, compiled] = [time(blob), time(path.join(root, 'dist', '.compiled'))]
  const recorded = made.blobs?.[kind]
  const differences: [string, boolean][] = [
    ['node binary', made.execPath !== process.execPath || made.version !== process.version],
    ['platform', made.platform !== process.platform || made.arch !== process.arch],
    ['package folder', made.root !== root],
    ['V8 flags', !Array.isArray(made.flags) || !made.flags.every((flag) => typeof flag === 'string' && flag.startsWith('--'))],
    ['compiled code', made.compiled !== compiled?.mtimeMs],
    ['blob', !recorded || !info || recorded.size !== info.size || recorded.mtimeMs !== info.mtimeMs]
  ]
  const differ = differences.filter(([, different]) => different).map(([what]) => what)
  return differ.length ? {why: `another ${differ.join(', ')}`} : {blob, flags: made.flags}
}

/**
 * The child's environment: this one's without NODE_EXTRA_CA_CERTS. Node.js reads and parses the certificates that
 * variable names before it runs any script (32 ms of each start with Debian's 144 certificates, issue 13), and art67
 * opens no network connection, so the child needs none of them; what it runs in turn (git, for diff) does not read it.
 */
function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {NODE_EXTRA_CA_CERTS: _unused, ...rest} = env
  return rest
}

const start = fittingBlob(kindOf(process.argv.slice(2)))
if (process.env.ART67_TRACE_START) {
  process.stderr.write(`art67: ${'blob' in start ? `start-up snapshot ${start.blob}` : `plain CLI: ${start.why}`}\n`)
}
if ('blob' in start) {
  // `--` ends node's options: without a script, node would take the command's own (`--version`, `--quiet`) as its.
  const child = childProcess.spawn(process.execPath, [...start.flags, '--snapshot-blob', start.blob, '--', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: childEnvironment(process.env)
  })
  // A signal to this process goes on to the child, which ends as the signal makes it (removing the temporary files
  // of a write under way); this one then ends as it did. Ctrl-C reaches both, so the child may get SIGINT twice.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal)
      process.kill(process.pid, signal)
    } else process.exitCode = code ?? 2
  })
} else {
  // The CLI is an ES module; it runs the command of this process's arguments when loaded.
  void import('./cli.js')
}
