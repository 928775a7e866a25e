// Styles resolved once per run of words replace pdfmake's per-word measure only while its method is the one they were
// written against, measure every word as it does, and give the same PDF bytes.
import {createRequire} from 'node:module'
import {afterEach, describe, expect, it} from 'vitest'
import {matches, useInlineStyles} from '../../pipeline/emit/pdf/inline-styles.js'
import {bothWays, samplePdfBothWays} from '../helpers/patch-bytes.js'

const require = createRequire(import.meta.url)
const StyleContextStack = require('pdfmake/js/StyleContextStack.js').default
const TextBreaker = require('pdfmake/js/TextBreaker.js').default
const TextInlines = require('pdfmake/js/TextInlines.js').default

describe('styles resolved once per run of words', () => {
  afterEach(() => useInlineStyles(true))

  it("still matches pdfmake's measure (else it is not used: update it for the new pdfmake)", () => {
    expect(matches()).toBe(true)
  })

  it('measures every word as pdfmake does, through named styles, overrides, sizes and spaces', async () => {
    const dictionary = {
      paragraph: {alignment: 'justify', fontSize: 9},
      small: {fontSize: 7, color: '#333333', extends: 'paragraph'},
      link: {color: '#1a4f8b', decoration: 'underline'},
      keep: {preserveLeadingSpaces: true, preserveTrailingSpaces: true, lineHeight: 1.5}
    }
    const texts: unknown[] = [
      'plain words, then more plain words',
      [
        {text: '  leading and trailing  '},
        {text: 'bold words ', bold: true},
        {text: 'a link here ', style: ['small', 'link'], link: 'https://example.org'},
        {text: 'x', sup: true},
        {text: '2 ', sub: true, fontSize: 11},
        {text: ' kept  spaces ', style: 'keep'},
        {text: 'italic and\nnew line', italics: true, opacity: 0.5},
        {text: 'same style again ', bold: true},
        {text: 'no wrap-here', noWrap: true},
        'a string run',
        // Trailing white space of other kinds: a tab, no-break spaces (pdfmake breaks before them).
        {text: 'tab\t'},
        {text: 'no\u00a0break\u00a0 \u00a0'},
        {text: '\u3000ideographic\u3000'}
      ]
    ]
    const stacks = [
      (stack: {push(item: unknown): void}) => stack.push('paragraph'),
      (stack: {push(item: unknown): void}) => {
        stack.push({leadingIndent: 28})
        stack.push('small')
        stack.push({color: 'red', characterSpacing: 0.5})
        // A style's name as a String object, which pdfmake takes as a name too.
        stack.push(new String('link'))
        // A null or undefined value does not stop the walk down the stack.
        stack.push({color: null, fontSize: undefined})
      }
    ]
    const lineHeight = (size: number) => size * 1.164
    const widthOfString = (text: string, size: number) => text.length * size * 0.55
    // One object a font, as pdfmake's document keeps them.
    const fontObjects = new Map<string, object>()
    const font = (name: string) => fontObjects.get(name) ?? fontObjects.set(name, {name, lineHeight, widthOfString}).get(name)
    const measured = () => {
      const fonts: unknown[][] = []
      const inlines = new TextInlines({provideFont: (...args: unknown[]) => (fonts.push(args), font(args.join('-')))})
      const items = stacks.flatMap((setUp) =>
        texts.map((text) => {
          const stack = new StyleContextStack(dictionary, {font: 'DejaVuSans', fontSize: 9})
          setUp(stack)
          return inlines.measure(new TextBreaker().getBreaks(structuredClone(text), stack), stack) as object[]
        })
      )
      // Each word as pdfmake reads it: its properties, own or inherited.
      const read = (word: object) => {
        const properties: Record<string, unknown> = {}
        for (const property in word) properties[property] = word[property as keyof typeof word]
        return properties
      }
      return {words: items.flat(), items: items.map((words) => words.map(read)), fonts}
    }
    const {theirs, ours} = await bothWays(useInlineStyles, measured)
    expect(ours.items.flat().length).toBeGreaterThan(30)
    expect(ours.items).toEqual(theirs.items)
    // The words of a style share one object of its properties, whatever their text run: here the words of the two
    // bold runs, and no others.
    const bold = ours.words.filter((word) => (word as {bold?: boolean}).bold)
    const styles = new Set(ours.words.map((word) => Object.getPrototypeOf(word)))
    expect(new Set(bold.map((word) => Object.getPrototypeOf(word))).size).toBe(stacks.length)
    expect(styles.size).toBeLessThan(ours.words.length / 3)
    // Fonts asked for once per run of words, not per word, first asked for in the same order (pdfkit numbers them so).
    const firsts = (fonts: unknown[][]) => [...new Set(fonts.map((args) => args.join('-')))]
    expect(ours.fonts.length).toBeLessThan(theirs.fonts.length)
    expect(firsts(ours.fonts)).toEqual(firsts(theirs.fonts))
  })

  it('gives the same PDF bytes', async () => {
    const {on, off} = await samplePdfBothWays(useInlineStyles)
    expect(on).toBe(off)
  })
})
