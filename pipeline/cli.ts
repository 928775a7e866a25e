#!/usr/bin/env node
// The `art67` command: a thin shell over the library. Exit 0 ok, 1 invalid sources (or too many warnings), 2 usage,
// setup or internal error.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import v8 from 'node:v8'
import type {VFile} from 'vfile'
import {configName, epochFromEnv} from './config.js'
import {Art67Error} from './errors.js'
import {useColor} from './format/color.js'
import type {DiffFormat} from './diff/index.js'
import {count} from './format/index.js'
import {format as formatProblems, formats, type CheckResult, type Format, type FormatOptions} from './index.js'
import {printablePath, sourcePath} from './read/index.js'
import {buildMany, checkMany, Progress, showProgress, type ManyResult} from './reports/index.js'
import {typoOf} from './suggest.js'
import {counted} from './text.js'
import type {WatchOptions} from './watch.js'
import {cleanupOnSignal, removeLeftovers} from './write/index.js'

const usage = `Usage: art67 <command> [sources...] [options]

Commands:
  build [dir...]  validate the sources (default: sources) and write the PDF, XLSX and JSON
  check [dir...]  validate the sources only
  init <dir>      write a new report to edit: --member <name> and --period
                  <yyyy[-yyyy]> (default: last year) or --from <day> --to <day>,
                  optionally --language <code>

  import <file> [--out dir] [--member m] [--period p] [--language l] [--force]
                  turn an e-TRIPS "view details" page saved as text into a
                  sources folder (default: sources; never an existing one
                  unless --force, which replaces its report.md), in the
                  language of the page's text (else of its interface) or
                  of --language (en, fr or es)
  diff <old> <new> [--format text|json|markdown] [--exit-code]
                  what changed between two reports, each a sources folder,
                  a JSON model written by build, or REV:path in git;
                  --exit-code exits 1 when anything changed

A folder that is not itself a report (no Markdown file in it opens with a
front matter) stands for every report below it, e.g. reports/.

Options:
  -o, --out <dir>
                output folder for build (default: out); reports whose outputs
                would have the same names get a subfolder each
  --watch       check or build again whenever a source or template changes
  --overview    also write <name>-overview.pdf (not for circulation) and its
                charts as SVG files
  --combined    also write art67-combined.xlsx: every report's programmes
  --max-warnings <n>
                fail when there are more than n warnings
  --strict      warnings fail the run too (--max-warnings 0)
  --quiet       print no warnings, only errors (warnings still count for
                --max-warnings), and no progress line; the files written
                and the summary line are still printed
  --format <f>  how to print problems: text (default), json (on stdout),
                github (GitHub Actions annotations on stdout)
  --color, --no-color
                colour the text format or not (default: on a terminal,
                or as FORCE_COLOR and NO_COLOR say)
  --language <codes>
                build the PDF and XLSX in these languages too, e.g. fr or
                en,fr,es: fixed texts and names translated, the body kept
                (written as <name>-fr.pdf beside the sources' own language)
  --templates <dir>
                use this templates folder instead of the package's own
  --since <old> build: add a Changes sheet to the XLSX, listing what changed
                since <old> (as diff reads it)
  -h, --help    show this help
  -v, --version show the version

Rule severities: ${configName} in the sources folder, else in the current
directory, e.g. {"rules": {"raw-html": "off", "date-missing": "error"}}.

Exit codes: 0 ok, 1 errors (or more warnings than allowed), 2 usage, setup
or internal error.`

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function summary(result: CheckResult, dir: string, maxWarnings: number | undefined): string {
  const {errors, warnings} = result.counts
  const programmes = result.report ? `, ${counted(result.report.programmes.length, 'programme')}` : ''
  const tooMany = maxWarnings !== undefined && warnings > maxWarnings ? ` (more than the ${maxWarnings} allowed)` : ''
  // The folder itself carries the problems of a missing or empty folder: no file.
  const files = result.files.filter((file) => sourcePath(file) !== '.').length
  return `${printablePath(dir)}: ${counted(files, 'file')}${programmes}, ${counted(errors, 'error')}, ${counted(warnings, 'warning')}${tooMany}`
}

type MainOption = keyof typeof mainOptions
/** The options of build, check and init as `parseArgs` gives them. */
type Values = {[Option in MainOption]?: (typeof mainOptions)[Option]['type'] extends 'string' ? string : boolean}

