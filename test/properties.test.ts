// Property-based: whatever the sources say, the pipeline returns a model or located messages, never throws.
// `npm test` runs a few hundred cases; `npm run fuzz` runs many more (FUZZ_RUNS).
import fc from 'fast-check'
import {readFile} from 'node:fs/promises'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {emitPdf} from '../pipeline/emit/pdf/index.js'
import {emitXlsx} from '../pipeline/emit/xlsx/index.js'
import {analyse, type CheckResult} from '../pipeline/index.js'
import {ruleIds} from '../pipeline/rules/index.js'
import {loadTemplates, templatesFor} from '../pipeline/templates.js'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const example = await readFile('sources/report.md', 'utf8')

const word = fc.constantFrom('Canada', 'Viet Nam', 'Vietnam', 'Chile', '2021', '24/04/2021', '31/02/2021', 'April 2021', '', ':', ';', '"free text"', '😀', '知', '=SUM(A1)', '__proto__', '*bold*', '[link](../x.md)', '<b>', '|', '#', '---')
const text = fc.oneof(fc.string({maxLength: 30}), fc.array(word, {maxLength: 6}).map((words) => words.join(' ')))
const label = fc.constantFrom('Start date', 'End date', 'Beneficiaries', 'Partners', 'ID', 'Budget', 'Type of activity', 'Startdate', '**Start date:**', 'IP area', 'Website')
const line = fc.oneof(
  text,
  fc.tuple(fc.integer({min: 1, max: 7}), text).map(([depth, title]) => `${'#'.repeat(depth)} ${title}`),
  fc.constant('# Programmes'),
  fc.tuple(label, text).map(([name, value]) => `- ${name}: ${value}`),
  fc.array(text, {minLength: 1, maxLength: 4}).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('| # | Title | Start date | Beneficiaries |', '|---|---|---|---|', '```', '> quote', '  - nested', '![img](http://x.org/a.png)')
)
const yaml = fc.oneof(
  fc.constant('member: Canada\nperiod: 2020-2021\ndate: 16/09/2021'),
  fc.array(
    fc.tuple(fc.constantFrom('member', 'period', 'date', 'symbol', 'job', 'language', 'requester', '__proto__', 'x', 'period:\n  from'), fc.oneof(text, fc.constantFrom('&a [*a]', '*b', '[1, 2', '{a: 1}', '- x', '2020-2021', '!!binary x'))),
    {maxLength: 8}
  ).map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n'))
)
const document = fc.tuple(fc.option(yaml), fc.array(line, {maxLength: 25})).map(([front, lines]) =>
  (front === null ? '' : `---\n${front}\n---\n`) + lines.join('\n')
)

/** The example with random characters inserted, deleted or replaced. */
const mutated = fc
  .array(fc.tuple(fc.nat({max: example.length}), fc.nat({max: 20}), fc.string({maxLength: 8, unit: 'binary'})), {minLength: 1, maxLength: 8})
  .map((edits) => edits.reduce((text, [at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove), example))

const folder = fc.array(
  fc.tuple(fc.constantFrom('report.md', 'b.md', 'programmes/a.md', 'programmes/z.md'), fc.oneof(document, mutated)),
  {minLength: 1, maxLength: 4}
)

function sources(files: Array<[string, string]>) {
  const unique = new Map(files)
  const vfiles = [...unique].map(([name, value]) => new VFile({path: `mem/${name}`, value, data: {sourcePath: name}}))
  return {dir: 'mem', files: vfiles, rejected: []}
}

function wellFormed(result: CheckResult) {
  expect(result.report === undefined).toBe(result.counts.errors > 0)
  for (const file of result.files) {
    const lines = String(file.value ?? '').split(/\r\n|\r|\n/).length
    for (const message of file.messages) {
      expect(ruleIds).toContain(message.ruleId)
      expect(message.reason.length).toBeGreaterThan(0)
      if (message.line !== undefined) expect(message.line).toBeLessThanOrEqual(lines + 1)
    }
  }
}

describe('properties', () => {
  it('random and mutated sources give a model or located messages', async () => {
    await fc.assert(
      fc.asyncProperty(folder, async (files) => wellFormed(await analyse(sources(files)))),
      {numRuns: runs}
    )
  })

  it('every model the sources produce renders to PDF and XLSX', async () => {
    const templates = templatesFor(await loadTemplates(), 'en')
    const instant = new Date(Date.UTC(2021, 0, 1))
    await fc.assert(
      fc.asyncProperty(folder, async (files) => {
        const {report} = await analyse(sources(files))
        if (!report) return
        expect((await emitPdf(report, templates, {instant: instant})).subarray(0, 5).toString()).toBe('%PDF-')
        expect((await emitXlsx(report, templates, {instant})).subarray(0, 2).toString()).toBe('PK')
      }),
      {numRuns: Math.ceil(runs / 10)}
    )
  })
})
