#!/usr/bin/env node
// The `art67` command: a thin shell over the library. Exit 0 ok, 1 invalid sources, 2 usage or internal error.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {Art67Error} from './errors.js'
import {build, check, format as formatProblems, formats, type CheckResult, type Format} from './index.js'

const usage = `Usage: art67 <command> [sources] [options]

Commands:
  build [dir]   validate the sources (default: sources) and write the PDF, XLSX and JSON
  check [dir]   validate the sources only

Options:
  --out <dir>   output folder for build (default: out)
  --strict      warnings fail the run too
  --templates <dir>
                use this templates folder instead of the package's own
  --format <f>  how to print problems: text (default), json (on stdout),
                github (GitHub Actions annotations on stdout)
  -h, --help    show this help
  -v, --version show the version

Exit codes: 0 ok, 1 invalid sources, 2 usage or internal error.`

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function summary(result: CheckResult, dir: string): string {
  const {errors, warnings} = result.counts
  const programmes = result.report ? `, ${result.report.programmes.length} programmes` : ''
  return `${dir}: ${result.files.length} files${programmes}, ${errors} errors, ${warnings} warnings`
}

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        strict: {type: 'boolean'},
        templates: {type: 'string'},
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
  const [command, dir = 'sources', ...extra] = positionals
  const mistake =
    command === undefined
      ? 'missing command'
      : command !== 'build' && command !== 'check'
        ? `unknown command \`${command}\``
        : extra.length > 0
          ? `unexpected argument \`${extra.join(' ')}\``
          : undefined
  if (mistake) {
    process.stderr.write(`art67: ${mistake}\n\n${usage}\n`)
    return 2
  }
  if (command === 'check' && values.out !== undefined) {
    process.stderr.write(`art67: --out goes with build, not check\n`)
    return 2
  }

  const format = values.format as Format
  if (!formats.includes(format)) {
    process.stderr.write(`art67: unknown format \`${values.format}\`; use one of ${formats.join(', ')}\n`)
    return 2
  }

  const options = {strict: values.strict, templates: values.templates}
  const result: CheckResult & {outputs?: string[]} =
    command === 'build'
      ? await build(dir, {...options, out: values.out, sourceDateEpoch: sourceDateEpoch()})
      : await check(dir, options)
  const outputs = result.outputs ?? []
  // JSON and GitHub commands are for machines, on stdout; text is for people, on stderr like compilers.
  const problems = formatProblems(result.files, format, {color: Boolean(process.stderr.isTTY), outputs})
  if (problems) (format === 'text' ? process.stderr : process.stdout).write(problems + '\n')
  if (format !== 'json') for (const output of outputs) process.stdout.write(`wrote ${output}\n`)
  process.stderr.write(summary(result, dir) + '\n')
  return result.ok ? 0 : 1
}

function sourceDateEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH
  if (value === undefined || value === '') return undefined
  // A JavaScript date reaches 8.64e15 ms, which is 8.64e12 s.
  if (!/^\d+$/.test(value) || Number(value) > 8.64e12) {
    throw new Art67Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \`${value}\``)
  }
  return Number(value)
}


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
