import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {errorsOnly, format} from '../../pipeline/format/index.js'
import {problem} from '../../pipeline/rules/index.js'

function files() {
  const report = new VFile({path: 'report.md'})
  problem(report, 'date-missing', {}, {line: 1, column: 1})
  problem(report, 'date-order', {title: 'Workshop', start: '2021-04-24', end: 'March 2021'}, {line: 9, column: 13})
  const other = new VFile({path: 'programmes/a.md'})
  problem(other, 'raw-html', {}, {line: 2, column: 1})
  return [other, report]
}

describe('--quiet', () => {
  it('keeps only the errors, without touching the files', () => {
    const all = files()
    expect(errorsOnly(all).map((file) => file.messages.map((message) => message.ruleId))).toEqual([[], ['date-order']])
    expect(all.map((file) => file.messages.length)).toEqual([1, 2])
  })

  it('prints errors only in every format, and JSON still counts the warnings', () => {
    const text = format(files(), 'text', {quiet: true})
    expect(text).toContain('date-order')
    expect(text).not.toMatch(/date-missing|raw-html|programmes\/a\.md/)
    expect(format(files(), 'github', {quiet: true}).split('\n')).toHaveLength(1)
    const document = JSON.parse(format(files(), 'json', {quiet: true}))
    expect(document.summary).toEqual({files: 2, errors: 1, warnings: 2})
    expect(document.problems.map((problem: {ruleId: string}) => problem.ruleId)).toEqual(['date-order'])
    expect(JSON.parse(format(files(), 'json')).problems).toHaveLength(3)
  })

  it('colours text only when asked', () => {
    expect(format(files(), 'text', {color: true})).toContain('\u001B[')
    expect(format(files(), 'text', {color: false})).not.toContain('\u001B[')
    expect(format(files(), 'json', {color: true})).not.toContain('\u001B[')
  })
})

describe('the text format with very many problems or long quotes', () => {
  it('prints 150,000 problems of one file, which the reporter alone overflowed the stack on', () => {
    const report = new VFile({path: 'report.md'})
    for (let line = 1; line <= 150_000; line++) problem(report, 'no-beneficiaries', {title: `Workshop ${line}`}, {line, column: 1})
    const text = format([report], 'text', {})
    expect(text.match(/ warning /g)).toHaveLength(150_000)
    expect(text).toContain('“Workshop 150000” names no beneficiaries')
    expect(text).toMatch(/⚠ 150000 warnings$/)
  })

  it('quotes the start of a long text, so that one long title does not widen every line', () => {
    const report = new VFile({path: 'report.md'})
    problem(report, 'no-beneficiaries', {title: 'W'.repeat(50_000)}, {line: 1, column: 1})
    problem(report, 'date-missing', {}, {line: 2, column: 1})
    const [quoted, other] = report.messages.map((message) => message.reason)
    expect(quoted).toBe(`“${'W'.repeat(140)}… (50000 characters)” names no beneficiaries`)
    const widest = Math.max(...format([report], 'text', {}).split('\n').map((line) => line.length))
    expect(widest).toBeLessThan(quoted!.length + other!.length)
  })
})