/** The first option given that does not go with `command`, with the commands it goes with. */
function misplacedOption(command: string, values: Values): string | undefined {
  for (const option of Object.keys(values) as MainOption[]) {
    if (option === 'help' || option === 'version' || commandOptions[command]?.includes(option)) continue
    // A flag set to false was given as `--no-<flag>`.
    return wrongCommand(option, command, values[option] === false ? `--no-${option}` : `--${option}`)
  }
  return undefined
}

/** A path given empty, as an unset variable gives it (`art67 init "$DIR"`): never taken for the current folder. */
const emptyPath = (needs: string) => `${needs}, not an empty path (is a variable unset?)`

/** What is wrong with the command line, if anything. */
function mistakeIn(positionals: string[], values: Values): string | undefined {
  const [command, ...dirs] = positionals
  if (command === undefined) return 'missing command'
  if (command !== 'build' && command !== 'check' && command !== 'init') {
    const suggestion = typoOf(command, ['build', 'check', 'init', ...Object.keys(commands)])
    return `unknown command \`${command}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`
  }
  const misplaced = misplacedOption(command, values)
  if (misplaced) return misplaced
  if (command === 'init') {
    if (dirs.length !== 1) return dirs.length === 0 ? 'init needs the folder to write the report in' : `unexpected argument \`${dirs.slice(1).join(' ')}\``
    if (dirs[0] === '') return emptyPath('init needs the folder to write the report in')
    if (values.member === undefined) return 'init needs the reporting Member, e.g. --member "Japan"'
  }
  if (dirs.includes('')) return emptyPath(`${command} needs folders of sources`)
  if (values.out === '') return emptyPath('--out needs a folder')
  if (values.templates === '') return emptyPath('--templates needs a folder')
  if (values.since === '') return emptyPath('--since needs a report')
  if (values.language !== undefined && command !== 'init' && !/^[a-z]{2,3}(,[a-z]{2,3})*$/.test(values.language)) {
    return `--language takes language codes separated by commas, such as en,fr,es, not \`${values.language}\``
  }
  if (values['max-warnings'] !== undefined && !/^\d+$/.test(values['max-warnings'])) {
    return `--max-warnings takes a whole number of warnings, not \`${values['max-warnings']}\``
  }
  if (values['max-warnings'] !== undefined && values.strict) return '--strict is --max-warnings 0: give one of the two'
  if (values.format !== undefined && !formats.includes(values.format as Format)) return `unknown format \`${values.format}\`; use one of ${formats.join(', ')}`
  return undefined
}

/** A usage mistake: the message and where to read more (the whole usage when no command was given), exit code 2. */
function usageError(message: string, {full = false} = {}): number {
  process.stderr.write(full ? `art67: ${message}\n\n${usage}\n` : `art67: ${message}\nRun \`art67 --help\` for the commands and options.\n`)
  return 2
}

/** The options of `build`, `check` and `init`, and of the commands with options of their own. */
const mainOptions = {
  out: {type: 'string', short: 'o'},
  'max-warnings': {type: 'string'},
  strict: {type: 'boolean'},
  quiet: {type: 'boolean'},
  color: {type: 'boolean'},
  templates: {type: 'string'},
  since: {type: 'string'},
  // No default: init refuses it when given.
  format: {type: 'string'},
  watch: {type: 'boolean'},
  overview: {type: 'boolean'},
  combined: {type: 'boolean'},
  member: {type: 'string'},
  period: {type: 'string'},
  from: {type: 'string'},
  to: {type: 'string'},
  language: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} as const
const importOptions = {
  out: {type: 'string', short: 'o'},
  member: {type: 'string'},
  period: {type: 'string'},
  language: {type: 'string'},
  force: {type: 'boolean'},
  format: {type: 'string', default: 'text'},
  color: {type: 'boolean'}
} as const
const diffOptions = {format: {type: 'string', default: 'text'}, 'exit-code': {type: 'boolean'}, color: {type: 'boolean'}, templates: {type: 'string'}} as const
const ownOptions = {import: importOptions, diff: diffOptions}

/**
 * The options of each command (`help` and `version` aside), from which an option given to another command is refused
 * with the commands it goes with. init's and import's `--language` is the report's language, build's languages to
 * build in as well.
 */
