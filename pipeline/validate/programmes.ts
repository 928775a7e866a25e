// Programmes checked and merged: each record's values read, records of one programme joined across files, and
// the rules that need the whole programme (dates, beneficiaries, duplicates) applied.
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import {firstDay, firstExcelDate, lastDay, parseDate} from '../dates.js'
import type {RawField, RawProgramme, RawText} from '../extract/index.js'
import {fieldKind, type FieldKey} from '../fields.js'
import type {Meta, OtherInformation, PartialDate, Programme, SourceRef} from '../model.js'
import {isProgrammesFile, sourcePath} from '../read/index.js'
import type {BeneficiaryResolver} from '../registry/index.js'
import {problem} from '../rules/index.js'
import {firstNear} from '../suggest.js'
import {slug} from '../text.js'
import {checkDateOrder} from './date-order.js'

/** A field's value as read: a date, text, or a list of names, each name with its place. */
type Value = {kind: 'date'; date: PartialDate} | {kind: 'list'; items: RawText[]} | {kind: 'text'; text: string}

interface Field {
  value: Value
  raw: RawField
  file: VFile
}

/** One place a programme is written, its values read. */
interface Written {
  raw: RawProgramme
  id: string
  fields: Map<FieldKey, Field>
}

/** The default ID of a programme: a slug of its title, or a hash of a title with no letter or digit. */
export function programmeId(title: string): string {
  return slug(title) || `programme-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`
}

/** Beneficiaries under their canonical names; a group may stand for several, an unknown name for none. */
/** Each beneficiary once, by name; an item that names no one new (`RDC` after `Congo, Democratic Republic of the`) is a warning. */
function resolveItems(items: RawText[], file: VFile, resolver: BeneficiaryResolver): RawText[] {
  const seen = new Map<string, RawText>()
  return items.flatMap((item) => {
    const names = resolver.resolve(item.value, file, item.place)
    const fresh = names.filter((name) => !seen.has(name))
    const first = names.length > 0 && fresh.length === 0 ? seen.get(names[0]!)! : undefined
    if (first) problem(file, 'beneficiary-repeated', {written: item.value, first: first.value}, item.place, {file, place: first.place})
    for (const name of fresh) seen.set(name, item)
    return fresh.map((name) => ({value: name, place: item.place}))
  })
}

function readField(file: VFile, raw: RawField, resolver: BeneficiaryResolver): Value | undefined {
  const kind = fieldKind[raw.key]
  if (kind === 'list') return {kind, items: raw.key === 'beneficiaries' ? resolveItems(raw.items, file, resolver) : raw.items}
  if (kind === 'text') return {kind, text: raw.value.value}
  const parsed = parseDate(raw.value.value)
  if (parsed.ok) {
    const {date} = parsed
    if (firstDay(date) < firstExcelDate) problem(file, 'date-too-early', {what: raw.label.toLowerCase(), written: date.written}, raw.value.place)
    return {kind, date}
  }
  problem(file, 'date-invalid', {what: raw.label.toLowerCase(), written: raw.value.value, reason: parsed.reason}, raw.value.place)
  return undefined
}

function sameValue(a: Value, b: Value): boolean {
  if (a.kind === 'date' && b.kind === 'date') return a.date.iso === b.date.iso
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text
  if (a.kind === 'list' && b.kind === 'list') {
    const set = (items: RawText[]) => [...new Set(items.map((item) => item.value.toLowerCase()))].sort().join(';')
    return set(a.items) === set(b.items)
  }
  return false
}

const showValue = (value: Value) =>
  value.kind === 'date' ? value.date.written : value.kind === 'text' ? value.text : value.items.map((item) => item.value).join('; ')

function sourceRef(raw: RawProgramme): SourceRef {
  return {file: sourcePath(raw.file), line: raw.place.start.line, column: raw.place.start.column}
}

