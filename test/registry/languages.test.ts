import {describe, expect, test} from 'vitest'
import {printedName, sentenceName} from '../../pipeline/registry/index.js'
import {entries, entryNamed} from '../../pipeline/registry/registry.js'
import {resolveBeneficiary, resolveMember} from '../../pipeline/registry/resolve.js'

// shared/domain.md, "Fixed texts in the three languages": the French and Spanish WTO names seen on WTO pages [C].
const confirmed: Array<[english: string, language: 'fr' | 'es', name: string]> = [
  ['United States of America', 'fr', "États-Unis d'Amérique"],
  ['United States of America', 'es', 'Estados Unidos de América'],
  ['European Union', 'fr', 'Union européenne'],
  ['European Union', 'es', 'Unión Europea'],
  ['Korea, Republic of', 'fr', 'Corée, République de'],
  ['Korea, Republic of', 'es', 'Corea, República de'],
  ['Venezuela, Bolivarian Republic of', 'fr', 'Venezuela, République bolivarienne du'],
  ['Venezuela, Bolivarian Republic of', 'es', 'Venezuela, República Bolivariana de'],
  ['Bolivia, Plurinational State of', 'fr', 'Bolivie, État plurinational de'],
  ['Hong Kong, China', 'es', 'Hong Kong, China'],
  ['South Africa', 'fr', 'Afrique du Sud']
]

// Its examples of names that follow the WTO's French and Spanish lists [I].
const inferred: Array<[english: string, fr: string, es: string]> = [
  ['Chinese Taipei', 'Taipei chinois', 'Taipei Chino'],
  ["Lao People's Democratic Republic", 'République démocratique populaire lao', 'República Democrática Popular Lao'],
  ['Russian Federation', 'Fédération de Russie', 'Federación de Rusia'],
  ['Tanzania', 'Tanzanie', 'Tanzanía'],
  ['Kenya', 'Kenya', 'Kenya'],
  ['Rwanda', 'Rwanda', 'Rwanda'],
  ['Malawi', 'Malawi', 'Malawi'],
  ['Botswana', 'Botswana', 'Botswana'],
  ['New Zealand', 'Nouvelle-Zélande', 'Nueva Zelandia']
]

// Its grammar notes: the forms of "of" a circulation sentence needs, French and WTO Spanish.
const forms: Array<[english: string, fr: string, es: string]> = [
  ['Canada', 'du Canada', 'del Canadá'],
  ['Japan', 'du Japon', 'del Japón'],
  ['United Kingdom', 'du Royaume-Uni', 'del Reino Unido'],
  ['Switzerland', 'de la Suisse', 'de Suiza'],
  ['Norway', 'de la Norvège', 'de Noruega'],
  ['New Zealand', 'de la Nouvelle-Zélande', 'de Nueva Zelandia'],
  ['Australia', "de l'Australie", 'de Australia'],
  ['United States of America', "des États-Unis d'Amérique", 'de los Estados Unidos de América'],
  ['Brazil', 'du Brésil', 'del Brasil']
]

const entry = (name: string) => {
  const found = entryNamed(name)
  if (!found) throw new Error(`no entry ${name}`)
  return found
}

