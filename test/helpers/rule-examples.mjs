// The first message each rule gives in the committed fixtures (rules/ first): the examples of docs/rules.md.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../fixtures')

/** @returns {Map<string, {message: string, fixture: string}>} */
export function ruleExamples() {
  const fixtures = ['rules', 'inputs', 'valid'].flatMap((category) =>
    readdirSync(path.join(root, category))
      .sort()
      .map((name) => ({name, id: `${category}/${name}`, problems: JSON.parse(readFileSync(path.join(root, category, name, 'expected.json'), 'utf8')).problems}))
  )
  const examples = new Map()
  // A fixture named after the rule first, then any that raises it.
  for (const namedOnly of [true, false]) {
    for (const {name, id, problems} of fixtures) {
      for (const problem of problems) {
        const named = name === problem.ruleId || name.startsWith(problem.ruleId + '-')
        if ((named || !namedOnly) && !examples.has(problem.ruleId)) examples.set(problem.ruleId, {message: problem.message, fixture: id})
      }
    }
  }
  return examples
}
