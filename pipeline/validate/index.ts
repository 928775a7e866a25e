// Stage 4, validate: read the front matter, check and merge the programmes, number the narrative, and assemble the
// report model. Every problem is reported on its source file; there is a model only without errors in the inputs
// it needs (with no usable front matter, the programmes are still checked).
import type {Block, Report as ReportType} from '../model.js'
import {Report} from '../model.js'
import type {Extracted} from '../extract/index.js'
import {glyphsOf} from '../fonts/index.js'
import {requesterIn} from '../language.js'
import {BeneficiaryResolver} from '../registry/index.js'
import type {TemplateSet} from '../templates.js'
import {languageOf, readFrontMatter} from './frontmatter.js'
import {checkHeadings} from './headings.js'
import {validateProgrammes} from './programmes.js'
import {checkTables} from './tables.js'

export {programmeId} from './programmes.js'

/**
 * Number headings `1`, `1.1`, … and top-level paragraphs 1, 2, … straight through. The shallowest heading level
 * used counts as the first, and a skipped level counts as 1, so numbers never hold a 0.
 */
function numberBody(blocks: readonly Block[]): Block[] {
  const depths = blocks.flatMap((block) => (block.type === 'heading' ? [block.depth] : []))
  const base = depths.reduce((least, depth) => Math.min(least, depth), 6) - 1
  const counters: number[] = []
  let paragraphs = 0
  return blocks.map((block) => {
    if (block.type === 'heading') {
      const level = block.depth - base
      counters.length = level
      counters[level - 1] = (counters[level - 1] ?? 0) + 1
      const number = Array.from(counters, (count) => count ?? 1).join('.')
      return {...block, number}
    }
    if (block.type === 'paragraph') return {...block, number: ++paragraphs}
    return block
  })
}

export function validate(extracted: Extracted, templates: TemplateSet): ReportType | undefined {
  const {frontMatter} = extracted
  const meta = frontMatter && readFrontMatter(frontMatter.file, frontMatter.node, Object.keys(templates.labels), glyphsOf(templates.styles.font))
  // Suggestions for an unknown beneficiary prefer the report's language, even when the rest of its front matter is wrong.
  const resolver = new BeneficiaryResolver(meta?.language ?? (frontMatter ? languageOf(frontMatter.node) : 'en'))
  const programmes = validateProgrammes(extracted.programmes, meta, resolver)
  checkTables(extracted.tables, templates.styles)
  checkHeadings(extracted.headings)
  if (!meta) return undefined
  const labels = templates.labels[meta.language]!
  const named = new Set(programmes.flatMap((programme) => programme.beneficiaries))
  return Report.parse({
    member: meta.member,
    period: meta.period,
    date: meta.date,
    symbol: meta.symbol,
    job: meta.job,
    original: meta.original ?? labels.languageNames[meta.language]!,
    language: meta.language,
    // Who asked for circulation: the front matter's `requester`, else the Member as the registry names it.
    requester: meta.requester ?? requesterIn(meta.member, labels),
    body: numberBody(extracted.narrative),
    annexIntro: extracted.annexIntro,
    programmes,
    beneficiaries: resolver.describe(named, meta.period)
  })
}
