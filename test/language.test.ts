// What changes with the output language: requester, original and names; nothing else of the report.
import {describe, expect, it} from 'vitest'
import type {ContentText} from 'pdfmake/interfaces.js'
import {pdfDefinition} from '../pipeline/emit/pdf/index.js'
import {inLanguage, originalIn, requesterIn} from '../pipeline/language.js'
import {loadTemplates, templatesFor} from '../pipeline/templates.js'
import {sampleReport} from './helpers/sample-report.js'

const set = await loadTemplates()
const {labels} = set
const [en, fr, es] = [labels.en!, labels.fr!, labels.es!]

describe('the report in another language', () => {
  it.each([
    ['Canada', 'the delegation of Canada', 'de la délégation du Canada', 'de la delegación del Canadá'],
    ['United States of America', 'the delegation of the United States of America', "de la délégation des États-Unis d'Amérique", 'de la delegación de los Estados Unidos de América'],
    ['European Union', 'the European Union', "de l'Union européenne", 'de la Unión Europea'],
    ['Switzerland', 'the delegation of Switzerland', 'de la délégation de la Suisse', 'de la delegación de Suiza'],
    ['Australia', 'the delegation of Australia', "de la délégation de l'Australie", 'de la delegación de Australia'],
    ['Japan', 'the delegation of Japan', 'de la délégation du Japon', 'de la delegación del Japón']
  ])('words the requester of %s in each language', (member, english, french, spanish) => {
    expect([requesterIn(member, en), requesterIn(member, fr), requesterIn(member, es)]).toEqual([english, french, spanish])
  })

  it('names the original language in the output language, and keeps one the templates do not name', () => {
    expect([originalIn('English', en, fr), originalIn('English', en, es), originalIn('english', en, en)]).toEqual(['anglais', 'inglés', 'English'])
    expect(originalIn('français', fr, en)).toBe('French')
    expect(originalIn('English and French', en, fr)).toBe('English and French')
  })

  it('translates the fixed parts and names only, and keeps a requester written in the front matter', () => {
    const french = inLanguage(sampleReport, en, fr)
    expect(french.language).toBe('fr')
    expect(french.original).toBe('anglais')
    expect(french.requester).toBe('de la délégation du Canada')
    expect([french.body, french.annexIntro, french.programmes.map((p) => p.title)]).toEqual([
      sampleReport.body,
      sampleReport.annexIntro,
      sampleReport.programmes.map((p) => p.title)
    ])
    expect(french.programmes[1]!.beneficiaries).toContain('République dominicaine')
    expect(french.beneficiaries.find((b) => b.name === 'République dominicaine')).toMatchObject({code: 'DOM', kind: 'member'})
    // Every name a programme gives is still described, under the same name.
    const described = new Set(french.beneficiaries.map((b) => b.name))
    for (const programme of french.programmes) for (const name of programme.beneficiaries) expect(described).toContain(name)
    expect(inLanguage({...sampleReport, requester: 'the Permanent Mission of Canada'}, en, fr).requester).toBe('the Permanent Mission of Canada')
  })
})

describe('the circulation sentence of a draft', () => {
  /** The circulation sentence of the PDF of `report` in `language`, its runs joined. */
  const sentence = (language: 'fr' | 'es') => {
    const report = inLanguage({...sampleReport, date: undefined}, en, labels[language]!)
    const content = pdfDefinition(report, templatesFor(set, language)).content as ContentText[]
    const node = content.find((item) => item.style === 'circulation')!
    return (node.text as ContentText[]).map((run) => run.text).join('')
  }

  it('has the placeholder of each language where the date goes', () => {
    expect(sentence('fr')).toBe('La communication ci-après, datée du [date], est distribuée à la demande de la délégation du Canada.')
    expect(sentence('es')).toBe('La siguiente comunicación, de fecha [fecha], se distribuye a petición de la delegación del Canadá.')
  })
})
