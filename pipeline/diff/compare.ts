// What changed between two reports: programmes matched by ID, then exact title, then near title (a corrected typo),
// and listed as new, ended, changed (each field with its old and new value) or continuing; beneficiaries newly
// reached or no longer reached, Members and beneficiaries named as a language prints them. No I/O.
import {collation} from '../collate.js'
import {formatLong, type DateWords} from '../dates.js'
import {detailKeys, type DetailKey} from '../fields.js'
import type {PartialDate, Programme, Report} from '../model.js'
import {printedName} from '../registry/index.js'
import {editDistance, foldForMatching, typoEdits, withinEdits} from '../suggest.js'
import {blocksText} from '../text.js'

/** The fields a change can name: the programme's title, its fields, other information and description. */
export type ProgrammeField = 'title' | DetailKey | 'other' | 'description'
/** What a report says about itself that a change can name. */
export type ReportField = 'member' | 'period' | 'date' | 'symbol'

export interface FieldChange<Field extends string = ProgrammeField> {
  field: Field
  /** The value as text (dates as written, lists joined with `; `); null when absent. */
  old: string | null
  new: string | null
}

export interface ProgrammeRef {
  no: number
  id: string
  title: string
}

export interface Match {
  old: ProgrammeRef
  new: ProgrammeRef
  /** How the two were found to be the same programme. */
  matchedBy: 'id' | 'title' | 'near-title'
}

export interface ChangedProgramme extends Match {
  changes: FieldChange[]
}

export interface Changes {
  old: {member: string; period: string}
  new: {member: string; period: string}
  report: Array<FieldChange<ReportField>>
  programmes: {new: ProgrammeRef[]; ended: ProgrammeRef[]; changed: ChangedProgramme[]; continuing: Match[]}
  beneficiaries: {reached: string[]; noLongerReached: string[]}
}

const ref = ({no, id, title}: Programme): ProgrammeRef => ({no, id, title})

/** How changes name a registry name (a Member, a beneficiary): as outputs in one language print it. */
type Naming = (registered: string) => string

/** A field's value as compared (dates by what they mean, names by the registry's) and as shown (dates as written, names by `name`). */
function value(programme: Programme, field: ProgrammeField, name: Naming): {key: string; shown: string | null} {
  if (field === 'title') return {key: programme.title, shown: programme.title}
  if (field === 'other') {
    const shown = programme.other.map(({label, value}) => (label ? `${label}: ${value}` : value)).join('; ')
    return {key: shown, shown: shown || null}
  }
  if (field === 'description') {
    const shown = blocksText(programme.description)
    return {key: shown, shown: shown || null}
  }
  const found = programme[field]
  if (found === undefined) return {key: '', shown: null}
  if (Array.isArray(found)) return {key: found.join('\u0000'), shown: (field === 'beneficiaries' ? found.map(name) : found).join('; ') || null}
  if (typeof found === 'string') return {key: found, shown: found}
  const date = found as PartialDate
  return {key: `${date.iso}/${date.precision}`, shown: date.written}
}

const programmeFields: readonly ProgrammeField[] = ['title', ...detailKeys, 'other', 'description']

function fieldChanges(old: Programme, now: Programme, name: Naming): FieldChange[] {
  return programmeFields.flatMap((field) => {
    const before = value(old, field, name)
    const after = value(now, field, name)
    return before.key === after.key ? [] : [{field, old: before.shown, new: after.shown}]
  })
}

