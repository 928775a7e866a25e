// Stage 4, validate: number the narrative, merge and check the programmes, and assemble the report model.
import {createHash} from 'node:crypto'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {BeneficiaryResolver} from '../registry/index.js'
import {firstDay, lastDay, parseDate} from '../dates.js'
import type {Extracted, RawField, RawProgramme} from '../extract/index.js'
import type {Meta} from './frontmatter.js'
import {fieldKinds, Report, type Block, type FieldKey, type PartialDate, type Programme, type SourceRef} from '../model.js'
import {span} from '../place.js'
import {sourcePath} from '../read/index.js'
import {related, report} from '../rules/index.js'
import {fill, type Labels} from '../templates.js'

/** A list field's item with its own place, so a problem with one beneficiary points at it. */
export interface ListItem {
  text: string
  place: Position
}

type Value = {kind: 'date'; date: PartialDate} | {kind: 'list'; items: ListItem[]} | {kind: 'text'; text: string}

interface Field {
  value: Value
  raw: RawField
  file: VFile
}

interface Written {
  raw: RawProgramme
  id: string
  fields: Map<FieldKey, Field>
}

function valuePlace(file: VFile, raw: RawField): Position {
  return (raw.valueOffset === undefined ? undefined : span(file, raw.valueOffset, raw.value.length)) ?? raw.place
}

/** The default ID of a programme: a slug of its title, or a hash of a title with no letter or digit. */
export function programmeId(title: string): string {
  return slug(title) || `programme-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`
}

/** A slug of a title: lower case letters and digits, joined by hyphens. */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/([a-z])\p{M}+/giu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The values of a list field: its `;`-separated text, or the items of its nested list; each with its place. */
function splitList(file: VFile, raw: RawField): ListItem[] {
  const items: ListItem[] = []
  for (const part of raw.items ?? [raw]) {
    let from = 0
    for (const piece of part.value.split(';')) {
      const text = fold(piece)
      if (text) {
        const index = part.value.indexOf(text, from)
        const place = part.valueOffset !== undefined && index !== -1 ? span(file, part.valueOffset + index, text.length) : undefined
        items.push({text, place: place ?? part.place})
      }
      from += piece.length + 1
    }
  }
  return items
}

/** Beneficiaries under their canonical names; a group may stand for several, an unknown name for none. */
function resolveItems(items: ListItem[], file: VFile, resolver: BeneficiaryResolver): ListItem[] {
  const seen = new Set<string>()
  return items.flatMap((item) =>
    resolver
      .resolve(item.text, file, item.place)
      .filter((name) => !seen.has(name) && seen.add(name))
      .map((name) => ({text: name, place: item.place}))
  )
}

function readField(file: VFile, raw: RawField, resolver: BeneficiaryResolver): Value | undefined {
  const kind = fieldKinds[raw.key]
  if (kind === 'list') {
    const items = splitList(file, raw)
    return {kind, items: raw.key === 'beneficiaries' ? resolveItems(items, file, resolver) : items}
  }
  if (kind === 'text') return {kind, text: fold(raw.value)}
  const parsed = parseDate(raw.value)
  if (parsed.ok) return {kind, date: parsed.date}
  report(file, 'date-invalid', `Invalid ${raw.label.toLowerCase()} \`${raw.value}\`: ${parsed.reason}`, valuePlace(file, raw))
  return undefined
}

function sameValue(a: Value, b: Value): boolean {
  if (a.kind === 'date' && b.kind === 'date') return a.date.iso === b.date.iso
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text
  if (a.kind === 'list' && b.kind === 'list') {
    const set = (items: ListItem[]) => [...new Set(items.map((item) => item.text.toLowerCase()))].sort().join(';')
    return set(a.items) === set(b.items)
  }
  return false
}

const showValue = (value: Value) =>
  value.kind === 'date' ? value.date.written : value.kind === 'text' ? value.text : value.items.map((item) => item.text).join('; ')

function sourceRef(raw: RawProgramme): SourceRef {
  return {file: sourcePath(raw.file), line: raw.place.start.line, column: raw.place.start.column}
}

function readRecord(raw: RawProgramme, resolver: BeneficiaryResolver): Written | undefined {
  const {file} = raw
  if (!raw.title) {
    report(file, 'programme-title', 'This programme has no title', raw.place)
    return undefined
  }
  const fields = new Map<FieldKey, Field>()
  for (const field of raw.fields) {
    const first = fields.get(field.key)
    if (first) {
      report(file, 'duplicate-field', `The field \`${field.label}\` is given twice for “${raw.title}”`, field.place, {
        cause: related(file, first.raw.place, 'first given here')
      })
      continue
    }
    const value = readField(file, field, resolver)
    if (value) fields.set(field.key, {value, raw: field, file})
  }
  const id = fields.get('id')
  return {raw, id: id?.value.kind === 'text' ? id.value.text : programmeId(raw.title), fields}
}

/** Merge the records of one programme; two different values for a field is an error naming both places. */
function merge(records: Written[]): Map<FieldKey, Field> {
  const merged = new Map<FieldKey, Field>()
  const [first] = records
  for (const record of records) {
    if (record !== first && fold(record.raw.title).toLowerCase() !== fold(first!.raw.title).toLowerCase()) {
      report(record.raw.file, 'merge-conflict', `Programme \`${record.id}\` is titled “${record.raw.title}” here and “${first!.raw.title}” elsewhere`, record.raw.place, {
        cause: related(first!.raw.file, first!.raw.place, 'the other title')
      })
    }
    for (const [key, field] of record.fields) {
      const kept = merged.get(key)
      if (!kept) merged.set(key, field)
      else if (!sameValue(kept.value, field.value)) {
        report(
          field.file,
          'merge-conflict',
          `Programme \`${record.id}\` has ${field.raw.label.toLowerCase()} \`${showValue(field.value)}\` here and \`${showValue(kept.value)}\` in ${sourcePath(kept.file)}`,
          valuePlace(field.file, field.raw),
          {cause: related(kept.file, valuePlace(kept.file, kept.raw), 'the other value')}
        )
      }
    }
  }
  return merged
}

