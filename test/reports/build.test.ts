import {readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildMany, checkMany} from '../../pipeline/reports/index.js'
import {fingerprints} from '../helpers/run-cli.js'
import {frontMatter, writeSources} from '../helpers/sources.js'
import {readXlsx} from '../helpers/xlsx-read.js'

const programmes = (title: string) => `\n# Programmes\n\n| # | Title | Start date | Beneficiaries |\n|---|---|---|---|\n| 1 | ${title} | 01/03/2021 | Kenya |\n`

describe('buildMany', () => {
  it('builds every report below a parent, and the combined workbook with member and period columns', async () => {
    const root = await writeSources({
      'reports/canada/2021/report.md': frontMatter + programmes('Canadian workshop'),
      'reports/japan/report.md': frontMatter.replace('Canada', 'Japan').replace('2020-2021', '2021') + programmes('Japanese seminar')
    })
    const out = path.join(root, 'out')
    const many = await buildMany([path.join(root, 'reports')], {out, combined: true})
    expect(many.ok).toBe(true)
    expect(many.reports.map((entry) => path.relative(root, entry.dir))).toEqual(['reports/canada/2021', 'reports/japan'])
    expect((await readdir(out)).sort()).toEqual([
      'art67-combined.xlsx', 'canada-2020-2021.json', 'canada-2020-2021.pdf', 'canada-2020-2021.xlsx', 'japan-2021.json', 'japan-2021.pdf', 'japan-2021.xlsx'
    ])
    const {sheets} = await readXlsx(await readFile(path.join(out, 'art67-combined.xlsx')))
    const [header, ...rows] = Object.values(sheets)[0]!
    expect(header?.slice(0, 5)).toEqual(['Member', 'Period', 'No.', 'ID', 'Title of programme or activity'])
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['Canada', '2020-2021', 1, 'canadian-workshop', 'Canadian workshop'],
      ['Japan', '2021', 1, 'japanese-seminar', 'Japanese seminar']
    ])
    // Each row's source named from the reports' common parent, so that rows of two reports are told apart.
    const source = header!.indexOf('Source')
    expect(rows.map((row) => row[source])).toEqual(['canada/2021/report.md:11', 'japan/report.md:11'])
  })

  it('titles the combined workbook’s columns, and names Members and beneficiaries, in the language of the first report', async () => {
    const french = frontMatter.replace('---\n', '---\nlanguage: fr\n')
    const english = frontMatter.replace('Canada', 'Japan') + programmes('Seminar').replace('Kenya', 'Egypt')
    const root = await writeSources({'a/report.md': french + programmes('Atelier'), 'b/report.md': english})
    const out = path.join(root, 'out')
    expect((await buildMany([path.join(root, 'a'), path.join(root, 'b')], {out, combined: true})).ok).toBe(true)
    const {sheets} = await readXlsx(await readFile(path.join(out, 'art67-combined.xlsx')))
    const [header, ...rows] = Object.values(sheets)[0]!
    expect(header!.slice(0, 3)).toEqual(['Membre', 'Période', 'N°'])
    expect(rows.map((row) => row[0])).toEqual(['Canada', 'Japon'])
    expect(rows[1]).toContain('Égypte')
    expect(JSON.stringify(rows)).not.toMatch(/Japan|Egypt/)
  })

  it('gives the combined workbook its title and subject in the language of the first report', async () => {
    const spanish = frontMatter.replace('---\n', '---\nlanguage: es\n')
    const root = await writeSources({'a/report.md': spanish + programmes('Taller'), 'b/report.md': frontMatter.replace('Canada', 'Japan') + programmes('Seminar')})
    const out = path.join(root, 'out')
    expect((await buildMany([path.join(root, 'a'), path.join(root, 'b')], {out, combined: true})).ok).toBe(true)
    const {workbook, sheets} = await readXlsx(await readFile(path.join(out, 'art67-combined.xlsx')))
    expect(Object.keys(sheets)).toEqual(['Programas'])
    expect([workbook.title, workbook.subject]).toEqual(['Programas de cooperación técnica de varios informes', 'Cooperación técnica en el marco del artículo 67 del Acuerdo sobre los ADPIC'])
    // In English, as before, now with its subject too.
    const english = await buildMany([path.join(root, 'b'), path.join(root, 'a')], {out: path.join(root, 'out-en'), combined: true})
    expect(english.ok).toBe(true)
    const {workbook: englishBook} = await readXlsx(await readFile(path.join(root, 'out-en', 'art67-combined.xlsx')))
    expect([englishBook.title, englishBook.subject]).toEqual(['Technical cooperation programmes of several reports', 'Technical cooperation under Article 67 of the TRIPS Agreement'])
  })

  it('writes the valid reports, leaves an invalid one’s previous outputs untouched, and writes no combined workbook', async () => {
    const root = await writeSources({
      'a/report.md': frontMatter + programmes('First'),
      'b/report.md': frontMatter.replace('Canada', 'Japan') + programmes('Second')
    })
    const out = path.join(root, 'out')
    expect((await buildMany([path.join(root, 'a'), path.join(root, 'b')], {out})).ok).toBe(true)
    const before = await fingerprints(out)
    // Japan's report breaks; Canada's changes.
    await writeFile(path.join(root, 'b/report.md'), frontMatter.replace('Canada', 'Japan').replace('2020-2021', 'last year') + programmes('Second'))
    await writeFile(path.join(root, 'a/report.md'), frontMatter + programmes('First, changed'))
    const many = await buildMany([path.join(root, 'a'), path.join(root, 'b')], {out, combined: true})
    expect(many.ok).toBe(false)
    expect(many.combined).toBeUndefined()
    expect(many.reports.map((entry) => [entry.result.ok, entry.result.outputs.length])).toEqual([[true, 3], [false, 0]])
    const after = new Map(await fingerprints(out))
    for (const [name, digest] of before) {
      if (name.startsWith('japan')) expect(after.get(name), name).toBe(digest)
      else expect(after.get(name), name).not.toBe(digest)
    }
    expect([...after.keys()].filter((name) => name.includes('combined'))).toEqual([])
  })

  it('puts reports whose outputs would have the same names in a subfolder each', async () => {
    const root = await writeSources({'old/report.md': frontMatter + programmes('A'), 'new/report.md': frontMatter + programmes('B')})
    const out = path.join(root, 'out')
    const many = await buildMany([root], {out})
    expect(many.reports.flatMap((entry) => entry.result.outputs).map((file) => path.relative(out, file))).toEqual([
      'new/canada-2020-2021.pdf', 'new/canada-2020-2021.xlsx', 'new/canada-2020-2021.json',
      'old/canada-2020-2021.pdf', 'old/canada-2020-2021.xlsx', 'old/canada-2020-2021.json'
    ])
  })

  it.each([
    ['in its body', frontMatter + programmes('B').replace('Kenya', 'Kenyaa')],
    ['in its front matter', frontMatter.replace('16/09/2021', '31/02/2021') + programmes('B')]
  ])('keeps a report in its subfolder while another of the same name has errors %s', async (_, broken) => {
    const root = await writeSources({'old/report.md': frontMatter + programmes('A'), 'new/report.md': broken})
    const out = path.join(root, 'out')
    const many = await buildMany([root], {out})
    expect(many.reports.map((entry) => entry.result.ok)).toEqual([false, true])
    expect(many.reports.flatMap((entry) => entry.result.outputs).map((file) => path.relative(out, file))).toEqual([
      'old/canada-2020-2021.pdf', 'old/canada-2020-2021.xlsx', 'old/canada-2020-2021.json'
    ])
  })
})

describe('checkMany', () => {
  it('checks every report, each with its own problems', async () => {
    const root = await writeSources({'a/report.md': frontMatter + programmes('A'), 'b/report.md': '---\nmember: Canadaa\nperiod: 2021\ndate: 16/09/2021\n---\n'})
    const many = await checkMany([root])
    expect(many.ok).toBe(false)
    expect(many.reports.map((entry) => entry.result.files.flatMap((file) => file.messages.map((message) => message.ruleId)))).toEqual([
      [], ['member-unknown']
    ])
  })
})