function readRecord(raw: RawProgramme, resolver: BeneficiaryResolver): Written | undefined {
  const {file} = raw
  if (!raw.title) {
    problem(file, 'programme-title', {}, raw.place)
    return undefined
  }
  const fields = new Map<FieldKey, Field>()
  for (const field of raw.fields) {
    const first = fields.get(field.key)
    if (first) {
      problem(file, 'duplicate-field', {label: field.label, title: raw.title}, field.place, {file, place: first.raw.place})
      continue
    }
    const value = readField(file, field, resolver)
    if (value) fields.set(field.key, {value, raw: field, file})
  }
  const id = fields.get('id')
  return {raw, id: id?.value.kind === 'text' ? id.value.text : programmeId(raw.title), fields}
}

/** A title with its no-break spaces as spaces: a word processor puts one before `:` in French, invisibly. */
const spaced = (title: string) => title.replace(/[\u00A0\u2007\u202F]/g, ' ')

/** Merge the records of one programme; two different values for a field is an error naming both places. */
function merge(records: Written[]): Map<FieldKey, Field> {
  const merged = new Map<FieldKey, Field>()
  const [first] = records
  for (const record of records) {
    if (record !== first && spaced(record.raw.title) !== spaced(first!.raw.title)) {
      const {raw} = first!
      problem(record.raw.file, 'merge-conflict', {id: record.id, what: 'title', here: record.raw.title, there: raw.title}, record.raw.place, raw)
    }
    for (const [key, field] of record.fields) {
      const kept = merged.get(key)
      if (!kept) merged.set(key, field)
      else if (!sameValue(kept.value, field.value)) {
        const args = {id: record.id, what: field.raw.label.toLowerCase(), here: showValue(field.value), there: showValue(kept.value)}
        problem(field.file, 'merge-conflict', args, field.raw.value.place, {file: kept.file, place: kept.raw.value.place})
      }
    }
  }
  return merged
}

const dateOf = (field: Field | undefined) => (field?.value.kind === 'date' ? field.value.date : undefined)

function checkDates(fields: Map<FieldKey, Field>, title: string, meta: Meta | undefined) {
  const start = fields.get('start')
  const end = fields.get('end')
  const startDate = dateOf(start)
  const endDate = dateOf(end)
  if (startDate && endDate && lastDay(endDate) < firstDay(startDate)) {
    problem(end!.file, 'date-order', {title, start: startDate.written, end: endDate.written}, end!.raw.value.place)
    return
  }
  if (!meta) return
  const {from, to, label} = meta.period
  const after = startDate && firstDay(startDate) > to
  const before = endDate && lastDay(endDate) < from
  if (after || before) {
    const field = after ? start! : end!
    problem(field.file, 'outside-period', {title, side: after ? 'after' : 'before', period: label, from, to}, field.raw.value.place)
  }
}

/** A field's value as the model keeps it. */
function modelValue(value: Value): PartialDate | string | string[] {
  return value.kind === 'date' ? value.date : value.kind === 'text' ? value.text : value.items.map((item) => item.value)
}

/** Other information of every record in reading order, each label and value once. */
function otherInformation(records: Written[]): OtherInformation[] {
  const seen = new Set<string>()
  return records
    .flatMap((record) => record.raw.other)
    .filter(({label, value}) => {
      const key = JSON.stringify([label.toLowerCase(), value])
      return !seen.has(key) && seen.add(key)
    })
}

function toProgramme(no: number, id: string, records: Written[], fields: Map<FieldKey, Field>): Programme {
  const values = Object.fromEntries([...fields].filter(([key]) => key !== 'id').map(([key, {value}]) => [key, modelValue(value)]))
  return {
    no,
    id,
    title: records[0]!.raw.title,
    beneficiaries: [],
    partners: [],
    ...values,
    other: otherInformation(records),
    description: records.flatMap((record) => record.raw.description),
    sources: records.map((record) => sourceRef(record.raw))
  }
}

/** Records grouped by programme ID in the order first written; the same ID twice in one file is an error. */
function group(raws: readonly RawProgramme[], resolver: BeneficiaryResolver): Map<string, Written[]> {
  const groups = new Map<string, Written[]>()
  for (const raw of raws) {
    const record = readRecord(raw, resolver)
    if (!record) continue
    const records = groups.get(record.id)
    const twin = records?.find((other) => other.raw.file === raw.file && other.raw.form === raw.form)
    if (twin) problem(raw.file, 'duplicate-id', {id: record.id, title: raw.title}, raw.place, twin.raw)
    else if (records) records.push(record)
    else groups.set(record.id, [record])
  }
  return groups
}

