import {describe, expect, it} from 'vitest'
import {locateFont} from '../../pipeline/fonts/index.js'
import {hasWordLongerThan, longestWordLength, TextMeasure} from '../../pipeline/emit/pdf/measure.js'
import {loadTemplates} from '../../pipeline/templates.js'

const {styles} = await loadTemplates()
const measure = new TextMeasure(locateFont(styles.fonts[styles.font]!).files)
const normal = {bold: false, italics: false}
const width = (text: string) => measure.measure([{text, ...normal}]).line

describe('TextMeasure', () => {
  it('measures the widest word, the widest word within a limit and the widest line, in em', () => {
    const widths = measure.measure([{text: 'a bb\nccc dddddddddd', ...normal}], width('ccc'))
    expect(widths.longest).toBeCloseTo(width('dddddddddd'))
    expect(widths.word).toBeCloseTo(width('ccc'))
    expect(widths.line).toBeCloseTo(width('ccc dddddddddd'))
    // A word across runs counts as one; bold is wider.
    expect(measure.measure([{text: 'ab', ...normal}, {text: 'cd', bold: true, italics: false}]).longest).toBeGreaterThan(width('abcd'))
  })

  it('cuts text into lines that fit: after a space where one fits, else within the word', () => {
    const lines = measure.lines('one two three four five six', normal, width('one two three'))
    expect(lines).toEqual(['one two three', 'four five six'])
    const cut = measure.lines('x'.repeat(50), normal, width('x'.repeat(20)))
    expect(cut.join('')).toBe('x'.repeat(50))
    for (const line of cut) expect(width(line)).toBeLessThanOrEqual(width('x'.repeat(20)))
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
