// The example built in English, French and Spanish from the same sources, and a French source tree, read back with
// real PDF and XLSX readers: only the fixed texts and names change with the language, never the body.
import {cp, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, type Report} from '../pipeline/index.js'
import {readPdf, type PdfLine, type PdfText} from './helpers/pdf-text.js'
import {readXlsx, type ReadXlsx} from './helpers/xlsx-read.js'
import {art67} from './helpers/run-cli.js'

/** Page text with line breaks folded, so wrapped sentences read whole again. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/(\w)- (?=\w)/g, '$1-')

/**
 * The header cells of the table whose first column title is `first`, each column's lines joined: titles wrap in
 * their columns, so the page's lines interleave them.
 */
function headerCells(lines: readonly PdfLine[], first: string): string[] {
  const start = lines.findIndex((line) => line.parts[0]?.text.trim() === first)
  if (start === -1) return []
  // A column starts where a gap wider than a space opens on the first line.
  const lefts = lines[start]!.parts.filter((part, index, parts) => index === 0 || part.left - parts[index - 1]!.right > 6).map((part) => part.left)
  const cells = lefts.map((): string[] => [])
  for (const [index, line] of lines.slice(start).entries()) {
    // The first row starts with its number.
    if (index > 0 && /^\d+$/.test(line.parts[0]!.text.trim())) break
    for (const part of line.parts) {
      let column = 0
      lefts.forEach((left, at) => {
        if (part.left >= left - 1) column = at
      })
      cells[column]!.push(part.text.trim())
    }
  }
  return cells.map((cell) => cell.join(' '))
}

interface Expected {
  suffix: string
  header: string
  page: string
  original: string
  title: string
  member: string
  circulation: string
  annex: string
  columns: string[]
  beneficiaries: string[]
  sheets: string[]
}

const expected: Record<'en' | 'fr' | 'es', Expected> = {
  en: {
    suffix: '',
    header: 'Council for Trade-Related Aspects of',
    page: 'Page: 1/',
    original: 'Original: English',
    title: 'TECHNICAL COOPERATION ACTIVITIES:\nINFORMATION FROM MEMBERS',
    member: 'Canada',
    circulation: 'The following communication, dated 1 June 2021, is being circulated at the request of the delegation of Canada.',
    annex: 'ANNEX',
    columns: ['No.', 'Title of programme or activity', 'Start date', 'Beneficiary Members or observers'],
    beneficiaries: ['Dominican Republic', 'Bolivia, Plurinational State of', 'Venezuela, Bolivarian Republic of'],
    sheets: ['Programmes', 'Beneficiaries', 'Summary']
  },
  fr: {
    suffix: '-fr',
    header: 'Conseil des aspects des droits de propriété',
    page: 'Page: 1/',
    original: 'Original: anglais',
    title: 'ACTIVITÉS DE COOPÉRATION TECHNIQUE:\nRENSEIGNEMENTS COMMUNIQUÉS PAR LES MEMBRES',
    member: 'Canada',
    circulation: 'La communication ci-après, datée du 1er juin 2021, est distribuée à la demande de la délégation du Canada.',
    annex: 'ANNEXE',
    columns: ['N°', "Titre du programme ou de l'activité", 'Date de début', 'Membres ou observateurs bénéficiaires'],
    beneficiaries: ['République dominicaine', 'Bolivie, État plurinational de', 'Venezuela, République bolivarienne du'],
    sheets: ['Programmes', 'Bénéficiaires', 'Résumé']
  },
  es: {
    suffix: '-es',
    header: 'Consejo de los Aspectos de los Derechos de Propiedad',
    page: 'Página: 1/',
    original: 'Original: inglés',
    title: 'ACTIVIDADES DE COOPERACIÓN TÉCNICA:\nINFORMACIÓN FACILITADA POR LOS MIEMBROS',
    member: 'Canadá',
    circulation: 'La siguiente comunicación, de fecha 1 de junio de 2021, se distribuye a petición de la delegación del Canadá.',
    annex: 'ANEXO',
    columns: ['N°', 'Título del programa o actividad', 'Fecha de inicio', 'Miembros u observadores beneficiarios'],
    beneficiaries: ['República Dominicana', 'Bolivia, Estado Plurinacional de', 'Venezuela, República Bolivariana de'],
    sheets: ['Programas', 'Beneficiarios', 'Resumen']
  }
}

