import {describe, expect, it} from 'vitest'
import {fontTables, locateFont} from '../../pipeline/fonts/index.js'
import {hasWordLongerThan, longestWordLength, TextMeasure} from '../../pipeline/emit/pdf/measure.js'
import {loadTemplates} from '../../pipeline/templates.js'

const {styles} = await loadTemplates()
const measure = new TextMeasure(locateFont(styles.fonts[styles.font]!).files, fontTables[styles.font]!.widestKerning)
const normal = {bold: false, italics: false}
const bold = {bold: true, italics: false}
/** The exact width of one word, in em. */
const exact = (text: string, style = normal) => measure.longest([{runs: [{text, ...style}], size: 1}])
const bound = (text: string) => measure.measure([{text, ...normal}]).line

describe('TextMeasure', () => {
  it('bounds the widest word, the widest word within a limit and the widest line from above, and closely', () => {
    const widths = measure.measure([{text: 'a bb\nccc dddddddddd', ...normal}], bound('ccc'))
    expect(widths.longest).toBe(bound('dddddddddd'))
    expect(widths.word).toBe(bound('ccc'))
    expect(widths.line).toBe(bound('ccc dddddddddd'))
    for (const word of ['AVAVAV', 'Technical', 'WAY', 'L’Office', 'Україна']) {
      expect(bound(word)).toBeGreaterThanOrEqual(exact(word))
      expect(bound(word)).toBeLessThan(exact(word) * 1.2)
    }
  })

  it('finds the exact widest word of several texts at their sizes; a word across runs counts as one', () => {
    const texts = [
      {runs: [{text: 'short words only', ...normal}], size: 10},
      {runs: [{text: 'a ', ...normal}, {text: 'Long', ...bold}, {text: 'est word', ...normal}], size: 8}
    ]
    expect(measure.longest(texts)).toBeCloseTo(Math.max(10 * exact('words'), 8 * (exact('Long', bold) + exact('est'))))
  })

  it('cuts text into lines that fit: after a space where one fits, else within the word', () => {
    const lines = measure.lines('one two three four five six', normal, bound('one two three'))
    expect(lines).toEqual(['one two three', 'four five six'])
    const cut = measure.lines('x'.repeat(50), normal, exact('x'.repeat(20)))
    expect(cut.join('')).toBe('x'.repeat(50))
    for (const line of cut) expect(exact(line)).toBeLessThanOrEqual(exact('x'.repeat(20)))
  })
})

describe('word lengths', () => {
  it('find words longer than a length, breaking at spaces and line ends but not at no-break spaces', () => {
    expect(hasWordLongerThan('abc defg', 3)).toBe(true)
    expect(hasWordLongerThan('abc def\nghi', 3)).toBe(false)
    expect(longestWordLength('ab\u00a0cd e')).toBe(5)
    expect(longestWordLength('ab\u2003cd')).toBe(2)
  })
})
