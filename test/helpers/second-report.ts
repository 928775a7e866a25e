// A second example report, of another Member and much longer than `sources/`: the United States of America with 60
// programmes, a dated, numbered and symbolled communication, sections three levels deep, lists under paragraphs,
// hyphenated words, long WTO names and partial dates. Generated from a template, the same every time, and valid
// (no problem at all), so tests can hold every point of the house style against a report that spans many pages.
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

const beneficiaries = [
  "Lao People's Democratic Republic", 'Bolivia, Plurinational State of', 'Saint Vincent and the Grenadines',
  'Democratic Republic of the Congo', 'Venezuela, Bolivarian Republic of', 'Viet Nam', 'Cambodia', 'Bangladesh',
  'Kenya', 'Rwanda', 'Ghana', 'Senegal', 'Peru', 'Colombia', 'Guatemala', 'Honduras', 'Philippines', 'Indonesia',
  'Moldova, Republic of', 'Papua New Guinea', 'Trinidad and Tobago', 'Dominican Republic', 'Sri Lanka', 'Mongolia'
]
const agencies = [
  ['uspto', 'United States Patent and Trademark Office (USPTO)'],
  ['usaid', 'United States Agency for International Development (USAID)'],
  ['cldp', 'Commercial Law Development Program (CLDP)'],
  ['copyright', 'United States Copyright Office']
] as const
const topics = [
  'patent examination', 'trademark opposition', 'border enforcement', 'geographical indications',
  'copyright collective management', 'plant variety protection', 'IP office automation', 'technology transfer'
]
const types = ['Workshop', 'Training course', 'Seminar', 'Study visit', 'Capacity-building programme']
/** Words with a hyphen inside: a justified line must never show a gap after their hyphen. */
export const hyphenated = ['Asia-Pacific', 'capacity-building', 'follow-up', 'first-hand', 'cross-border', 'IP-intensive', 'USPTO-WIPO', 'long-term']

const sentence = (n: number) =>
  [
    `Officials from the region took part in ${topics[n % topics.length]} sessions with first-hand accounts of cross-border cases.`,
    'The programme paired long-term mentoring with follow-up visits, so that IP-intensive enterprises could apply what they learned.',
    'Its Asia-Pacific component was delivered with the USPTO-WIPO partnership and drew on capacity-building material developed in earlier years.',
    'Participants examined the implementation of the TRIPS Agreement in their own legislation, administrative practice and enforcement.',
    'Trainers from the implementing agency and from partner offices delivered the sessions, in person and online.'
  ][n % 5]!
const paragraph = (n: number, sentences: number) => Array.from({length: sentences}, (_, i) => sentence(n + i)).join(' ')

const pad = (n: number) => String(n).padStart(2, '0')
/** Start dates inside the period (1 October 2021 to 30 September 2022): full, month-only or year-only. */
function start(n: number): string {
  if (n % 11 === 0) return '2022'
  if (n % 7 === 0) return `2022-${pad((n % 9) + 1)}`
  return `${pad((n % 27) + 1)}/${pad((n % 12) + 1)}/${n % 12 < 9 ? 2022 : 2021}`
}

function title(n: number): string {
  const topic = topics[n % topics.length]!
  return n % 4 === 0
    ? `Regional ${topic} workshop for examiners and officials of the Asia-Pacific and Latin American IP offices, edition ${n}`
    : `${types[n % types.length]} on ${topic}, ${n}`
}

/** The narrative: three levels of sections, numbered paragraphs, lists under paragraphs, a table. */
function narrative(): string {
  const parts: string[] = []
  for (let section = 1; section <= 4; section++) {
    parts.push(`# Technical cooperation activities in area ${section}`, paragraph(section, 4))
    for (let sub = 1; sub <= 3; sub++) {
      parts.push(`## Activities of part ${section}.${sub}`, paragraph(section + sub, 2 + ((section + sub) % 4)))
      if (sub === 2) parts.push('The objectives were to:', '- Strengthen capacity-building in IP offices.\n- Support follow-up with first-hand advice.\n- Improve cross-border enforcement in the Asia-Pacific region.')
      if (sub === 3) parts.push(`### Results of part ${section}.${sub}`, paragraph(section * sub, 3))
    }
  }
  parts.push('# Overview by agency', '| Agency | Programmes |\n|---|---|\n' + agencies.map(([, name], i) => `| ${name} | ${15 + i} |`).join('\n'))
  parts.push('# Details of activities', 'Details of technical cooperation activities are provided in the Annex.')
  return parts.join('\n\n')
}

/** The sources: report.md (front matter, narrative, the list of the 60 programmes) and one file of details per agency. */
export function secondReportSources(): Record<string, string> {
  const numbers = Array.from({length: 60}, (_, index) => index + 1)
  const names = (n: number) => Array.from({length: 1 + (n % 4)}, (_, i) => beneficiaries[(n * 3 + i * 5) % beneficiaries.length]!)
  const rows = numbers.map((n) => `| ${n} | ${title(n)} | ${start(n)} | ${names(n).join('; ')} |`)
  const report = `---
member: United States of America
period:
  from: 01/10/2021
  to: 30/09/2022
date: 16/09/2022
symbol: IP/C/R/TC/USA/2
job: 22-6890
original: English
---

${narrative()}

# Programmes

The list below gives the programmes and activities of the United States for the 2021-2022 period.

| # | Title | Start date | Beneficiaries |
|---|-------|------------|---------------|
${rows.join('\n')}
`
  const files: Record<string, string> = {'report.md': report}
  agencies.forEach(([key, agency], index) => {
    const detailed = numbers.filter((n) => n % agencies.length === index)
    files[`programmes/${key}.md`] = detailed
      .map((n) =>
        [
          `## ${title(n)}`,
          '',
          ...(n % 3 === 0 ? ['- End date: 30/09/2022'] : []),
          `- Implementing agency: ${agency}`,
          `- Type of activity: ${types[n % types.length]}`,
          ...(n % 2 === 0 ? ['- Partners: World Intellectual Property Organization (WIPO)'] : []),
          '',
          paragraph(n, 2 + (n % 3)),
          ...(n % 5 === 0 ? ['', 'The objectives were to:', '', '- Share first-hand experience of examination.', '- Plan the follow-up of each participant office.'] : []),
          ''
        ].join('\n')
      )
      .join('\n')
  })
  return files
}

/** Write the second report's sources into `dir`. */
export async function writeSecondReport(dir: string): Promise<string> {
  for (const [name, text] of Object.entries(secondReportSources())) {
    await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await writeFile(path.join(dir, name), text)
  }
  return dir
}
