// Deterministic synthetic sources: a report.md (front matter, narrative, a compact table of some programmes)
// and one programmes/<agency>.md per agency. The same size and seed always give the same bytes.
import {mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** 40 developing and least-developed WTO Members, under their WTO names (no developed Member: that warns). */
const beneficiaries = [
  'Bangladesh', 'Cambodia', "Lao People's Democratic Republic", 'Viet Nam', 'Indonesia', 'Philippines', 'Thailand',
  'Malaysia', 'Myanmar', 'Nepal', 'Sri Lanka', 'Pakistan', 'India', 'Mongolia', 'Papua New Guinea', 'Fiji', 'Samoa',
  'Tonga', 'Vanuatu', 'Solomon Islands', 'Kenya', 'Uganda', 'Tanzania', 'Rwanda', 'Ghana', 'Nigeria', 'Senegal',
  "Côte d'Ivoire", 'Zambia', 'Malawi', 'Mozambique', 'Madagascar', 'Egypt', 'Morocco', 'Tunisia', 'Jordan', 'Peru',
  'Bolivia, Plurinational State of', 'Guatemala', 'Honduras'
]
const agencies = [
  ['ipo', 'Intellectual Property Office (IPO)'],
  ['customs', 'Customs and Border Protection Service'],
  ['aid', 'Agency for International Development'],
  ['trade', 'Department of Foreign Affairs and Trade'],
  ['plants', 'Plant Breeder\u2019s Rights Office'],
  ['police', 'Federal Police, IP Crime Unit'],
  ['research', 'National Research Council'],
  ['copyright', 'Copyright Agency']
]
const types = ['Workshop', 'Training course', 'Seminar', 'Webinar', 'Study visit', 'Expert deployment', 'Funds-in-trust']
const areas = [
  'Patents', 'Trademarks', 'Industrial designs', 'Geographical indications', 'Copyright and related rights',
  'Plant varieties', 'Enforcement and border measures'
]
const targets = [
  'IP office examiners', 'Customs officers', 'Judges and prosecutors', 'Policy makers', 'Researchers and universities',
  'Small and medium-sized enterprises'
]
const partners = [
  'World Intellectual Property Organization (WIPO)', 'APEC Intellectual Property Rights Experts\u2019 Group', 'INTERPOL',
  'World Customs Organization', 'UPOV'
]
const topics = [
  'patent examination practice', 'trademark opposition procedures', 'border enforcement of IP rights',
  'geographical indications for agricultural products', 'collective management of copyright',
  'plant variety protection under UPOV 1991', 'IP office automation', 'technology transfer offices',
  'IP and traditional knowledge', 'IP valuation for SMEs'
]
const words = `the programme participants office national regional capacity officials training examination procedures
  enforcement rights protection development cooperation implementation agreement practices knowledge sessions experts
  cases quality management systems policy innovation small enterprises access international standards trade border
  customs judicial awareness delivered results evaluation follow-up materials online`.split(/\s+/)
const months = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'
]

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Random helpers over one PRNG. */
function chooser(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1))
  const pick = (list) => list[int(0, list.length - 1)]
  const some = (list, min, max) => {
    const pool = [...list]
    return Array.from({length: int(min, max)}, () => pool.splice(int(0, pool.length - 1), 1)[0])
  }
  const sentence = () => {
    const text = Array.from({length: int(8, 22)}, () => pick(words)).join(' ')
    return text[0].toUpperCase() + text.slice(1) + '.'
  }
  const paragraph = () => Array.from({length: int(2, 4)}, sentence).join(' ')
  const bullets = (min, max) => Array.from({length: int(min, max)}, () => `- ${sentence()}`).join('\n')
  return {int, pick, some, sentence, paragraph, bullets}
}

const pad = (n) => String(n).padStart(2, '0')

