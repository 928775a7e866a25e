import {describe, expect, test} from 'vitest'
import {sentenceName} from '../../pipeline/registry/index.js'
import {entries, entryNamed, groups} from '../../pipeline/registry/registry.js'
import {isLdc, normalizeName} from '../../pipeline/registry/resolve.js'
import {Entry, Group, type SourceId} from '../../pipeline/registry/schema.js'
import {factSources, sources} from '../../pipeline/registry/sources.js'

// The lists in shared/domain.md, "Members, observers, LDCs", as written there.
const domainMembers = [
  'Afghanistan', 'Albania', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia', 'Australia', 'Austria',
  'Bahrain, Kingdom of', 'Bangladesh', 'Barbados', 'Belgium', 'Belize', 'Benin', 'Bolivia, Plurinational State of',
  'Botswana', 'Brazil', 'Brunei Darussalam', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cabo Verde', 'Cambodia',
  'Cameroon', 'Canada', 'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo',
  'Costa Rica', "Côte d'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Democratic Republic of the Congo',
  'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador', 'Estonia', 'Eswatini',
  'European Union', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece',
  'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hong Kong, China', 'Hungary',
  'Iceland', 'India', 'Indonesia', 'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya',
  'Korea, Republic of', 'Kuwait, the State of', 'Kyrgyz Republic', "Lao People's Democratic Republic", 'Latvia',
  'Lesotho', 'Liberia', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Macao, China', 'Madagascar', 'Malawi',
  'Malaysia', 'Maldives', 'Mali', 'Malta', 'Mauritania', 'Mauritius', 'Mexico', 'Moldova, Republic of', 'Mongolia',
  'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua',
  'Niger', 'Nigeria', 'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Panama', 'Papua New Guinea', 'Paraguay',
  'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar', 'Romania', 'Russian Federation', 'Rwanda',
  'Saint Kitts and Nevis', 'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa', 'Saudi Arabia, Kingdom of',
  'Senegal', 'Seychelles', 'Sierra Leone', 'Singapore', 'Slovak Republic', 'Slovenia', 'Solomon Islands',
  'South Africa', 'Spain', 'Sri Lanka', 'Suriname', 'Sweden', 'Switzerland', 'Chinese Taipei', 'Tajikistan',
  'Tanzania', 'Thailand', 'Timor-Leste', 'Togo', 'Tonga', 'Trinidad and Tobago', 'Tunisia', 'Türkiye', 'Uganda',
  'Ukraine', 'United Arab Emirates', 'United Kingdom', 'United States of America', 'Uruguay', 'Vanuatu',
  'Venezuela, Bolivarian Republic of', 'Viet Nam', 'Yemen', 'Zambia', 'Zimbabwe'
]
const domainObservers = [
  'Algeria', 'Andorra', 'Azerbaijan', 'Bahamas', 'Belarus', 'Bhutan', 'Bosnia and Herzegovina', 'Curaçao',
  'Equatorial Guinea', 'Ethiopia', 'Holy See', 'Iran', 'Iraq', 'Lebanese Republic', 'Libya', 'Sao Tomé and Principe',
  'Serbia', 'Somalia', 'South Sudan', 'Sudan', 'Syrian Arab Republic', 'Turkmenistan', 'Uzbekistan'
]
const domainLdcMembers = [
  'Afghanistan', 'Angola', 'Bangladesh', 'Benin', 'Burkina Faso', 'Burundi', 'Cambodia', 'Central African Republic',
  'Chad', 'Democratic Republic of the Congo', 'Djibouti', 'Gambia', 'Guinea', 'Guinea-Bissau', 'Haiti',
  "Lao People's Democratic Republic", 'Lesotho', 'Liberia', 'Madagascar', 'Malawi', 'Mali', 'Mauritania',
  'Mozambique', 'Myanmar', 'Nepal', 'Niger', 'Rwanda', 'Senegal', 'Sierra Leone', 'Solomon Islands', 'Tanzania',
  'Togo', 'Uganda', 'Yemen', 'Zambia',
  // Members since 2024.
  'Comoros', 'Timor-Leste'
]
const developed = [
  'Australia', 'Canada', 'European Union', 'Iceland', 'Japan', 'Liechtenstein', 'New Zealand', 'Norway',
  'Switzerland', 'United Kingdom', 'United States of America',
  // The 27 member States of the European Union.
  'Austria', 'Belgium', 'Bulgaria', 'Croatia', 'Cyprus', 'Czech Republic', 'Denmark', 'Estonia', 'Finland', 'France',
  'Germany', 'Greece', 'Hungary', 'Ireland', 'Italy', 'Latvia', 'Lithuania', 'Luxembourg', 'Malta', 'Netherlands',
  'Poland', 'Portugal', 'Romania', 'Slovak Republic', 'Slovenia', 'Spain', 'Sweden'
]

