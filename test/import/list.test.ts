// The list of programmes of an imported page: rows numbered in sequence, a wrapped line that starts with a number
// read as the end of its row, rows missing from the copy, cells copied with tabs, and a list with no row read.
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {importFile} from '../../pipeline/import/index.js'

const head = ['Technical cooperation activities under Article 67 of the TRIPS Agreement - View details of the document', '1. Canada, covering the 2020-2021 period.', 'List of programmes/projects']

/** Import a page of the lines of `head` and `list`; rows as `number|title|start|beneficiaries`, problems as `line ruleId reason`. */
async function importList(list: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'art67-import-list-'))
  await writeFile(path.join(dir, 'page.txt'), [...head, ...list].join('\n') + '\n')
  const result = await importFile(path.join(dir, 'page.txt'), {member: 'Canada', period: '2020-2021', out: path.join(dir, 'sources')})
  return {
    ...result,
    rows: result.report!.rows.map(({number, title, start, beneficiaries}) => [number, title, start ?? '', beneficiaries.map((b) => b.name).join('; ')].join('|')),
    problems: result.file.messages.map((message) => `${message.line}:${message.column}-${message.place && 'end' in message.place ? `${message.place.end.line}:${message.place.end.column}` : ''} ${message.ruleId} ${message.reason}`)
  }
}

describe('rows of the list', () => {
  it('reads a wrapped line that starts with a number not the next row’s as the end of the row before', async () => {
    const result = await importList([
      '1 Capacity building for',
      '100 patent examiners in ASEAN 01/02/2021 Cambodia; Viet Nam',
      '2 Workshop on trademarks, December 2016- December',
      '2019 phase 01/01/2017 Kenya',
      '3 Last row 01/01/2021 Kenya'
    ])
    expect(result.rows).toEqual([
      '1|Capacity building for 100 patent examiners in ASEAN|01/02/2021|Cambodia; Viet Nam',
      '2|Workshop on trademarks, December 2016- December 2019 phase|01/01/2017|Kenya',
      '3|Last row|01/01/2021|Kenya'
    ])
    expect(result.problems).toEqual([
      '5:1-5:60 import-row-continued This line starts with 100, not 2, the number of the next row: it was read as the end of row 1',
      '7:1-7:28 import-row-continued This line starts with 2019, not 3, the number of the next row: it was read as the end of row 2'
    ])
  })

  it('keeps a row whose number skips some when the rows after it follow it, and says which are missing', async () => {
    const result = await importList(['1 First 01/01/2021 Kenya', '2 Second 01/01/2021 Kenya', '5 Fifth 01/01/2021 Kenya', '6 Sixth 01/01/2021 Kenya'])
    expect(result.rows.map((row) => row.split('|')[0])).toEqual(['1', '2', '5', '6'])
    expect(result.problems).toEqual(['6:1-6:2 import-row-sequence This row is numbered 5, after row 2: rows 3 and 4 are missing from the copied page'])
  })

  it('names a list that does not start at row 1, and a number given twice', async () => {
    const result = await importList(['3 Third 01/01/2021 Kenya', '4 Fourth 01/01/2021 Kenya', '4 Fourth again 01/01/2021 Kenya', '5 Fifth 01/01/2021 Kenya'])
    expect(result.rows.map((row) => row.split('|')[0])).toEqual(['3', '4', '4', '5'])
    expect(result.problems).toEqual([
      '4:1-4:2 import-row-sequence The list’s first row is numbered 3, not 1: the rows before it are missing from the copied page',
      '6:1-6:2 import-row-sequence This row is numbered 4, after row 4: e-TRIPS numbers its rows 1, 2, 3 … in order'
    ])
  })

  it('reads a first line whose number is not 1 as text before the rows when row 1 follows it', async () => {
    const result = await importList(['2021 saw three workshops:', '1 First 01/01/2021 Kenya', '2 Second 01/01/2021 Kenya'])
    expect(result.rows.map((row) => row.split('|')[0])).toEqual(['1', '2'])
    expect(result.markdown).toContain('\n\n2021 saw three workshops:\n\n')
    expect(result.problems).toEqual([])
  })
})

describe('rows copied with tabs', () => {
  it('leaves out the interface’s “more information” cell, and keeps other extra cells in the title with a warning', async () => {
    const result = await importList(['1\tWorkshop on patents\t01/01/2021\tCambodia\tClick for more information', '2\tSeminar\t\tKenya\t31/12/2021\t\tCIPO\t'])
    expect(result.rows).toEqual(['1|Workshop on patents|01/01/2021|Cambodia', '2|Seminar 31/12/2021 CIPO||Kenya'])
    expect(result.problems).toEqual([
      '5:1-5:35 import-extra-cells This row has 2 cells more than the e-TRIPS list (title, start date, beneficiaries): `31/12/2021` and `CIPO` were kept at the end of the title'
    ])
  })
})

describe('a list with no row read', () => {
  it('is a warning on the list heading, its lines kept as paragraphs', async () => {
    const cells = ['#', 'Title of programme or activity', 'Start date', 'Beneficiary Members or observers', '1', 'CIPO-WIPO Executive Workshop', '24/04/2021', 'Cambodia']
    const result = await importList(cells)
    expect(result.rows).toEqual([])
    expect(result.problems).toEqual([
      '3:1-3:28 import-no-rows No row of the list of programmes was read: none of the 8 lines under its heading starts with a row number followed by the row’s text, so they were kept as paragraphs'
    ])
    for (const cell of cells.slice(1)) expect(result.markdown).toContain(`\n\n${cell}\n`)
  })

  it('is a warning when the list is empty', async () => {
    const result = await importList(['Click for more information', '# Title of programme or activity Start date Beneficiary Members or observers'])
    expect(result.problems).toEqual(['3:1-3:28 import-no-rows The list of programmes is empty: report.md lists no programmes'])
  })
})