/** A programme's fields and description, all within 2023 (the report's period). */
function programme(r, index, agency) {
  const month = r.int(1, 11)
  const day = r.int(1, 28)
  const endMonth = r.int(month, 12)
  const start = `${pad(day)}/${pad(month)}/2023`
  // Three ways of writing a date: day first, a month, ISO.
  const end =
    r.int(0, 3) === 0 ? `${months[endMonth - 1]} 2023` : `2023-${pad(endMonth)}-${pad(r.int(endMonth === month ? day : 1, 28))}`
  return {
    title: `${r.pick(types)} on ${r.pick(topics)} (${String(index + 1).padStart(4, '0')})`,
    start,
    end,
    beneficiaries: r.some(beneficiaries, 1, 8),
    partners: r.some(partners, 0, 2),
    agency,
    type: r.pick(types),
    area: r.pick(areas),
    target: r.pick(targets),
    budget: `AUD ${r.int(5, 900) * 1000}`,
    contact: `ip-cooperation-${index + 1}@example.gov`,
    website: `https://www.example.gov/cooperation/${index + 1}`,
    description: [
      r.paragraph(), ...(r.int(0, 1) ? [r.paragraph()] : []), 'Main activities:', r.bullets(3, 5), r.paragraph()
    ]
  }
}

/** A programme as a `##` section with its field list and description. */
function section(p) {
  const fields = [
    ['Start date:', p.start],
    ['**End date:**', p.end],
    ['Beneficiaries:', p.beneficiaries.join('; ')],
    ['Partners:', p.partners.join('; ')],
    ['Implementing agency:', p.agency],
    ['Type of activity:', p.type],
    ['IP area:', p.area],
    ['Target group:', p.target],
    ['Budget:', p.budget],
    ['Contact:', p.contact],
    ['Website:', p.website]
  ]
  const list = fields.filter(([, value]) => value).map(([label, value]) => `- ${label} ${value}`)
  return `## ${p.title}\n\n${list.join('\n')}\n\n${p.description.join('\n\n')}\n`
}

const frontMatter = `---
member: Australia
period: 2023
date: 15/09/2024
symbol: IP/C/R/TC/AUS/4
job: 24-6543
original: English
---
`

/**
 * Write a source tree of `size` programmes into `dir` (replacing it): every fifth programme is a row of the
 * compact table in report.md, the others are sections spread over the agency files.
 * @param {string} dir
 * @param {number} size
 * @param {number} [seed]
 * @returns {Promise<number>} the number of files written
 */
export async function generate(dir, size, seed = 67) {
  const r = chooser(prng(seed + size))
  const table = []
  const files = new Map()
  for (let index = 0; index < size; index++) {
    const [file, agency] = agencies[index % agencies.length]
    const p = programme(r, index, agency)
    if (index % 5 === 4) {
      table.push(`| ${[table.length + 1, p.title, p.start, p.end, p.beneficiaries.join('; ')].join(' | ')} |`)
    } else {
      if (!files.has(file)) files.set(file, [])
      files.get(file).push(section(p))
    }
  }
  const narrative = ['Brief outline', 'Multilateral cooperation', 'Bilateral cooperation'].map((heading) =>
    [`# ${heading}`, r.paragraph(), r.paragraph(), '## Priorities', r.paragraph(), r.bullets(4, 4), r.paragraph()].join('\n\n')
  )
  const header = '| # | Title | Start date | End date | Beneficiaries |\n|---|---|---|---|---|\n'
  const compact = table.length === 0 ? [] : [header + table.join('\n')]
  const report = [frontMatter, ...narrative, '# Programmes', r.paragraph(), ...compact].join('\n\n') + '\n'

  await rm(dir, {recursive: true, force: true})
  await mkdir(path.join(dir, 'programmes'), {recursive: true})
  await writeFile(path.join(dir, 'report.md'), report)
  for (const [file, sections] of files) await writeFile(path.join(dir, 'programmes', `${file}.md`), sections.join('\n'))
  return 1 + files.size
}
