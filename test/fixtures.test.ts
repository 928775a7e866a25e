// Every folder under test/fixtures is a sources folder with the problems it must produce in expected.json.
// Regenerate after a deliberate change with UPDATE_FIXTURES=1, then review the diff.
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {check} from '../pipeline/index.js'
import {diagnostics} from '../pipeline/format/index.js'
import {rules} from '../pipeline/rules/index.js'
import {fixtures, type Fixture} from './helpers/fixtures.js'

const cases = fixtures.map((fixture) => [fixture.id, fixture] as const)

async function run(dir: string) {
  const result = await check(dir)
  const problems = diagnostics(result.files).map((problem) => ({
    ...problem,
    file: path.relative(dir, problem.file) || '.',
    related: problem.related && {...problem.related, file: path.relative(dir, problem.related.file), message: problem.related.message.replaceAll(dir + path.sep, '')}
  }))
  return {exit: result.ok ? 0 : 1, problems}
}

describe('fixtures', () => {
  it.each(cases)('%s', async (_, {category, name, dir}: Fixture) => {
    const expectedFile = path.join(dir, 'expected.json')
    const actual = await run(dir)
    if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))

    // A fixture named after a rule must raise that rule; a valid one raises nothing.
    const rule = category === 'rules' && Object.keys(rules).find((id) => name === id || name.startsWith(id + '-'))
    if (rule) expect(actual.problems.map((problem) => problem.ruleId)).toContain(rule)
    if (category === 'valid') expect(actual).toEqual({exit: 0, problems: []})
  })
})
