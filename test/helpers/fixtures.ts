// The committed fixtures: test/fixtures/{rules,inputs,valid}/<case>/, each a sources folder with expected.json.
import {readdirSync} from 'node:fs'
import path from 'node:path'

export const fixturesRoot = path.resolve(import.meta.dirname, '../fixtures')
export const categories = ['rules', 'inputs', 'valid'] as const
export type Category = (typeof categories)[number]

export interface Fixture {
  category: Category
  name: string
  /** `rules/merge-conflict`: the case's path under test/fixtures. */
  id: string
  dir: string
}

export const fixtures: Fixture[] = categories.flatMap((category) =>
  readdirSync(path.join(fixturesRoot, category), {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({category, name: entry.name, id: `${category}/${entry.name}`, dir: path.join(fixturesRoot, category, entry.name)}))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
)

/** The folder of a case, e.g. `fixture('inputs/formula-text')`. */
export const fixture = (id: string) => path.join(fixturesRoot, id)
