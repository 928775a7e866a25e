// micromark's superlinear spots, replaced in pipeline/parse (edit-map.ts, defined-labels.ts): the replacements give
// exactly what the package's code gives. Their effect on time is in the linear-time test of limits.test.ts.
import fc from 'fast-check'
import type {Root} from 'mdast'
import {EditMap} from 'micromark-util-edit-map'
import type {Event} from 'micromark-util-types'
import {copyFile, mkdtemp} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {weighedCalls} from '../helpers/count-calls.js'
import {opensFrontMatter} from '../../pipeline/parse/chunk.js'
import {parseFile} from '../../pipeline/parse/index.js'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

/** The package's own class, fresh from a copy of its file (the shared one is replaced once art67 parses). */
async function packagedEditMap(): Promise<typeof EditMap> {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('micromark-util-edit-map')), 'index.js')
  const copy = path.join(await mkdtemp(path.join(tmpdir(), 'art67-edit-map-')), 'index.mjs')
  await copyFile(file, copy)
  return ((await import(pathToFileURL(copy).href)) as {EditMap: typeof EditMap}).EditMap
}
const Packaged = await packagedEditMap()

/**
 * The stack as remark-parse, remark-frontmatter and remark-gfm make it, with the package's `consume`; a file whose
 * first line `---` opens front matter that nothing closes is parsed without remark-frontmatter, as art67 does on
 * purpose (chunk.ts: the extension would hide every list and quotation of the file).
 */
const packaged = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const packagedWithoutFrontMatter = unified().use(remarkParse).use(remarkGfm).freeze()
function parsedAsPackaged(text: string): Root {
  const ours = EditMap.prototype.consume
  EditMap.prototype.consume = Packaged.prototype.consume
  try {
    const tree = packaged.parse(text)
    return opensFrontMatter.test(text) && tree.children[0]?.type !== 'yaml' ? packagedWithoutFrontMatter.parse(text) : tree
  } finally {
    EditMap.prototype.consume = ours
  }
}

describe('EditMap.consume', () => {
  // Events are numbers here: consume only moves them. Edits may share an index, overlap or reach past the end.
  const edit = fc.record({at: fc.nat({max: 24}), remove: fc.nat({max: 6}), add: fc.array(fc.integer({min: 100, max: 999}), {maxLength: 4}), before: fc.boolean()})
  const batch = fc.tuple(fc.nat({max: 20}), fc.array(edit, {maxLength: 8}))

  it('applies any batch of edits as the package does (property)', () => {
    fc.assert(
      fc.property(batch, ([length, edits]) => {
        const results = [new Packaged(), new EditMap()].map((map) => {
          const events = Array.from({length}, (_, index) => index) as unknown as Event[]
          for (const {at, remove, add, before} of edits) map[before ? 'addBefore' : 'add'](at, remove, [...add] as unknown as Event[])
          map.consume(events)
          return {events: [...events], edits: map.map.length}
        })
        expect(results[1]).toEqual(results[0])
      }),
      {numRuns: 10 * runs}
    )
  })

  // Work counted, not timed: both implementations move each event with one `push`.
  it('moves a number of events linear in the text, for long lists, block quotes and footnotes', () => {
    const shapes = [
      (n: number) => Array.from({length: n / 80}, (_, i) => `- Title ${i}\n  - Start date: 1 May 2020\n  - End date: 2 May 2020\n`).join(''),
      (n: number) => Array.from({length: n / 40}, (_, i) => `> - item ${i} of the quote\n>   - sub ${i}\n`).join(''),
      (n: number) => Array.from({length: n / 40}, (_, i) => `Text[^f${i}].\n\n[^f${i}]: Note ${i} here.\n\n`).join('')
    ]
    /** Events pushed by `consume` while `text` is parsed with `consume` installed. */
    function moved(consume: EditMap['consume'], text: string): number {
      const [ours, push] = [EditMap.prototype.consume, Array.prototype.push]
      let inside = false
      let pushed = 0
      EditMap.prototype.consume = function (events) {
        inside = true
        try {
          return consume.call(this, events)
        } finally {
          inside = false
        }
      }
      Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
        if (inside) pushed += items.length
        return push.apply(this, items)
      }
      try {
        packaged.parse(text)
      } finally {
        Array.prototype.push = push
        EditMap.prototype.consume = ours
      }
      return pushed
    }
    for (const shape of shapes) {
      const [small, large] = [shape(10_000), shape(40_000)]
      expect(moved(EditMap.prototype.consume, large)).toBeLessThan(5 * moved(EditMap.prototype.consume, small))
      // The package's own grows with the square: this is what the count shows.
      expect(moved(Packaged.prototype.consume, large)).toBeGreaterThan(10 * moved(Packaged.prototype.consume, small))
    }
  })

  it('is the one micromark’s tokenizers call', () => {
    const ours = EditMap.prototype.consume
    let calls = 0
    EditMap.prototype.consume = function (events) {
      calls++
      return ours.call(this, events)
    }
    try {
      parseFile(new VFile({path: 'r.md', value: '- a\n  - b\n- c\n\n> - d\n>   - e\n'}))
    } finally {
      EditMap.prototype.consume = ours
    }
    expect(ours).not.toBe(Packaged.prototype.consume)
    expect(calls).toBeGreaterThan(0)
  })
})

