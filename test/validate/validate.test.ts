import {describe, expect, it} from 'vitest'
import {slug} from '../../pipeline/text.js'
import {programmeId} from '../../pipeline/validate/index.js'
import {frontMatter} from '../helpers/sources.js'
import {validated} from '../helpers/stages.js'

function model(files: Record<string, string>) {
  const result = validated(files)
  return {result, report: result.report!}
}

describe('validate', () => {
  it('numbers sections and paragraphs straight through all files', () => {
    const {report} = model({
      'a.md': frontMatter + '\n# One\n\nP1.\n\n## One.one\n\nP2.\n\n- item paragraph\n\n> quoted\n',
      'b.md': '# Two\n\nP3.\n\n### Deep\n\nP4.\n'
    })
    const numbers = report.body.map((block) =>
      block.type === 'heading' ? `h${block.number}` : block.type === 'paragraph' ? `p${block.number}` : block.type
    )
    expect(numbers).toEqual(['h1', 'p1', 'h1.1', 'p2', 'list', 'quote', 'h2', 'p3', 'h2.1.1', 'p4'])
  })

  it('warns of a numbered heading that skips a level, in any file, naming the level expected and the heading before it', () => {
    const skipped = (files: Record<string, string>) =>
      validated(files).vfiles.flatMap((file) =>
        file.messages
          .filter((message) => message.ruleId === 'heading-skipped')
          .map((message) => {
            const cause = message.cause as {file?: string; line?: number} | undefined
            return [`${file.path}:${message.line}`, message.reason, cause && `${cause.file}:${cause.line}`]
          })
      )
    // Headings in lists and under the programmes heading are not numbered: they skip nothing.
    const body = '\n# Outline\n\n#### Skipped\n\n### Fine\n\n## Back\n\n- ### In a list\n\n# Programmes\n\n## A\n\n#### Details\n'
    expect(skipped({'a.md': frontMatter + body, 'b.md': '#### Deep\n\n# Top\n'})).toEqual([
      ['a.md:9', 'This `####` heading comes right after a `#` heading, skipping 2 levels: `##` was expected, and each level skipped counts as 1 in its number', 'a.md:7'],
      ['b.md:1', 'This `####` heading comes right after a `##` heading, skipping a level: `###` was expected, and each level skipped counts as 1 in its number', 'a.md:13']
    ])
    // The shallowest level used is the first: a body of `##` and `###` skips nothing, one that opens deeper does.
    expect(skipped({'a.md': frontMatter + '\n## One\n\n### One.one\n\n## Two\n'})).toEqual([])
    expect(skipped({'a.md': frontMatter + '\n### Opening\n\n# One\n'})).toEqual([
      ['a.md:7', 'This `###` heading is the first of the body, whose top level is `#`, skipping 2 levels: `#` was expected, and each level skipped counts as 1 in its number', undefined]
    ])
  })

  it('merges the same programme from several files, keeping every source', () => {
    const {result, report} = model({
      'report.md': frontMatter + '\n# Programmes\n\n| # | Title | Start date |\n|---|---|---|\n| 1 | Workshop | 24/04/2021 |\n',
      'programmes/cipo.md': '## Workshop\n\n- Start date: 2021-04-24\n- Beneficiaries: Bolivia, Plurinational State of; Chile\n\nWhat it did.\n',
      'programmes/gac.md': '## Workshop\n\n- Partners: WIPO; APEC-IPEG\n\nMore.\n'
    })
    expect(result.problems).toEqual([])
    // The table comes first in reading order, so its date is the one kept as written.
    expect(report.programmes).toEqual([
      {
        no: 1,
        id: 'workshop',
        title: 'Workshop',
        start: {iso: '2021-04-24', precision: 'day', written: '24/04/2021'},
        beneficiaries: ['Bolivia, Plurinational State of', 'Chile'],
        partners: ['WIPO', 'APEC-IPEG'],
        other: [],
        description: [
          {type: 'paragraph', content: [{text: 'What it did.'}]},
          {type: 'paragraph', content: [{text: 'More.'}]}
        ],
        sources: [
          {file: 'report.md', line: 11, column: 7},
          {file: 'programmes/cipo.md', line: 1, column: 1},
          {file: 'programmes/gac.md', line: 1, column: 1}
        ]
      }
    ])
  })

  it('refuses to merge titles that differ in case or accents only: the PDF would print one of them', () => {
    const {result} = model({
      'report.md': frontMatter + '\n# Programmes\n\n## Atelier sur les marques\n\n- Beneficiaries: Chile\n',
      'programmes/a.md': '## Atelier sur les Marques\n\nMore.\n',
      'programmes/b.md': '## Atelier sur lés marques\n\nMore.\n'
    })
    expect(result.problems).toEqual(['programmes/a.md:1:1 merge-conflict', 'programmes/b.md:1:1 merge-conflict'])
    // A no-break space where the other file has a space is no other spelling: it cannot be seen.
    const spaced = model({
      'report.md': frontMatter + '\n# Programmes\n\n| Title | Beneficiaries |\n|---|---|\n| Séminaire : la PI | Chile |\n',
      'programmes/a.md': '## Séminaire\u00A0: la PI\n\nMore.\n'
    })
    expect(spaced.result.problems).toEqual([])
    expect(spaced.report.programmes.map((programme) => programme.title)).toEqual(['Séminaire : la PI'])
  })

  it('uses an explicit ID and fills defaults from the templates', () => {
    const {report} = model({'r.md': frontMatter + '\n# Programmes\n\n## Café & Co.\n\n- ID: cafe-1\n- Beneficiaries: Chile\n\n## Café & Co. bis\n\n- Beneficiaries: Chile\n'})
    expect(report.programmes.map((p) => p.id)).toEqual(['cafe-1', 'cafe-co-bis'])
    expect(report).toMatchObject({requester: 'the delegation of Canada', original: 'English', language: 'en', date: '2021-09-16'})
    expect(report.period).toEqual({label: '2020-2021', from: '2020-01-01', to: '2021-12-31'})
  })

  it('keeps no-break spaces of titles and field values as written, and reads dates and names through them', () => {
    const nbsp = '\u00A0'
    const narrow = '\u202F'
    const {result, report} = model({
      'r.md': `---\nmember: France\nperiod: 2025\ndate: 2026-01-15\nlanguage: fr\n---\n\n# Programmes\n\n## Atelier${nbsp}PI\n\n- Date de début${narrow}: 1er${nbsp}mars${nbsp}2025\n- Bénéficiaires${narrow}: Viet${nbsp}Nam\n- Budget${narrow}: 1${nbsp}200${nbsp}000${narrow}€\n`
    })
    expect(result.problems).toEqual([])
    const [programme] = report.programmes
    expect(programme).toMatchObject({title: `Atelier${nbsp}PI`, budget: `1${nbsp}200${nbsp}000${narrow}€`, start: {iso: '2025-03-01'}})
    expect(programme!.beneficiaries).toEqual(['Viet Nam'])
  })

  it('keeps the WTO name of the member, whatever spelling the front matter gives', () => {
    const {report} = model({'r.md': '---\nmember: USA\nperiod: 2021\n---\n'})
    expect(report).toMatchObject({member: 'United States of America', requester: 'the delegation of the United States of America'})
    expect(model({'r.md': '---\nmember: ARIPO\nperiod: 2021\n---\n'}).report.member).toBe('African Regional Intellectual Property Organization')
    expect(model({'r.md': '---\nmember: Holy See\nperiod: 2021\n---\n'}).report.member).toBe('Holy See')
  })

  it('refuses a member art67 does not know, or a group, at its value', () => {
    for (const member of ['Narnia', 'Canda', 'ASEAN Member States']) {
      expect(validated({'r.md': `---\nmember: ${member}\nperiod: 2021\ndate: 2021-09-16\n---\n`}).problems).toEqual(['r.md:2:9 member-unknown'])
    }
  })

  it('reads an explicit period', () => {
    const {report} = model({'r.md': '---\nmember: Japan\nperiod:\n  from: 2021-04-01\n  to: March 2022\ndate: 2022-09-01\n---\n'})
    expect(report.period).toEqual({label: '2021-2022', from: '2021-04-01', to: '2022-03-31'})
  })

  it('reports all problems of all files in one run', () => {
    const {result} = model({
      'a.md': '---\nmember: Canada\n---\n',
      'programmes/b.md': '## X\n\n- Start date: 32/01/2021\n',
      'programmes/c.md': '## Y\n\n- End date: 2020\n- Start date: 2021\n'
    })
    expect(result.report).toBeUndefined()
    expect(result.problems).toEqual([
      'a.md:1:1 frontmatter-field',
      'a.md:1:1 date-missing',
      'programmes/b.md:1:1 no-beneficiaries',
      'programmes/b.md:3:15 date-invalid',
      'programmes/c.md:1:1 no-beneficiaries',
      'programmes/c.md:3:13 date-order'
    ])
  })

  it('keeps other information of every file once, in reading order', () => {
    const {result, report} = model({
      'report.md': frontMatter + '\n# Programmes\n\n| Title | Donor | Beneficiaries |\n|---|---|---|\n| Workshop | GAC | Chile |\n',
      'programmes/cipo.md': '## Workshop\n\n- Donor: GAC\n- Funding: CAD 5,000\n'
    })
    expect(report.programmes.map((p) => p.other)).toEqual([
      [
        {label: 'Donor', value: 'GAC'},
        {label: 'Funding', value: 'CAD 5,000'}
      ]
    ])
    expect(result.problems).toEqual(['report.md:9:9 unknown-field', 'programmes/cipo.md:3:3 unknown-field', 'programmes/cipo.md:4:3 unknown-field'])
  })

  it('warns when a programme merged with nothing has an ID or title a typo away from another’s, naming it', () => {
    const table = '| ID | Title | Beneficiaries |\n|---|---|---|\n| ws-1 | Workshop on patents | Chile |\n| ws-2 | Seminar on trademarks | Chile |\n'
    const {result} = model({
      'report.md': frontMatter + '\n# Programmes\n\n' + table,
      'programmes/a.md': '## Patent workshop\n\n- ID: ws-l\n- Beneficiaries: Chile\n',
      'programmes/b.md': '## Seminar on trademark\n\n- Beneficiaries: Chile\n'
    })
    expect(result.problems).toEqual(['programmes/a.md:3:7 near-duplicate', 'programmes/b.md:1:1 near-duplicate'])
    const [byId, byTitle] = result.vfiles.flatMap((file) => file.messages)
    expect(byId!.reason).toBe('The ID `ws-l` is close to `ws-1` (“Workshop on patents”), so they are two separate programmes')
    expect(byId!.cause).toMatchObject({file: 'report.md', line: 11, column: 10})
    expect(byTitle!.reason).toBe('The title “Seminar on trademark” is close to “Seminar on trademarks” (ID `ws-2`), so they are two separate programmes')
    expect(byTitle!.cause).toMatchObject({file: 'report.md', line: 12, column: 10})
  })

  it('takes programmes that differ in a capital letter of their own, as numbers do, for distinct on purpose', () => {
    const {result} = model({
      'report.md': frontMatter + '\n# Programmes\n\n| Title | Beneficiaries |\n|---|---|\n| Workshop A | Chile |\n| Workshop B | Chile |\n| Module C of the course | Chile |\n| Module D of the course | Chile |\n'
    })
    expect(result.problems).toEqual([])
    // A small letter standing alone is a typo all the same.
    const typo = model({'report.md': frontMatter + '\n# Programmes\n\n| Title | Beneficiaries |\n|---|---|\n| Seminar on patent examination | Chile |\n| Seminar o patent examination | Chile |\n'})
    expect(typo.result.problems).toEqual(['report.md:12:3 near-duplicate'])
  })

  it('takes programmes that differ in a number, or that merge, for distinct on purpose', () => {
    const {result} = model({
      'report.md':
        frontMatter +
        '\n# Programmes\n\n| Title | Beneficiaries |\n|---|---|\n| Workshop 2020 | Chile |\n| Workshop 2021 | Chile |\n| Study visit phase I | Chile |\n| Study visit phase II | Chile |\n',
      'programmes/a.md': '## Workshop 2021\n\n- Start date: 2021\n'
    })
    expect(result.problems).toEqual([])
  })

  it('slugs titles in any script', () => {
    expect(slug('CIPO-WIPO Executive Workshop on IP Office Management')).toBe('cipo-wipo-executive-workshop-on-ip-office-management')
    expect(slug('Séminaire « Propriété » – 2021')).toBe('seminaire-propriete-2021')
    expect(slug('研修 プログラム')).toBe('研修-プログラム')
  })

  it('gives a title without letters or digits a stable ID all the same', () => {
    expect(programmeId('|')).toMatch(/^programme-[0-9a-f]{8}$/)
    expect(programmeId('|')).toBe(programmeId('|'))
    expect(programmeId('😀')).not.toBe(programmeId('|'))
  })
})
