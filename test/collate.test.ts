// collation (pipeline/collate.ts) sorts as ICU's collator does in each language it decides without ICU.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {collation, defaultOrderLanguages} from '../pipeline/collate.js'
import {entries, writtenNames} from '../pipeline/registry/registry.js'

const names = entries.flatMap((entry) => [entry.name, ...writtenNames(entry).map(({written}) => written)])

describe.each(defaultOrderLanguages)('collation(%s)', (language) => {
  const compare = collation(language)
  const collator = new Intl.Collator(language)
  const same = (a: string, b: string) => Math.sign(compare(a, b)) === Math.sign(collator.compare(a, b))

  it('orders generated strings as Intl.Collator: ASCII of every kind, case and accents', () => {
    const characters = fc.constantFrom(...'aAbBnNzZ09 ,.\'()-/&_~^`|"#*+=<>!?;:@[]{}\\$%\u00e9\u00c9\u00f1\u00f4\u2019\u00a0\u0301')
    const text = fc.array(characters, {maxLength: 8}).map((chars) => chars.join(''))
    fc.assert(fc.property(text, text, same), {numRuns: 20000})
  })

  it('orders prefixes, case and digit variants of the same name as Intl.Collator', () => {
    const variants = ['Chile', 'chile', 'CHILE', 'Chile ', 'Chile,', 'Chile1', 'Chile2', 'Chile10', 'Chiles', 'Chil', 'Ch ile', 'Ch-ile', 'C', '']
    for (const a of variants) for (const b of variants) expect(same(a, b), `${a} / ${b}`).toBe(true)
  })

  it('sorts the registry names, in every language, as localeCompare does', () => {
    expect(names.length).toBeGreaterThan(100)
    expect([...names].sort(compare)).toEqual([...names].sort((a, b) => a.localeCompare(b, language)))
  })
})

describe('collation of other languages', () => {
  it('is ICU\'s: Danish sorts "aa" after "z"', () => {
    expect(['Aarhus', 'Zealand'].sort(collation('da'))).toEqual(['Zealand', 'Aarhus'])
  })
})
