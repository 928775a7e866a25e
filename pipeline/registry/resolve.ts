// Resolve a beneficiary as written to a registry entry, a named group, deliberate free text, or suggestions.
import type {IsoDate} from '../model.js'
import {editDistance} from '../suggest.js'
import {entries, entryNamed, groups} from './registry.js'
import type {Entry, Group} from './schema.js'

export type Resolution =
  /** `alias` is the text as written, when it differs from the entry's name. */
  | {kind: 'entity'; entry: Entry; alias?: string}
  /** `members` is empty when the group is kept as written. */
  | {kind: 'group'; group: Group; members: readonly Entry[]; alias?: string}
  /** Written in double quotes on purpose; `text` is without them. */
  | {kind: 'free'; text: string}
  /** At most three registry names, nearest first. */
  | {kind: 'unknown'; suggestions: string[]}

type Known = Extract<Resolution, {kind: 'entity' | 'group'}>

/**
 * A name folded for matching: case, accents, apostrophes and full stops dropped ("U.S." = "US"), "&" read as "and",
 * other punctuation, dashes and spaces folded to one space, a leading or trailing "the" dropped ("The Gambia",
 * "Gambia, The"), a leading "St" read as "Saint".
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['‘’‛ʼ`´.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the |\bthe$/g, '')
    .replace(/^st /, 'saint ')
    .trim()
}

let index: Map<string, Known> | undefined

/** Every normalised name and alias, with what it resolves to; built on first use. */
function lookup(): Map<string, Known> {
  if (index) return index
  const built = new Map<string, Known>()
  const add = (written: string, known: Known) => {
    const key = normalizeName(written)
    const taken = built.get(key)
    if (taken) throw new Error(`Beneficiary registry: “${written}” is also ${canonical(taken)}`)
    built.set(key, known)
  }
  for (const entry of entries) {
    for (const written of [entry.name, ...entry.aliases]) add(written, {kind: 'entity', entry})
  }
  for (const group of groups) {
    const members = group.expand ? group.members.map(named) : []
    for (const written of [group.name, ...group.aliases]) add(written, {kind: 'group', group, members})
  }
  return (index = built)
}

function named(name: string): Entry {
  const entry = entryNamed(name)
  if (!entry) throw new Error(`Beneficiary registry: no entry named “${name}”`)
  return entry
}

function canonical(known: Known): string {
  return known.kind === 'entity' ? known.entry.name : known.group.name
}

/** What a beneficiary as written stands for. Text in double quotes, straight or curly, is free text on purpose. */
export function resolveBeneficiary(text: string): Resolution {
  const written = text.trim()
  const quoted = /^["“”„](.+)["“”]$/su.exec(written)
  if (quoted) return {kind: 'free', text: quoted[1]!}
  const key = normalizeName(written)
  const known = lookup().get(key)
  if (!known) return {kind: 'unknown', suggestions: suggest(key)}
  return written === canonical(known) ? {...known} : {...known, alias: written}
}

/**
 * Registry names near a normalised input, at most three, nearest first: within an edit distance of a third of its
 * length ("vietnan"), or sharing its words when one side's words are all in the other ("guinea biss",
 * "aripo secretariat"), scored by the words left over.
 */
function suggest(input: string): string[] {
  if (!input) return []
  const limit = Math.max(1, Math.floor(input.length / 3))
  const words = input.split(' ')
  const best = new Map<string, number>()
  for (const [key, known] of lookup()) {
    const distance = editDistance(input, key)
    const score = Math.min(distance <= limit ? distance : Infinity, wordGap(words, key.split(' ')))
    const name = canonical(known)
    if (score < (best.get(name) ?? Infinity)) best.set(name, score)
  }
  return [...best]
    .sort(([a, sa], [b, sb]) => sa - sb || a.localeCompare(b, 'en'))
    .slice(0, 3)
    .map(([name]) => name)
}

/** Words left unmatched on both sides, when all of one side match (equal, or a word of 3+ letters begins one). */
function wordGap(input: string[], key: string[]): number {
  const matches = (word: string, other: string) => word === other || (word.length >= 3 && other.startsWith(word))
  const inputLeft = input.filter((word) => !key.some((other) => matches(word, other))).length
  const keyLeft = key.filter((other) => !input.some((word) => matches(word, other))).length
  return inputLeft === 0 || keyLeft === 0 ? inputLeft + keyLeft : Infinity
}

/** Whether the entry was an LDC on any day from `from` to `to`, both included. */
export function isLdc(entry: Entry, from: IsoDate, to: IsoDate): boolean {
  return entry.ldc.some((span) => (!span.from || span.from <= to) && (!span.to || span.to > from))
}

