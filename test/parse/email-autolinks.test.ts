// The email construct's look-ahead (pipeline/parse/email-autolinks.ts): the trees the packages give, addresses still
// read as links, and micromark trying the construct only before an `@` (work counted, not timed).
import fc from 'fast-check'
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
const {syntaxMatches, syntaxFile} = await import('../../pipeline/parse/email-autolinks.js')

const packaged = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, {singleTilde: false}).freeze()
const ours = (text: string) => parseFile(new VFile({path: 'r.md', value: text}), {chunkBytes: Infinity}).tree

describe('email autolinks looked ahead for', () => {
  it('apply to the package file they were written against, and to no other', () => {
    expect(syntaxFile()).toMatch(/micromark-extension-gfm-autolink-literal[/\\](?:dev[/\\])?lib[/\\]syntax\.js$/)
    expect(syntaxMatches()).toBe(true)
    expect(syntaxMatches(['0'.repeat(64)])).toBe(false)
  })

  it('still read addresses as links, wherever they are', () => {
    const text = 'Write to ip.office+tc@example.gov.ca.\n\n> - or *x_y-z@e.org*\n\n| a | b |\n| - | - |\n| q@r.st | www.example.org |\n'
    const links: string[] = []
    visit(ours(text), 'link', (link) => void links.push(link.url))
    expect(links).toEqual(['mailto:ip.office+tc@example.gov.ca', 'mailto:x_y-z@e.org', 'mailto:q@r.st', 'http://www.example.org'])
  })

  it('give the tree the packages give (property)', () => {
    const word = fc.constantFrom(
      'a@b.co', 'x.y@z.org', 'a_b+c@d-e.f', 'foo@', '@bar', '@', 'a@b', 'a@b.', 'a@b.c.', 'a.@b.c', '1@2.3', 'é@x.y', 'x@é.y',
      'www.x.org', 'http://a.b/c', 'https://x.y', 'mailto:a@b.c', 'xmpp:a@b.c/d', 'a/b@c.d', '/a@b.c', '<a@b.c>', '"a@b.c"',
      '[', ']', '(', ')', '![', '](x)', '[a](b)', '[a@b.c]', '`', '*', '_', '\\@', '\\', '&#64;', '&amp;', '.', '-', '+', 'text',
      'H', 'w', 'W', 'h', '<', '>', "'", 'ﬁ@x.y', '|', '~~'
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

  it('are tried before an `@` only, not at every word', () => {
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
})