let outputs: string[]
let json: Report
const pdfs: Record<string, PdfText> = {}
const workbooks: Record<string, ReadXlsx> = {}

beforeAll(async () => {
  // The example, dated on the first of a month to show how each language writes it.
  const sources = await mkdtemp(path.join(tmpdir(), 'art67-languages-'))
  await cp('sources', sources, {recursive: true})
  const report = path.join(sources, 'report.md')
  await writeFile(report, (await readFile(report, 'utf8')).replace('period: 2020-2021\n', 'period: 2020-2021\ndate: 01/06/2021\njob: 21-4321\n'))
  const out = path.join(sources, 'out')
  const result = await build(sources, {out, languages: ['en', 'fr', 'es']})
  expect(result.counts.errors).toBe(0)
  outputs = result.outputs.map((file) => path.basename(file))
  json = JSON.parse(await readFile(path.join(out, 'canada-2020-2021.json'), 'utf8')) as Report
  for (const [language, {suffix}] of Object.entries(expected)) {
    pdfs[language] = await readPdf(await readFile(path.join(out, `canada-2020-2021${suffix}.pdf`)))
    workbooks[language] = await readXlsx(await readFile(path.join(out, `canada-2020-2021${suffix}.xlsx`)))
  }
})

describe('the example in three languages', () => {
  it('writes the PDF and XLSX of each other language beside the original-language outputs, and one JSON', () => {
    expect(outputs).toEqual([
      'canada-2020-2021.pdf',
      'canada-2020-2021.xlsx',
      'canada-2020-2021.json',
      'canada-2020-2021-fr.pdf',
      'canada-2020-2021-fr.xlsx',
      'canada-2020-2021-es.pdf',
      'canada-2020-2021-es.xlsx'
    ])
    // The model stays in the language of the sources.
    expect([json.language, json.original, json.requester]).toEqual(['en', 'English', 'the delegation of Canada'])
  })

  describe.each(Object.entries(expected))('in %s', (language, words) => {
    const pdf = () => pdfs[language]!
    const first = () => pdf().pages[0]!

    it('prints the header: the Council, the page count, the original language and the date in words', () => {
      const lines = pdf().lines[0]!.map((line) => line.text)
      expect(lines[1]).toBe(language === 'en' ? '1 June 2021' : language === 'fr' ? '1er juin 2021' : '1 de junio de 2021')
      expect(lines[2]).toBe(`(21-4321) ${words.page}${pdf().numPages}`)
      expect(lines[3]).toBe(`${words.header} ${words.original}`)
    })

    it('prints the title, the Member and the circulation sentence in the language', () => {
      expect(first()).toContain(`${words.title}\n${words.member}\n`)
      expect(flat(first())).toContain(words.circulation)
    })

    it('keeps the body as the sources write it', () => {
      expect(flat(first())).toContain('1 BRIEF OUTLINE OF TECHNICAL COOPERATION ACTIVITIES')
      expect(flat(first())).toContain('Article 67 of the WTO Agreement on Trade-Related Aspects of Intellectual Property Rights')
    })

    it('prints the annex with its column titles, list dates as DD/MM/YYYY and beneficiaries under their names there', () => {
      const annex = pdf().pages.findIndex((page) => page.split('\n').includes(words.annex))
      expect(annex).toBeGreaterThan(0)
      expect(headerCells(pdf().lines[annex]!, words.columns[0]!)).toEqual(words.columns)
      const text = flat(pdf().pages.slice(annex).join('\n'))
      expect(text).toContain('24/04/2021')
      for (const name of words.beneficiaries) expect(text).toContain(name)
    })

    it('writes the XLSX with the sheet names, column titles and beneficiary names of the language', () => {
      const {sheets} = workbooks[language]!
      expect(Object.keys(sheets)).toEqual(words.sheets)
      const [programmes, beneficiaries] = words.sheets.map((name) => sheets[name]!) as [ExcelJS.CellValue[][], ExcelJS.CellValue[][]]
      expect(programmes[0]).toEqual(expect.arrayContaining(words.columns.slice(1)))
      const names = beneficiaries.slice(1).map((row) => row[3])
      for (const name of words.beneficiaries) expect(names).toContain(name)
    })
  })
})

