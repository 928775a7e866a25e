// The allocation-free style lookup replaces pdfmake's only while its methods are the ones it was written against,
// answers as they do, and gives the same PDF bytes.
import {createRequire} from 'node:module'
import {afterEach, describe, expect, it} from 'vitest'
import {matches, useFastStyleLookup} from '../../pipeline/emit/pdf/style-lookup.js'
import {samplePdfBothWays} from '../helpers/patch-bytes.js'

const StyleContextStack = createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js').default

describe('the fast style lookup', () => {
  afterEach(() => useFastStyleLookup(true))

  it("still matches pdfmake's methods (else it is not used: update it for the new pdfmake)", () => {
    expect(matches()).toBe(true)
  })

  it("answers as pdfmake's lookup, through overrides, named styles, extends and their cycles", () => {
    const dictionary = {
      a: {fontSize: 10, extends: ['b', 'c']},
      b: {bold: true, extends: 'a'},
      c: {italics: false, color: null, extends: 'b'},
      d: {extends: ['missing', 'c']}
    }
    const items = [{}, {style: 'a'}, {style: ['d', 'a']}, {style: 'd', color: 'red'}, 'text', {section: 1, style: 'a'}, {style: ['missing']}]
    const properties = ['fontSize', 'bold', 'italics', 'color', 'margin', 'extends']
    const answers = () => {
      const stack = new StyleContextStack(dictionary, {fontSize: 9, color: 'black'})
      stack.push('c')
      stack.push({margin: 2})
      return items.flatMap((item) => properties.map((property) => StyleContextStack.getStyleProperty(item, stack, property, 'default')))
    }
    useFastStyleLookup(false)
    const [theirs, pdfmakes] = [answers(), StyleContextStack.getStyleProperty]
    useFastStyleLookup(true)
    expect(StyleContextStack.getStyleProperty).not.toBe(pdfmakes)
    expect(answers()).toEqual(theirs)
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useFastStyleLookup)
    expect(on).toBe(off)
  })
})
