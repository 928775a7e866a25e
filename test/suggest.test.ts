import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {editDistance, firstNear, typoOf, withinEdits} from '../pipeline/suggest.js'

describe('typoOf', () => {
  it('finds the label a word misspells, allowing more edits in longer words', () => {
    const labels = ['Start date', 'End date', 'Beneficiaries', 'Type of activity', 'URL', 'Agency']
    expect(typoOf('Start dte', labels)).toBe('Start date')
    expect(typoOf('BENEFICARIES', labels)).toBe('Beneficiaries')
    expect(typoOf('Type of activitie', labels)).toBe('Type of activity')
    expect(typoOf('Begining date', labels)).toBeUndefined()
    // Short words are too easily near something: three letters are never a typo.
    expect(typoOf('Tel', labels)).toBeUndefined()
    // The label itself is not a typo of itself.
    expect(typoOf('End date', labels)).toBeUndefined()
  })
})

describe('withinEdits', () => {
  it('agrees with the edit distance for every limit', () => {
    const word = fc.string({unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9})
    fc.assert(
      fc.property(word, word, fc.integer({min: 0, max: 4}), (a, b, limit) => {
        expect(withinEdits(a, b, limit)).toBe(editDistance(a, b) <= limit)
      }),
      {numRuns: 500}
    )
  })
})

describe('firstNear', () => {
  const maxEdits = (length: number) => (length < 4 ? 0 : 1 + Math.floor(length / 8))
  const always = () => true

  it('gives each word the first other word within the edits its length allows', () => {
    const words = ['workshop on patents', 'workshop on patent', 'seminar on trademarks', 'workshop on patents', 'ws-1', 'ws-l']
    expect(firstNear(words, maxEdits, always)).toEqual([1, 0, undefined, 1, 5, 4])
    // A swap in a short word spoils every 3-gram it has: such a word is compared with every word.
    expect(firstNear(['-caa', '-aca'], maxEdits, always)).toEqual([1, 0])
    // Only the words `accept` takes: here, earlier ones.
    expect(firstNear(words, maxEdits, (index, other) => other < index)).toEqual([undefined, 0, undefined, 1, undefined, 4])
  })

  it('finds what comparing every pair finds', () => {
    const word = fc.string({unit: fc.constantFrom('a', 'b', 'c', ' ', '-'), maxLength: 14})
    fc.assert(
      fc.property(fc.array(word, {maxLength: 30}), fc.integer({min: 0, max: 3}), (words, modulo) => {
        const accept = (index: number, other: number) => (index + other) % 4 !== modulo
        const expected = words.map((a, index) =>
          words.findIndex((b, other) => {
            const limit = maxEdits(Math.min(a.length, b.length))
            return a !== b && limit > 0 && editDistance(a, b) <= limit && accept(index, other)
          })
        )
        expect(firstNear(words, maxEdits, accept)).toEqual(expected.map((found) => (found === -1 ? undefined : found)))
      }),
      {numRuns: 300}
    )
  })

  // Speed is the benchmark's business; here, the prefix filter on many titles alike finds what every pair finds.
  it('finds what comparing every pair finds on a thousand titles alike', () => {
    const types = ['Workshop', 'Training course', 'Seminar', 'Webinar', 'Study visit']
    const topics = ['patent examination', 'trademark opposition', 'border enforcement', 'copyright', 'plant varieties']
    const places = ['Chile', 'Peru', 'Viet Nam', 'Kenya', 'Ghana', 'Nepal', 'Fiji', 'Samoa', 'Tonga', 'Chad']
    const titles = Array.from({length: 1000}, (_, index) => {
      const pick = (list: string[], by: number) => list[Math.floor(index / by) % list.length]
      return `${pick(types, 1)} on ${pick(topics, 5)} in ${pick(places, 25)}, phase ${index % 13}`
    })
    const edits = () => 1
    const expected = titles.map((a, index) => {
      const found = titles.findIndex((b, other) => other !== index && a !== b && withinEdits(a, b, 1))
      return found === -1 ? undefined : found
    })
    expect(firstNear(titles, edits, always)).toEqual(expected)
    expect(expected.filter((found) => found !== undefined).length).toBeGreaterThan(0)
  })
})
