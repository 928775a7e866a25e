import {describe, expect, it} from 'vitest'
import {extract} from '../../pipeline/extract/index.js'
import {glyphsOf} from '../../pipeline/fonts/index.js'
import {parseFile} from '../../pipeline/parse/index.js'
import {loadTemplates} from '../../pipeline/templates.js'
import {extracted as extractedFrom, sourceFiles} from '../helpers/stages.js'

const templates = await loadTemplates()

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

  it('takes an unknown label near a known one for a typo: an error with the known one', () => {
    const {vfiles} = run({'r.md': '# Programmes\n\n## A\n\n- Beneficaries: Chile\n- Start dte: 2021\n'})
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.fatal, m.line, m.column])).toEqual([
      ['field-typo', 'Unknown field `Beneficaries`: did you mean `Beneficiaries`?', true, 5, 3],
      ['field-typo', 'Unknown field `Start dte`: did you mean `Start date`?', true, 6, 3]
    ])
  })

  it('keeps a link’s address in a field value or cell, and never runs the words of two blocks or lines together', () => {
    const {extracted} = run({
      'r.md':
        '# Programmes\n\n## A\n\n- Website: [CIPO site](https://cipo.example)\n- Contact: [Jane Doe](mailto:jane@example.org)\n' +
        '- Partners:\n  - WIPO\n    - Academy\n- Donors: one  \n  two\n- Link: <https://x.example>\n\n' +
        '| Title | Website |\n|---|---|\n| [B](https://b.example) | [site](https://b.example/site) |\n'
    })
    const [a, b] = extracted.programmes
    expect(a!.fields.map(({key, value}) => [key, value.value])).toEqual([
      ['website', 'CIPO site (https://cipo.example)'],
      ['contact', 'Jane Doe (jane@example.org)'],
      ['partners', 'WIPO Academy']
    ])
    expect(a!.other).toEqual([{label: 'Donors', value: 'one two'}, {label: 'Link', value: 'https://x.example'}])
    // A title is a name: its link's address is not part of it.
    expect([b!.title, b!.fields.map(({value}) => value.value)]).toEqual(['B', ['site (https://b.example/site)']])
  })

  it('cuts list fields at each ; outside quotation marks, and at every ; when the marks are unbalanced', () => {
    const {extracted} = run({'r.md': '# Programmes\n\n## A\n\n- Partners: "P; Q"; R; “S; T”\n- Beneficiaries: "the Andean Community; observers"; Chile\n- Donors: x\n\n## B\n\n- Partners: "P; Q; R\n'})
    const items = (programme: number, key: string) => extracted.programmes[programme]!.fields.find((f) => f.key === key)!.items.map((item) => item.value)
    expect(items(0, 'partners')).toEqual(['"P; Q"', 'R', '“S; T”'])
    expect(items(0, 'beneficiaries')).toEqual(['"the Andean Community; observers"', 'Chile'])
    expect(items(1, 'partners')).toEqual(['"P', 'Q', 'R'])
  })

  it('cuts no list field at a ; inside guillemets', () => {
    const {extracted} = run({'r.md': '# Programmes\n\n## A\n\n- Bénéficiaires: « Pays du Sahel; Mauritanie »; Chili\n'})
    expect(extracted.programmes[0]!.fields[0]!.items.map((item) => item.value)).toEqual(['« Pays du Sahel; Mauritanie »', 'Chili'])
  })

  it('warns of fields in a list of their own after the field list (another bullet), kept in the description', () => {
    const {extracted, vfiles} = run({
      'r.md': '# Programmes\n\n## W\n\n* Beneficiaries: Nepal\n+ End date: 2021-05-01\n- Budget: CAD 5\n- Results: many\n\nText.\n\n- Phase: one\n'
    })
    expect(extracted.programmes[0]!.fields.map((f) => f.key)).toEqual(['beneficiaries'])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line])).toEqual([
      ['field-syntax', 'The field `End date` is in a list of its own after the field list (another bullet: `-`, `*`, `+`), so it is kept in the description, not read as fields', 6],
      ['field-syntax', 'The fields `Budget`, `Results` are in a list of their own after the field list (another bullet: `-`, `*`, `+`), so they are kept in the description, not read as fields', 7]
    ])
  })

  it('warns of fields in a list after text of the description, kept in the description, and not of a description’s own list', () => {
    const {extracted, vfiles} = run({
      'r.md':
        '# Programmes\n\n## Atelier\n\n- Date de début : 01/02/2025\n- Bénéficiaires : Togo\n\nUn atelier de deux jours.\n\n- Date de début: 3 février 2025\n\n' +
        '## Séminaire\n\nSans liste de champs.\n\n- Objective: raise awareness\n- Audience: examiners\n\nThen.\n\n- Start date: 2025\n- Budget: EUR 5\n- Notes\n\n' +
        '## Cours\n\n- Beneficiaries: Nepal\n\nText.\n\n- Type of activity: course\n- Objective: one\n- Audience: two\n'
    })
    const [atelier, seminaire, cours] = extracted.programmes
    expect(atelier!.fields.map((f) => [f.key, f.value.value])).toEqual([
      ['start', '01/02/2025'],
      ['beneficiaries', 'Togo']
    ])
    expect(atelier!.description.map((block) => block.type)).toEqual(['paragraph', 'list'])
    expect(seminaire!.fields).toEqual([])
    expect(seminaire!.description.map((block) => block.type)).toEqual(['paragraph', 'list', 'paragraph', 'list'])
    expect(cours!.description.map((block) => block.type)).toEqual(['paragraph', 'list'])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, m.column])).toEqual([
      ['field-syntax', 'The field `Date de début` is in a list after text of the programme’s description, not in its field list under the heading, so it is kept in the description, not read as fields', 10, 1],
      ['field-syntax', 'The fields `Start date`, `Budget` are in a list after text of the programme’s description, not in its field list under the heading, so they are kept in the description, not read as fields', 21, 1]
    ])
  })

  it('warns of fields in a list in a quotation of the description (an indented paragraph converted), not after a heading there', () => {
    const reasons = (text: string) => run({'r.md': text}).vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, m.column])
    const quoted = (labels: string, one = false) =>
      `The field${one ? '' : 's'} ${labels} ${one ? 'is' : 'are'} in a list in a quotation (\`>\`), not in the programme’s field list under its heading, so ${one ? 'it is' : 'they are'} kept in the description, not read as fields`
    expect(reasons('# Programmes\n\n## A\n\n> - Start date: 01/02/2024\n> - Beneficiaries: Togo\n')).toEqual([['field-syntax', quoted('`Start date`, `Beneficiaries`'), 5, 3]])
    expect(reasons('# Programmes\n\n## A\n\n- Beneficiaries: Togo\n\nText.\n\n> Said:\n>\n> > - End date: 03/02/2024\n')).toEqual([['field-syntax', quoted('`End date`', true), 11, 5]])
    // A list after a heading in a quotation is programme-misplaced's; a quotation's own list, and fields in a quotation's list item, are left alone.
    expect(reasons('# Programmes\n\n## A\n\n- Beneficiaries: Togo\n\n> ### B\n>\n> - Start date: 2024\n').map(([rule]) => rule)).toEqual(['programme-misplaced'])
    expect(reasons('# Programmes\n\n## A\n\n- Beneficiaries: Togo\n\n> - Objective: one\n> - Audience: two\n>\n> - Item\n>   - Start date: 2024\n>   - End date: 2025\n')).toEqual([])
  })

  it('reads a programme table row split by a line break as one row, with a warning at each line that continues it', () => {
    const text =
      '# Programmes\n\n| N° | Titre | Date de début | Bénéficiaires | Budget |\n|---|---|---|---|---|\n' +
      '| 1 | Atelier | 01/02/2025 |\nGhana; Kenya | 2 000 EUR |\n' +
      '| 2 | Séminaire | 03/03/2025 | Togo; Ghana\n; Bénin | 1 000 EUR |\n' +
      '| 3 | Cours | 2025 | Togo | 5 EUR |\n4 | Stage | 2025 | Togo | 6 EUR |\n'
    const {extracted, vfiles} = run({'r.md': text})
    const fields = extracted.programmes.map((programme) => [programme.title, ...programme.fields.map((f) => f.value.value)])
    expect(fields).toEqual([
      ['Atelier', '01/02/2025', 'Ghana; Kenya', '2 000 EUR'],
      ['Séminaire', '03/03/2025', 'Togo; Ghana ; Bénin', '1 000 EUR'],
      ['Cours', '2025', 'Togo', '5 EUR'],
      ['Stage', '2025', 'Togo', '6 EUR']
    ])
    const at = ({start, end}: {start: {offset?: number}; end: {offset?: number}}) => text.slice(start.offset, end.offset)
    expect(extracted.programmes[1]!.fields[1]!.items.map((item) => at(item.place))).toEqual(['Togo', 'Ghana', 'Bénin'])
    expect(at(extracted.programmes[0]!.place)).toBe('Atelier')
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, m.column])).toEqual([
      ['table-row-split', 'This line does not start with `|` and the row above has 3 of the table’s 5 cells, so it is taken for the rest of that row, split by a line break: its 2 cells are read as the row’s next ones, not as a programme of its own', 6, 1],
      ['table-row-split', 'This line does not start with `|` and the row above does not end with one, so it is taken for the rest of that row, split by a line break: its text is read as the end of that row’s last cell, and its other cells as the row’s next ones, not as a programme of its own', 8, 1]
    ])
  })

  it('takes no line for the rest of a row in a table that is not read as programmes, or whose rows do not start with `|`', () => {
    const {extracted, vfiles} = run({
      'r.md':
        '| Office | City | Since |\n|---|---|---|\n| CIPO | Gatineau |\nQuebec | 1990 |\n\n# Programmes\n\n' +
        'Title | Start date | Beneficiaries\n---|---|---\nAtelier | 2025\nTogo | 2025 | Ghana\n'
    })
    expect(extracted.programmes.map((programme) => programme.title)).toEqual(['Atelier', 'Togo'])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.line]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['table-row-short', 3],
      ['table-row-short', 4],
      ['table-row-short', 10]
    ])
  })

  it('warns of HTML within a line wherever it is: text, title, field and cell, once each', () => {
    const {vfiles} = run({
      'r.md': 'Text <b>A</b>.\n\n# Programmes\n\n## Title <i>B</i>\n\n- Type of activity: <u>C</u>\n\n| Title |\n|---|\n| <s>D</s> |\n'
    })
    const places = vfiles[0]!.messages.map((m) => [m.ruleId, m.line!, m.column!] as const)
    expect(places.sort((a, b) => a[1] - b[1] || a[2] - b[2])).toEqual([
      ['raw-html', 1, 6],
      ['raw-html', 1, 10],
      ['raw-html', 5, 10],
      ['raw-html', 5, 14],
      ['raw-html', 7, 21],
      ['raw-html', 7, 25],
      ['raw-html', 11, 3],
      ['raw-html', 11, 7]
    ])
  })

  it('reads a label with a curly apostrophe as with a straight one', () => {
    const {extracted, vfiles} = run({'r.md': '# Programmes\n\n## Atelier\n\n- Organisme d’exécution : AFD\n- Bénéficiaires : Togo\n\n## Séminaire\n\n- Organisme d´exécution : INPI\n'})
    expect(extracted.programmes.map((programme) => programme.fields.map((field) => [field.key, field.value.value]))).toEqual([
      [
        ['agency', 'AFD'],
        ['beneficiaries', 'Togo']
      ],
      [['agency', 'INPI']]
    ])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it('reads labels, headings and column titles without accents as with them', () => {
    const {extracted, vfiles} = run({
      'r.md': '# Programas\n\n## Taller\n\n- Fecha de inicio: 01/03/2023\n- Fecha de finalizacion: 15/11/2023\n- Beneficiaires: Ghana\n\n| Titulo del programa o actividad | Date de debut |\n|---|---|\n| Seminaire | 2023 |\n'
    })
    expect(extracted.programmes.map((p) => [p.title, p.fields.map((f) => f.key)])).toEqual([
      ['Taller', ['start', 'end', 'beneficiaries']],
      ['Seminaire', ['start']]
    ])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it('keeps a reference link’s address (its definition’s) in a field value or cell, and a footnote’s mark in a title or field', () => {
    const {extracted, vfiles} = run({
      'r.md':
        '# Programmes\n\n## A[^a]\n\n- Website: [cipo]\n- Contact: [Jane][jane]\n- Type of activity: Workshop[^a]\n\n' +
        '| Title | Website |\n|---|---|\n| B | [site][] |\n\n[cipo]: https://cipo.example\n[jane]: mailto:jane@example.org\n[site]: https://b.example\n\n[^a]: A note.\n'
    })
    const [a, b] = extracted.programmes
    expect([a!.title, a!.fields.map(({key, value}) => [key, value.value])]).toEqual([
      'A[a]',
      [
        ['website', 'cipo (https://cipo.example)'],
        ['contact', 'Jane (jane@example.org)'],
        ['type', 'Workshop[a]']
      ]
    ])
    expect(b!.fields.map(({value}) => value.value)).toEqual(['site (https://b.example)'])
    expect(vfiles[0]!.messages.map((m) => m.ruleId)).toEqual(['footnote-as-text'])
  })

  it('keeps a footnote’s links, code and emphasis in its paragraph, with no space put before its punctuation', () => {
    const {extracted} = run({
      'r.md': '# Outline\n\nText[^1].\n\n[^1]: See [the *site*](https://site.example/details). And `code`.\n\n    A second paragraph.\n'
    })
    expect(extracted.narrative[2]).toEqual({
      type: 'paragraph',
      content: [
        {text: '[1] See '},
        {text: 'the ', link: 'https://site.example/details'},
        {text: 'site', italic: true, link: 'https://site.example/details'},
        {text: '. And '},
        {text: 'code', code: true},
        {text: '. A second paragraph.'}
      ]
    })
  })

  it('prints a link with no text as its address, in the text, a field value and a title', () => {
    const {extracted} = run({
      'r.md': '# Outline\n\nSee [](https://empty.example) and [](mailto:a@b.example).\n\n# Programmes\n\n## [](https://title.example)\n\n- Website: [](https://site.example)\n'
    })
    expect(extracted.narrative[1]).toEqual({
      type: 'paragraph',
      content: [
        {text: 'See '},
        {text: 'https://empty.example', link: 'https://empty.example'},
        {text: ' and '},
        {text: 'a@b.example', link: 'mailto:a@b.example'},
        {text: '.'}
      ]
    })
    const [programme] = extracted.programmes
    expect([programme!.title, programme!.fields.map(({value}) => value.value)]).toEqual(['https://title.example', ['https://site.example']])
  })

  it('keeps names and autolinks as written: no address after a beneficiary, an autolink or a bare web address', () => {
    const {extracted} = run({
      'r.md':
        '# Programmes\n\n## A\n\n- Beneficiaries: [Ghana](https://www.wto.org/ghana); Kenya\n- Website: www.cipo.gc.ca\n' +
        '- Contact: <mailto:info@cipo.example>\n\n| Title | Beneficiaries |\n|---|---|\n| B | [Viet Nam](https://vn.example) |\n'
    })
    const [a, b] = extracted.programmes
    expect(a!.fields.map(({key, value, items}) => [key, value.value, items.map((item) => item.value)])).toEqual([
      ['beneficiaries', 'Ghana; Kenya', ['Ghana', 'Kenya']],
      ['website', 'www.cipo.gc.ca', []],
      ['contact', 'mailto:info@cipo.example', []]
    ])
    expect(b!.fields.map(({value}) => value.value)).toEqual(['Viet Nam'])
  })

  it('takes a first line `---` with keys under it for front matter never closed only when no file has front matter', () => {
    const note = '---\nNote: the figures below are provisional.\n'
    const unclosed = (files: Record<string, string>) =>
      run(files).vfiles.flatMap((file) => file.messages.filter((m) => m.ruleId === 'frontmatter-unclosed').map((m) => `${file.path}:${m.line}`))
    expect(unclosed({'a.md': note})).toEqual(['a.md:1'])
    expect(unclosed({'a.md': '---\nmember: Canada\nperiod: 2021\n---\n', 'b.md': note})).toEqual([])
  })

  it('strikes out text only between `~~`: a single `~` is text, as in ranges, also in a field', () => {
    const {extracted, vfiles} = run({'r.md': '# Outline\n\nHeld 2024.3.1~3.5 and 6.1~6.5 for ~~old~~ 10~15 examiners.\n\n# Programmes\n\n## A\n\n- Target group: 10~15 examiners\n'})
    expect(extracted.narrative[1]).toEqual({
      type: 'paragraph',
      content: [{text: 'Held 2024.3.1~3.5 and 6.1~6.5 for '}, {text: 'old', strike: true}, {text: ' 10~15 examiners.'}]
    })
    expect(extracted.programmes[0]!.fields.map((field) => field.value.value)).toEqual(['10~15 examiners'])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it('keeps a task list item’s checkbox as written', () => {
    const {extracted} = run({'r.md': '# Outline\n\n- [ ] Not yet signed\n- [x] Signed\n- Plain\n'})
    expect(extracted.narrative[1]).toEqual({
      type: 'list',
      ordered: false,
      start: undefined,
      items: [
        [{type: 'paragraph', content: [{text: '[ ] '}, {text: 'Not yet signed'}]}],
        [{type: 'paragraph', content: [{text: '[x] '}, {text: 'Signed'}]}],
        [{type: 'paragraph', content: [{text: 'Plain'}]}]
      ]
    })
  })

  it('finds a text `art67 init` wrote also once an editor has wrapped it, at its whole span', () => {
    const wrapped = 'Describe the programme here: its objectives,\n  what was done and\tits results.'
    const text = `# Programmes\n\n## Workshop\n\n${wrapped}\n`
    const {vfiles} = run({'r.md': text})
    const left = vfiles[0]!.messages.filter((message) => message.ruleId === 'init-text-left')
    const spans = left.map(({place}) => (place && 'start' in place ? text.slice(place.start.offset, place.end.offset) : undefined))
    expect(spans).toEqual([wrapped])
  })

  it('keeps an ordered list’s delimiter `)` as written, with its start number, in a quotation too', () => {
    const {extracted} = run({'r.md': '# Outline\n\n3) first\n4) second\n\n> 1) quoted\n\n7. dotted\n'})
    const item = (text: string) => [{type: 'paragraph', content: [{text}]}]
    expect(extracted.narrative.slice(1)).toStrictEqual([
      {type: 'list', ordered: true, start: 3, delimiter: ')', items: [item('first'), item('second')]},
      {type: 'quote', children: [{type: 'list', ordered: true, start: 1, delimiter: ')', items: [item('quoted')]}]},
      {type: 'list', ordered: true, start: 7, items: [item('dotted')]}
    ])
  })

  it('counts the columns of a table of more rows than a function takes arguments', () => {
    const file = sourceFiles({'r.md': '# Outline\n\n| A |\n|---|\n| a |\n'})[0]!
    const parsed = parseFile(file)
    const table = parsed.tree.children.find((node) => node.type === 'table')!
    // 200,000 rows (a 400 KB source): spreading them into Math.max overflowed the stack.
    table.children = Array.from({length: 200_000}, () => table.children[1]!)
    const {tables} = extract([parsed], Object.values(templates.labels), glyphsOf(templates.styles.font))
    expect(tables.map((printed) => printed.columns)).toEqual([1])
  })

  it('reports lines written as a table that Markdown reads as text, at their second line, and leaves text with pipes alone', () => {
    const broken = (text: string) =>
      run({'r.md': text})
        .vfiles[0]!.messages.filter((m) => m.ruleId === 'table-broken')
        .map((m) => [m.reason, m.line, m.column, m.place && 'end' in m.place ? m.place.end.column : undefined])
    const programmes = 'and no programme is read from them'
    // No delimiter row under a programme table's header: every row would be printed as text.
    expect(broken('# Programmes\n\n| # | Title | Start date |\n| 1 | A | 2021 |\n')).toEqual([
      [`These lines are written as a table, but the line under its header is not a delimiter row (\`| --- |\` once per column), so they are printed as text ${programmes}`, 4, 1, 17]
    ])
    // A delimiter row one column short, a title in bold, rows without outer pipes.
    expect(broken('# Programmes\n\n**Title** | Start date | Beneficiaries\n--- | :---:\nA | 2021 | Chile\n')[0]!.slice(0, 2)).toEqual([
      `These lines are written as a table, but its delimiter row has 2 columns and its header 3, so they are printed as text ${programmes}`,
      4
    ])
    // Any table-like lines in the narrative, and inside a quotation (the place includes its `> `).
    expect(broken('Intro.\n\n| Office | City |\n| CIPO | Gatineau |\n')).toHaveLength(1)
    expect(broken('> | Office | City |\n> |---|\n')).toEqual([[expect.stringContaining('has 1 column and its header 2'), 2, 1, 8]])
    // Text that uses pipes, an escaped first pipe, a valid table, and a single line are not tables.
    expect(broken('The choice a | b is ours\nand c | d too.\n')).toEqual([])
    expect(broken('\\| Office | City |\n| CIPO | Gatineau |\n')).toEqual([])
    expect(broken('\\| No. \\| Title \\|\n\\| 1 \\| Course \\|\n')).toEqual([])
    expect(broken('| Office | City |\n|---|---|\n| CIPO | Gatineau |\n')).toEqual([])
    expect(broken('| Office | City |\n')).toEqual([])
  })

  it('reports lines of cells separated by tabs: a programme table under the programmes heading is an error, others a warning', () => {
    const tabbed = (files: Record<string, string>) =>
      run(files).vfiles.flatMap((vfile) =>
        vfile.messages
          .filter((m) => m.ruleId === 'table-broken' || m.ruleId === 'table-tabs')
          .map((m) => [vfile.path, m.ruleId, m.line, m.column, m.place && 'end' in m.place ? [m.place.end.line, m.place.end.column] : undefined])
      )
    const word = 'N°\tTitre\tDate de début\tBénéficiaires\n1\tAppui aux incubateurs\t01/05/2025\tTogo\n'
    // Under the programmes heading, in a programmes/ file, in a quotation there: no programme is read, an error.
    expect(tabbed({'r.md': `# Programmes\n\n${word}`})).toEqual([['r.md', 'table-broken', 3, 1, [4, 40]]])
    expect(tabbed({'programmes/afd.md': `## Projet\n\n- Bénéficiaires: Togo\n\n${word}`})).toEqual([['programmes/afd.md', 'table-broken', 5, 1, [6, 40]]])
    expect(tabbed({'r.md': `# Programmes\n\n> ${word.replace('\n1', '\n> 1')}`})).toEqual([['r.md', 'table-broken', 3, 3, [4, 42]]])
    const {vfiles, extracted} = run({'r.md': `# Programmes\n\n${word}`})
    expect(extracted.programmes).toEqual([])
    expect(vfiles[0]!.messages[0]!.reason).toBe(
      'These 2 lines separate their cells with tabs (4 in the first), as a table copied from a word processor, so Markdown prints them as one paragraph and no programme is read from them: as a table, write `| N° | Titre | Date de début | Bénéficiaires |` then `| --- | --- | --- | --- |` and each row the same way'
    )
    // In the narrative, or without a title column: a warning. A run after a line of text is found too.
    expect(tabbed({'r.md': `# Outline\n\n${word}`})).toEqual([['r.md', 'table-tabs', 3, 1, [4, 40]]])
    expect(tabbed({'r.md': '# Programmes\n\nOur offices:\nINPI\tCourbevoie\nAFD\tParis\nEnd.\n'})).toEqual([['r.md', 'table-tabs', 4, 1, [5, 10]]])
    // Rows with fewer cells than the first line (an editor drops the tabs of empty cells at the end).
    expect(tabbed({'r.md': '# Programmes\n\nTitle\tStart date\tBeneficiaries\nWorkshop A\t01/01/2024\nWorkshop B\t02/02/2024\n'})).toEqual([
      ['r.md', 'table-broken', 3, 1, [5, 22]]
    ])
    // The message says what every output does with the tabs: kept as written.
    expect(run({'r.md': `# Outline\n\n${word}`}).vfiles[0]!.messages[0]!.reason).toBe(
      'These 2 lines separate their cells with tabs (4 in the first), as a table copied from a word processor, so Markdown prints them as one paragraph, not a table, each tab kept as written (the PDF prints it as four spaces): as a table, write `| N° | Titre | Date de début | Bénéficiaires |` then `| --- | --- | --- | --- |` and each row the same way'
    )
    // In a programmes/ file after programmes already read: the error alone, not annex-text-moved too.
    const later = run({'programmes/a.md': '## Projet\n\n- Bénéficiaires: Togo\n', 'programmes/b.md': `${word}\nTexte.\n`}).vfiles
    expect(later.flatMap((vfile) => vfile.messages.map((m) => [vfile.path, m.ruleId, m.line]))).toEqual([
      ['programmes/b.md', 'table-broken', 1],
      ['programmes/b.md', 'annex-text-moved', 4]
    ])
    // Lines parted by blank lines, each a paragraph: one table when the first line has three cells or more or a title
    // column, or a paragraph holds two lines; never two-cell lines alone, as numbered paragraphs pasted from Word are.
    const spaced = word.replace(/\n(?=.)/g, '\n\n')
    expect(tabbed({'r.md': `# Programmes\n\n${spaced}\n3\tAtelier\t01/06/2025\tBénin\n`})).toEqual([['r.md', 'table-broken', 3, 1, [7, 27]]])
    expect(run({'r.md': `# Programmes\n\n${spaced}`}).vfiles[0]!.messages[0]!.reason).toContain('so Markdown prints them as 2 paragraphs and no programme')
    expect(tabbed({'r.md': '# Outline\n\nOffice\tCity\tCountry\n\nINPI\tCourbevoie\tFrance\n'})).toEqual([['r.md', 'table-tabs', 3, 1, [5, 23]]])
    expect(tabbed({'r.md': '# Outline\n\nOffice\tCity\n\nINPI\tCourbevoie\nAFD\tParis\n'})).toEqual([['r.md', 'table-tabs', 3, 1, [6, 10]]])
    expect(tabbed({'r.md': '# Outline\n\n1.1\tOutline\n\n1.2\tActivities\n\n(a)\tWorkshops\n'})).toEqual([])
    expect(tabbed({'r.md': '# Outline\n\n> Office\tCity\tCountry\n>\n> INPI\tCourbevoie\tFrance\n'})).toEqual([['r.md', 'table-tabs', 3, 3, [5, 25]]])
    // One line with tabs, a line of more cells than the first, a tab in code, tabs that indent or end lines: not a table.
    expect(tabbed({'r.md': '# Programmes\n\nA\tB\n\nA\tB\nC\tD\tE\n\n    A\tB\n    C\tD\n'})).toEqual([])
    expect(tabbed({'r.md': '# Outline\n\n- First line\n\tsecond line\n\tthird line\n\n>\tsecond\n>\tthird\n\nEnds with a tab.\t\nSo does this.\t\n'})).toEqual([])
  })

  it('warns of a table row with fewer cells than the header, at the row, in a quotation and a programme table too', () => {
    const {vfiles} = run({
      'r.md':
        '# Outline\n\n| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 |\n| 1 | 2 | 3 |\n| 1 | 2 | 3 | 4 |\nno pipe\n\n' +
        '> | x | y |\n> |---|---|\n> | only |\n\n# Programmes\n\n| # | Title | Beneficiaries |\n|---|---|---|\n| 1 | Workshop |\n'
    })
    const found = vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, m.column] as const).sort((a, b) => Number(a[2]) - Number(b[2]))
    // A row with more cells is printed whole; a line without `|` is a row by mistake (`table-row-unpiped`), not a short one.
    expect(found).toEqual([
      ['table-row-short', 'This row has 1 cell and the table’s header 3: its last 2 columns are left empty', 5, 1],
      ['table-row-short', 'This row has 2 cells and the table’s header 3: its last column is left empty', 6, 1],
      ['table-row-unpiped', '`no pipe` follows the table with no blank line between, so it is read as a row of the table', 9, 1],
      ['table-row-short', 'This row has 1 cell and the table’s header 2: its last column is left empty', 13, 3],
      ['table-row-short', 'This row has 2 cells and the table’s header 3: its last column is left empty', 19, 1]
    ])
  })

  it('keeps the text of other unknown labels, columns and title-less cells as other information, in order', () => {
    const {vfiles, extracted} = run({
      'r.md':
        '# Programmes\n\n## A\n\n- Begining date: 2021-04-24\n- Funding: CAD 5,000\n- Donors:\n  - GAC\n  - IDRC\n\n' +
        '| Title | Donor |\n|---|---|\n| B | GAC | extra |\n'
    })
    expect(extracted.programmes.map(({title, other}) => [title, other.map(({label, value}) => [label, value])])).toEqual([
      ['A', [['Begining date', '2021-04-24'], ['Funding', 'CAD 5,000'], ['Donors', 'GAC; IDRC']]],
      ['B', [['Donor', 'GAC'], ['', 'extra']]]
    ])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.fatal])).toEqual([
      ['unknown-field', 'Unknown field `Begining date`, kept under “Other information”: did you mean `Start date` or `End date`?', false],
      ['unknown-field', 'Unknown field `Funding`, kept under “Other information”', false],
      ['unknown-field', 'Unknown field `Donors`, kept under “Other information”', false],
      ['unknown-field', 'Unknown column `Donor`, kept under “Other information”', false],
      ['unknown-field', 'This cell has no column title; its text is kept under “Other information”', false]
    ])
  })

  it('keeps what a field list holds besides fields at the start of the description, in order', () => {
    const {vfiles, extracted} = run({
      'r.md': '# Programmes\n\n## A\n\n- Start date: 2021\n- Held online\n- Partners: WIPO\n\n  Funded by CIPO.\n\nWhat it did.\n'
    })
    const [programme] = extracted.programmes
    expect(programme!.fields.map((field) => [field.key, field.value.value])).toEqual([['start', '2021'], ['partners', 'WIPO']])
    expect(programme!.description).toEqual([
      {
        type: 'list',
        ordered: false,
        start: undefined,
        items: [[{type: 'paragraph', content: [{text: 'Held online'}]}], [{type: 'paragraph', content: [{text: 'Funded by CIPO.'}]}]]
      },
      {type: 'paragraph', content: [{text: 'What it did.'}]}
    ])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['field-syntax', 6], ['field-syntax', 9]])
  })

  it('reads a list with no `Label: value` item right after a programme heading as description, without a word', () => {
    const {vfiles, extracted} = run({'r.md': '# Programmes\n\n## A\n\n- Held online\n- 30 participants\n'})
    expect(extracted.programmes[0]!.fields).toEqual([])
    expect(extracted.programmes[0]!.description.map((block) => block.type)).toEqual(['list'])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it('reads an item whose first colon is escaped, `Note\\: x`, as text, not `Label: value`', () => {
    const {vfiles, extracted} = run({
      'r.md':
        '# Outline\n\n- Start date\\: 2021\n- Beneficiaries\\: Chile\n\n# Programmes\n\n## A\n\n- Note\\: x\n- **Aside\\:** y\n\nMore.\n\n' +
        '## B\n\n- Start date: 2021\n- Note\\: x\n- Budget: CAD 5\\: in kind\n'
    })
    const item = (...content: Array<{text: string; bold?: boolean}>) => [{type: 'paragraph', content}]
    const [a, b] = extracted.programmes
    expect(a!.fields).toEqual([])
    expect(a!.other).toEqual([])
    expect(a!.description).toEqual([
      {type: 'list', ordered: false, start: undefined, items: [item({text: 'Note: x'}), item({text: 'Aside:', bold: true}, {text: ' y'})]},
      {type: 'paragraph', content: [{text: 'More.'}]}
    ])
    // In a field list it is an item that is not a field; a `\\:` after the label's colon is the value's.
    expect(b!.fields.map(({key, value}) => [key, value.value])).toEqual([['start', '2021'], ['budget', 'CAD 5: in kind']])
    expect(b!.description).toEqual([{type: 'list', ordered: false, start: undefined, items: [item({text: 'Note: x'})]}])
    // The narrative's list reads as no field list either: no programme-misplaced.
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['field-syntax', 18]])
    // Its message quotes the item as written, backslash and all: read, it would look like a field.
    expect(vfiles[0]!.messages[0]!.reason).toBe('Expected a field as `Label: value`, found `Note\\: x`; the item is kept at the start of the description')
  })

  it('reads a programme table anywhere under the programmes heading, also inside a programme, as programmes', () => {
    const sections = ['One', 'Two', 'Three'].map((name) => `## Workshop ${name}\n\n- Beneficiaries: Chile\n\n`).join('')
    const table = '| # | Title | Beneficiaries |\n|---|---|---|\n| 1 | Seminar one | Peru |\n| 2 | Seminar two | Peru |\n| 3 | Seminar three | Peru |\n'
    const {vfiles, extracted} = run({'r.md': `# Programmes\n\n${sections}${table}\nAfter the table.\n`})
    expect(extracted.programmes.map((p) => [p.title, p.form])).toEqual([
      ['Workshop One', 'section'],
      ['Workshop Two', 'section'],
      ['Workshop Three', 'section'],
      ['Seminar one', 'row'],
      ['Seminar two', 'row'],
      ['Seminar three', 'row']
    ])
    expect(extracted.programmes[2]!.description).toEqual([{type: 'paragraph', content: [{text: 'After the table.'}]}])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it('accepts the usual variants of the programmes heading, in any case', () => {
    for (const heading of ['Programme', 'ACTIVITIES', 'Technical cooperation programmes', 'List of programmes', 'programs and activities']) {
      const {vfiles, extracted} = run({'r.md': `# Outline\n\nText.\n\n# ${heading}\n\n## Workshop\n\n- Start date: 2021\n- Beneficiaries: Chile\n`})
      expect(extracted.programmes.map((p) => p.title), heading).toEqual(['Workshop'])
      expect(vfiles[0]!.messages, heading).toEqual([])
    }
  })

  it('reads a programmes heading of any level in any file, when it is the only one', () => {
    for (const [file, heading] of [['b.md', '## activities'], ['c.md', '# Programme'], ['d.md', '### Activités de coopération technique']]) {
      const {vfiles, extracted} = run({'a.md': '# Outline\n\nText.\n', [file!]: `${heading}\n\n${'#'.repeat(heading!.indexOf(' ') + 1)} Workshop\n\n- Beneficiaries: Chile\n`})
      expect(extracted.programmes.map((p) => p.title), heading).toEqual(['Workshop'])
      expect(vfiles.flatMap((vfile) => vfile.messages), heading).toEqual([])
    }
  })

  it('reads one programmes heading: a second is an error naming the one read, and is narrative, its words printed', () => {
    const second = (m: {ruleId?: string | null | undefined; line?: number | undefined; cause?: unknown}) => [m.ruleId, m.line, (m.cause as {line?: number} | undefined)?.line]
    // A narrative section titled like a programmes heading, before `# Programmes`: its sections are narrative.
    const french = run({
      'r.md':
        '# Activités de coopération technique\n\n## INPI\n\nFormations.\n\n## AFD\n\nProjets.\n\n' +
        '# Programmes\n\n| N° | Titre | Bénéficiaires |\n|---|---|---|\n| 1 | Appui aux incubateurs | Togo |\n'
    })
    expect(french.extracted.programmes.map((p) => p.title)).toEqual(['Appui aux incubateurs'])
    expect(french.extracted.narrative.map((block) => [block.type, block.type === 'heading' || block.type === 'paragraph' ? block.content[0]!.text : ''])).toEqual([
      ['heading', 'Activités de coopération technique'],
      ['heading', 'INPI'],
      ['paragraph', 'Formations.'],
      ['heading', 'AFD'],
      ['paragraph', 'Projets.']
    ])
    expect(french.extracted.headings.map((h) => h.depth)).toEqual([1, 2, 2])
    expect(french.vfiles[0]!.messages.map(second)).toEqual([['programmes-heading-duplicate', 1, 11]])
    expect(french.vfiles[0]!.messages[0]!.reason).toBe(
      'The heading `Activités de coopération technique` is also a programmes heading, but a report has one: `Programmes` is read as the programmes heading, so this heading and its sections are printed as narrative'
    )
    // A sub-heading `## Activités`: its `###` sections stay narrative.
    const sub = run({'r.md': '# Aperçu\n\n## Activités\n\n### INPI\n\nFormations.\n\n# Programmes\n\n## Atelier\n\n- Bénéficiaires: Togo\n'})
    expect(sub.extracted.programmes.map((p) => p.title)).toEqual(['Atelier'])
    expect(sub.extracted.narrative.filter((block) => block.type === 'heading').map((block) => block.content[0]!.text)).toEqual(['Aperçu', 'Activités', 'INPI'])
    expect(sub.vfiles[0]!.messages.map(second)).toEqual([['programmes-heading-duplicate', 3, 9]])
    // A heading naming programmes is read before one naming activities only, even below it.
    const nested = run({'r.md': '# Activities\n\nText.\n\n## Programmes\n\n### Workshop\n\n- Beneficiaries: Chile\n'})
    expect(nested.extracted.programmes.map((p) => p.title)).toEqual(['Workshop'])
    expect(nested.vfiles[0]!.messages.map(second)).toEqual([['programmes-heading-duplicate', 1, 5]])
    // Of two that name programmes, the first; a table under the second is not read, and says why.
    const two = run({
      'a.md': '# Programmes\n\n## Workshop\n\n- Beneficiaries: Chile\n',
      'b.md': '# List of programmes\n\n| Title | Beneficiaries |\n|---|---|\n| Seminar | Peru |\n'
    })
    expect(two.extracted.programmes.map((p) => p.title)).toEqual(['Workshop'])
    expect(two.vfiles[1]!.messages.map(second)).toEqual([
      ['programmes-heading-duplicate', 1, 1],
      ['programme-misplaced', 3, 1]
    ])
    expect((two.vfiles[1]!.messages[0]!.cause as {file?: string}).file).toBe('a.md')
    expect(two.vfiles[1]!.messages[1]!.reason).toBe(
      'This table with a title column is under a second programmes heading, which is read as narrative, so it would be read as a plain table, not as programmes'
    )
    // A programme titled like a programmes heading, inside the programmes heading's section, is a programme.
    const inside = run({'r.md': '# Programmes\n\n## Activities\n\n- Beneficiaries: Chile\n'})
    expect(inside.extracted.programmes.map((p) => p.title)).toEqual(['Activities'])
    expect(inside.vfiles[0]!.messages).toEqual([])
    // A heading of a programme's description titled like one is part of the programme, whatever heading is above.
    const described = run({
      'r.md': '# Outline\n\nText.\n\n# Technical cooperation activities\n\n## Workshop\n\n- Beneficiaries: Chad\n\nA week.\n\n### Programme\n\nDay one: search.\n'
    })
    expect(described.extracted.programmes.map((p) => p.title)).toEqual(['Workshop'])
    expect(described.extracted.programmes[0]!.description.map((block) => block.type)).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(described.vfiles[0]!.messages).toEqual([])
  })

  it('reports programmes outside the programmes heading, naming a misspelt heading above them', () => {
    const {vfiles, extracted} = run({
      'r.md': '# Outline\n\n## Contact\n\n- Website: https://cipo.example\n\n# Programes\n\n## Workshop\n\n- Start date: 2021\n- Beneficiaries: Chile\n\n| Title |\n|---|\n| Seminar |\n'
    })
    expect(extracted.programmes).toEqual([])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line, (m.cause as {line?: number} | undefined)?.line])).toEqual([
      [
        'programme-misplaced',
        'This list of programme fields (`Start date`, `Beneficiaries`) is not under a programmes heading, so it would be read as text, not as a programme: did you mean `Programmes` for the heading `Programes`?',
        11,
        7
      ],
      [
        'programme-misplaced',
        'This table with a title column is not under a programmes heading, so it would be read as a plain table, not as programmes: did you mean `Programmes` for the heading `Programes`?',
        14,
        7
      ]
    ])
  })

  it('reports a programme inside a quotation or list item, and one of a single programme-only field at the wrong level', () => {
    const reasons = (text: string) => run({'r.md': text}).vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line])
    const fields = '- Beneficiaries: Nepal\n- Start date: 2021-01-01\n'
    expect(reasons(`# Programmes\n\n> ## In a quotation\n>\n${fields.replace(/^/gm, '> ')}`)).toEqual([
      ['programme-misplaced', 'This list of programme fields (`Beneficiaries`, `Start date`) is inside a list or quotation, so it would be read as text, not as a programme', 5]
    ])
    expect(reasons(`# Programmes\n\n- ## In a list item\n${fields.replace(/^/gm, '  ')}`)).toEqual([
      ['programme-misplaced', 'This list of programme fields (`Beneficiaries`, `Start date`) is inside a list or quotation, so it would be read as text, not as a programme', 4]
    ])
    expect(reasons('# Programmes\n\n### Too deep\n\n- Beneficiaries: Nepal\n')).toEqual([
      ['programme-misplaced', 'This list of programme fields (`Beneficiaries`) follows a level-3 heading, but programmes here are level-2 headings, so it would be read as text, not as a programme', 5]
    ])
    expect(reasons('# Outline\n\n## Workshop\n\n- Start date: 2021-01-01\n')).toEqual([
      ['programme-misplaced', 'This list of programme fields (`Start date`) is not under a programmes heading, so it would be read as text, not as a programme', 5]
    ])
    // A single field commented out hides no programme: it is HTML printed as text.
    expect(reasons('# Programmes\n\n## A\n\n- Start date: 2021\n\n<!--\n- End date: 02/03/2021\n-->\n')).toEqual([
      ['raw-html', 'This HTML comment is printed as text in the PDF: art67 hides nothing the sources say', 7]
    ])
    // One field that narrative has too (a website, a budget) is narrative.
    expect(reasons('# Outline\n\n## Contact\n\n- Website: https://cipo.example\n\n## Funds\n\n- Budget: CAD 5\n\n> ## Quoted\n>\n> - Website: https://x.example\n')).toEqual([])
  })

  it('reports HTML that hides programmes, saying what it hides, instead of the raw-HTML warning', () => {
    const table = '| Title | Beneficiaries |\n|---|---|\n| Workshop | Chile |\n'
    const comment = run({'r.md': `# Outline\n\n<!-- draft\n# Programmes\n\n${table}\n${table}-->\n\n<!-- a note -->\n`})
    expect(comment.vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line])).toEqual([
      ['html-hides-programmes', 'This HTML comment hides a programmes heading and 2 programme tables: nothing in it reaches the report', 3],
      ['raw-html', 'This HTML comment is printed as text in the PDF: art67 hides nothing the sources say', 15]
    ])
    const script = run({'r.md': '<script>\nlet x\n\n# Programmes\n\n## A\n\n- Start date: 2021\n- Beneficiaries: Chile\n'})
    expect(script.extracted.programmes).toEqual([])
    expect(script.vfiles[0]!.messages.map((m) => m.reason)).toEqual([
      'This HTML `<script>` block hides a programmes heading and a programme field list: nothing in it reaches the report'
    ])
  })

  it('reports an HTML table under the programmes heading or in a programmes/ file as a programme table not read', () => {
    const html = '<table>\n<tr><th>Titre</th><th>Bénéficiaires</th></tr>\n<tr><td>Atelier</td><td>Togo</td></tr>\n</table>\n'
    const rules = (files: Record<string, string>) => run(files).vfiles.flatMap((vfile) => vfile.messages.map((m) => [vfile.path, m.ruleId, m.line]))
    expect(rules({'r.md': `# Programmes\n\n${html}`})).toEqual([['r.md', 'html-hides-programmes', 3]])
    expect(rules({'r.md': `# Programmes\n\n## Atelier\n\n- Bénéficiaires: Togo\n\n> ${html.replace(/\n(?=.)/g, '\n> ')}`})).toEqual([['r.md', 'html-hides-programmes', 7]])
    expect(rules({'programmes/afd.md': `<div>\n${html}</div>\n`})).toEqual([['programmes/afd.md', 'html-hides-programmes', 1]])
    const {vfiles, extracted} = run({'r.md': `# Programmes\n\n${html}`})
    expect(extracted.programmes).toEqual([])
    expect(vfiles[0]!.messages[0]!.reason).toBe(
      'This HTML `<table>` has a title column (`Titre`) and is under the programmes heading, where such a table lists programmes, but art67 does not read HTML: it is printed as code and no programme is read from it'
    )
    // In the narrative, as a Markdown programme table there: programmes not read, an error; inside a quotation too.
    expect(rules({'r.md': `# Outline\n\n${html}`})).toEqual([['r.md', 'programme-misplaced', 3]])
    expect(run({'r.md': `# Outline\n\n> ${html.replace(/\n(?=.)/g, '\n> ')}`}).vfiles[0]!.messages.map((m) => [m.ruleId, m.reason, m.line])).toEqual([
      [
        'programme-misplaced',
        'This HTML `<table>` with a title column (`Titre`) is not under a programmes heading, so it would be printed as code, not read as programmes (art67 reads no HTML)',
        3
      ]
    ])
    expect(rules({'r.md': `# Outline\n\n- Item\n\n  ${html.replace(/\n(?=.)/g, '\n  ')}`})).toEqual([['r.md', 'programme-misplaced', 5]])
  })

  it('reads an HTML table split into several HTML blocks by blank lines among its tags as one table', () => {
    const at = (files: Record<string, string>) =>
      run(files).vfiles.flatMap((vfile) => vfile.messages.map((m) => [vfile.path, m.ruleId, m.line, m.place && 'end' in m.place ? m.place.end.line : undefined]))
    // A blank line after `<table>` ends its HTML block: the first row is in the next one.
    const split = '<table>\n\n<tr><th>Title</th><th>Start date</th></tr>\n\n<tr><td>Workshop</td><td>01/05/2024</td></tr>\n</table>\n'
    expect(at({'r.md': `# Programmes\n\n${split}\nAfter.\n`})).toEqual([['r.md', 'html-hides-programmes', 3, 8]])
    expect(at({'programmes/a.md': `## A\n\n- Beneficiaries: Togo\n\n${split}`})).toEqual([['programmes/a.md', 'html-hides-programmes', 5, 10]])
    expect(at({'r.md': `# Outline\n\n${split}`})).toEqual([['r.md', 'programme-misplaced', 3, 8]])
    // After programmes already read (a later programmes/ file), the table's error is enough: no annex-text-moved.
    expect(at({'programmes/a.md': '## A\n\n- Beneficiaries: Togo\n', 'programmes/b.md': split})).toEqual([['programmes/b.md', 'html-hides-programmes', 1, 6]])
    // A table closed in its block does not take in the HTML after it; one without a title column stays raw HTML.
    expect(at({'r.md': '# Programmes\n\n<table><tr><td>Title</td></tr></table>\n\n<p>note</p>\n'})).toEqual([
      ['r.md', 'html-hides-programmes', 3, 3],
      ['r.md', 'raw-html', 5, 5]
    ])
    expect(at({'r.md': '# Programmes\n\n<table>\n\n<tr><td>Module</td></tr>\n</table>\n'})).toEqual([
      ['r.md', 'raw-html', 3, 3],
      ['r.md', 'raw-html', 5, 6]
    ])
  })

  it('reports an HTML table under the programmes heading only when its first row has a title column, in any language', () => {
    const reasons = (text: string) => run({'r.md': text}).vfiles[0]!.messages.map((m) => [m.ruleId, m.line])
    // A table describing a programme, in its description, whatever its columns: raw HTML, as anywhere.
    const described = '<table>\n<tr><th>Module</th><th>Durée</th></tr>\n<tr><td>Brevets</td><td>2 jours</td></tr>\n</table>\n'
    expect(reasons(`# Programmes\n\n## Atelier\n\n- Bénéficiaires : Togo\n\nProgramme :\n\n${described}`)).toEqual([['raw-html', 9]])
    expect(reasons(`# Programmes\n\n${described}`)).toEqual([['raw-html', 3]])
    // A title column after other columns, in a cell with attributes, markup and character references, in a header
    // row of `<thead>`, in any language; the rows after the first are not looked at.
    const spanish = '<table class="x">\n<thead><tr><td>N.º</td><td scope="col"><b>T&iacute;tulo</b></td></tr></thead>\n<tr><td>1</td><td>Taller</td></tr>\n</table>\n'
    expect(reasons(`# Programmes\n\n${spanish}`)).toEqual([['html-hides-programmes', 3]])
    const english = "<TABLE><TR><TH>#<TH>Title of programme or activity</TR></TABLE>\n"
    expect(reasons(`# Programmes\n\n## Atelier\n\nText.\n\n${english}`)).toEqual([['html-hides-programmes', 7]])
    const titleInSecondRow = '<table>\n<tr><td>Module</td></tr>\n<tr><td>Title</td></tr>\n</table>\n'
    expect(reasons(`# Programmes\n\n${titleInSecondRow}`)).toEqual([['raw-html', 3]])
  })

  it('reports a code block never closed, in a file, a list item or a quotation, saying what it hides', () => {
    const {vfiles} = run({
      'r.md': '# Outline\n\n- item\n\n  ~~~~\n  code\n  ~~~\n\n> ```\n> quoted\n\n```js\nclosed\n```\n\n````\nfour\n````\n\n```\n\n# Programmes\n\n## A\n\n- Start date: 2021\n- Beneficiaries: Chile\n',
      'programmes/a.md': '## B\n\n```\ncode at the end'
    })
    expect(vfiles.map((file) => file.messages.map((m) => [m.ruleId, m.reason, m.line]))).toEqual([
      [
        ['code-unclosed', 'This code block is never closed, so the rest of its list item is printed as code', 5],
        ['code-unclosed', 'This code block is never closed, so the rest of its quotation is printed as code', 9],
        ['code-unclosed', 'This code block is never closed, so the rest of its file is printed as code, hiding a programmes heading and a programme field list', 20]
      ],
      [['code-unclosed', 'This code block is never closed, so the rest of its file is printed as code', 3]]
    ])
    // An indented code block that shows a fence is no fence; a fence indented 4 spaces in its quotation closes nothing.
    const indented = run({'r.md': 'Text.\n\n    ```\n    some code\n\nMore.\n\n\t~~~\n\tcode\n\n> ```\n> code\n>     ```\n\n   ```\n   closed by a fence indented less\n```\n'})
    expect(indented.vfiles[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['code-unclosed', 11]])
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

  it('reads a programmes heading atop a programmes/ file as the report’s: not printed, without a word', () => {
    const {extracted, vfiles} = run({'programmes/inpi.md': '# Programmes\n\n## Atelier\n\n- Bénéficiaires: Togo\n'})
    expect(extracted.programmes.map((p) => p.title)).toEqual(['Atelier'])
    expect(extracted.annexIntro).toEqual([])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it.each(['Beneficiary countries', 'Target countries', 'Pays bénéficiaires', 'Países beneficiarios'])('reads a column `%s` as the beneficiaries, never a target group', (column) => {
    const {extracted, vfiles} = run({'programmes/jpo.md': `| Title | ${column} |\n|---|---|\n| Seminar | Ghana; Kenya |\n`})
    expect(extracted.programmes[0]!.fields.map((field) => [field.key, field.value.value])).toEqual([['beneficiaries', 'Ghana; Kenya']])
    expect(vfiles[0]!.messages).toEqual([])
  })

  it('reads a programmes folder named in any case, `Programmes/`, as `programmes/`, after the other files', () => {
    const {extracted, vfiles} = run({
      'Programmes/jica.md': '## Knowledge Co-Creation Program\n\n- Beneficiaries: Kenya\n',
      'report.md': '---\nmember: Japan\nperiod: 2025\n---\n\n# Outline\n\nText.\n'
    })
    expect(vfiles.map((file) => file.path)).toEqual(['report.md', 'Programmes/jica.md'])
    expect(extracted.programmes.map((p) => p.title)).toEqual(['Knowledge Co-Creation Program'])
    expect(vfiles.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual([])
  })

  it('treats every ## in a file under programmes/ as a programme, and keeps text before them', () => {
    const {extracted} = run({'programmes/cipo.md': '# CIPO\n\nOur activities.\n\n## One\n\n## Two\n\n### Results\n\nDetail.\n'})
    expect(extracted.programmes.map((p) => p.title)).toEqual(['One', 'Two'])
    expect(extracted.annexIntro.map((block) => block.type)).toEqual(['heading', 'paragraph'])
    expect(extracted.programmes[1]!.description.map((block) => block.type)).toEqual(['heading', 'paragraph'])
  })

  it('warns of text the annex prints in its introduction though it follows programmes, or heads programmes in a programmes/ file', () => {
    const moved = (files: Record<string, string>) =>
      run(files).vfiles.flatMap((vfile) =>
        vfile.messages.map((m) => [vfile.path, m.ruleId, m.line, m.place && 'end' in m.place ? m.place.end.line : undefined, (m.cause as {file?: string; line?: number} | undefined)?.line])
      )
    const table = '| Title | Beneficiaries |\n|---|---|\n| Seminar | Peru |\n'
    // Text before the first programme introduces the annex, where it is printed: nothing to say.
    expect(moved({'r.md': `# Programmes\n\nAbout the list.\n\n${table}`})).toEqual([])
    // Text after the table, a run of it said once, with the programme it follows; a link definition prints nothing.
    const after = run({'r.md': `# Programmes\n\nAbout the list.\n\n${table}\nAfter the table.\n\n- and a list\n\n[x]: https://x.example\n\n[x]\n`})
    expect(after.extracted.annexIntro.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'list', 'paragraph'])
    expect(moved({'r.md': `# Programmes\n\n${table}\nAfter the table.\n\n- and a list\n`})).toEqual([['r.md', 'annex-text-moved', 7, 9, 5]])
    // A programmes/ file's text before its first programme, after programmes of other files; `#` and `####` sections.
    expect(
      moved({
        'r.md': `# Programmes\n\n${table}`,
        'programmes/afd.md': 'Intro.\n\n## A\n\n- Beneficiaries: Chile\n\n# Other projects\n\n#### Note\n\nText.\n\n## B\n\n- Beneficiaries: Peru\n'
      })
    ).toEqual([
      ['programmes/afd.md', 'annex-text-moved', 1, 1, 5],
      ['programmes/afd.md', 'annex-text-moved', 7, 11, 3]
    ])
    // A `#` over the programmes of the first programmes/ file: printed before the list, not above them.
    expect(moved({'programmes/afd.md': '# AFD\n\nOur projects.\n\n## A\n\n- Beneficiaries: Chile\n'})).toEqual([['programmes/afd.md', 'annex-text-moved', 1, 1, undefined]])
    expect(run({'programmes/afd.md': '# AFD\n\n## A\n\n- Beneficiaries: Chile\n'}).vfiles[0]!.messages[0]!.reason).toBe(
      'The heading `AFD` is above the programmes after it, but the annex lists every programme together: it is printed in the annex’s introduction, before the list of programmes, not above them'
    )
  })

  it('reads a programme heading over nothing but a programme table as a heading over its programmes, not an empty programme', () => {
    const table = '| Titre | Bénéficiaires |\n|---|---|\n| Appui aux incubateurs | Togo |\n| Formation | Bénin |\n'
    const {vfiles, extracted} = run({'programmes/afd.md': `## Projets de l'AFD\n\n${table}\n## Atelier\n\n${table}\nAprès.\n`})
    expect(extracted.programmes.map((p) => [p.title, p.form])).toEqual([
      ['Appui aux incubateurs', 'row'],
      ['Formation', 'row'],
      ['Atelier', 'section'],
      ['Appui aux incubateurs', 'row'],
      ['Formation', 'row']
    ])
    expect(extracted.annexIntro).toEqual([{type: 'heading', depth: 2, number: '', content: [{text: "Projets de l'AFD"}]}])
    expect(vfiles[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['annex-text-moved', 1]])
    // So with a rule (`---`) after the table.
    const ruled = run({'programmes/afd.md': `## Projets de l'AFD\n\n${table}\n---\n`})
    expect(ruled.extracted.programmes.map((p) => p.title)).toEqual(['Appui aux incubateurs', 'Formation'])
    expect(ruled.vfiles[0]!.messages.map((m) => m.ruleId)).toEqual(['annex-text-moved'])
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

  it('names undrawable characters at each line where they are, every piece of the line in one warning', () => {
    const {vfiles} = run({'r.md': '# Programmes\n\n## 研修\n\n- Agency: JPO 特許庁 and *東京*\n- Beneficiaries: Chile\n\nA description in 日本語,\nwrapped, with 🎉 on its second line.\n'})
    expect(vfiles[0]!.messages.filter((m) => m.ruleId === 'glyph-missing').map((m) => [m.line, m.column, m.reason])).toEqual([
      [3, 4, 'The PDF font cannot draw 研 (U+7814), 修 (U+4FEE); the PDF prints `?` instead'],
      [5, 15, 'The PDF font cannot draw 特 (U+7279), 許 (U+8A31), 庁 (U+5E81), 東 (U+6771), 京 (U+4EAC); the PDF prints `?` instead'],
      [8, 18, 'The PDF font cannot draw 日 (U+65E5), 本 (U+672C), 語 (U+8A9E); the PDF prints `?` instead'],
      [9, 15, 'The PDF font cannot draw 🎉 (U+1F389); the PDF prints `?` instead']
    ])
  })
})