describe('label lookups', () => {
  /** Array elements that `includes` looks through while `run` runs (micromark's packaged lookups scan every label). */
  const scanned = (run: () => void) => weighedCalls(Array.prototype, 'includes', (array: unknown[]) => array.length, run)

  it('look in a set, not through every label defined', () => {
    const text = Array.from({length: 500}, (_, i) => `See [d${i}] and note [^f${i}].\n\n[d${i}]: /${i}\n\n[^f${i}]: Note.\n\n`).join('')
    const ours = scanned(() => parseFile(new VFile({path: 'r.md', value: text}), {chunkBytes: Infinity}))
    expect(ours).toBeLessThan(text.length)
    expect(scanned(() => parsedAsPackaged(text))).toBeGreaterThan(10 * text.length)
  })
})

describe('parsing with both replacements', () => {
  // Containers that close while their content goes on, lazy lines, definitions and references of every kind.
  const label = fc.constantFrom('a', 'A', 'b c', 'B  C', 'd\\]', 'ẞ', 'ss')
  const footnote = fc.constantFrom('1', 'n', 'N')
  const inline = fc
    .array(
      fc.oneof(
        fc.constantFrom('text', '*em*', '`code`', '[', ']', 'https://example.org', '<https://x.org>'),
        label.map((name) => `[${name}]`),
        label.map((name) => `[x][${name}]`),
        label.map((name) => `![${name}][]`),
        footnote.map((name) => `[^${name}]`)
      ),
      {minLength: 1, maxLength: 5}
    )
    .map((parts) => parts.join(' '))
  const prefix = fc.constantFrom('- ', '* ', '1. ', '2) ', '  - ', '    - ', '> ', '> - ', '>   - ', '', '', '   ', '      ')
  const line = fc.oneof(
    {arbitrary: fc.tuple(prefix, inline).map(([before, text]) => before + text), weight: 6},
    {arbitrary: fc.tuple(prefix, label).map(([before, name]) => `${before}[${name}]: /url`), weight: 2},
    {arbitrary: fc.tuple(prefix, footnote, inline).map(([before, name, text]) => `${before}[^${name}]: ${text}`), weight: 2},
    {arbitrary: fc.constantFrom('', '', '>', '  ', '```', '| a | b |', '| - | - |', '---', '===', '# Heading'), weight: 3}
  )
  const document = fc.array(line, {minLength: 1, maxLength: 30}).map((lines) => lines.join('\n'))

  it('gives the tree the packages give (property)', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(parseFile(new VFile({path: 'r.md', value: text}), {chunkBytes: Infinity}).tree).toEqual(parsedAsPackaged(text))
      }),
      {numRuns: 5 * runs}
    )
  })

  it('gives the tree the packages give for long lists, quotes and footnotes', () => {
    const texts = [
      Array.from({length: 300}, (_, i) => `- Title ${i}\n  - Start date: 1 May 2020\n\n  More ${i}.\n`).join(''),
      Array.from({length: 300}, (_, i) => `> - item ${i}\n>   - sub [^${i % 7}] and [d${i % 5}]\nlazy\n`).join('') + '\n[^3]: a\n\n[d2]: /x\n',
      Array.from({length: 300}, (_, i) => `Text[^f${i}] and [d${i}].\n\n[^f${i}]: Note ${i}.\n[d${i}]: /${i}\n\n`).join('')
    ]
    for (const text of texts) expect(parseFile(new VFile({path: 'r.md', value: text}), {chunkBytes: Infinity}).tree).toEqual(parsedAsPackaged(text))
  })
})
