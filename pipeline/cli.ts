#!/usr/bin/env node
// The `art67` command: a thin shell over the library. Exit 0 ok, 1 invalid sources (or too many warnings), 2 usage,
// setup or internal error.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {configName, epochFromEnv} from './config.js'
import {Art67Error} from './errors.js'
import {useColor} from './format/color.js'
import {anyChange, diffFormats, diffReport, type DiffFormat} from './diff/index.js'
import {importFile} from './import/index.js'
import {count} from './format/index.js'
import {build, check, format as formatProblems, formats, type CheckResult, type Format} from './index.js'
import {printablePath} from './read/index.js'
import {cleanupOnSignal} from './write/index.js'

const usage = `Usage: art67 <command> [sources] [options]

Commands:
  build [dir]   validate the sources (default: sources) and write the PDF, XLSX and JSON
  check [dir]   validate the sources only
  import <file> [--out dir] [--member m] [--period p] [--force]
                turn an e-TRIPS "view details" page saved as text into a
                sources folder (default: sources; never an existing one
                unless --force, which replaces its report.md)
  diff <old> <new> [--format text|json|markdown] [--exit-code]
                what changed between two reports, each a sources folder,
                a JSON model written by build, or REV:path in git;
                --exit-code exits 1 when anything changed

Options:
  -o, --out <dir>
                output folder for build (default: out)
  --max-warnings <n>
                fail when there are more than n warnings
  --strict      warnings fail the run too (--max-warnings 0)
  --quiet       print errors only (warnings still count for --max-warnings)
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
  const programmes = result.report ? `, ${result.report.programmes.length} programmes` : ''
  const tooMany = maxWarnings !== undefined && warnings > maxWarnings ? ` (more than the ${maxWarnings} allowed)` : ''
  return `${printablePath(dir)}: ${result.files.length} files${programmes}, ${errors} errors, ${warnings} warnings${tooMany}`
}

/** What is wrong with the command line, if anything. */
function mistakeIn(
  positionals: string[],
  values: {out?: string; since?: string; strict?: boolean; 'max-warnings'?: string; format?: string; language?: string}
): string | undefined {
  const [command, , ...extra] = positionals
  if (command === undefined) return 'missing command'
  if (command !== 'build' && command !== 'check') return `unknown command \`${command}\``
  if (extra.length > 0) return `unexpected argument \`${extra.join(' ')}\``
  if (command === 'check' && values.out !== undefined) return '--out goes with build, not check'
  if (command === 'check' && values.since !== undefined) return '--since goes with build, not check'
  if (command === 'check' && values.language !== undefined) return '--language goes with build, not check'
  if (values.language !== undefined && !/^[a-z]{2,3}(,[a-z]{2,3})*$/.test(values.language)) {
    return `--language takes language codes separated by commas, such as en,fr,es, not \`${values.language}\``
  }
  if (values['max-warnings'] !== undefined && !/^\d+$/.test(values['max-warnings'])) {
    return `--max-warnings takes a whole number of warnings, not \`${values['max-warnings']}\``
  }
  if (values['max-warnings'] !== undefined && values.strict) return '--strict is --max-warnings 0: give one of the two'
  if (!formats.includes(values.format as Format)) return `unknown format \`${values.format}\`; use one of ${formats.join(', ')}`
  return undefined
}

function usageError(message: string): number {
  process.stderr.write(`art67: ${message}\n\n${usage}\n`)
  return 2
}

/** `art67 import <file>`: the page's problems in the chosen format, then the files written. */
async function importCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {out: {type: 'string', short: 'o'}, member: {type: 'string'}, period: {type: 'string'}, force: {type: 'boolean'}, format: {type: 'string', default: 'text'}, color: {type: 'boolean'}}
  })
  if (positionals.length !== 1) return usageError(positionals.length === 0 ? 'import needs the file of an e-TRIPS page' : `unexpected argument \`${positionals.slice(1).join(' ')}\``)
  if (!formats.includes(values.format as Format)) return usageError(`unknown format \`${values.format}\`; use one of ${formats.join(', ')}`)
  const result = await importFile(positionals[0]!, values)
  const color = useColor(values.color, process.env, Boolean(process.stderr.isTTY))
  const problems = formatProblems([result.file], values.format as Format, {color, outputs: result.outputs})
  if (problems) (values.format === 'text' ? process.stderr : process.stdout).write(problems + '\n')
  if (values.format !== 'json') for (const output of result.outputs) process.stdout.write(`wrote ${output}\n`)
  const {errors, warnings} = count([result.file])
  const read = result.report ? `, ${result.report.paragraphs.length} paragraphs, ${result.report.rows.length} programmes` : ''
  process.stderr.write(`${printablePath(positionals[0]!)}${read}, ${errors} errors, ${warnings} warnings\n`)
  return result.outputs.length > 0 ? 0 : 1
}

