import {describe, expect, test} from 'vitest'
import {entries, groups} from '../../pipeline/registry/registry.js'
import {nonMembers} from '../../pipeline/registry/non-members.js'
import {regions} from '../../pipeline/registry/regions.js'
import {normalizeName, resolveBeneficiary, resolveMember, type Resolution} from '../../pipeline/registry/resolve.js'
import {editDistance} from '../../pipeline/suggest.js'
import {sentenceName} from '../../pipeline/registry/index.js'

/** What a resolution names: the entry's or group's name, the free text, or the suggestions. */
function outcome(resolution: Resolution): [string, string | string[]] {
  switch (resolution.kind) {
    case 'entity':
      return [resolution.entry.kind, resolution.entry.name]
    case 'group':
      return ['group', resolution.group.name]
    case 'free':
      return ['free', resolution.text]
    case 'region':
      return ['region', []]
    case 'list':
      return ['list', resolution.names]
    case 'unknown':
      return ['unknown', resolution.suggestions]
  }
}

describe('normalizeName', () => {
  test.each([
    ['Guinea-Bissau', 'guinea bissau'],
    ['guinea bissau', 'guinea bissau'],
    ['Guinea – Bissau', 'guinea bissau'],
    ["Côte d'Ivoire", 'cote divoire'],
    ['cote d’ivoire', 'cote divoire'],
    ['  Türkiye  ', 'turkiye'],
    ['Sao Tomé and Príncipe', 'sao tome and principe'],
    ['Korea, Republic of', 'korea republic of'],
    ['Iran (Islamic Republic of)', 'iran islamic republic of'],
    ['U.S.A.', 'usa'],
    ['Trinidad & Tobago', 'trinidad and tobago'],
    ['The Gambia', 'gambia'],
    ['Gambia, The', 'gambia'],
    ['Kuwait, the State of', 'kuwait the state of'],
    ['St. Lucia', 'saint lucia'],
    ['Viet\u00a0Nam', 'viet nam'],
    ['Bahamas.', 'bahamas']
  ])('%s → %s', (text, expected) => {
    expect(normalizeName(text)).toBe(expected)
  })
})

describe('editDistance', () => {
  test.each([
    ['france', 'france', 0],
    ['frnace', 'france', 1],
    ['boliva', 'bolivia', 1],
    ['vietnan', 'vietnam', 1],
    ['', 'chad', 4],
    ['kitten', 'sitting', 3]
  ])('%s to %s: %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected)
    expect(editDistance(b, a)).toBe(expected)
  })
})