const commandOptions: Record<string, readonly string[]> = {
  build: ['out', 'overview', 'combined', 'since', 'language', 'templates', 'watch', 'max-warnings', 'strict', 'quiet', 'format', 'color'],
  check: ['templates', 'watch', 'max-warnings', 'strict', 'quiet', 'format', 'color'],
  init: ['member', 'period', 'from', 'to', 'language', 'templates'],
  import: Object.keys(importOptions),
  diff: Object.keys(diffOptions)
}

/** The options that are flags, which `--no-<flag>` turns off. */
const flags = new Set(Object.entries({...mainOptions, ...importOptions, ...diffOptions}).flatMap(([name, option]) => (option.type === 'boolean' ? [name] : [])))

/** `--out goes with build and import, not check`, naming the option as `typed`; undefined for an option no command has. */
function wrongCommand(option: string, command: string, typed = `--${option}`): string | undefined {
  const goesWith = Object.keys(commandOptions).filter((other) => commandOptions[other]!.includes(option))
  if (goesWith.length === 0) return undefined
  const listed = goesWith.length > 1 ? `${goesWith.slice(0, -1).join(', ')} and ${goesWith.at(-1)}` : goesWith[0]
  return `${typed} goes with ${listed}, not ${command}`
}

/** `parseArgs`'s words for an option's value (`Option '-o, --out <value>' argument missing`) in ours, on one line. */
function valueMessage(message: string, options: object): string | undefined {
  const typed = /^Option '(?:-\w, )?(--[\w-]+|-\w)\b/.exec(message)?.[1]
  if (typed === undefined) return undefined
  // `-o` by its long name, as help lists it.
  const long = Object.entries(options).find(([, option]) => typed === `-${(option as {short?: string}).short}`)?.[0]
  const named = long === undefined ? typed : `--${long}`
  if (/argument missing$/.test(message)) return `${named} needs a value`
  if (/argument is ambiguous/.test(message)) return `${named} needs a value, not the option after it (a value that starts with \`-\` is written \`${named}=-…\`)`
  if (/does not take an argument$/.test(message)) return `${named} takes no value`
  return undefined
}

/**
 * What `parseArgs` refused, in our words: an option of other commands named with them, else an unknown option named
 * with the nearest of the command's `options`.
 */
function parseArgsMessage(error: Error & {code?: string}, options: object, command: string | undefined): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']+)'/.exec(error.message)?.[1] : undefined
  if (unknown === undefined) return valueMessage(error.message, options) ?? error.message
  const name = unknown.replace(/^--/, '')
  const option = name.startsWith('no-') && flags.has(name.slice(3)) ? name.slice(3) : name
  const misplaced = command !== undefined && Object.hasOwn(commandOptions, command) && unknown.startsWith('--') ? wrongCommand(option, command, unknown) : undefined
  if (misplaced) return misplaced
  const suggestion = typoOf(unknown, Object.keys(options).map((name) => `--${name}`))
  return `unknown option \`${unknown}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`
}

/** `art67 import <file>`: the page's problems in the chosen format, then the files written. */
async function importCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: importOptions
  })
  if (positionals.length !== 1) return usageError(positionals.length === 0 ? 'import needs the file of an e-TRIPS page' : `unexpected argument \`${positionals.slice(1).join(' ')}\``)
  if (positionals[0] === '') return usageError(emptyPath('import needs the file of an e-TRIPS page'))
  if (values.out === '') return usageError(emptyPath('--out needs a folder'))
  if (!formats.includes(values.format as Format)) return usageError(`unknown format \`${values.format}\`; use one of ${formats.join(', ')}`)
  // import, diff, init and watch load only when asked for, keeping them off the start-up path of check.
  const {importFile} = await import('./import/index.js')
  // Ctrl-C or SIGTERM while report.md is written removes its temporary file, as for a build.
  cleanupOnSignal()
  const result = await importFile(positionals[0]!, values)
  printProblems([result.file], values.format as Format, {color: useColor(values.color, process.env, Boolean(process.stderr.isTTY)), outputs: result.outputs})
  const {errors, warnings} = count([result.file])
  const read = result.report ? `, ${counted(result.report.paragraphs.length, 'paragraph')}, ${counted(result.report.rows.length, 'programme')}` : ''
  process.stderr.write(`${printablePath(positionals[0]!)}${read}, ${counted(errors, 'error')}, ${counted(warnings, 'warning')}\n`)
  return result.outputs.length > 0 ? 0 : 1
}

