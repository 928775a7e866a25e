// The autolink literal shortcuts (pipeline/parse/autolink-literals.ts): the trees the packages give, addresses still
// read as links, and the work left out (counted, not timed): the email construct tried only before an `@`, the text
// pass run only when a text node may hold an address.
import fc from 'fast-check'
import type {Link} from 'mdast'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import type {Construct, Tokenizer} from 'micromark-util-types'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

// The package's construct object, which remark-gfm shares: its tokenizer counts its tries, from before the parse
// modules load (and copy it).
const email = ([] as Construct[]).concat(gfmAutolinkLiteral().text![97]!).find((construct) => construct.name === 'emailAutolink')!
const tokenize = email.tokenize
let tries = 0
email.tokenize = function (this: ThisParameterType<Tokenizer>, ...args: Parameters<Tokenizer>) {
  tries++
  return tokenize.apply(this, args)
}
const {parseFile} = await import('../../pipeline/parse/index.js')
const {packageFile, packageMatches, shortcutsOn} = await import('../../pipeline/parse/autolink-literals.js')

const packaged = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, {singleTilde: false}).freeze()
const ours = (text: string) => parseFile(new VFile({path: 'r.md', value: text}), {chunkBytes: Infinity}).tree
const links = (text: string) => {
  const found: string[] = []
  visit(ours(text), 'link', (link: Link) => void found.push(link.url))
  return found
}

/** Searches made with the text pass's email pattern while `run` runs (it is the pass's last, run on every text node). */
function emailSearches(run: () => void): number {
  const exec = RegExp.prototype.exec
  let searches = 0
  RegExp.prototype.exec = function (this: RegExp, value: string) {
    if (this.source.endsWith('([\\w+\\-.]+)@([\\w-]+(?:\\.[\\w-]+)+)') && this.source.includes('xmpp):)')) searches++
    return exec.call(this, value)
  }
  try {
    run()
  } finally {
    RegExp.prototype.exec = exec
  }
  return searches
}

describe('autolink literal shortcuts', () => {
  it('apply to the package files they were written against, and to no other', () => {
    expect(packageFile('emailLookAhead')).toMatch(/[/\\]micromark-extension-gfm-autolink-literal[/\\](?:dev[/\\])?lib[/\\]syntax\.js$/)
    expect(packageFile('textPass')).toMatch(/[/\\]mdast-util-gfm-autolink-literal[/\\]lib[/\\]index\.js$/)
    expect(shortcutsOn).toEqual({emailLookAhead: true, textPass: true})
    expect(packageMatches('emailLookAhead', ['0'.repeat(64)])).toBe(false)
    expect(packageMatches('textPass', ['0'.repeat(64)])).toBe(false)
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
      '&#64;', '&#x40;', '&amp;', '.', '-', '+', 'text', 'H', 'w', 'W', 'h', '<', '>', "'", 'ﬁ@x.y', '|', '~~'
    )
    const separator = fc.constantFrom(' ', ' ', '', '\t', '.', ',', '\n', '\r\n', '  \n')
    const line = fc
      .tuple(fc.constantFrom('', '', '- ', '> ', '> - ', '| ', '1. ', '# ', '    ', '[^n]: ', '[d]: '), fc.array(fc.tuple(word, separator), {minLength: 1, maxLength: 8}))
      .map(([prefix, words]) => prefix + words.map(([text, after]) => text + after).join(''))
    const document = fc
      .array(fc.oneof({arbitrary: line, weight: 5}, {arbitrary: fc.constantFrom('', '| - | - |', '| a@b.c | x |', '[^n]', '***'), weight: 1}), {minLength: 1, maxLength: 12})
      .map((lines) => lines.join('\n'))
    fc.assert(
      fc.property(document, (text) => {
        expect(ours(text)).toEqual(packaged.parse(text))
      }),
      {numRuns: 5 * runs}
    )
  })

  it('try the email construct before an `@` only, not at every word', () => {
    const words = Array.from({length: 1000}, (_, index) => `item${index}`).join(' ')
    const text = `${words} and one address, a.b@example.org.\n`
    tries = 0
    const tree = ours(text)
    const ourTries = tries
    tries = 0
    expect(tree).toEqual(packaged.parse(text))
    expect(tries).toBeGreaterThan(1000)
    expect(ourTries).toBeLessThan(5)
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