describe('resolveBeneficiary', () => {
  test.each([
    ['Vietnam', 'Viet Nam'],
    ['Laos', "Lao People's Democratic Republic"],
    ['Lao PDR', "Lao People's Democratic Republic"],
    ['Bolivia', 'Bolivia, Plurinational State of'],
    ['Venezuela', 'Venezuela, Bolivarian Republic of'],
    ['South Korea', 'Korea, Republic of'],
    ['Korea', 'Korea, Republic of'],
    ['Republic of Korea', 'Korea, Republic of'],
    ['Russia', 'Russian Federation'],
    ['Turkey', 'Türkiye'],
    ['Turkiye', 'Türkiye'],
    ['Taiwan', 'Chinese Taipei'],
    ['Ivory Coast', "Côte d'Ivoire"],
    ["Cote d'Ivoire", "Côte d'Ivoire"],
    ['Cape Verde', 'Cabo Verde'],
    ['Swaziland', 'Eswatini'],
    ['Macedonia', 'North Macedonia'],
    ['FYROM', 'North Macedonia'],
    ['The former Yugoslav Republic of Macedonia', 'North Macedonia'],
    ['Czechia', 'Czech Republic'],
    ['Slovakia', 'Slovak Republic'],
    ['Kyrgyzstan', 'Kyrgyz Republic'],
    ['United Republic of Tanzania', 'Tanzania'],
    ['DR Congo', 'Democratic Republic of the Congo'],
    ['DRC', 'Democratic Republic of the Congo'],
    ['Congo-Kinshasa', 'Democratic Republic of the Congo'],
    ['Congo (Kinshasa)', 'Democratic Republic of the Congo'],
    ['Congo-Brazzaville', 'Congo'],
    ['Republic of the Congo', 'Congo'],
    ['The Gambia', 'Gambia'],
    ['Moldova', 'Moldova, Republic of'],
    ['Saudi Arabia', 'Saudi Arabia, Kingdom of'],
    ['Kuwait', 'Kuwait, the State of'],
    ['Bahrain', 'Bahrain, Kingdom of'],
    ['Brunei', 'Brunei Darussalam'],
    ['USA', 'United States of America'],
    ['United States', 'United States of America'],
    ['US', 'United States of America'],
    ['U.S.', 'United States of America'],
    ['UK', 'United Kingdom'],
    ['Great Britain', 'United Kingdom'],
    ['EU', 'European Union'],
    ['European Communities', 'European Union'],
    ['Hong Kong', 'Hong Kong, China'],
    ['Macau', 'Macao, China'],
    ['Burma', 'Myanmar'],
    ['East Timor', 'Timor-Leste'],
    ['St Kitts and Nevis', 'Saint Kitts and Nevis']
  ])('%s is the Member %s', (written, name) => {
    const resolution = resolveBeneficiary(written)
    expect(outcome(resolution)).toEqual(['member', name])
    expect(resolution).toHaveProperty('alias', written)
  })

  test.each([
    ['Iran (Islamic Republic of)', 'Iran'],
    ['Syria', 'Syrian Arab Republic'],
    ['Lebanon', 'Lebanese Republic'],
    ['Sao Tome and Principe', 'Sao Tomé and Principe'],
    ['São Tomé and Príncipe', 'Sao Tomé and Principe'],
    ['The Bahamas', 'Bahamas'],
    ['Curacao', 'Curaçao'],
    ['Bosnia-Herzegovina', 'Bosnia and Herzegovina']
  ])('%s is the observer %s', (written, name) => {
    expect(outcome(resolveBeneficiary(written))).toEqual(['observer', name])
  })

  test.each([
    ['ARIPO', 'African Regional Intellectual Property Organization'],
    ['OAPI', 'African Intellectual Property Organization'],
    ['GCCPO', 'Patent Office of the Cooperation Council for the Arab States of the Gulf'],
    ['GCC Patent Office', 'Patent Office of the Cooperation Council for the Arab States of the Gulf'],
    ['ASEAN', 'Association of Southeast Asian Nations'],
    ['ASEAN Secretariat', 'Association of Southeast Asian Nations'],
    ['African Union Commission', 'African Union'],
    ['COMESA', 'Common Market for Eastern and Southern Africa'],
    ['ECOWAS', 'Economic Community of West African States'],
    ['SADC', 'Southern African Development Community'],
    ['EAC', 'East African Community'],
    ['CARICOM Secretariat', 'Caribbean Community'],
    ['SIECA', 'Secretariat for Central American Economic Integration'],
    ['Andean Community', 'Andean Community'],
    ['Pacific Islands Forum Secretariat', 'Pacific Islands Forum Secretariat']
  ])('%s is the organisation %s', (written, name) => {
    expect(outcome(resolveBeneficiary(written))).toEqual(['organisation', name])
  })

  test('every alias in the registry resolves to its own entry or group, reporting what was written', () => {
    for (const entry of entries.filter((entry) => entry.beneficiary)) {
      for (const alias of entry.aliases) expect(resolveBeneficiary(alias)).toEqual({kind: 'entity', entry, alias})
    }
    for (const group of groups) {
      for (const alias of group.aliases) expect(resolveBeneficiary(alias)).toMatchObject({kind: 'group', group, alias})
    }
  })

  test('a name written as the registry writes it resolves without an alias', () => {
    for (const entry of entries.filter((entry) => entry.beneficiary)) expect(resolveBeneficiary(entry.name)).toEqual({kind: 'entity', entry})
  })

  test('an organisation that only reports (WIPO, OECD, UPOV) may be the reporting Member, never a beneficiary', () => {
    const reporters = entries.filter((entry) => !entry.beneficiary)
    expect(reporters.map((entry) => entry.name)).toEqual([
      'World Intellectual Property Organization',
      'Organisation for Economic Co-operation and Development',
      'International Union for the Protection of New Varieties of Plants'
    ])
    for (const written of ['WIPO', 'OMPI', 'World Intellectual Property Organization', 'OECD', 'OCDE', 'UPOV']) {
      expect(resolveMember(written).kind, written).toBe('entity')
      expect(resolveBeneficiary(written).kind, written).toBe('unknown')
    }
    // Nor is one suggested for a beneficiary near its name.
    const near = resolveBeneficiary('World Intellectual Property Organisation')
    expect(near.kind === 'unknown' && near.suggestions).not.toContain('World Intellectual Property Organization')
    expect(sentenceName('WIPO')).toEqual({member: 'the World Intellectual Property Organization', of: 'of the World Intellectual Property Organization', delegation: false})
    expect(sentenceName('OMPI', 'fr')?.of).toBe("de l'Organisation Mondiale de la Propriété Intellectuelle")
    expect(sentenceName('UPOV', 'es')?.of).toBe('de la Unión Internacional para la Protección de las Obtenciones Vegetales')
  })

  test.each([
    ['guinea bissau', 'Guinea-Bissau'],
    ['GUINEA—BISSAU', 'Guinea-Bissau'],
    ['cote d’ivoire', "Côte d'Ivoire"],
    ['CÔTE D’IVOIRE', "Côte d'Ivoire"],
    ['lao peoples democratic republic', "Lao People's Democratic Republic"],
    ['timor leste', 'Timor-Leste'],
    ['  viet nam ', 'Viet Nam'],
    ['Hong Kong (China)', 'Hong Kong, China'],
    ['Trinidad & Tobago', 'Trinidad and Tobago'],
    ['Gambia, The', 'Gambia']
  ])('matching ignores case, accents, apostrophes and hyphens: %s', (written, name) => {
    const resolution = resolveBeneficiary(written)
    expect(outcome(resolution)).toEqual(['member', name])
    expect(resolution).toHaveProperty('alias', written.trim())
  })

  test('an expanded group resolves with its members', () => {
    const resolution = resolveBeneficiary('Central American countries')
    expect(resolution).toMatchObject({kind: 'group', alias: 'Central American countries'})
    if (resolution.kind !== 'group') return
    expect(resolution.group.name).toBe('Central America')
    expect(resolution.members.map((entry) => entry.name)).toEqual([
      'Costa Rica', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama'
    ])
    const asean = resolveBeneficiary('ASEAN Member States')
    expect(asean.kind === 'group' && asean.members.map((entry) => entry.name)).toContain('Viet Nam')
  })

  test.each([
    'APEC economies', 'LDC Members', 'LDCs', 'least developed countries', 'Developing country Members',
    'Pacific Island countries', 'African Union Member States'
  ])('%s is a group kept as written', (written) => {
    expect(resolveBeneficiary(written)).toMatchObject({kind: 'group', members: []})
  })

  test.each([
    ['"Global South"', 'Global South'],
    ['“developing countries”', 'developing countries'],
    ['  "Small island developing States”  ', 'Small island developing States'],
    ['"Viet Nam"', 'Viet Nam'],
    // Guillemets, with French no-break spaces inside (U+00A0, U+202F) or none.
    ['«\u00A0Pays du Sahel\u00A0»', 'Pays du Sahel'],
    ['«\u202FPaíses andinos\u202F»', 'Países andinos'],
    ['«Global South»', 'Global South']
  ])('%s is deliberate free text', (written, text) => {
    expect(resolveBeneficiary(written)).toEqual({kind: 'free', text})
  })

  test('quotation marks around nothing but spaces name nobody', () => {
    expect(resolveBeneficiary('" "')).toMatchObject({kind: 'unknown'})
  })

  test.each([
    ['Vietnan', ['Viet Nam']],
    ['Vietam', ['Viet Nam']],
    ['Frnace', ['France']],
    ['Boliva', ['Bolivia, Plurinational State of']],
    ['Guinea Biss', ['Guinea-Bissau']],
    ['Swaziand', ['Eswatini']],
    ['Kenia', ['Kenya']],
    ['Phillipines', ['Philippines']],
    ['ARIPO Secretariat', ['African Regional Intellectual Property Organization']],
    // Never ASEAN Member States, one of whose aliases is a few letters away.
    ['ARIPO members', ['African Regional Intellectual Property Organization']],
    ['OAPI member states', ['African Intellectual Property Organization']]
  ])('%s is unknown, with the nearest names first', (written, nearest) => {
    const resolution = resolveBeneficiary(written)
    expect(resolution.kind).toBe('unknown')
    if (resolution.kind === 'unknown') expect(resolution.suggestions.slice(0, nearest.length)).toEqual(nearest)
  })

  test.each([
    // Typos of North Korea, which the list of non-members does not name: the compass point still tells.
    ['Norht Korea', 'en'],
    ['Corée du Nort', 'fr'],
    ['Corea del Nortte', 'es']
  ])('%s is never taken for the Republic of Korea, a few letters off (%s)', (written, language) => {
    expect(resolveBeneficiary(written, language)).toEqual({kind: 'unknown', suggestions: []})
  })

  test.each([
    ['South Corea', 'Korea, Republic of'],
    ['Norht Macedonia', 'North Macedonia'],
    // The same compass point in another language.
    ['Nord Macedonia', 'North Macedonia'],
    ['Afrique du Sude', 'Afrique du Sud']
  ])('%s, with its compass point, still suggests %s', (written, suggestion) => {
    expect(resolveBeneficiary(written)).toMatchObject({kind: 'unknown', suggestions: [suggestion]})
  })

  // A registry name's word a letter from a compass word is none: "Leste" (este), "Least" (east).
  test.each([
    ['Timor-Lest', 'Timor-Leste'],
    ['Lest developed countries', 'LDC Members']
  ])('%s still suggests %s', (written, suggestion) => {
    const resolution = resolveBeneficiary(written)
    expect(resolution.kind === 'unknown' && resolution.suggestions).toContain(suggestion)
  })

  test.each(['Saint', 'Republic', 'Guinea Republic', 'Vietnm'])('%s gets at most 3 distinct suggestions', (written) => {
    const resolution = resolveBeneficiary(written)
    if (resolution.kind !== 'unknown') throw new Error(`${written} resolved`)
    expect(resolution.suggestions.length).toBeGreaterThan(0)
    expect(resolution.suggestions.length).toBeLessThanOrEqual(3)
    expect(new Set(resolution.suggestions).size).toBe(resolution.suggestions.length)
    // Each a name the registry knows, in any of the three languages.
    for (const name of resolution.suggestions) expect(['entity', 'group']).toContain(resolveBeneficiary(name).kind)
  })

  // Each was once answered with the Member after it.
  test.each([
    ['Micronesia', 'Indonesia'],
    ['North Korea', 'Korea, Republic of'],
    ["Democratic People's Republic of Korea", 'Democratic Republic of the Congo']
  ])('%s is neither a Member nor an observer, never a typo of %s', (written, member) => {
    const resolution = resolveBeneficiary(written)
    expect(resolution).toEqual({kind: 'unknown', suggestions: [], nonMember: true})
    expect(JSON.stringify(resolution)).not.toContain(member)
  })

  test('no state of the non-members list is a name the registry knows', () => {
    for (const name of nonMembers) expect(resolveBeneficiary(name), name).toEqual({kind: 'unknown', suggestions: [], nonMember: true})
  })

  test.each(['WIPO', 'Micronesia', 'Holland', 'Kosovo', '', '""', 'xyzzy'])('%s is not a beneficiary', (written) => {
    expect(resolveBeneficiary(written).kind).toBe('unknown')
  })

  test.each([
    ['Republic of South Africa', 'South Africa'],
    ['South Sudanese', 'South Sudan'],
    ['Guinea Bisau', 'Guinea-Bissau']
  ])('%s suggests %s first, never a shorter Member its name merely contains', (written, name) => {
    const resolution = resolveBeneficiary(written)
    expect(outcome(resolution)).toEqual(['unknown', expect.arrayContaining([name])])
    if (resolution.kind === 'unknown') expect(resolution.suggestions[0]).toBe(name)
    expect(JSON.stringify(resolution)).not.toMatch(/"(Congo|Sudan|Guinea)"/)
  })

  test.each(['Africa', 'africa', 'Latin America and the Caribbean', 'Sub-Saharan Africa', 'South-East Asia', 'Middle East', 'Pacific', 'Caribbean'])(
    '%s is a region',
    (written) => {
      expect(resolveBeneficiary(written)).toEqual({kind: 'region'})
    }
  )

  test('a region name is never a registry name, and a quoted region is free text', () => {
    for (const region of regions) expect(resolveBeneficiary(region).kind, region).toBe('region')
    expect(resolveBeneficiary('"Africa"')).toEqual({kind: 'free', text: 'Africa'})
  })

  test.each([
    ['Chile, Peru, Mexico', ['Chile', 'Peru', 'Mexico']],
    ['Chile and Peru', ['Chile', 'Peru']],
    ['Chile & Peru', ['Chile', 'Peru']],
    ['Bolivia, Plurinational State of, Peru', ['Bolivia, Plurinational State of', 'Peru']],
    ['Trinidad and Tobago and Jamaica', ['Trinidad and Tobago', 'Jamaica']],
    ['Korea, Republic of and Viet Nam', ['Korea, Republic of', 'Viet Nam']],
    ['Kenya, Narnia, Uganda', ['Kenya', 'Narnia', 'Uganda']],
    ['Africa and Asia', ['Africa', 'Asia']],
    // A line break in a spreadsheet cell, as converters write it in a Markdown table.
    ['Ghana<br>Kenya', ['Ghana', 'Kenya']],
    ['Ghana <br/> Kenya<BR />Togo', ['Ghana', 'Kenya', 'Togo']]
  ])('%s is several names in one', (written, names) => {
    expect(resolveBeneficiary(written)).toEqual({kind: 'list', names})
  })

  test.each(['Chile, Narnia', 'Antigua and Barbudaa', 'Ministry of Trade of Chile and Peru'])('%s is not read as a list', (written) => {
    expect(resolveBeneficiary(written).kind).toBe('unknown')
  })

  test.each(['WIPO', 'xyzzy', ''])('%s has no suggestions', (written) => {
    expect(resolveBeneficiary(written)).toEqual({kind: 'unknown', suggestions: []})
  })
})

describe('resolveMember', () => {
  test.each([
    ['Canada', 'Canada'],
    ['USA', 'United States of America'],
    ['Holy See', 'Holy See'],
    ['ARIPO', 'African Regional Intellectual Property Organization']
  ])('%s reports as %s', (written, name) => {
    expect(resolveMember(written)).toMatchObject({kind: 'entity', entry: {name}})
  })

  test.each([
    ['Canda', ['Canada']],
    ['Narnia', []],
    // A group is no member; the organisation it is named after may report (`member: ASEAN`).
    ['ASEAN Member States', ['Association of Southeast Asian Nations']]
  ])('%s is no member art67 knows, with the nearest Members, observers or organisations', (written, suggestions) => {
    expect(resolveMember(written)).toEqual({kind: 'unknown', suggestions})
  })
})
