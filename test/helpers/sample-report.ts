// A hand-built, valid report model for testing the emitters without the front stages.
import {Report} from '../../pipeline/model.js'

const src = (line: number) => [{file: 'report.md', line, column: 1}]

/** The Central American beneficiaries of programme 2, with their ISO codes. */
const centralAmerica = {
  'Costa Rica': 'CRI',
  'Dominican Republic': 'DOM',
  'El Salvador': 'SLV',
  Guatemala: 'GTM',
  Honduras: 'HND',
  Nicaragua: 'NIC',
  Panama: 'PAN'
}

export const sampleReport: Report = Report.parse({
  member: 'Canada',
  period: {label: '2020-2021', from: '2020-01-01', to: '2021-12-31'},
  date: '2021-09-16',
  symbol: 'IP/C/R/TC/CAN/1',
  job: '21-7777',
  original: 'English',
  language: 'en',
  requester: 'the delegation of Canada',
  body: [
    {type: 'heading', depth: 1, number: '1', content: [{text: 'Brief outline of technical cooperation activities'}]},
    {
      type: 'paragraph',
      number: 1,
      content: [
        {text: 'Canada works with the '},
        {text: 'World Intellectual Property Organization', italic: true},
        {text: ' (WIPO); see '},
        {text: 'the CIPO site', link: 'https://ised-isde.canada.ca/site/canadian-intellectual-property-office/en'},
        {text: '.'}
      ]
    },
    {type: 'heading', depth: 2, number: '1.1', content: [{text: 'Multilateral level'}]},
    {type: 'paragraph', number: 2, content: [{text: 'The objectives are to:'}]},
    {
      type: 'list',
      ordered: false,
      items: [
        [{type: 'paragraph', content: [{text: 'Enhance knowledge and skills.'}]}],
        [{type: 'paragraph', content: [{text: 'Improve capacity', bold: true}]}]
      ]
    },
    {type: 'quote', children: [{type: 'paragraph', content: [{text: 'A quoted sentence.'}]}]}
  ],
  annexIntro: [],
  programmes: [
    {
      no: 1,
      id: 'cipo-wipo-executive-workshop-on-ip-office-management',
      title: 'CIPO-WIPO Executive Workshop on IP Office Management',
      start: {iso: '2021-04-24', precision: 'day', written: '24/04/2021'},
      beneficiaries: [],
      partners: ['World Intellectual Property Organization (WIPO)'],
      other: [],
      agency: 'Canadian Intellectual Property Office (CIPO)',
      description: [{type: 'paragraph', content: [{text: 'A one-week workshop for senior officials.'}]}],
      sources: src(40)
    },
    {
      no: 2,
      id: 'pilot-program',
      title:
        'Pilot Program of Training for patent examiners in the area of computer-implemented inventions for Central American countries and the Dominican Republic',
      start: {iso: '2020-09-07', precision: 'day', written: '07/09/2020'},
      end: {iso: '2021-03', precision: 'month', written: 'March 2021'},
      beneficiaries: ['Costa Rica', 'Dominican Republic', 'El Salvador', 'Guatemala', 'Honduras', 'Nicaragua', 'Panama'],
      partners: [],
      other: [],
      description: [],
      sources: src(50)
    },
    {
      no: 3,
      id: 'indela',
      title: 'Initiative for Digital Rights in Latin America (INDELA)',
      start: {iso: '2019', precision: 'year', written: '2019'},
      beneficiaries: ['Bolivia, Plurinational State of', 'Venezuela, Bolivarian Republic of'],
      partners: [],
      other: [],
      description: [],
      sources: [...src(60), {file: 'programmes/idrc.md', line: 3, column: 1}]
    }
  ],
  beneficiaries: [
    ...Object.entries(centralAmerica).map(([name, code]) => ({
      name,
      kind: 'member',
      code,
      region: 'South and Central America and the Caribbean',
      ldc: false
    })),
    {name: 'Bolivia, Plurinational State of', kind: 'member', code: 'BOL', region: 'South and Central America and the Caribbean', ldc: false},
    {name: 'Venezuela, Bolivarian Republic of', kind: 'member', code: 'VEN', region: 'South and Central America and the Caribbean', ldc: false}
  ]
})

/**
 * The sample with two more programmes: one reaching an LDC Member, an LDC observer and a Member, one reaching the
 * group "LDC Members" and a free-text beneficiary (neither has a region).
 */
export const sampleReportWithLdcs: Report = Report.parse({
  ...sampleReport,
  programmes: [
    ...sampleReport.programmes,
    {
      no: 4,
      id: 'caribbean-africa-exchange',
      title: 'Patent information exchange for examiners',
      beneficiaries: ['Haiti', 'Ethiopia', 'Costa Rica'],
      partners: [],
      other: [],
      description: [],
      sources: src(70)
    },
    {
      no: 5,
      id: 'ldc-roundtable',
      title: 'Roundtable on technology transfer',
      beneficiaries: ['LDC Members', 'Patent offices of the region'],
      partners: [],
      other: [],
      description: [],
      sources: src(80)
    }
  ],
  beneficiaries: [
    ...sampleReport.beneficiaries,
    {name: 'Haiti', kind: 'member', code: 'HTI', region: 'South and Central America and the Caribbean', ldc: true},
    {name: 'Ethiopia', kind: 'observer', code: 'ETH', region: 'Africa', ldc: true},
    {name: 'LDC Members', kind: 'group', ldc: true},
    {name: 'Patent offices of the region', kind: 'free', ldc: null}
  ]
})