describe('a French source tree', () => {
  let built: Awaited<ReturnType<typeof build>>
  let french: PdfText
  let english: PdfText
  let xlsx: ReadXlsx

  beforeAll(async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'art67-french-'))
    built = await build('test/fixtures/valid/french', {out, languages: ['en']})
    french = await readPdf(await readFile(path.join(out, 'suisse-2021-2022.pdf')))
    english = await readPdf(await readFile(path.join(out, 'suisse-2021-2022-en.pdf')))
    xlsx = await readXlsx(await readFile(path.join(out, 'suisse-2021-2022.xlsx')))
  })

  it('builds with no problem, from French labels, dates and beneficiary names', () => {
    expect(built.counts).toEqual({errors: 0, warnings: 0})
    expect(built.outputs.map((file) => path.basename(file))).toEqual([
      'suisse-2021-2022.pdf',
      'suisse-2021-2022.xlsx',
      'suisse-2021-2022.json',
      'suisse-2021-2022-en.pdf',
      'suisse-2021-2022-en.xlsx'
    ])
    const programme = built.report!.programmes[0]!
    expect(programme.beneficiaries).toEqual(['South Africa', 'Korea, Republic of', 'Viet Nam'])
    expect([programme.start?.iso, programme.end?.iso, programme.agency]).toEqual(['2018-03-01', '2022-02-28', 'Institut Fédéral de la Propriété Intellectuelle (IPI)'])
  })

  it('prints a French PDF: "Original: français", the sentence naming the Swiss delegation, French names', () => {
    const text = flat(french.pages.join('\n'))
    expect(french.lines[0]![1]!.text).toBe('1er juin 2022')
    expect(text).toContain('Original: français')
    expect(text).toContain('La communication ci-après, datée du 1er juin 2022, est distribuée à la demande de la délégation de la Suisse.')
    expect(text).toContain('Afrique du Sud; Corée, République de; Viet Nam')
    expect(text).toContain("Organisme d'exécution")
    expect(Object.keys(xlsx.sheets)).toEqual(['Programmes', 'Bénéficiaires', 'Résumé'])
  })

  it('builds it in English too, the original staying French and the body as written', () => {
    const text = flat(english.pages.join('\n'))
    expect(text).toContain('Original: French')
    expect(text).toContain('The following communication, dated 1 June 2022, is being circulated at the request of the delegation of Switzerland.')
    expect(text).toContain('South Africa; Korea, Republic of; Viet Nam')
    expect(text).toContain('La Suisse soutient les pays en développement')
  })
})

describe('art67 build --language', () => {
  it('refuses a language it has no templates for, before writing anything', () => {
    const result = art67(['build', 'sources', '-o', path.join(tmpdir(), 'art67-never'), '--language', 'fr,de'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('art67: There are no templates for language `de`; the templates have en, es, fr\n')
  })

  it('refuses a malformed list and the option on check', () => {
    expect(art67(['build', 'sources', '--language', 'fr;es']).stderr).toContain('--language takes language codes separated by commas, such as en,fr,es, not `fr;es`')
    expect(art67(['check', 'sources', '--language', 'fr']).stderr).toContain('--language goes with build, init and import, not check')
  })
})
