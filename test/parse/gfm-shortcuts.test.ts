// remark-gfm's shortcuts (pipeline/parse/gfm-shortcuts.ts): the trees the packages give, addresses and tables still
// read, and the work left out (counted, not timed): the email construct tried only before an `@`, a table's head only
// above a line with a `-`, the text pass run only when a text node may hold an address.
import fc from 'fast-check'
import type {Link} from 'mdast'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import type {Construct, Tokenizer} from 'micromark-util-types'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {weighedCalls} from '../helpers/count-calls.js'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

// The packages' construct objects, which remark-gfm shares: their tokenizers count their tries, from before the parse
// modules load (and copy them).
const tries = {email: 0, table: 0}
function counted(construct: Construct, name: keyof typeof tries): void {
  const tokenize = construct.tokenize
  construct.tokenize = function (this: ThisParameterType<Tokenizer>, ...args: Parameters<Tokenizer>) {
    tries[name]++
    return tokenize.apply(this, args)
  }
}
counted(([] as Construct[]).concat(gfmAutolinkLiteral().text![97]!).find((construct) => construct.name === 'emailAutolink')!, 'email')
/** The tries of the construct `name` while `run` runs. */
function triesOf(name: keyof typeof tries, run: () => void): number {
  tries[name] = 0
  run()
  return tries[name]
}
const {parseFile} = await import('../../pipeline/parse/index.js')
const {gfmShortcuts, packageFile, packageMatches, parseWithText, shortcutsOn} = await import('../../pipeline/parse/gfm-shortcuts.js')

/** A plugin counting the tries of remark-gfm's table construct (made anew for each processor), used right after it. */
function countTableTries(this: Processor): void {
  for (const extension of this.data().micromarkExtensions ?? []) {
    const table = ([] as Construct[]).concat(extension.flow?.null ?? []).find((construct) => construct.name === 'table')
    if (table) counted(table, 'table')
  }
}
const withGfm = unified().use(remarkParse).use(remarkGfm, {singleTilde: false}).use(countTableTries)
const [packagedCounting, oursCounting] = [withGfm().freeze(), withGfm().use(gfmShortcuts).freeze()]

const packaged = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, {singleTilde: false}).freeze()
const ours = (text: string) => parseFile(new VFile({path: 'r.md', value: text}), {chunkBytes: Infinity}).tree
const links = (text: string) => {
  const found: string[] = []
  visit(ours(text), 'link', (link: Link) => void found.push(link.url))
  return found
}

/** The text pass's email pattern: the last of its four, searched in every text node. */
const emailPattern = (pattern: RegExp) => pattern.source.endsWith('([\\w+\\-.]+)@([\\w-]+(?:\\.[\\w-]+)+)') && pattern.source.includes('xmpp):)')
/** Searches made with the text pass's email pattern while `run` runs. */
const emailSearches = (run: () => void) => weighedCalls(RegExp.prototype, 'exec', (pattern: RegExp) => (emailPattern(pattern) ? 1 : 0), run)