function checkDates(fields: Map<FieldKey, Field>, title: string, meta: Meta | undefined) {
  const start = fields.get('start')
  const end = fields.get('end')
  const startDate = start?.value.kind === 'date' ? start.value.date : undefined
  const endDate = end?.value.kind === 'date' ? end.value.date : undefined
  if (startDate && endDate && lastDay(endDate) < firstDay(startDate)) {
    report(end!.file, 'date-order', `“${title}” ends (${endDate.written}) before it starts (${startDate.written})`, valuePlace(end!.file, end!.raw))
    return
  }
  if (!meta) return
  const {from, to} = meta.period
  const after = startDate && firstDay(startDate) > to
  const before = endDate && lastDay(endDate) < from
  if (after || before) {
    const field = after ? start! : end!
    report(
      field.file,
      'outside-period',
      `“${title}” ${after ? `starts after` : `ended before`} the reporting period ${meta.period.label} (${from} to ${to})`,
      valuePlace(field.file, field.raw)
    )
  }
}

function toProgramme(no: number, id: string, records: Written[], fields: Map<FieldKey, Field>): Programme {
  const programme: Programme = {
    no,
    id,
    title: fold(records[0]!.raw.title),
    beneficiaries: [],
    partners: [],
    description: records.flatMap((record) => record.raw.description),
    sources: records.map((record) => sourceRef(record.raw))
  }
  for (const [key, {value}] of fields) {
    if (key === 'id') continue
    if (value.kind === 'date' && (key === 'start' || key === 'end')) programme[key] = value.date
    else if (value.kind === 'list' && (key === 'beneficiaries' || key === 'partners')) programme[key] = value.items.map((item) => item.text)
    else if (value.kind === 'text' && key !== 'start' && key !== 'end' && key !== 'beneficiaries' && key !== 'partners') programme[key] = value.text
  }
  return programme
}

function programmes(extracted: Extracted, meta: Meta | undefined, resolver: BeneficiaryResolver): Programme[] {
  const groups = new Map<string, Written[]>()
  for (const raw of extracted.programmes) {
    const record = readRecord(raw, resolver)
    if (!record) continue
    const group = groups.get(record.id)
    const twin = group?.find((other) => other.raw.file === raw.file && other.raw.form === raw.form)
    if (twin) {
      report(raw.file, 'duplicate-id', `A second programme with ID \`${record.id}\` (“${raw.title}”)`, raw.place, {
        cause: related(twin.raw.file, twin.raw.place, 'first defined here')
      })
    } else if (group) group.push(record)
    else groups.set(record.id, [record])
  }

  const titled = new Map<string, Written>()
  for (const [, [first]] of groups) {
    const title = fold(first!.raw.title).toLowerCase()
    const other = titled.get(title)
    if (!other) titled.set(title, first!)
    else {
      report(first!.raw.file, 'duplicate-title', `Another programme is also titled “${first!.raw.title}”, with ID \`${other.id}\` (this one is \`${first!.id}\`)`, first!.raw.place, {
        cause: related(other.raw.file, other.raw.place, 'the other programme')
      })
    }
  }

  return [...groups].map(([id, records], index) => {
    const fields = merge(records)
    const first = records[0]!.raw
    checkDates(fields, first.title, meta)
    const beneficiaries = fields.get('beneficiaries')
    if (!beneficiaries || (beneficiaries.value.kind === 'list' && beneficiaries.value.items.length === 0)) {
      report(first.file, 'no-beneficiaries', `“${first.title}” names no beneficiaries`, first.place)
    }
    return toProgramme(index + 1, id, records, fields)
  })
}

/**
 * Number headings `1`, `1.1`, … and top-level paragraphs 1, 2, … straight through. The shallowest heading level
 * used counts as the first, and a skipped level counts as 1, so numbers never hold a 0.
 */
function numberBody(blocks: readonly Block[]): Block[] {
  const depths = blocks.flatMap((block) => (block.type === 'heading' ? [block.depth] : []))
  const base = Math.min(...depths, 6) - 1
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

/**
 * Check the programmes and assemble the report model. Problems are reported on the source files;
 * without front matter the programmes are still checked, but there is no model.
 */
export function validate(meta: Meta | undefined, extracted: Extracted, labels: Labels): Report | undefined {
  const resolver = new BeneficiaryResolver()
  const checked = programmes(extracted, meta, resolver)
  if (!meta) return undefined
  const named = new Set(checked.flatMap((programme) => programme.beneficiaries))
  return Report.parse({
    member: meta.member,
    period: meta.period,
    date: meta.date,
    symbol: meta.symbol,
    job: meta.job,
    original: meta.original ?? labels.languageName,
    language: meta.language,
    requester: meta.requester ?? fill(labels.requester, {member: meta.member}),
    body: numberBody(extracted.narrative),
    annexIntro: extracted.annexIntro,
    programmes: checked,
    beneficiaries: resolver.describe(named, meta.period)
  })
}
