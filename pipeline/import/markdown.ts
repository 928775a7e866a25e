// The imported report as Markdown a person would write: front matter, the paragraphs, and the list of programmes as
// a compact table, its heading and column titles in the report's language (the templates' first source labels, as
// `art67 init` writes them). Text is escaped only where Markdown would read it otherwise.
import {printedName} from '../registry/index.js'
import {fill, skeletons} from '../skeleton.js'
import type {Labels} from '../templates.js'
import {markdownCell, markdownLine} from '../text.js'
import type {Cells} from './rows.js'

export interface ImportedReport {
  member: string | undefined
  period: string | undefined
  /** The language of the report (`en`, `fr`, `es`): of its front matter, programmes heading and column titles. */
  language: string
  /** Where the text came from, for the front matter's comment. */
  source: string
  /** The e-TRIPS interface's language, named in the report's language ("French", "français"), when recognised. */
  interfaceName: string | undefined
  paragraphs: string[]
  listIntro: string[]
  /** The rows, each with its number as e-TRIPS prints it. */
  rows: Array<Cells & {number: number}>
}

const cell = markdownCell

/** A front matter value: plain when YAML reads it back as the same text, else double-quoted. */
const yamlValue = (text: string) => (/^[\p{L}\p{N}][\p{L}\p{N} ,.'’()-]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text))

/** Free text is written in double quotes, so that `check` keeps it as written: the first and last are taken off. */
const beneficiaryCell = ({name, free}: Cells['beneficiaries'][number]) => cell(free ? `"${name}"` : name)

/** `labels`: those of the report's language, in which the front matter's comments are written too (else English). */
export function reportMarkdown(report: ImportedReport, labels: Labels): string {
  const {programmesHeadings, tableColumns, fields} = labels.sources
  const texts = skeletons[report.language] ?? skeletons.en!
  const page = {page: report.source.replace(/[\r\n]/g, ' '), interface: report.interfaceName ?? ''}
  const front = [
    '---',
    // The member by its name in the report's language, as `art67 init` writes it.
    report.member ? `member: ${yamlValue(printedName(report.member, report.language))}` : `# ${texts.memberMissing}`,
    report.period ? `period: ${yamlValue(report.period)}` : `# ${texts.periodMissing}`,
    // English is the default: no line, as `art67 init` writes it.
    ...(report.language === 'en' ? [] : [`language: ${report.language}`]),
    `# ${fill(report.interfaceName ? texts.importedThrough : texts.imported, page)}`,
    `# ${texts.importUndated}`,
    '---'
  ]
  const header = [tableColumns.no[0]!, tableColumns.title[0]!, fields.start[0]!, fields.beneficiaries[0]!].map(cell)
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map((title) => '-'.repeat(Math.max(3, title.length + 2))).join('|')}|`,
    ...report.rows.map((row) => {
      const cells = [String(row.number), cell(row.title), row.start ?? '', row.beneficiaries.map(beneficiaryCell).join('; ')]
      return `| ${cells.map((text) => text || ' ').join(' | ')} |`.replace(/ {3}\|/g, ' |')
    })
  ]
  const blocks = [
    front.join('\n'),
    ...report.paragraphs.map(markdownLine),
    `# ${programmesHeadings[0]}`,
    ...report.listIntro.map(markdownLine),
    ...(report.rows.length > 0 ? [table.join('\n')] : [])
  ]
  return blocks.join('\n\n') + '\n'
}
