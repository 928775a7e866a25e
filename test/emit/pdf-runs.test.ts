import {describe, expect, it} from 'vitest'
import {justifiable, unbroken} from '../../pipeline/emit/pdf/runs.js'

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
