// The words sources use for structure: programmes headings, field labels and table columns, from every template.
import type {FieldKey} from '../fields.js'
import {fieldKeys} from '../fields.js'
import type {Labels} from '../templates.js'

/** Labels compared without case, emphasis markers, a trailing colon or full stop, or extra spaces. */
export const normalizeLabel = (label: string) =>
  label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:.]$/, '')

export type ColumnKey = 'no' | 'title' | FieldKey

/** Every label of every language's templates, so a source may use any of them. */
export class LabelIndex {
  private readonly fields = new Map<string, FieldKey>()
  private readonly programmesHeadings = new Set<string>()
  private readonly numberColumns = new Set<string>()
  private readonly titleColumns = new Set<string>()
  /** Every label a field list may use, as written in the templates: the candidates of "did you mean". */
  readonly known: string[] = []

  constructor(languages: readonly Labels[]) {
    for (const {sources} of languages) {
      for (const key of fieldKeys) {
        for (const label of sources.fields[key]) {
          this.fields.set(normalizeLabel(label), key)
          if (!this.known.includes(label)) this.known.push(label)
        }
      }
      for (const heading of sources.programmesHeadings) this.programmesHeadings.add(normalizeLabel(heading))
      for (const column of sources.tableColumns.no) this.numberColumns.add(normalizeLabel(column))
      for (const column of sources.tableColumns.title) this.titleColumns.add(normalizeLabel(column))
    }
  }

  field(label: string): FieldKey | undefined {
    return this.fields.get(normalizeLabel(label))
  }

  isProgrammesHeading(text: string): boolean {
    return this.programmesHeadings.has(normalizeLabel(text))
  }

  column(header: string): ColumnKey | undefined {
    const label = normalizeLabel(header)
    if (this.numberColumns.has(label)) return 'no'
    if (this.titleColumns.has(label)) return 'title'
    return this.fields.get(label)
  }
}