describe('remark-gfm shortcuts', () => {
  it('apply to the package files they were written against, and to no other', () => {
    expect(packageFile('email')).toMatch(/[/\\]micromark-extension-gfm-autolink-literal[/\\](?:dev[/\\])?lib[/\\]syntax\.js$/)
    expect(packageFile('table')).toMatch(/[/\\]micromark-extension-gfm-table[/\\](?:dev[/\\])?lib[/\\]syntax\.js$/)
    expect(packageFile('textPass')).toMatch(/[/\\]mdast-util-gfm-autolink-literal[/\\]lib[/\\]index\.js$/)
    expect(shortcutsOn).toEqual({email: true, table: true, textPass: true})
    for (const shortcut of ['email', 'table', 'textPass'] as const) expect(packageMatches(shortcut, ['0'.repeat(64)])).toBe(false)
  })

  it('still read addresses as links, wherever they are', () => {
    const text = 'Write to ip.office+tc@example.gov.ca.\n\n> - or *x_y-z@e.org*\n\n| a | b |\n| - | - |\n| q@r.st | www.example.org |\n'
    expect(links(text)).toEqual(['mailto:ip.office+tc@example.gov.ca', 'mailto:x_y-z@e.org', 'mailto:q@r.st', 'http://www.example.org'])
    // Found by the text pass, not by micromark: after an unclosed bracket, and with a scheme micromark does not read.
    expect(links('See [www.wto.org and xmpp:a@b.org/c or mailto:d@e.fr.\n')).toEqual(['http://www.wto.org', 'xmpp:a@b.org/c', 'mailto:d@e.fr'])
  })

  it('give the tree the packages give (property)', () => {
    const word = fc.constantFrom(
      'a@b.co', 'x.y@z.org', 'a_b+c@d-e.f', 'foo@', '@bar', '@', 'a@b', 'a@b.', 'a@b.c.', 'a.@b.c', '1@2.3', 'é@x.y', 'x@é.y',
      'www.x.org', 'WWW.X.ORG', 'http://a.b/c', 'HTTPS://x.y', 'https:/x', 'mailto:a@b.c', 'xmpp:a@b.c/d', 'a/b@c.d', '/a@b.c',
      '<a@b.c>', '"a@b.c"', '[', ']', '(', ')', '![', '](x)', '[a](b)', '[a@b.c]', '`', '`www.a.b`', '*', '_', '\\@', '\\',
      '&#64;', '&#x40;', '&amp;', '.', '-', '+', 'text', 'H', 'w', 'W', 'h', '<', '>', "'", 'ﬁ@x.y', '|', '~~', '|-', ':-:', '--', '\\|'
    )
    const separator = fc.constantFrom(' ', ' ', '', '\t', '.', ',', '\n', '\r\n', '  \n')
    const line = fc
      .tuple(fc.constantFrom('', '', '- ', '> ', '> - ', '| ', '1. ', '# ', '    ', '[^n]: ', '[d]: '), fc.array(fc.tuple(word, separator), {minLength: 1, maxLength: 8}))
      .map(([prefix, words]) => prefix + words.map(([text, after]) => text + after).join(''))
    const document = fc
      .array(fc.oneof({arbitrary: line, weight: 5}, {arbitrary: fc.constantFrom('', '| - | - |', '|---|', '-|-', ':-', '-', '| a@b.c | x |', 'a | b', '[^n]', '***', '\t| - |', '> | - |'), weight: 1}), {minLength: 1, maxLength: 12})
      .map((lines) => lines.join('\n'))
    fc.assert(
      fc.property(document, (text) => {
        expect(ours(text)).toEqual(packaged.parse(text))
      }),
      {numRuns: 5 * runs}
    )
  })

  it('still read tables, wherever they are', () => {
    const tables = [
      '| a | b |\n| - | :-: |\n| c | d |\nlazy row\n',
      'a | b\r\n--|--\r\nc | d',
      '> - | a |\n>   |---|\n>   | b |\n',
      'Text\n| a |\n| - |\n',
      '| a |\r| - |\r| b |'
    ]
    for (const text of tables) {
      const tree = ours(text)
      expect(tree).toEqual(packaged.parse(text))
      expect(JSON.stringify(tree)).toContain('"type":"table"')
    }
  })

  it('try the email construct before an `@` only, not at every word', () => {
    const words = Array.from({length: 1000}, (_, index) => `item${index}`).join(' ')
    const text = `${words} and one address, a.b@example.org.\n`
    expect(ours(text)).toEqual(packaged.parse(text))
    expect(triesOf('email', () => packaged.parse(text))).toBeGreaterThan(1000)
    expect(triesOf('email', () => ours(text))).toBeLessThan(5)
  })

  it('try a table head only above a line holding a `-`', () => {
    const paragraphs = Array.from({length: 500}, (_, index) => `Paragraph ${index} | with a pipe\nand a second line.`).join('\n\n')
    const text = `${paragraphs}\n\n| a | b |\n| - | - |\n| c | d |\n`
    const oursCounted = () => parseWithText(text, (source) => oursCounting.parse(source))
    expect(oursCounted()).toEqual(packagedCounting.parse(text))
    expect(ours(text)).toEqual(packaged.parse(text))
    expect(triesOf('table', () => packagedCounting.parse(text))).toBeGreaterThan(1000)
    expect(triesOf('table', oursCounted)).toBeLessThan(10)
  })

  it('run the text pass only when a text node outside links holds `@`, `http://`, `https://` or `www.`', () => {
    // 1,000 text nodes, and addresses that micromark has read as links already.
    const linked = Array.from({length: 1000}, (_, index) => `*item ${index}* at www.wto.org or a@b.org`).join('\n\n')
    expect(ours(linked)).toEqual(packaged.parse(linked))
    expect(emailSearches(() => packaged.parse(linked))).toBeGreaterThan(1000)
    expect(emailSearches(() => ours(linked))).toBe(0)
    // An `@` micromark leaves as text: the pass runs, as without the shortcut.
    const handle = `${linked}\n\nFollow @wto.\n`
    expect(emailSearches(() => ours(handle))).toBeGreaterThan(1000)
    expect(ours(handle)).toEqual(packaged.parse(handle))
  })
})