/** Pairs of indexes (old, new) of the same programme, and how each pair was found. */
function match(old: readonly Programme[], now: readonly Programme[]): Array<{old: number; new: number; by: Match['matchedBy']}> {
  const pairs: Array<{old: number; new: number; by: Match['matchedBy']}> = []
  const oldLeft = new Set(old.keys())
  const newLeft = new Set(now.keys())
  const pairBy = (by: Match['matchedBy'], key: (programme: Programme) => string) => {
    const byKey = new Map<string, number>()
    for (const index of oldLeft) if (!byKey.has(key(old[index]!))) byKey.set(key(old[index]!), index)
    for (const index of newLeft) {
      const found = byKey.get(key(now[index]!))
      if (found === undefined || !oldLeft.has(found)) continue
      pairs.push({old: found, new: index, by})
      oldLeft.delete(found)
      newLeft.delete(index)
    }
  }
  pairBy('id', (programme) => programme.id)
  pairBy('title', (programme) => programme.title)
  // Near titles: every pair within a typo's edits, nearest first, each programme in one pair at most.
  const folded = (programme: Programme) => foldForMatching(programme.title)
  const near: Array<{old: number; new: number; distance: number}> = []
  for (const n of newLeft) {
    for (const o of oldLeft) {
      const a = folded(old[o]!)
      const b = folded(now[n]!)
      if (withinEdits(a, b, typoEdits(Math.min(a.length, b.length)))) near.push({old: o, new: n, distance: editDistance(a, b)})
    }
  }
  near.sort((a, b) => a.distance - b.distance || a.new - b.new || a.old - b.old)
  for (const pair of near) {
    if (!oldLeft.has(pair.old) || !newLeft.has(pair.new)) continue
    pairs.push({old: pair.old, new: pair.new, by: 'near-title'})
    oldLeft.delete(pair.old)
    newLeft.delete(pair.new)
  }
  return pairs.sort((a, b) => a.new - b.new)
}

const reached = (report: Report) => new Set(report.programmes.flatMap((programme) => programme.beneficiaries))
/**
 * The report's own fields that changed. The date is compared as the day it is and shown in `words`, as the PDF's
 * header prints it ("12 mars 2026"): the model keeps the day, not how the front matter wrote it.
 */
function reportChanges(old: Report, now: Report, name: Naming, words: DateWords | undefined): Array<FieldChange<ReportField>> {
  const fields: Array<[ReportField, (report: Report) => string | undefined, (value: string) => string]> = [
    ['member', (report) => name(report.member), (value) => value],
    ['period', (report) => report.period.label, (value) => value],
    ['date', (report) => report.date, (iso) => (words ? formatLong(iso, words) : iso)],
    ['symbol', (report) => report.symbol, (value) => value]
  ]
  return fields.flatMap(([field, read, show]) => {
    const [before, after] = [read(old), read(now)]
    return before === after ? [] : [{field, old: before === undefined ? null : show(before), new: after === undefined ? null : show(after)}]
  })
}

/**
 * The changes from `old` to `now` (both with the registry's names, as `check` gives them), naming Members and
 * beneficiaries as outputs in `language` print them, and the report's date in `words` (that language's months and
 * date forms: the templates' labels; without them, as the model holds it, `2026-03-12`); every list in a fixed order
 * (programmes in annex order, names alphabetical in that language).
 */
export function compare(old: Report, now: Report, language = 'en', words?: DateWords): Changes {
  const name: Naming = (registered) => printedName(registered, language)
  const sorted = (names: Iterable<string>) => [...names].map(name).sort(collation(language))
  const pairs = match(old.programmes, now.programmes)
  const matchedOld = new Set(pairs.map((pair) => pair.old))
  const matchedNew = new Set(pairs.map((pair) => pair.new))
  const changed: ChangedProgramme[] = []
  const continuing: Match[] = []
  for (const pair of pairs) {
    const before = old.programmes[pair.old]!
    const after = now.programmes[pair.new]!
    const matched = {old: ref(before), new: ref(after), matchedBy: pair.by}
    const changes = fieldChanges(before, after, name)
    if (changes.length > 0) changed.push({...matched, changes})
    else continuing.push(matched)
  }
  const before = reached(old)
  const after = reached(now)
  return {
    old: {member: name(old.member), period: old.period.label},
    new: {member: name(now.member), period: now.period.label},
    report: reportChanges(old, now, name, words),
    programmes: {
      new: now.programmes.filter((_, index) => !matchedNew.has(index)).map(ref),
      ended: old.programmes.filter((_, index) => !matchedOld.has(index)).map(ref),
      changed,
      continuing
    },
    beneficiaries: {reached: sorted([...after].filter((name) => !before.has(name))), noLongerReached: sorted([...before].filter((name) => !after.has(name)))}
  }
}

/** Whether anything changed: `--exit-code`. */
export function anyChange(changes: Changes): boolean {
  const {report, programmes, beneficiaries} = changes
  return report.length + programmes.new.length + programmes.ended.length + programmes.changed.length + beneficiaries.reached.length + beneficiaries.noLongerReached.length > 0
}
