// narrowWidth (pipeline/format/width.ts) gives string-width's width (vfile-reporter's) wherever it gives one.
import fc from 'fast-check'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {narrowWidth} from '../../pipeline/format/width.js'

const narrow = [[0x20, 0x7e], [0xa0, 0xa8], [0xaa, 0xad], [0xaf, 0x17f], [0x2010, 0x2027]].flatMap(([first, last]) =>
  Array.from({length: last! - first! + 1}, (_, index) => String.fromCodePoint(first! + index))
)

describe('narrowWidth', () => {
  it('counts one column for each narrow character, as string-width does', () => {
    for (const character of narrow) expect(narrowWidth(character), character).toBe(stringWidth(character))
  })

  it('gives string-width\'s width of text of narrow characters and colour sequences', () => {
    const colours = ['\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[38;5;208m', '\x1b[0m', '\x1b[m']
    const text = fc.array(fc.oneof(fc.constantFrom(...narrow), fc.constantFrom(...colours)), {maxLength: 30}).map((parts) => parts.join(''))
    fc.assert(fc.property(text, (sample) => narrowWidth(sample) === stringWidth(sample)), {numRuns: 5000})
  })

  it('leaves wide, combining, emoji and control characters to string-width', () => {
    for (const text of ['日本', 'e\u0301', 'a\u200db', '©', '®', '👍', 'tab\there', 'line\nend', '\x1b]8;;link\x07', '\u0085']) {
      expect(narrowWidth(text), JSON.stringify(text)).toBeUndefined()
    }
  })
})