/** Two programmes with one title but different IDs stay apart: say so, since they may be meant as one. */
function checkTitles(groups: Map<string, Written[]>) {
  const titled = new Map<string, Written>()
  for (const [first] of groups.values()) {
    const title = first!.raw.title.toLowerCase()
    const other = titled.get(title)
    if (!other) titled.set(title, first!)
    else problem(first!.raw.file, 'duplicate-title', {title: first!.raw.title, id: first!.id, otherId: other.id}, first!.raw.place, other.raw)
  }
}

/** I to XXXIX. */
const romanNumeral = /^x{0,3}(?:ix|iv|v?i{0,3})$/

/** An ID or title with its numbers (digits, Roman numerals) masked: `Workshop 2` and `Workshop 3` differ on purpose. */
const unnumbered = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\b[ivx]+\b/g, (word) => (romanNumeral.test(word) ? '#' : word))

/**
 * A title masked as `unnumbered`, capital letters standing alone too: `Workshop A` and `Workshop B` differ on
 * purpose, while `Seminar o patents` is a typo.
 */
const unlettered = (title: string) => unnumbered(title.replace(/(?<![\p{L}\p{N}])\p{Lu}(?![\p{L}\p{N}])/gu, '#'))

/** A typo in an ID or title: one edit (four characters at least). Two would take `Webinar` for `Seminar`. */
const duplicateEdits = (length: number) => (length < 4 ? 0 : 1)

/**
 * A programme that merges with nothing (one record, or records only in files under `programmes/`) may be meant as
 * another one whose ID or title it misspells: warn at it, naming the other. When both may be, the later one warns.
 */
function checkNearDuplicates(groups: Map<string, Written[]>) {
  const programmes = [...groups.values()].map(([first]) => first!)
  const suspect = [...groups.values()].map((records) => records.length === 1 || records.every((record) => isProgrammesFile(record.raw.file)))
  const title = (at: number) => programmes[at]!.raw.title.toLowerCase()
  // Equal titles are duplicate-title's; of two suspects, the later one warns.
  const accept = (index: number, other: number) => !(suspect[other] && other > index) && title(other) !== title(index)
  const byId = firstNear(programmes.map((record) => unnumbered(record.id)), duplicateEdits, accept)
  const byTitle = firstNear(programmes.map((record) => unlettered(record.raw.title)), duplicateEdits, accept)
  programmes.forEach(({raw, id, fields}, index) => {
    if (!suspect[index]) return
    // Without an `ID:` field, the ID is the title's slug: the title says it better.
    const idField = fields.get('id')
    const nearId = idField ? byId[index] : undefined
    const at = nearId ?? byTitle[index]
    if (at === undefined) return
    const near = programmes[at]!
    const named = {otherTitle: near.raw.title, otherId: near.id}
    if (idField && nearId !== undefined) {
      problem(raw.file, 'near-duplicate', {what: 'id', written: id, other: near.id, ...named}, idField.raw.value.place, near.raw)
    } else {
      problem(raw.file, 'near-duplicate', {what: 'title', written: raw.title, other: near.raw.title, ...named}, raw.place, near.raw)
    }
  })
}

/** The programmes of the report, numbered in the order first written; every problem reported at its place. */
export function validateProgrammes(raws: readonly RawProgramme[], meta: Meta | undefined, resolver: BeneficiaryResolver): Programme[] {
  const groups = group(raws, resolver)
  checkDateOrder(raws)
  checkTitles(groups)
  checkNearDuplicates(groups)
  return [...groups].map(([id, records], index) => {
    const fields = merge(records)
    const first = records[0]!.raw
    checkDates(fields, first.title, meta)
    const beneficiaries = fields.get('beneficiaries')
    // Names written but none known are errors of their own, not a programme without beneficiaries.
    if (!beneficiaries || beneficiaries.raw.items.length === 0) {
      problem(first.file, 'no-beneficiaries', {title: first.title}, first.place)
    }
    return toProgramme(index + 1, id, records, fields)
  })
}