/** `art67 diff <old> <new>`: the changes on stdout; with `--exit-code`, 1 when there are any. */
async function diffCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: diffOptions
  })
  if (positionals.length !== 2) return usageError(positionals.length < 2 ? 'diff needs two reports: <old> <new>' : `unexpected argument \`${positionals.slice(2).join(' ')}\``)
  if (positionals.includes('')) return usageError(emptyPath('diff needs two reports'))
  if (values.templates === '') return usageError(emptyPath('--templates needs a folder'))
  const {anyChange, diffFormats, diffReport} = await import('./diff/index.js')
  if (!diffFormats.includes(values.format as DiffFormat)) return usageError(`unknown format \`${values.format}\`; use one of ${diffFormats.join(', ')}`)
  const color = useColor(values.color, process.env, Boolean(process.stdout.isTTY))
  const {changes, output} = await diffReport(positionals[0]!, positionals[1]!, values.format as DiffFormat, {templates: values.templates, color}).catch((error: unknown) => {
    printProblemsBehind(error, useColor(values.color, process.env, Boolean(process.stderr.isTTY)))
    throw error
  })
  process.stdout.write(output + '\n')
  return values['exit-code'] && anyChange(changes) ? 1 : 0
}

/**
 * The problems behind a setup error, when it has any (a report to compare with has errors): on stderr as text, errors
 * only, as `check --quiet` prints them; the error's message follows when it reaches `run`.
 */
function printProblemsBehind(error: unknown, color: boolean): void {
  if (error instanceof Art67Error) printProblems(error.problems, 'text', {color, quiet: true})
}

/**
 * Problems in `format`: text for people, on stderr like compilers; JSON and GitHub commands for machines, on stdout.
 * Then the files written, on stdout, but in JSON, which lists them.
 */
function printProblems(files: readonly VFile[], format: Format, options: FormatOptions & {color: boolean}): void {
  const problems = formatProblems(files, format, {...options, workspace: process.env.GITHUB_WORKSPACE})
  if (problems) (format === 'text' ? process.stderr : process.stdout).write(problems + '\n')
  if (format !== 'json') for (const output of options.outputs ?? []) process.stdout.write(`wrote ${output}\n`)
}

/** Commands with options of their own, each a small function over the library. */
const commands: Record<string, (args: string[]) => Promise<number>> = {import: importCommand, diff: diffCommand}

interface Printing {
  format: Format
  color: boolean
  quiet: boolean | undefined
  maxWarnings: number | undefined
}

/** One listing of every report's problems, the files written, and a summary line per report (and one for all). */
function print(many: ManyResult<CheckResult & {outputs?: string[]}> & {combined?: string}, printing: Printing): void {
  const files = many.reports.flatMap((entry) => entry.result.files)
  const outputs = [...many.reports.flatMap((entry) => entry.result.outputs ?? []), ...(many.combined ? [many.combined] : [])]
  printProblems(files, printing.format, {color: printing.color, outputs, quiet: printing.quiet})
  for (const entry of many.reports) {
    process.stderr.write(summary(entry.result, entry.dir, printing.maxWarnings) + '\n')
    if (entry.error) process.stderr.write(`art67: ${printablePath(entry.dir)}: ${entry.error}\n`)
  }
  if (many.reports.length > 1) {
    const errors = many.reports.reduce((sum, entry) => sum + entry.result.counts.errors, 0)
    const warnings = many.reports.reduce((sum, entry) => sum + entry.result.counts.warnings, 0)
    const failed = many.reports.filter((entry) => !entry.result.ok || entry.error).length
    process.stderr.write(`${counted(many.reports.length, 'report')}, ${failed} failed: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}\n`)
  }
}

/** The exit code of a run: 2 when a report's outputs could not be made or written, 1 when one is invalid, else 0. */
const exitCode = (many: ManyResult<CheckResult>) => (many.reports.some((entry) => entry.error) ? 2 : many.ok ? 0 : 1)

