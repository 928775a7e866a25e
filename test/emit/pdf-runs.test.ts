import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {apart, breakLongWords, justifiable, longestUnbrokenWord, released, unbroken} from '../../pipeline/emit/pdf/runs.js'

const text = (runs: {text: unknown}[]) => runs.map((run) => run.text).join('')

describe('justifiable', () => {
  it('gives each word with a hyphen, dash or slash inside its own noWrap run, with the spaces after it', () => {
    const runs = justifiable([{text: 'in the Asia-Pacific region and/or first-hand. 2020-2021'}])
    expect(runs).toEqual([
      {text: 'in the '},
      {text: 'Asia-Pacific ', noWrap: true},
      {text: 'region '},
      {text: 'and/or ', noWrap: true},
      {text: 'first-hand. ', noWrap: true},
      {text: '2020-2021', noWrap: true}
    ])
  })

  it('leaves runs without such words, words longer than 30 characters and lone hyphens as they are', () => {
    const long = 'pilot-program-of-training-for-patent-examiners'
    expect(justifiable([{text: `plain words - and ${long} here`, bold: true}])).toEqual([{text: `plain words - and ${long} here`, bold: true}])
  })

  it('moves a space that opens a run to the run before, unless that one is a link, code or decorated', () => {
    const runs = justifiable([{text: 'The '}, {text: 'WIPO', italics: true}, {text: ' (Geneva) and '}, {text: 'site', link: 'https://x.org'}, {text: ' more'}])
    expect(runs).toEqual([
      {text: 'The '},
      {text: 'WIPO ', italics: true},
      {text: '(Geneva) and '},
      {text: 'site', link: 'https://x.org'},
      {text: ' more'}
    ])
  })

  it('never changes the text', () => {
    const input = [{text: ' a-b '}, {text: ' '}, {text: 'c/d-e', bold: true}, {text: '  f'}]
    expect(text(justifiable(input))).toBe(text(input))
  })
})

describe('unbroken', () => {
  it('holds a name together with no-break spaces when it is short enough, else leaves it', () => {
    expect(unbroken("Lao People's Democratic Republic", 34)).toBe("Lao\u00a0People's\u00a0Democratic\u00a0Republic")
    expect(unbroken('African Regional Intellectual Property Organization (ARIPO)', 34)).toBe('African Regional Intellectual Property Organization (ARIPO)')
  })
})

describe('released', () => {
  it('sets free the held names `fits` refuses, with what follows them, and leaves the rest as it is', () => {
    const text = `${unbroken('Países en desarrollo Miembros', 34)}; Ghana; ${unbroken('Costa Rica', 34)}`
    const asked: string[] = []
    const fits = (held: string) => (asked.push(held), held.length < 20)
    expect(released(text, fits)).toBe('Países en desarrollo Miembros; Ghana; Costa\u00a0Rica')
    expect(asked).toEqual(['Países\u00a0en\u00a0desarrollo\u00a0Miembros;', 'Costa\u00a0Rica'])
    expect(released('no held names here', () => false)).toBe('no held names here')
  })
})

describe('apart', () => {
  it('ends the run of a word wider than its line before the space after it, and leaves other runs as they are', () => {
    const wide = (word: string) => word.length > 5
    expect(apart([{text: 'a verylongword and more'}, {text: 'short', bold: true}], wide)).toEqual([
      {text: 'a verylongword'},
      {text: ' and more'},
      {text: 'short', bold: true}
    ])
    // A wide word at the end of a run has no space after it to keep apart.
    expect(apart([{text: 'ends verylongword'}], wide)).toEqual([{text: 'ends verylongword'}])
  })
})

describe('breakLongWords', () => {
  const word = 'x'.repeat(2 * longestUnbrokenWord + 10)
  const broken = 'x'.repeat(longestUnbrokenWord) + '\u200B' + 'x'.repeat(longestUnbrokenWord) + '\u200B' + 'x'.repeat(10)

  it('gives words over the limit a zero-width break after every piece, in text at any depth, and keeps links', () => {
    const content = [{text: `See ${word}.`, link: `https://x.org/${word}`}, {stack: [word, {text: [{text: word}, 'short']}]}, {columns: [{text: 'short'}]}]
    expect(breakLongWords(content)).toEqual([
      {text: `See ${broken}.`, link: `https://x.org/${word}`},
      {stack: [broken, {text: [{text: broken}, 'short']}]},
      {columns: [{text: 'short'}]}
    ])
  })

  it('leaves words up to the limit and text without long words unchanged', () => {
    const text = `${'y'.repeat(longestUnbrokenWord)} and more`
    expect(breakLongWords({text})).toEqual({text})
  })

  it('copies only the nodes on the way to a long word, and returns the rest as they are', () => {
    const unchanged = {stack: [{text: 'short'}], margin: [1, 2, 3, 4]}
    const changed = {text: [{text: 'short'}, {text: word}]}
    const content: object[] = [unchanged, changed]
    const result = breakLongWords(content)
    expect(result).not.toBe(content)
    expect(result[0]).toBe(unchanged)
    expect(result[1]).not.toBe(changed)
    expect((result[1] as typeof changed).text[0]).toBe(changed.text[0])
    expect(breakLongWords(unchanged)).toBe(unchanged)
  })

  it('breaks exactly the words the pattern of long words finds, whatever the spaces between them', () => {
    // The quick pass that skips text with no long word must never skip one the pattern finds.
    const pattern = new RegExp(`[^\\s\u200B]{${longestUnbrokenWord + 1},}`, 'gu')
    const expected = (text: string) =>
      text.replace(pattern, (long) => long.replace(new RegExp(`[^]{${longestUnbrokenWord}}(?=[^])`, 'gu'), (piece) => piece + '\u200B'))
    const spaces = [' ', '\t', '\n', '\u00a0', '\u2007', '\u202f', '\u2028', '\ufeff', '\u200b', '\u3000', '\v']
    const pieces = fc.array(fc.oneof(fc.constantFrom(...spaces), fc.constantFrom('x', 'é', '😀', 'ab-c'), fc.integer({min: 1, max: 450}).map((n) => 'y'.repeat(n))), {maxLength: 12})
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('')
        expect(breakLongWords({text}).text).toBe(expected(text))
      }),
      {numRuns: 500}
    )
  })
})
