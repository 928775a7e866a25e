// What `check` accepts the PDF prints whole: the widest table validation lets through fits the page, one more column
// is refused (table-too-wide).
import {beforeAll, describe, expect, it} from 'vitest'
import {emitPdf} from '../pipeline/emit/pdf/index.js'
import {contentWidth, indent, maxTableColumns, type Nesting} from '../pipeline/page.js'
import {loadTemplates, templatesFor, type Templates} from '../pipeline/templates.js'
import {pastMargin, readPdf} from './helpers/pdf-text.js'
import {frontMatter} from './helpers/sources.js'
import {validated} from './helpers/stages.js'

let templates: Templates

beforeAll(async () => {
  templates = templatesFor(await loadTemplates(), 'en')
})

/** The widest character DejaVu Sans draws (U+1671, 2.016 em in bold), the default font. */
const widest = '\u1671'

/** A table of `columns` columns whose every cell is the widest character the font draws. */
const table = (columns: number, prefix = '') => {
  const row = `${prefix}| ${Array<string>(columns).fill(widest).join(' | ')} |`
  return [row, `${prefix}|${'---|'.repeat(columns)}`, row].join('\n')
}
const programme = '\n# Programmes\n\n## Workshop\n\n- Start date: 2021-04-24\n- Beneficiaries: Panama\n'

const cases: [string, Nesting[], (columns: number) => string][] = [
  ['at the top level', [], (columns) => table(columns)],
  ['in a quotation', [{kind: 'quote'}], (columns) => table(columns, '> ')],
  ['in a list', [{kind: 'list', last: 0}], (columns) => `- An item:\n\n${table(columns, '  ')}`]
]

describe('tables and the page', () => {
  it('narrow what is inside lists and quotations, and turn the page for tables at the top level only', () => {
    const {styles} = templates
    expect(indent(styles, [{kind: 'quote'}])).toBe(56)
    expect(indent(styles, [{kind: 'list', last: 120}])).toBeGreaterThan(indent(styles, [{kind: 'list', last: 0}]))
    expect(maxTableColumns(styles, [])).toBeGreaterThan(maxTableColumns(styles, [{kind: 'quote'}]))
    expect(contentWidth(styles, 'landscape')).toBeGreaterThan(contentWidth(styles, 'portrait'))
  })

  it.each(cases)('the widest table check accepts %s prints within the margins; one more column is refused', async (_, nesting, source) => {
    const max = maxTableColumns(templates.styles, nesting)
    const accepted = validated({'report.md': `${frontMatter}\n# Outline\n\n${source(max)}\n${programme}`})
    expect(accepted.problems).toEqual([])
    const pdf = await readPdf(await emitPdf(accepted.report!, templates, {instant: new Date(0)}))
    expect(pastMargin(pdf, templates.styles.pageMargins[2])).toEqual([])
    expect(pdf.pages.join('').split(widest).length - 1).toBe(2 * max)

    const refused = validated({'report.md': `${frontMatter}\n# Outline\n\n${source(max + 1)}\n${programme}`})
    expect(refused.problems).toEqual([expect.stringMatching(/^report\.md:\d+:\d+ table-too-wide$/)])
  })
})
