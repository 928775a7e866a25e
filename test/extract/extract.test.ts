import {describe, expect, it} from 'vitest'
import {extracted as extractedFrom} from '../helpers/stages.js'

function run(files: Record<string, string>) {
  const {vfiles, extracted} = extractedFrom(files)
  // These cases are about structure, not front matter.
  for (const file of vfiles) file.messages = file.messages.filter((message) => message.ruleId !== 'frontmatter-missing')
  return {vfiles, extracted}
}

describe('extract', () => {
  it('separates the narrative from the programmes heading and its programmes', () => {
    const {extracted} = run({
      'report.md': '# Outline\n\nIntro.\n\n# Programmes\n\nAbout the list.\n\n## Workshop\n\n- Start date: 2021-04-24\n\nWhat it did.\n\n# Conclusion\n\nEnd.\n'
    })
    expect(extracted.narrative.map((block) => block.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph'])
    expect(extracted.annexIntro).toEqual([{type: 'paragraph', content: [{text: 'About the list.'}]}])
    expect(extracted.programmes).toHaveLength(1)
    const [workshop] = extracted.programmes
    expect(workshop).toMatchObject({title: 'Workshop', form: 'section', place: {start: {line: 9, column: 1}}})
    expect(workshop!.fields.map(({key, value}) => [key, value.value])).toEqual([['start', '2021-04-24']])
    expect(workshop!.description).toEqual([{type: 'paragraph', content: [{text: 'What it did.'}]}])
  })

  it('reads field labels case-insensitively, with bold, and places each value and list item exactly', () => {
    const text = '# Programmes\n\n## A\n\n- **START DATE:** 24/04/2021\n- **Beneficiaries**: Bolivia, Plurinational State of; Chile\n- type of activity: Seminar\n'
    const {extracted} = run({'r.md': text})
    const fields = extracted.programmes[0]!.fields
    expect(fields.map((field) => field.key)).toEqual(['start', 'beneficiaries', 'type'])
    const at = ({place}: {place: {start: {offset?: number}; end: {offset?: number}}}) => text.slice(place.start.offset, place.end.offset)
    for (const field of fields) expect(at(field.value)).toBe(field.value.value)
    expect(fields[1]!.items.map(at)).toEqual(['Bolivia, Plurinational State of', 'Chile'])
  })

  it('warns about an unknown label with the nearest known one', () => {
    const {vfiles} = run({'r.md': '# Programmes\n\n## A\n\n- Beneficaries: Chile\n'})
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, m.column])).toEqual([
      ['unknown-field', 'Unknown field `Beneficaries`, left out of the report: did you mean `Beneficiaries`?', 5, 3]
    ])
  })

  it('reads a compact table, including the e-TRIPS French column titles', () => {
    const {extracted} = run({
      'r.md':
        "# Programmes\n\n| # | Titre du programme ou de l'activité | Date de début | Membres ou observateurs bénéficiaires |\n|---|---|---|---|\n| 1 | Pilot | 07/09/2020 | Costa Rica; Panama |\n| 2 | Other | | |\n"
    })
    expect(extracted.programmes.map(({title, form, fields}) => ({title, form, fields: fields.map((f) => [f.key, f.value.value])}))).toEqual([
      {title: 'Pilot', form: 'row', fields: [['start', '07/09/2020'], ['beneficiaries', 'Costa Rica; Panama']]},
      {title: 'Other', form: 'row', fields: []}
    ])
  })

  it('treats every ## in a file under programmes/ as a programme, and keeps text before them', () => {
    const {extracted} = run({'programmes/cipo.md': '# CIPO\n\nOur activities.\n\n## One\n\n## Two\n\n### Results\n\nDetail.\n'})
    expect(extracted.programmes.map((p) => p.title)).toEqual(['One', 'Two'])
    expect(extracted.annexIntro.map((block) => block.type)).toEqual(['heading', 'paragraph'])
    expect(extracted.programmes[1]!.description.map((block) => block.type)).toEqual(['heading', 'paragraph'])
  })

  it('resolves reference-style links and images through the file’s definitions', () => {
    const {vfiles, extracted} = run({'r.md': 'See [CIPO][cipo] and ![Logo][logo].\n\n[cipo]: https://cipo.example\n[logo]: logo.png\n'})
    expect(extracted.narrative).toEqual([
      {type: 'paragraph', content: [{text: 'See '}, {text: 'CIPO', link: 'https://cipo.example'}, {text: ' and Logo.'}]}
    ])
    expect(vfiles[0]!.messages.map((m) => m.ruleId)).toEqual(['image-ignored'])
  })

  it('keeps emphasis, links, code, lists and quotes as blocks and runs', () => {
    const {extracted} = run({'r.md': 'A *b* **c** `d` [e](https://x.org) ~~f~~.\n\n1. one\n   - nested\n\n> quoted\n'})
    expect(extracted.narrative).toEqual([
      {
        type: 'paragraph',
        content: [
          {text: 'A '},
          {text: 'b', italic: true},
          {text: ' '},
          {text: 'c', bold: true},
          {text: ' '},
          {text: 'd', code: true},
          {text: ' '},
          {text: 'e', link: 'https://x.org'},
          {text: ' '},
          {text: 'f', strike: true},
          {text: '.'}
        ]
      },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [[{type: 'paragraph', content: [{text: 'one'}]}, {type: 'list', ordered: false, start: undefined, items: [[{type: 'paragraph', content: [{text: 'nested'}]}]]}]]
      },
      {type: 'quote', children: [{type: 'paragraph', content: [{text: 'quoted'}]}]}
    ])
  })

  it('finds the one front matter, and places a second one with the first as related', () => {
    const {vfiles, extracted} = extractedFrom({'a.md': '---\nmember: Canada\n---\n', 'b.md': '# B\n', 'c.md': '---\nmember: Chile\n---\n'})
    expect(extracted.frontMatter?.file.path).toBe('a.md')
    const [message] = vfiles[2]!.messages
    expect(message).toMatchObject({ruleId: 'frontmatter-duplicate', line: 1, column: 1})
    expect(message!.cause).toMatchObject({file: 'a.md', line: 1, column: 1})
    expect(extractedFrom({'a.md': '# A\n'}).vfiles[0]!.messages.map((m) => m.ruleId)).toEqual(['frontmatter-missing'])
  })

  it('checks only printed text for undrawable characters, at their exact place', () => {
    const {vfiles} = run({'r.md': '# A\n\nSee [x](https://example.org/→) and `日本` [y][d].\n\n[d]: https://example.org/😀\n'})
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, m.column])).toEqual([
      ['glyph-missing', 'The PDF font cannot draw 日 (U+65E5), 本 (U+672C); the PDF prints `?` instead', 3, 37]
    ])
  })
})
