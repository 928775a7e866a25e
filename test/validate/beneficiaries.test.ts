// Beneficiaries through the whole validation: canonical names in the model, groups, free text, LDC flags, summary.
import {describe, expect, it} from 'vitest'
import {summarize} from '../../pipeline/emit/summary.js'
import {validated} from '../helpers/stages.js'

const head = (period: string) => `---\nmember: Canada\nperiod: ${period}\ndate: 2025-01-15\n---\n\n# Programmes\n\n`

function model(period: string, programmes: string) {
  const result = validated({'report.md': head(period) + programmes})
  expect(result.problems).toEqual([])
  return result.report!
}

describe('beneficiaries in the model', () => {
  it('lists a beneficiary named again once, warning of each item that names no one new, a group’s members included', () => {
    const {report, problems} = validated({
      'report.md': head('2021') + '## A\n\n- Beneficiaries: Vietnam; Central America; Viet Nam; Panama; Costa Rica; Chile\n'
    })
    expect(report!.programmes[0]!.beneficiaries).toEqual(['Viet Nam', 'Costa Rica', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama', 'Chile'])
    expect(problems).toEqual(['report.md:11:44 beneficiary-repeated', 'report.md:11:54 beneficiary-repeated', 'report.md:11:62 beneficiary-repeated'])
  })

  it('turns aliases into WTO names, expands or keeps groups, and keeps quoted free text as written', () => {
    const report = model(
      '2020-2021',
      '## A\n\n- Beneficiaries: Vietnam; Bolivia; Laos; Ivory Coast; Central America; “Global South”; LDC Members; ARIPO; Ethiopia; Turkey\n'
    )
    expect(report.programmes[0]!.beneficiaries).toEqual([
      'Viet Nam',
      'Bolivia, Plurinational State of',
      "Lao People's Democratic Republic",
      "Côte d'Ivoire",
      'Costa Rica',
      'El Salvador',
      'Guatemala',
      'Honduras',
      'Nicaragua',
      'Panama',
      'Global South',
      'LDC Members',
      'African Regional Intellectual Property Organization',
      'Ethiopia',
      'Türkiye'
    ])
    const byName = Object.fromEntries(report.beneficiaries.map((b) => [b.name, b]))
    expect(byName['Viet Nam']).toEqual({name: 'Viet Nam', kind: 'member', code: 'VNM', region: 'Asia', ldc: false})
    expect(byName["Lao People's Democratic Republic"]).toMatchObject({kind: 'member', code: 'LAO', ldc: true})
    expect(byName['Ethiopia']).toMatchObject({kind: 'observer', code: 'ETH', ldc: true})
    // Free text, and groups other than "LDC Members": whether they reach LDCs is unknown, not "no".
    expect(byName['Global South']).toEqual({name: 'Global South', kind: 'free', ldc: null})
    expect(byName['LDC Members']).toEqual({name: 'LDC Members', kind: 'group', ldc: true})
    expect(model('2020-2021', '## A\n\n- Beneficiaries: APEC economies\n').beneficiaries).toEqual([{name: 'APEC economies', kind: 'group', ldc: null}])
    expect(byName['African Regional Intellectual Property Organization']).toMatchObject({kind: 'organisation', region: 'Africa'})
  })

  it.each([
    ['2023', true],
    ['2024', false],
    ['2023-2024', true]
  ])('dates LDC status by the reporting period: Bhutan in %s is an LDC: %s', async (period, ldc) => {
    const report = model(period, '## A\n\n- Start date: 2023\n- End date: 2024\n- Beneficiaries: Bhutan\n')
    expect(report.beneficiaries).toEqual([{name: 'Bhutan', kind: 'observer', code: 'BTN', region: 'Asia', ldc}])
  })

  it('names a developed Member among the beneficiaries as written, in the report’s language', () => {
    const {vfiles} = validated({'report.md': `${head('2024')}## Taller\n\n- Beneficiarios: Nueva Zelandia; Perú\n`})
    expect(vfiles[0]!.messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['beneficiary-developed', '`Nueva Zelandia` is a developed Member named as a beneficiary']
    ])
  })

  it('suggests for an unknown beneficiary or member the name in the report’s language among names as near', () => {
    const reasons = (language: string) => {
      const {vfiles} = validated({
        'report.md': `---\nmember: Sénégall\nperiod: 2024\ndate: 2025-01-15\nlanguage: ${language}\n---\n\n# Programmes\n\n## A\n\n- Beneficiaries: Bénim\n`
      })
      return vfiles[0]!.messages.map((message) => message.reason)
    }
    // "Bénin" and "Benin" fold to one key: a French report is answered in French, an English or Spanish one not.
    expect(reasons('fr')).toEqual([
      '`Sénégall` is not a WTO Member, observer or organisation art67 knows: did you mean `Sénégal`?',
      'Unknown beneficiary `Bénim`: did you mean `Bénin`?'
    ])
    expect(reasons('en')).toEqual([
      '`Sénégall` is not a WTO Member, observer or organisation art67 knows: did you mean `Senegal`?',
      'Unknown beneficiary `Bénim`: did you mean `Benin`?'
    ])
    // With the rest of the front matter wrong (no period) too.
    const {vfiles} = validated({'report.md': '---\nmember: Suisse\nlanguage: fr\n---\n\n# Programmes\n\n## A\n\n- Bénéficiaires: Bénim\n'})
    expect(vfiles[0]!.messages.map((message) => message.reason)).toContain('Unknown beneficiary `Bénim`: did you mean `Bénin`?')
  })

  it('counts programmes per beneficiary and region, and the share reaching LDCs', () => {
    const report = model(
      '2020-2021',
      [
        '## A\n\n- Beneficiaries: Nepal; Peru\n',
        '## B\n\n- Beneficiaries: Peru; Chile\n',
        '## C\n\n- Beneficiaries: "developing countries"\n',
        '## D\n\n- Beneficiaries: Nepal\n'
      ].join('\n')
    )
    const summary = summarize(report)
    expect(summary).toMatchObject({programmes: 4, reachingLdcs: 2, ldcShare: 0.5})
    expect(summary.byBeneficiary.map(({beneficiary, programmes}) => [beneficiary.name, programmes])).toEqual([
      ['Nepal', 2],
      ['Peru', 2],
      ['Chile', 1],
      ['developing countries', 1]
    ])
    expect(summary.byRegion).toEqual([
      {region: 'Asia', programmes: 2},
      {region: 'South and Central America and the Caribbean', programmes: 2},
      {region: undefined, programmes: 1}
    ])
  })

  it('merges the same programme whose files spell a beneficiary differently', () => {
    const result = validated({
      'report.md': head('2021'),
      'programmes/a.md': '## A\n\n- Beneficiaries: Vietnam; Laos\n',
      'programmes/b.md': '## A\n\n- Beneficiaries: Lao PDR; Viet Nam\n'
    })
    expect(result.problems).toEqual([])
    expect(result.report!.programmes[0]!.beneficiaries).toEqual(['Viet Nam', "Lao People's Democratic Republic"])
  })
})
