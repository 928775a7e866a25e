// Numbered headings that skip a level, which `numberBody` numbers with a 1 for each level skipped (`####` right after
// `#` is 1.1.1.1): a warning at each, naming the level expected. The shallowest level used is the first, as there.
import type {NarrativeHeading} from '../extract/index.js'
import {problem} from '../rules/index.js'

export function checkHeadings(headings: readonly NarrativeHeading[]): void {
  const top = headings.reduce((least, {depth}) => Math.min(least, depth), 6)
  let before: NarrativeHeading | undefined
  for (const heading of headings) {
    const expected = before ? before.depth + 1 : top
    if (heading.depth > expected) {
      problem(heading.file, 'heading-skipped', {depth: heading.depth, expected, after: before?.depth}, heading.place, before && {file: before.file, place: before.place})
    }
    before = heading
  }
}
