// Pathological Markdown through the command line, check and build: never a stack trace or an internal error (exit
// 2); what is over a limit is an error at its place, and what is under them builds. Sizes are kept moderate: the
// linear growth itself is tested in test/parse/limits.test.ts.
import {mkdtemp, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {limits} from '../pipeline/parse/limits.js'
import {art67} from './helpers/run-cli.js'
import {frontMatter, writeSources} from './helpers/sources.js'

interface Problem {
  line: number | null
  column: number | null
  ruleId: string
}

const body = (text: string) => `${frontMatter}\n# Outline\n\n${text}\n`

/** Each shape, and the rule that refuses it at line 8 (the line after the heading), or none when it builds. */
const shapes: Array<[name: string, text: string, rule: string | undefined]> = [
  ['6,000 `>` in one line', `${'>'.repeat(6000)} a`, 'nesting-limit'],
  ['10,000 `*` around a word', `${'*'.repeat(10_000)}word${'*'.repeat(10_000)}`, 'markup-limit'],
  ['20,000 nested brackets', `${'['.repeat(20_000)}a${']'.repeat(20_000)}`, 'markup-limit'],
  ['an emphasis run', '*a'.repeat(20_000), 'markup-limit'],
  ['a strong emphasis run', '**a'.repeat(20_000), 'markup-limit'],
  ['a list nested 1,000 deep', Array.from({length: 1000}, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), 'nesting-limit'],
  ['block quotes nested 1,000 deep', Array.from({length: 1000}, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n'), 'nesting-limit'],
  ['a 1 MB paragraph', 'word '.repeat(200_000), 'block-too-long'],
  ['a 1 MB word', 'a'.repeat(1_000_000), 'block-too-long'],
  ['a paragraph at the length limit', `${'word '.repeat(limits.blockLength / 5 - 1)}`, undefined],
  ['a word of 40,000 letters', 'a'.repeat(40_000), undefined],
  ['a list nested 50 deep', Array.from({length: 50}, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), undefined]
]

describe('pathological Markdown through the command line', () => {
  it.each(shapes)('%s', async (_, text, rule) => {
    const dir = await writeSources({'report.md': body(text)})
    const out = await mkdtemp(path.join(tmpdir(), 'art67-out-'))
    const checked = art67(['check', dir, '--format', 'json'])
    const built = art67(['build', dir, '--out', out, '--format', 'json'])
    for (const result of [checked, built]) {
      expect(result.stderr).not.toMatch(/RangeError|internal error|\n\s+at /)
      expect(result.code).toBe(rule ? 1 : 0)
    }
    const problems = (JSON.parse(checked.stdout) as {problems: Problem[]}).problems
    const errors = problems.filter((problem) => problem.ruleId !== 'nesting-too-deep')
    if (rule) {
      expect(errors.map((problem) => problem.ruleId)).toEqual([rule])
      expect(errors[0]!.line).toBeGreaterThanOrEqual(8)
      expect(errors[0]!.column).toBeGreaterThanOrEqual(1)
      expect(await readdir(out)).toEqual([])
    } else {
      expect(errors).toEqual([])
      expect(await readdir(out)).toHaveLength(3)
    }
  })
})