const names = (list: readonly Entry[]) => list.map((entry) => entry.name).sort()
const ofKind = (kind: Entry['kind']) => entries.filter((entry) => entry.kind === kind)
const entry = (name: string) => {
  const found = entryNamed(name)
  if (!found) throw new Error(`no entry ${name}`)
  return found
}
const duplicates = (values: readonly string[]) => values.filter((value, i) => values.indexOf(value) !== i)

describe('beneficiary registry', () => {
  test('holds the 166 Members under the WTO names domain.md lists', () => {
    expect(ofKind('member')).toHaveLength(166)
    expect(names(ofKind('member'))).toEqual([...domainMembers].sort())
  })

  test('holds the 23 observers under domain.md spellings', () => {
    expect(ofKind('observer')).toHaveLength(23)
    expect(names(ofKind('observer'))).toEqual([...domainObservers].sort())
  })

  test.each([
    ['Bolivia, Plurinational State of', 'member', 'BOL', 'South and Central America and the Caribbean'],
    ['Korea, Republic of', 'member', 'KOR', 'Asia'],
    ['Chinese Taipei', 'member', 'TWN', 'Asia'],
    ['Türkiye', 'member', 'TUR', 'Europe'],
    ['Hong Kong, China', 'member', 'HKG', 'Asia'],
    ['Macao, China', 'member', 'MAC', 'Asia'],
    ['European Union', 'member', undefined, 'Europe'],
    ['Kuwait, the State of', 'member', 'KWT', 'Middle East'],
    ["Côte d'Ivoire", 'member', 'CIV', 'Africa'],
    ['Russian Federation', 'member', 'RUS', 'CIS'],
    ['Mexico', 'member', 'MEX', 'North America'],
    ['Sao Tomé and Principe', 'observer', 'STP', 'Africa'],
    ['Holy See', 'observer', 'VAT', 'Europe'],
    ['Curaçao', 'observer', 'CUW', 'South and Central America and the Caribbean'],
    ['African Regional Intellectual Property Organization', 'organisation', undefined, 'Africa'],
    ['East African Community', 'organisation', undefined, 'Africa']
  ])('%s is a %s, ISO %s, in %s', (name, kind, iso3, region) => {
    const found = entry(name)
    expect([found.kind, found.iso3, found.region]).toEqual([kind, iso3, region])
  })

  test('organisations have no ISO code and are never developed or LDCs', () => {
    const organisations = ofKind('organisation')
    expect(organisations.filter((organisation) => organisation.beneficiary)).toHaveLength(13)
    // Every beneficiary has a region; the organisations that only report have none.
    for (const entry of entries) expect(entry.region === undefined, entry.name).toBe(!entry.beneficiary)
    for (const organisation of organisations) {
      expect([organisation.iso3, organisation.developed, organisation.ldc]).toEqual([undefined, false, []])
    }
  })

  test('every Member and observer but the European Union has a unique ISO 3166-1 alpha-3 code', () => {
    const states = entries.filter((e) => e.kind !== 'organisation' && e.name !== 'European Union')
    const codes = states.map((e) => e.iso3 ?? `missing for ${e.name}`)
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/)
    expect(duplicates(codes)).toEqual([])
  })

  test('developed Members are exactly those that report as developed', () => {
    expect(names(entries.filter((e) => e.developed))).toEqual([...developed].sort())
    expect(developed).toHaveLength(38)
  })

  test('on 2025-01-01 there are 37 LDC Members and 4 LDC observers', () => {
    const ldcs = (kind: Entry['kind']) => ofKind(kind).filter((e) => isLdc(e, '2025-01-01', '2025-01-01'))
    expect(names(ldcs('member'))).toEqual([...domainLdcMembers].sort())
    expect(names(ldcs('observer'))).toEqual(['Ethiopia', 'Somalia', 'South Sudan', 'Sudan'])
  })

  test.each([
    ['Bhutan', '2023-01-01', '2023-12-31', true],
    ['Bhutan', '2024-01-01', '2024-12-31', false],
    ['Bhutan', '2023-12-12', '2023-12-12', true],
    ['Bhutan', '2023-12-13', '2023-12-13', false],
    ['Sao Tomé and Principe', '2024-01-01', '2024-12-31', true],
    ['Sao Tomé and Principe', '2025-01-01', '2025-12-31', false],
    ['Vanuatu', '2020-07-01', '2021-06-30', true],
    ['Vanuatu', '2021-01-01', '2021-12-31', false],
    ['Equatorial Guinea', '2017-01-01', '2017-12-31', true],
    ['Samoa', '2014-01-01', '2014-12-31', false],
    ['Maldives', '2010-01-01', '2010-12-31', true],
    ['Cabo Verde', '2008-01-01', '2008-12-31', false],
    ['Botswana', '1995-01-01', '1995-12-31', false],
    ['Bangladesh', '2030-01-01', '2030-12-31', true],
    ['Canada', '2020-01-01', '2020-12-31', false]
  ])('%s is an LDC from %s to %s: %s', (name, from, to, expected) => {
    expect(isLdc(entry(name), from, to)).toBe(expected)
  })

  test('no two names or aliases, of entries or groups, share a normalised form', () => {
    const written = [...entries, ...groups].flatMap((item) => [item.name, ...item.aliases])
    expect(duplicates(written.map(normalizeName))).toEqual([])
  })

  test('expanded groups expand to Members, kept groups list none', () => {
    for (const group of groups) {
      if (!group.expand) continue
      for (const name of group.members) expect(entryNamed(name)?.kind, `${group.name}: ${name}`).toBe('member')
    }
    const group = (name: string) => groups.find((g) => g.name === name)!
    const membersIn2024 = (name: string) => {
      const found = group(name)
      return found.expand ? found.members : []
    }
    expect(membersIn2024('Central America')).toHaveLength(6)
    expect(membersIn2024('Central America')).not.toContain('Belize')
    expect(membersIn2024('ASEAN Member States')).toHaveLength(10)
    expect(membersIn2024('Andean Community countries')).toEqual([
      'Bolivia, Plurinational State of', 'Colombia', 'Ecuador', 'Peru'
    ])
    const kept = [
      'APEC economies', 'Developing country Members',
      'Pacific Island countries', 'African Union Member States'
    ]
    for (const name of kept) {
      expect(group(name).expand).toBe(false)
      expect(membersIn2024(name)).toEqual([])
    }
  })

  test.each([
    ['2025-01-01', '2025-12-31', 37, undefined],
    ['2021-01-01', '2021-12-31', 37, undefined],
    ['2020-01-01', '2020-12-31', 38, 'Vanuatu'],
    ['2010-07-01', '2011-06-30', 40, 'Maldives']
  ])('LDC Members from %s to %s: %i', (from, to, count, former) => {
    expect(groups.find((g) => g.name === 'LDC Members')).toMatchObject({expand: false, computed: 'ldc-members'})
    const members = entries.filter((e) => e.kind === 'member' && isLdc(e, from, to)).map((e) => e.name)
    expect(members).toHaveLength(count)
    if (former) expect(members).toContain(former)
  })

  test('names Members in a sentence as WTO documents do: with their article, in sentence order, the EU without a delegation', () => {
    const named = (written: string) => sentenceName(written)?.member
    expect(sentenceName('United States of America')).toEqual({member: 'the United States of America', of: 'of the United States of America', delegation: true})
    expect(named('USA')).toBe('the United States of America')
    expect(named('Korea, Republic of')).toBe('the Republic of Korea')
    expect(named('Philippines')).toBe('the Philippines')
    expect(sentenceName('Canada')).toEqual({member: 'Canada', of: 'of Canada', delegation: true})
    expect(sentenceName('European Union')).toEqual({member: 'the European Union', of: 'of the European Union', delegation: false})
    // An organisation reporting is named as the registry writes it.
    expect(named('ARIPO')).toBe('African Regional Intellectual Property Organization')
    // A name the registry does not know (member-unknown turned off): as written, after the language's "of".
    expect(sentenceName('Freedonia')).toEqual({member: 'Freedonia', of: 'of Freedonia', delegation: true})
    expect(sentenceName('Freedonia', 'fr').of).toBe('de Freedonia')
    expect(sentenceName('Atlantis', 'fr').of).toBe("d'Atlantis")
    expect(sentenceName('Atlantis', 'es').of).toBe('de Atlantis')
    // A sentence name is only given where the WTO name is inverted, and then keeps its words.
    for (const entry of entries.filter((e) => e.inSentence)) {
      expect(entry.name, entry.inSentence).toContain(', ')
      expect(entry.inSentence!.split(' ').sort()).toEqual(entry.name.replace(/,|\bthe\b/g, '').split(' ').filter(Boolean).sort())
    }
  })

  test('every source is described and every described source is cited', () => {
    const cited = new Set<SourceId>([
      ...Object.values(factSources).flat(),
      ...entries.flatMap((e) => [...e.sources, ...e.ldc.flatMap((span) => span.sources), ...e.fr.sources, ...e.es.sources]),
      ...groups.flatMap((g) => g.sources)
    ])
    expect([...cited].sort()).toEqual(Object.keys(sources).sort())
  })

  const valid = {
    name: 'Canada',
    kind: 'member',
    iso3: 'CAN',
    region: 'North America',
    sources: ['domain-members'],
    fr: {name: 'Canada', of: 'du', sources: ['wto-fr-es']},
    es: {name: 'Canadá', of: 'del', sources: ['wto-fr-es']}
  }
  test.each([
    ['an ISO code not in capitals', {...valid, iso3: 'Can'}],
    ['a region outside the scheme', {...valid, region: 'Oceania'}],
    ['a source not in the table', {...valid, sources: ['wikipedia']}],
    ['no source', {...valid, sources: []}],
    ['an LDC span ending before it starts', {...valid, ldc: [{from: '2020-01-01', to: '2019-01-01', sources: ['un-ldc']}]}],
    ['no French name', {...valid, fr: undefined}],
    ['a Spanish form of "of" that is not Spanish', {...valid, es: {...valid.es, of: 'du'}}],
    ['a French name without its source', {...valid, fr: {...valid.fr, sources: []}}]
  ])('the entry schema refuses %s', (_, data) => {
    expect(Entry.safeParse(valid).success).toBe(true)
    expect(Entry.safeParse(data).success).toBe(false)
  })

  test('the group schema refuses an expanded group without members', () => {
    const group = {name: 'Somewhere', expand: true, members: [], sources: ['groups'], note: 'A test.'}
    expect(Group.safeParse(group).success).toBe(false)
    expect(Group.safeParse({...group, members: ['Canada']}).success).toBe(true)
  })
})
