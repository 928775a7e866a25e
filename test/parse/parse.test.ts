import fc from 'fast-check'
import type {Nodes, Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it, vi} from 'vitest'
import {parse, ParseCache, parseFile} from '../../pipeline/parse/index.js'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

const file = (value: string) => new VFile({path: 'r.md', value})
const whole = (text: string) => parseFile(file(text), {chunkBytes: Infinity})

/** Parsed in chunks of each size smaller than itself, the text gives the whole-file tree and definitions. */
function expectSameAsWhole(text: string, sizes = [40, 200, 1000]) {
  const expected = whole(text)
  for (const size of sizes.filter((size) => size < text.length)) {
    const chunked = parseFile(file(text), {chunkBytes: size})
    expect(chunked.tree).toEqual(expected.tree)
    expect(chunked.file.data.definitions).toEqual(expected.file.data.definitions)
  }
  return expected.tree
}

function nodesOf(tree: Root, type: Nodes['type']): Nodes[] {
  const found: Nodes[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === type) found.push(node)
    if ('children' in node) stack.push(...node.children)
  }
  return found
}

const filler = (n: number) => Array.from({length: n}, (_, i) => `## Part ${i}\n\nSome text.\n`).join('\n')

/** Characters handed to the Markdown parser while `run` runs. */
function parsedCharacters(run: () => void): number {
  const spy = vi.spyOn(Object.getPrototypeOf(unified()), 'parse')
  try {
    run()
    return spy.mock.calls.reduce((sum, [input]) => sum + String(input).length, 0)
  } finally {
    spy.mockRestore()
  }
}

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
    expectSameAsWhole(text, [50, 300, 1000])
  })

  it('parses a file ending inside a fence in one piece', () => {
    const text = '# A\n\n' + 'Text.\n\n'.repeat(50) + '# B\n\n```\ncode\n\n[x]: https://example.org\n'
    expect(parseFile(file(text), {chunkBytes: 50}).tree).toEqual(parseFile(file(text), {chunkBytes: Infinity}).tree)
  })

  it('keeps small files in one piece', () => {
    expect(parseFile(file('# A\n\nB\n')).tree.position).toBeDefined()
  })

  it('does not take a definition-like line in a later chunk’s fence for a definition', () => {
    const tree = expectSameAsWhole('# A\n\nSee [x].\n\n' + filler(5) + '\n# B\n\n```\n[x]: https://example.org\n```\n')
    expect(nodesOf(tree, 'linkReference')).toEqual([])
  })

  it('resolves references to two-line definitions in another chunk', () => {
    const text = '# A\n\nSee [x] and [y].\n\n' + filler(5) + '\n# B\n\n[x]:\n  https://example.org\n\n[y]: https://example.com\n  "Title"\n'
    const tree = expectSameAsWhole(text)
    expect(nodesOf(tree, 'linkReference')).toHaveLength(2)
    expect(whole(text).file.data.definitions).toEqual(new Map([['x', 'https://example.org'], ['y', 'https://example.com']]))
  })

  it('keeps the first definition of a label across chunks', () => {
    const text = '# A\n\n[X]: https://first.example\n\n' + filler(5) + '\n# B\n\nSee [x].\n\n' + filler(5) + '\n# C\n\n[x]: https://second.example\n\nSee [x].\n'
    expectSameAsWhole(text)
    expect(parseFile(file(text), {chunkBytes: 40}).file.data.definitions).toEqual(new Map([['x', 'https://first.example']]))
  })

  it('parses footnotes across chunks as in one piece', () => {
    const text = '# A\n\nA claim[^1] and another[^2].\n\n' + filler(5) + '\n# B\n\n[^1]: The source, see [^Note].\n\n' + filler(5) + '\n# C\n\n[^note]: More.\n'
    const tree = expectSameAsWhole(text)
    expect(nodesOf(tree, 'footnoteReference').map((node) => 'identifier' in node && node.identifier)).toEqual(['note', '1'])
    expect(nodesOf(tree, 'footnoteDefinition')).toHaveLength(2)
  })

  it('matches labels, reference kinds and definition places as in one piece', () => {
    const references = '[Foo  Bar] [foo\nbar][] ![alt][FOO BAR] [text][a\\]b] [a\\]b] [q] [l] [Straße] [STRASSE][] [^n]'
    const definitions = [
      '[foo bar]: https://example.org/foo',
      '[a\\]b]: https://example.org/ab',
      '> [Q]: https://example.org/quote',
      '- [l]: https://example.org/list',
      '[strasse]: https://example.org/street',
      '[^N]: A note'
    ]
    const text = '# A\n\n' + references + '\n\n' + definitions.map((definition) => `# D\n\n${definition}\n\nAfter it.\n`).join('\n')
    const tree = expectSameAsWhole(text, [10, 40, 200])
    expect(nodesOf(tree, 'linkReference')).toHaveLength(8)
    expect(nodesOf(tree, 'imageReference')).toHaveLength(1)
    expect(nodesOf(tree, 'footnoteReference')).toHaveLength(1)
  })

  it('parses front matter that runs past headings, or does not close, as in one piece', () => {
    expectSameAsWhole('---\nmember: x\n\n# Not a heading\n\n---\n\n# A\n\n- item\n', [10])
    expectSameAsWhole('---\n\n# A\n\n- a list item\n', [10])
  })

  it('reads a first line `---` that nothing closes as a thematic break, with the lists and quotations after it', () => {
    // micromark-extension-frontmatter, trying front matter to the end of the file, saw no list or quotation anywhere.
    const tree = expectSameAsWhole('---\n\n## A\n\n- Beneficiaries: Kenya\n- Start date: 2021\n\n> quoted\n\n* b\n', [10])
    expect(tree.children.map((node) => node.type)).toEqual(['thematicBreak', 'heading', 'list', 'blockquote', 'list'])
    expect(whole('---\nmember: x\n---\n\n- a\n').tree.children.map((node) => node.type)).toEqual(['yaml', 'list'])
  })

  it('resolves a reference to a label over two lines, which no line shows as a definition, in another chunk', () => {
    const text = '# A\n\nSee [foo bar].\n\n# B\n\n[foo\nbar]: https://example.org\n'
    expectSameAsWhole(text, [10])
    expect(nodesOf(parseFile(file(text), {chunkBytes: 10}).tree, 'linkReference')).toHaveLength(1)
  })

  it('parses a definition whose label spans lines in a block quote as in one piece', () => {
    expectSameAsWhole('# A\n\nSee [foo bar].\n\n# B\n\n> [foo\n> bar]: https://example.org\n', [10])
  })

  // Documents from realistic pieces, with labels that match across case, spaces, line breaks and escapes.
  const label = fc.constantFrom('wto', 'WTO', 'Foo Bar', 'foo  bar', 'foo\nbar', 'a\\]b', 'ẞ', 'ss', 'x y', '1', '>', 'Σ')
  const footnote = fc.constantFrom('1', 'n', 'N', 'a\\]b')
  const word = fc.constantFrom('see', 'the', 'Report', '*em*', '`code`', 'x', '[', ']', '\\', '>', '#', '|')
  const reference = fc.oneof(
    label.map((name) => `[${name}]`),
    fc.tuple(word, label).map(([text, name]) => `[${text}][${name}]`),
    label.map((name) => `[${name}][]`),
    fc.tuple(word, label).map(([alt, name]) => `![${alt}][${name}]`),
    footnote.map((name) => `[^${name}]`)
  )
  const inline = fc.array(fc.oneof(word, reference), {minLength: 1, maxLength: 6}).map((parts) => parts.join(' '))
  const destination = fc.constantFrom(
    ' https://example.org/a',
    '\n  https://example.org/b',
    ' /c "Title"',
    ' /d\n  \'Title\'',
    ' <e f>'
  )
  const definition = fc
    .tuple(label, destination, fc.constantFrom('', '> ', '- ', '1. '))
    .map(([name, to, container]) => container + `[${name}]:${to}`.replaceAll('\n', container === '> ' ? '\n> ' : '\n   '))
  const footnoteDefinition = fc.tuple(footnote, inline).map(([name, text]) => `[^${name}]: ${text}`)
  const fenceLine = fc.constantFrom('[wto]: https://in.fence', '# not a heading', '', '[^1]: in a fence', '```', 'code')
  const fenced = fc
    .tuple(fc.constantFrom('```', '~~~', '````', '``` md'), fc.array(fenceLine, {maxLength: 4}))
    .map(([fence, lines]) => [fence, ...lines, fence.startsWith('``` ') ? '```' : fence].join('\n'))
  const special = fc.constantFrom(
    '<!--\n\n# in a comment\n[wto]: /html\n\n-->',
    '<pre>\n\n# in pre\n<b>x</b>\n\n# still in pre\n</pre>',
    '<div>\n[x y]: /div\n</div>',
    '<!-->',
    '<?>',
    '<script>\n\n# a\n</SCRIPT>',
    '<div>\n```\n</div>',
    '- ```\n  [wto]: /in-a-list-fence\n\n  ```',
    '    [wto]: /indented-code\n\n    # not a heading',
    'Title [wto]\n===',
    '***'
  )
  const list = fc
    .array(fc.tuple(fc.constantFrom('- ', '1. ', '  - ', '* '), inline), {minLength: 1, maxLength: 3})
    .map((items) => items.map(([marker, text]) => marker + text).join('\n'))
  const table = fc.tuple(reference, word).map(([cell, other]) => `| a | b |\n|---|---|\n| ${cell} | ${other} |`)
  const block = fc.oneof(
    {arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '#\t', '####### '), inline).map(([marker, text]) => marker + text), weight: 4},
    {arbitrary: inline, weight: 3},
    {arbitrary: definition, weight: 3},
    {arbitrary: footnoteDefinition, weight: 1},
    {arbitrary: fenced, weight: 1},
    {arbitrary: special, weight: 1},
    {arbitrary: list, weight: 1},
    {arbitrary: table, weight: 1},
    {arbitrary: inline.map((text) => `> ${text}`), weight: 1}
  )
  const document = fc
    .tuple(
      fc.constantFrom('', '', '---\nmember: Canada\n---\n', '---\n', '---\nmember: x\n\n# In front matter\n\n---\n'),
      fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\r\n\r\n', '\r\r')), {minLength: 4, maxLength: 20})
    )
    .map(([front, blocks]) => front + blocks.map(([text, gap]) => text + gap).join(''))

  it('parses any document in chunks into the whole-file tree (property)', () => {
    fc.assert(
      fc.property(document, (text) => {
        expectSameAsWhole(text)
      }),
      {numRuns: runs}
    )
  })

  it('hands the parser little more than the file, however many definitions it has', () => {
    const sections = (fence: string) =>
      Array.from({length: 100}, (_, i) => {
        const other = (i * 7919) % 100
        const definitions = `[label ${i}]: https://example.org/${i}\n[label ${i + 100}]:\n  https://example.org/${i}\n\n[^n${i}]: Note ${i}.`
        return `# Section ${i}\n\n- See [label ${other}], [text][Label ${other + 100}] and note [^n${other}].\n- More.\n\n${fence}${definitions}\n${fence}\n`
      }).join('\n')
    // Lines that look like definitions are taken as such in a first parse, which then needs no second one.
    const text = sections('')
    expect(parsedCharacters(() => parseFile(file(text), {chunkBytes: 1024}))).toBeLessThanOrEqual(1.5 * text.length)
    // All of them are code here: every chunk is parsed again, without them.
    const fenced = sections('```\n')
    expect(parsedCharacters(() => parseFile(file(fenced), {chunkBytes: 1024}))).toBeLessThanOrEqual(3 * fenced.length)
  })
})

describe('ParseCache', () => {
  it('parses a file again only when its path or text changed, giving the same tree as parsing it', async () => {
    const cache = new ParseCache()
    const first = await parse([new VFile({path: 'a.md', value: '# A\n\n[x]: https://example.org\n'}), new VFile({path: 'b.md', value: 'B\n'})], cache)
    expect(cache.parsed).toBe(2)
    const unchanged = new VFile({path: 'a.md', value: '# A\n\n[x]: https://example.org\n'})
    const again = await parse([unchanged, new VFile({path: 'b.md', value: 'B changed\n'})], cache)
    expect(cache.parsed).toBe(3)
    expect(again[0]!.tree).toEqual(first[0]!.tree)
    // A copy, not the cached tree itself; with the file's definitions as parsing gives them.
    expect(again[0]!.tree).not.toBe(first[0]!.tree)
    expect(unchanged.data.definitions).toEqual(new Map([['x', 'https://example.org']]))
    expect(again[1]!.tree).toEqual(parseFile(new VFile({path: 'b.md', value: 'B changed\n'})).tree)
    // The same text under another path is another file.
    await parse([new VFile({path: 'c.md', value: 'B changed\n'})], cache)
    expect(cache.parsed).toBe(4)
  })
})