describe('the registry in French and Spanish', () => {
  test('every Member, observer and organisation has a French and a Spanish name, each with its source', () => {
    // Members, observers, organisations that are beneficiaries, and those that only report (WIPO, OECD, UPOV).
    expect(entries.length).toBe(166 + 23 + 13 + 3)
    for (const {name, fr, es} of entries) {
      for (const local of [fr, es]) {
        expect(local.name.trim(), name).toBe(local.name)
        expect(local.sources.length, name).toBeGreaterThan(0)
      }
    }
  })

  test('the names domain.md lists as seen on WTO pages are exactly as listed, and are the only ones cited to it', () => {
    for (const [english, language, name] of confirmed) {
      expect(entry(english)[language].name, english).toBe(name)
      expect(entry(english)[language].sources).toEqual(['domain-fr-es'])
    }
    const cited = entries.flatMap((e) => (['fr', 'es'] as const).filter((language) => e[language].sources.includes('domain-fr-es')).map((language) => `${e.name} ${language}`))
    expect(cited.sort()).toEqual(confirmed.map(([english, language]) => `${english} ${language}`).sort())
  })

  test.each(inferred)('%s follows the WTO lists: %s, %s', (english, fr, es) => {
    expect([entry(english).fr.name, entry(english).es.name]).toEqual([fr, es])
    expect(entry(english).fr.sources).toEqual(['wto-fr-es'])
  })

  test.each(forms)('a circulation sentence says %s as %s / %s', (english, fr, es) => {
    expect(sentenceName(english, 'fr')?.of).toBe(fr)
    expect(sentenceName(english, 'es')?.of).toBe(es)
  })

  test('inverted names are turned round in a sentence, and the European Union asks in its own name', () => {
    expect(sentenceName('Korea, Republic of', 'fr')).toEqual({member: 'République de Corée', of: 'de la République de Corée', delegation: true})
    expect(sentenceName('Venezuela', 'es')?.of).toBe('de la República Bolivariana de Venezuela')
    expect(sentenceName('Israel', 'fr')?.of).toBe("d'Israël")
    expect(sentenceName('European Union', 'fr')).toEqual({member: 'Union européenne', of: "de l'Union européenne", delegation: false})
    expect(sentenceName('European Union', 'es')?.of).toBe('de la Unión Europea')
    // A sentence name keeps the list name's words.
    for (const {fr, es} of entries) {
      for (const local of [fr, es]) {
        if (local.inSentence) expect(local.name, local.inSentence).toContain(', ')
      }
    }
  })

  test.each([
    ['Afrique du Sud', 'South Africa'],
    ['Sudáfrica', 'South Africa'],
    ['South Africa', 'South Africa'],
    ['Corée, République de', 'Korea, Republic of'],
    ['République de Corée', 'Korea, Republic of'],
    ['Estados Unidos de América', 'United States of America'],
    ['Japón', 'Japan'],
    ['Nueva Zelandia', 'New Zealand'],
    ['Taipei chinois', 'Chinese Taipei'],
    ['Union européenne', 'European Union'],
    ['Organisation régionale africaine de la propriété intellectuelle', 'African Regional Intellectual Property Organization']
  ])('%s resolves to %s', (written, name) => {
    const resolution = resolveBeneficiary(written)
    expect(resolution.kind === 'entity' && resolution.entry.name).toBe(name)
    const member = resolveMember(written)
    expect(member.kind === 'entity' && member.entry.name).toBe(name)
  })

  test.each([
    ['Centrafrique', 'Central African Republic'],
    ['RCA', 'Central African Republic'],
    ['RDC', 'Democratic Republic of the Congo'],
    ['RD Congo', 'Democratic Republic of the Congo'],
    ['Birmanie', 'Myanmar'],
    ['Birmania', 'Myanmar'],
    ['Corée du Sud', 'Korea, Republic of'],
    ['Corea del Sur', 'Korea, Republic of'],
    ['Costa de Marfil', "Côte d'Ivoire"],
    ['Timor oriental', 'Timor-Leste'],
    ['Suazilandia', 'Eswatini'],
    ['Grande-Bretagne', 'United Kingdom'],
    ['Gran Bretaña', 'United Kingdom']
  ])('the common French or Spanish name %s is an alias of %s', (written, name) => {
    expect(resolveBeneficiary(written)).toMatchObject({kind: 'entity', entry: {name}, alias: written})
  })

  test('groups and regions are known in French and Spanish too', () => {
    expect(resolveBeneficiary('Amérique centrale')).toMatchObject({kind: 'group', group: {name: 'Central America'}})
    expect(resolveBeneficiary('PMA')).toMatchObject({kind: 'group', group: {name: 'LDC Members'}})
    for (const region of ['Afrique', 'América Latina y el Caribe', "Afrique de l'Ouest"]) expect(resolveBeneficiary(region)).toEqual({kind: 'region'})
    // Lists are split at "et" and "y" too, keeping names that hold them.
    expect(resolveBeneficiary('Kenya et Ouganda')).toEqual({kind: 'list', names: ['Kenya', 'Ouganda']})
    expect(resolveBeneficiary('Bosnia y Herzegovina').kind).toBe('entity')
  })

  test('suggestions come from the names of every language, shown in the language they were near', () => {
    expect(resolveBeneficiary('Afrique du Sude')).toMatchObject({kind: 'unknown', suggestions: ['Afrique du Sud']})
    expect(resolveBeneficiary('Sudafrika')).toMatchObject({kind: 'unknown', suggestions: expect.arrayContaining(['Sudáfrica'])})
    expect(resolveMember('Suise')).toMatchObject({kind: 'unknown', suggestions: expect.arrayContaining(['Suisse'])})
  })

  test('among names of one entry as near, suggestions prefer the report’s language', () => {
    // "Benin" and "Bénin", "Senegal" and "Sénégal" fold to one key each.
    expect(resolveBeneficiary('Bénim', 'fr')).toEqual({kind: 'unknown', suggestions: ['Bénin']})
    expect(resolveBeneficiary('Bénim', 'en')).toEqual({kind: 'unknown', suggestions: ['Benin']})
    expect(resolveBeneficiary('Bénim')).toEqual({kind: 'unknown', suggestions: ['Benin']})
    expect(resolveMember('Senegall', 'fr')).toEqual({kind: 'unknown', suggestions: ['Sénégal']})
    expect(resolveMember('Senegall', 'es')).toEqual({kind: 'unknown', suggestions: ['Senegal']})
    // Groups too: "América Central" is as near as "Central America".
    expect(resolveBeneficiary('Amerika Central', 'es')).toMatchObject({suggestions: ['Centroamérica']})
    // A name nearer in another language is still shown in that language, and a language without names is English.
    expect(resolveBeneficiary('Afrique du Sude', 'es')).toEqual({kind: 'unknown', suggestions: ['Afrique du Sud']})
    expect(resolveBeneficiary('Bénim', 'de')).toEqual({kind: 'unknown', suggestions: ['Benin']})
  })

  test('prints names in the output language; free text and unknown languages as written', () => {
    expect(printedName('Korea, Republic of', 'fr')).toBe('Corée, République de')
    expect(printedName('Japan', 'es')).toBe('Japón')
    expect(printedName('Japan', 'en')).toBe('Japan')
    expect(printedName('Japan', 'de')).toBe('Japan')
    expect(printedName('LDC Members', 'es')).toBe('PMA Miembros')
    expect(printedName('Global South', 'fr')).toBe('Global South')
  })
})