export async function main(argv: string[]): Promise<number> {
  // Help, whatever else is given (the options of any command among them).
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage + '\n')
    return 0
  }
  const own = argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? commands[argv[0]] : undefined
  if (own) {
    try {
      return await own(argv.slice(1))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return usageError(parseArgsMessage(error as Error, ownOptions[argv[0] as keyof typeof ownOptions], argv[0]))
      throw error
    }
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: mainOptions
    })
  } catch (error) {
    // The command, as parseArgs would have found it: the first word that is no option.
    return usageError(parseArgsMessage(error as Error, mainOptions, argv.find((arg) => !arg.startsWith('-'))))
  }
  const {values, positionals} = parsed
  if (values.version) {
    process.stdout.write(version() + '\n')
    return 0
  }
  const mistake = mistakeIn(positionals, values)
  if (mistake) return usageError(mistake, {full: positionals.length === 0})
  const [command, ...given] = positionals
  if (command === 'init') {
    const {member, period, from, to, language, templates} = values
    const {init} = await import('./init.js')
    // Ctrl-C or SIGTERM while the report is written leaves nothing of it, as for a build.
    cleanupOnSignal()
    for (const file of await init(given[0]!, {member: member!, period, from, to, language, templates})) process.stdout.write(`wrote ${file}\n`)
    return 0
  }
  const dirs = given.length > 0 ? given : ['sources']
  const format = (values.format ?? 'text') as Format
  const maxWarnings = values.strict ? 0 : values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  const printing = {format, maxWarnings, quiet: values.quiet, color: useColor(values.color, process.env, Boolean(process.stderr.isTTY))}
  const options = {
    maxWarnings,
    templates: values.templates,
    out: values.out,
    overview: values.overview,
    combined: values.combined,
    languages: values.language?.split(','),
    since: values.since,
    sourceDateEpoch: command === 'build' ? epochFromEnv(process.env.SOURCE_DATE_EPOCH) : undefined
  }
  if (values.watch) return watchUntilInterrupted(dirs, {...options, command: command as 'build' | 'check'}, printing)

  // Ctrl-C or SIGTERM during a build removes the temporary files it was writing.
  cleanupOnSignal()
  let progress: Progress | undefined
  const hooks = showProgress(process.stderr, process.env, values.quiet)
    ? {found: (found: readonly string[]) => (progress = new Progress(process.stderr, found.length)), start: (dir: string) => progress?.start(printablePath(dir)), finish: () => progress?.finish()}
    : {}
  const many = await (command === 'build' ? buildMany(dirs, options, hooks) : checkMany(dirs, options, hooks))
    .finally(() => progress?.end())
    .catch((error: unknown) => {
      printProblemsBehind(error, printing.color)
      throw error
    })
  print(many, printing)
  return exitCode(many)
}

/** `--watch`: a listing and a summary line per run, until Ctrl-C (or SIGTERM) ends it, cleanly, with exit code 0. */
async function watchUntilInterrupted(dirs: string[], options: WatchOptions, printing: Printing): Promise<number> {
  const {watch} = await import('./watch.js')
  return new Promise((resolve) => {
    const watcher = watch(
      dirs,
      options,
      (run) => {
        print(run, printing)
        const changed = run.changed.length > 0 ? `${run.changed.length} changed, ` : ''
        const rendered = options.command === 'build' ? `, ${run.rendered} of ${counted(run.reports.length, 'report')} rendered` : ''
        process.stderr.write(`[watch] ${changed}${counted(run.parsed, 'file')} parsed${rendered}, ${run.ok ? 'ok' : 'failed'}; waiting for changes (Ctrl-C to stop)\n`)
      },
      (error) => {
        printProblemsBehind(error, printing.color)
        process.stderr.write(`art67: ${error instanceof Error ? error.message : String(error)}\n`)
      }
    )
    const stop = () => {
      // A second signal while the last run finishes ends at once, removing its temporary files.
      process.once('SIGINT', exitNow).once('SIGTERM', exitNow)
      void watcher.close().then(() => resolve(0))
    }
    const exitNow = () => {
      removeLeftovers()
      process.exit(130)
    }
    process.once('SIGINT', stop).once('SIGTERM', stop)
  })
}

/**
 * A reader that stops early (`art67 check | head -1`) closes the pipe: what is left to print there is dropped, and the
 * command runs on to its own exit code, instead of dying with a stack trace and exit 1.
 */
function dropClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
}

/** Run the command of `args`. */
function run(args: string[]): void {
  dropClosedPipes()
  main(args).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      const forUser = error instanceof Art67Error
      process.stderr.write(`art67: ${forUser ? '' : 'internal error: '}${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 2
    }
  )
}

// Inside a start-up snapshot (scripts/snapshot.mjs) the command runs when a process starts from it; such a process
// has no script in its arguments.
if (v8.startupSnapshot.isBuildingSnapshot()) v8.startupSnapshot.setDeserializeMainFunction(() => run(process.argv.slice(1)))
else run(process.argv.slice(2))
