// The words sources use for structure: programmes headings, field labels and table columns, from every template.
import type {FieldKey} from '../fields.js'
import {fieldKeys} from '../fields.js'
import {nearest, typoOf} from '../suggest.js'
import type {Labels} from '../templates.js'

/**
 * Labels compared without case, accents, emphasis markers, a trailing colon or full stop, or extra spaces, and with
 * every apostrophe straight (a word processor curls `d'exécution` into `d’exécution`).
 */
export const normalizeLabel = (label: string) =>
  label
    // Before NFKD, which takes `´` apart into a space and an accent.
    .replace(/[‘’‛ʼ´]/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:.]$/, '')

export type ColumnKey = 'no' | 'title' | FieldKey

/** What a label art67 does not know may be: a typo of a known one, or something else, maybe like some known ones. */
export type UnknownLabel = {typo: string} | {typo?: undefined; suggestions: string[]}

const words = (label: string) => normalizeLabel(label).split(' ')

/** Labels of as many words (two or more) that differ from `label` in one word: `Start date` for `Begining date`. */
function oneWordApart(label: string, candidates: readonly string[]): string[] {
  const written = words(label)
  if (written.length < 2) return []
  return candidates.filter((candidate) => {
    const other = words(candidate)
    return other.length === written.length && other.filter((word, index) => word !== written[index]).length === 1
  })
}

/** Every label of every language's templates, so a source may use any of them. */
export class LabelIndex {
  private readonly fields = new Map<string, FieldKey>()
  private readonly programmesHeadings = new Set<string>()
  private readonly numberColumns = new Set<string>()
  private readonly titleColumns = new Set<string>()
  // As written in the templates, the candidates of "did you mean": every label a field list may use, every title a
  // table column may have, every title column's title and every programmes heading.
  private readonly known: string[] = []
  private readonly columns: string[] = []
  private readonly titles: string[] = []
  private readonly headings: string[] = []

  constructor(languages: readonly Labels[]) {
    for (const {sources} of languages) {
      for (const key of fieldKeys) {
        for (const label of sources.fields[key]) {
          this.fields.set(normalizeLabel(label), key)
          if (!this.known.includes(label)) this.known.push(label)
        }
      }
      for (const heading of sources.programmesHeadings) {
        this.programmesHeadings.add(normalizeLabel(heading))
        if (!this.headings.includes(heading)) this.headings.push(heading)
      }
      for (const column of sources.tableColumns.no) this.numberColumns.add(normalizeLabel(column))
      for (const column of sources.tableColumns.title) {
        this.titleColumns.add(normalizeLabel(column))
        if (!this.titles.includes(column)) this.titles.push(column)
      }
      for (const column of [...sources.tableColumns.title, ...sources.tableColumns.no]) {
        if (!this.columns.includes(column)) this.columns.push(column)
      }
    }
    this.columns.push(...this.known.filter((label) => !this.columns.includes(label)))
  }

  /** A field label or column title art67 does not know: a typo of a known one, or the known ones it is like. */
  unknown(label: string, what: 'field' | 'column'): UnknownLabel {
    const candidates = what === 'field' ? this.known : this.columns
    const typo = typoOf(label, candidates)
    if (typo) return {typo}
    const near = nearest(label, candidates)
    const suggestions = [...new Set([...(near ? [near] : []), ...oneWordApart(label, candidates)])]
    return {suggestions: suggestions.slice(0, 3)}
  }

  /** The title column `header` is a likely misspelling of, if any. */
  titleTypo(header: string): string | undefined {
    return typoOf(normalizeLabel(header), this.titles)
  }

  /**
   * Whether `header`, no title column itself, names a title all the same: it holds the word of a one-word title
   * column of any language (`Programme title`, `Title of programme`, `Titre du projet`).
   */
  titleLike(header: string): boolean {
    const written = words(header)
    return this.titles.some((title) => !title.includes(' ') && written.includes(normalizeLabel(title)))
  }

  /** The programmes heading `text` is a likely misspelling of, if any. */
  nearProgrammesHeading(text: string): string | undefined {
    return typoOf(normalizeLabel(text), this.headings)
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
