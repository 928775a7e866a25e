import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseFile} from '../../pipeline/parse/index.js'

const file = (value: string) => new VFile({path: 'r.md', value})

describe('parse', () => {
  it('parses a large file in chunks into the same tree as in one piece', () => {
    const text = [
      '---\nmember: Canada\n---\n',
      '# Outline\n\nSee [the WTO][wto] and [WIPO][].\n',
      ...Array.from({length: 40}, (_, i) => `## Programme ${i}\n\n- Start date: 2021-01-0${(i % 9) + 1}\n- Beneficiaries: Chile\n\nText *${i}*.\n`),
      '```md\n# not a heading: inside a fence\n\n```\n',
      '<!--\n# not a heading: inside an HTML comment\n\nmore\n-->\n',
      '<pre>\n\n# inside pre\n</pre>\n',
      'A paragraph\n# right after it\n',
      '# Last\n\n> quote\n',
      '[wto]: https://www.wto.org\n[WIPO]: https://www.wipo.int\n'
    ].join('\n')
    const whole = parseFile(file(text), {chunkBytes: Infinity}).tree
    for (const size of [50, 300, 1000]) {
      const chunked = parseFile(file(text), {chunkBytes: size}).tree
      expect({...chunked, position: whole.position}).toEqual(whole)
    }
  })

  it('parses a file ending inside a fence in one piece', () => {
    const text = '# A\n\n' + 'Text.\n\n'.repeat(50) + '# B\n\n```\ncode\n\n[x]: https://example.org\n'
    expect(parseFile(file(text), {chunkBytes: 50}).tree).toEqual(parseFile(file(text), {chunkBytes: Infinity}).tree)
  })

  it('keeps small files in one piece', () => {
    expect(parseFile(file('# A\n\nB\n')).tree.position).toBeDefined()
  })
})
