// A row of the e-TRIPS list as copied, "title start-date beneficiaries" separated by spaces only, split into its
// cells. Split on the DD/MM/YYYY date where there is one; without one, the longest tail of `; `-separated names the
// registry knows is the beneficiaries. Each guess that could be wrong is reported through `report`.
import {isKnownName} from '../registry/resolve.js'
import type {RuleArgs} from '../rules/index.js'
import {interfaceLine} from './interfaces.js'

export interface Cells {
  title: string
  /** The start date as written, DD/MM/YYYY. */
  start: string | undefined
  /** Each beneficiary as written; `free` when the registry does not know it. */
  beneficiaries: Array<{name: string; free: boolean}>
}

type RowRule = 'import-dates-in-row' | 'import-beneficiaries-guessed' | 'import-title-name-kept' | 'import-beneficiary-free' | 'import-extra-cells'
export type Report = <Id extends RowRule>(id: Id, args: RuleArgs<Id>) => void

const date = /(?<![\d/])\d{1,2}\/\d{1,2}\/\d{4}(?![\d/])/gu
/** `; ` between names: split on the semicolon, each piece trimmed (no pattern backtracks over long white space). */
const separated = (text: string) => text.split(/;(?=\s)/u).map((piece) => piece.trim())

/** A name the registry resolves: a Member, an observer, an organisation or a named group. */
const known = isKnownName

/**
 * Words after which a name reads as the end of a title ("… for developing countries", "… hosted by Interpol"), in
 * the three languages of e-TRIPS.
 */
const functionWords = new Set(
  [
    'in for of by to with from on at and the into across within throughout towards between among including',
    'en de du des pour par au aux et le la les dans avec sur vers entre',
    'del para por a al y el los las con sobre hacia'
  ].flatMap((words) => words.split(' '))
)
const articles = new Set(['the', 'le', 'la', 'les', 'el', 'los', 'las'])

/** A word without the punctuation around it; a long run of characters is no function word. */
const wordOf = (word: string | undefined) => (!word || word.length > 40 ? '' : word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))

/** Whether a single name ending a row without a date reads as the end of its title. */
function endsTitle(head: string, name: string): boolean {
  const before = head.trimEnd()
  return /[,:–—-]$/u.test(before) || functionWords.has(wordOf(before.split(/\s+/u).at(-1))) || articles.has(wordOf(name.split(/\s+/u)[0]))
}

/** The longest run of words ending `text` that is a known name, leaving some text before it; the most words tried. */
const maxNameWords = 10
function nameAtEnd(text: string): {head: string; name: string} | undefined {
  const words = text.split(/\s+/u)
  for (let start = Math.max(1, words.length - maxNameWords); start < words.length; start++) {
    const name = words.slice(start).join(' ')
    if (known(name)) return {head: words.slice(0, start).join(' '), name}
  }
  return undefined
}

const beneficiary = (name: string, report: Report) => {
  if (known(name)) return {name, free: false}
  report('import-beneficiary-free', {written: name})
  return {name, free: true}
}

/**
 * A row copied with its cells separated by tabs, as some browsers copy tables: no guess needed. Cells after the
 * list's three are kept at the end of the title, with a warning, but for the interface's "more information" link.
 */
function tabbed(text: string, report: Report): Cells {
  const [title = '', start = '', names = '', ...rest] = text.split('\t').map((cell) => cell.trim())
  const extra = rest.filter((cell) => cell && interfaceLine(cell)?.kind !== 'moreInformation')
  if (extra.length > 0) report('import-extra-cells', {cells: extra})
  return {
    title: [title, ...extra].filter(Boolean).join(' '),
    start: start || undefined,
    beneficiaries: names ? names.split(/\s*;\s*/u).filter(Boolean).map((name) => beneficiary(name, report)) : []
  }
}

export function splitRow(row: string, report: Report): Cells {
  if (row.includes('\t')) return tabbed(row, report)
  const text = row.trim()
  const dates = [...text.matchAll(date)]
  const last = dates.at(-1)
  if (last) {
    const others = dates.slice(0, -1).map((match) => match[0])
    if (others.length > 0) report('import-dates-in-row', {date: last[0], others})
    const tail = text.slice(last.index + last[0].length).trim()
    return {
      title: text.slice(0, last.index).trim(),
      start: last[0],
      beneficiaries: tail.split(';').map((name) => name.trim()).filter(Boolean).map((name) => beneficiary(name, report))
    }
  }
  const segments = separated(text)
  // The longest tail first: segments k… all names, and a name ending segment k - 1.
  let allNames = segments.length
  while (allNames > 1 && known(segments[allNames - 1]!)) allNames--
  for (let k = Math.max(1, allNames); k <= segments.length; k++) {
    const names = segments.slice(k)
    const found = nameAtEnd(segments[k - 1]!)
    if (!found) continue
    const title = [...segments.slice(0, k - 1), found.head].join('; ')
    if (names.length === 0 && endsTitle(found.head, found.name)) {
      report('import-title-name-kept', {name: found.name.replace(/[.,;:]+$/u, '')})
      return {title: text.trim(), start: undefined, beneficiaries: []}
    }
    const all = [found.name, ...names]
    report('import-beneficiaries-guessed', {names: all, title})
    return {title, start: undefined, beneficiaries: all.map((name) => ({name, free: false}))}
  }
  return {title: text.trim(), start: undefined, beneficiaries: []}
}