/** `art67 diff <old> <new>`: the changes on stdout; with `--exit-code`, 1 when there are any. */
async function diffCommand(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {format: {type: 'string', default: 'text'}, 'exit-code': {type: 'boolean'}, color: {type: 'boolean'}, templates: {type: 'string'}}
  })
  if (positionals.length !== 2) return usageError(positionals.length < 2 ? 'diff needs two reports: <old> <new>' : `unexpected argument \`${positionals.slice(2).join(' ')}\``)
  if (!diffFormats.includes(values.format as DiffFormat)) return usageError(`unknown format \`${values.format}\`; use one of ${diffFormats.join(', ')}`)
  const color = useColor(values.color, process.env, Boolean(process.stdout.isTTY))
  const {changes, output} = await diffReport(positionals[0]!, positionals[1]!, values.format as DiffFormat, {templates: values.templates, color})
  process.stdout.write(output + '\n')
  return values['exit-code'] && anyChange(changes) ? 1 : 0
}

/** Commands with options of their own, each a small function over the library. */
const commands: Record<string, (args: string[]) => Promise<number>> = {import: importCommand, diff: diffCommand}

export async function main(argv: string[]): Promise<number> {
  const own = argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? commands[argv[0]] : undefined
  if (own && !argv.includes('--help') && !argv.includes('-h')) {
    try {
      return await own(argv.slice(1))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return usageError((error as Error).message)
      throw error
    }
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        out: {type: 'string', short: 'o'},
        'max-warnings': {type: 'string'},
        strict: {type: 'boolean'},
        quiet: {type: 'boolean'},
        color: {type: 'boolean'},
        templates: {type: 'string'},
        since: {type: 'string'},
        language: {type: 'string'},
        format: {type: 'string', default: 'text'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    process.stderr.write(`art67: ${(error as Error).message}\n\n${usage}\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(usage + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(version() + '\n')
    return 0
  }
  const mistake = mistakeIn(positionals, values)
  if (mistake) {
    process.stderr.write(`art67: ${mistake}\n\n${usage}\n`)
    return 2
  }
  const [command, dir = 'sources'] = positionals
  const format = values.format as Format
  const maxWarnings = values.strict ? 0 : values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])

  const options = {maxWarnings, templates: values.templates}
  const result: CheckResult & {outputs?: string[]} =
    command === 'build'
      ? await build(dir, {
          ...options,
          out: values.out,
          since: values.since,
          sourceDateEpoch: epochFromEnv(process.env.SOURCE_DATE_EPOCH),
          languages: values.language?.split(',')
        })
      : await check(dir, options)
  const outputs = result.outputs ?? []
  // JSON and GitHub commands are for machines, on stdout; text is for people, on stderr like compilers.
  const color = useColor(values.color, process.env, Boolean(process.stderr.isTTY))
  const problems = formatProblems(result.files, format, {color, outputs, quiet: values.quiet})
  if (problems) (format === 'text' ? process.stderr : process.stdout).write(problems + '\n')
  if (format !== 'json') for (const output of outputs) process.stdout.write(`wrote ${output}\n`)
  process.stderr.write(summary(result, dir, maxWarnings) + '\n')
  return result.ok ? 0 : 1
}

// Ctrl-C or SIGTERM during a build removes the temporary files it was writing.
cleanupOnSignal()
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const forUser = error instanceof Art67Error
    process.stderr.write(`art67: ${forUser ? '' : 'internal error: '}${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  }
)
