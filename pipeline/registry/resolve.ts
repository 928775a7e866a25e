// Resolve a beneficiary as written to a registry entry, a named group, deliberate free text, or suggestions.
import {compareEnglish} from '../collate.js'
import type {IsoDate} from '../model.js'
import {editDistance} from '../suggest.js'
import {nonMembers} from './non-members.js'
import {regions} from './regions.js'
import {entries, entryNamed, groups, isRegistryLanguage, nameIn, writtenNames} from './registry.js'
import type {Entry, Group, RegistryLanguage} from './schema.js'

export type Resolution =
  /** `alias` is the text as written, when it differs from the entry's name. */
  | {kind: 'entity'; entry: Entry; alias?: string}
  /** `members` is empty when the group is kept as written. */
  | {kind: 'group'; group: Group; members: readonly Entry[]; alias?: string}
  /** Written in double quotes on purpose; `text` is without them. */
  | {kind: 'free'; text: string}
  /** A region such as Africa (`regions.ts`). */
  | {kind: 'region'}
  /** Several names separated by `,` or "and": each of `names` as written, at least two of them known. */
  | {kind: 'list'; names: string[]}
  /**
   * At most three registry names, nearest first, each in the language of the name or alias it is near: in the
   * report's language when names of one entry in several languages are equally near ("Bénim": `Bénin` in French).
   * `nonMember`: a state neither a WTO Member nor an observer (`non-members.ts`), with no suggestions.
   */
  | {kind: 'unknown'; suggestions: string[]; nonMember?: true}

type Known = Extract<Resolution, {kind: 'entity' | 'group'}>

/**
 * What a normalised name stands for, and the names a suggestion shows for it: the entry's name in each language one
 * of whose names or aliases folds to the key ("Benin" and "Bénin" are one key), the first inserted (English) first.
 */
interface Keyed {
  known: Known
  shown: Map<RegistryLanguage, string>
}

/**
 * A name folded for matching: case, accents, apostrophes and full stops dropped ("U.S." = "US"), "&" read as "and",
 * other punctuation, dashes and spaces folded to one space, a leading or trailing "the" dropped ("The Gambia",
 * "Gambia, The") and so a leading French or Spanish article ("l'Inde", "el Perú", "les Philippines"), a leading "St"
 * read as "Saint".
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/^l['‘’‛ʼ`´]\s*/, '')
    .replace(/['‘’‛ʼ`´.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|le|la|les|el|los|las) |\bthe$/g, '')
    .replace(/^st /, 'saint ')
    .trim()
}

let index: Map<string, Keyed> | undefined

/**
 * Every normalised name and alias in English, French and Spanish, with what it resolves to; built on first use. A
 * name the languages share ("Canada") is one key; a key that would stand for two entries is a registry error.
 */
function lookup(): Map<string, Keyed> {
  if (index) return index
  const built = new Map<string, Keyed>()
  const add = (written: string, known: Known, language: RegistryLanguage, shown: string) => {
    const key = normalizeName(written)
    const taken = built.get(key)
    if (taken && canonical(taken.known) !== canonical(known)) throw new Error(`Beneficiary registry: “${written}” is also ${canonical(taken.known)}`)
    if (!taken) built.set(key, {known, shown: new Map([[language, shown]])})
    else if (!taken.shown.has(language)) taken.shown.set(language, shown)
  }
  for (const entry of entries) {
    const known: Known = {kind: 'entity', entry}
    for (const {written, language} of writtenNames(entry)) add(written, known, language, nameIn(entry, language))
  }
  for (const group of groups) {
    const known: Known = {kind: 'group', group, members: group.expand ? group.members.map(named) : []}
    for (const written of [group.name, ...group.aliases]) add(written, known, 'en', group.name)
    for (const language of ['fr', 'es'] as const) {
      const local = group[language]
      if (local) for (const written of [local.name, ...local.aliases]) add(written, known, language, local.name)
    }
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

let regionKeys: Set<string> | undefined

function isRegion(text: string): boolean {
  regionKeys ??= new Set(regions.map(normalizeName))
  return regionKeys.has(normalizeName(text))
}

let nonMemberKeys: Set<string> | undefined

function isNonMember(text: string): boolean {
  nonMemberKeys ??= new Set(nonMembers.map(normalizeName))
  return nonMemberKeys.has(normalizeName(text))
}

/** Whether a programme may name it as a beneficiary: all but the organisations that only report (WIPO…). */
const isBeneficiary = (known: Known) => known.kind === 'group' || known.entry.beneficiary

/**
 * What a beneficiary as written stands for. Text in double quotes, straight or curly, or in guillemets, is free text
 * on purpose. The suggestions for an unknown name prefer names in `language`, the report's.
 */
export function resolveBeneficiary(text: string, language = 'en'): Resolution {
  const written = text.trim()
  const quoted = /^["“”„](.+)["“”]$/su.exec(written)
  if (quoted?.[1]!.trim()) return {kind: 'free', text: quoted[1]!}
  // French and Spanish guillemets, with the (no-break) spaces French sets inside them.
  const guillemets = /^«(.+)»$/su.exec(written)?.[1]!.trim()
  if (guillemets) return {kind: 'free', text: guillemets}
  const key = normalizeName(written)
  const known = lookup().get(key)?.known
  if (known && isBeneficiary(known)) return written === canonical(known) ? {...known} : {...known, alias: written}
  if (isRegion(written)) return {kind: 'region'}
  if (isNonMember(written)) return {kind: 'unknown', suggestions: [], nonMember: true}
  const names = listed(written)
  if (names) return {kind: 'list', names}
  return {kind: 'unknown', suggestions: suggest(key, isBeneficiary, language)}
}

/** The reporting Member (or observer, or organisation) as written, by its registry entry; suggestions as above. */
export function resolveMember(text: string, language = 'en'): {kind: 'entity'; entry: Entry} | {kind: 'unknown'; suggestions: string[]} {
  const key = normalizeName(text)
  const known = lookup().get(key)?.known
  if (known?.kind === 'entity') return {kind: 'entity', entry: known.entry}
  return {kind: 'unknown', suggestions: suggest(key, (candidate) => candidate.kind === 'entity', language)}
}

/**
 * The names of `written` read as a list separated by `,`, "and", "&" or `<br>` (a line break in a table cell converted
 * from a spreadsheet), when at least two of them are known names or regions. Neighbouring pieces are joined again
 * where together they make a known name, since WTO names hold commas and "and" (`Bolivia, Plurinational State of`,
 * `Trinidad and Tobago`).
 */
function listed(written: string): string[] | undefined {
  // Pieces at even indexes, the separators between them at odd ones.
  const tokens = written.split(/(\s*,\s*|\s+(?:and|et|y)\s+|\s*&\s*|\s*<br\s*\/?>\s*)/i)
  const pieces = (tokens.length + 1) / 2
  if (pieces < 2) return undefined
  const recognised = (name: string) => lookup().has(normalizeName(name)) || isRegion(name)
  // best[j]: how pieces 0 to j-1 read with the most known names, then the fewest names.
  const best: Array<{known: number; names: string[]}> = [{known: 0, names: []}]
  for (let end = 1; end <= pieces; end++) {
    for (let start = 0; start < end; start++) {
      const name = tokens.slice(2 * start, 2 * end - 1).join('').trim()
      const isKnown = recognised(name)
      if (!isKnown && end - start > 1) continue
      const known = best[start]!.known + (isKnown ? 1 : 0)
      const names = name ? [...best[start]!.names, name] : best[start]!.names
      const current = best[end]
      if (!current || known > current.known || (known === current.known && names.length < current.names.length)) best[end] = {known, names}
    }
  }
  return best[pieces]!.known >= 2 ? best[pieces]!.names : undefined
}

/** Words that do not tell names apart when matching words: "Republic of the Congo" is "Congo, Republic of". */
const stopwords = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'del', 'la', 'le', 'les', 'et', 'y'])
/**
 * Words that name no place: left over in a written name, they do not make it another one ("ARIPO Secretariat",
 * "OAPI member states", "ASEAN countries").
 */
const generic = ['republic', 'kingdom', 'state', 'states', 'government', 'secretariat', 'commission', 'office', 'member', 'country']

const wordsOf = (key: string) => key.split(' ').filter((word) => word && !stopwords.has(word))

/** The length of the longest common beginning of two words. */
function commonStart(a: string, b: string): number {
  let length = 0
  while (length < a.length && a[length] === b[length]) length++
  return length
}

/**
 * A written word matches a registry word when equal, when it begins it (3 letters or more: "biss"), and from 5
 * letters when one typo away ("bisau"), or when both share all but the last letter of the shorter one: the same
 * word in another language ("république", "democrática").
 */
function sameWord(word: string, other: string): boolean {
  if (word === other || (word.length >= 3 && other.startsWith(word))) return true
  const shorter = Math.min(word.length, other.length)
  if (shorter < 5) return false
  return commonStart(word, other) >= shorter - 1 || (Math.abs(word.length - other.length) <= 1 && editDistance(word, other) <= 1)
}

/** The compass points of names, in the three languages: "North Korea" is never the "South Korea" one letter off. */
const compassPoints: Record<string, string> = {
  north: 'north', nord: 'north', norte: 'north',
  south: 'south', sud: 'south', sur: 'south',
  east: 'east', est: 'east', este: 'east',
  west: 'west', ouest: 'west', oeste: 'west'
}

const longCompassWords = Object.keys(compassPoints).filter((word) => word.length >= 4)

/**
 * The compass point a word names: as written, or, with `typos` (for the name written, not the registry's, whose
 * "Leste" and "least" are a letter from "este" and "east"), a typo away for words of 4 letters or more ("norht").
 */
function compassPoint(word: string, typos: boolean): string[] {
  const exact = compassPoints[word]
  if (exact) return [exact]
  if (!typos || word.length < 4) return []
  const near = longCompassWords.find((point) => Math.abs(point.length - word.length) <= 1 && editDistance(word, point) <= 1)
  return near ? [compassPoints[near]!] : []
}

/** The compass points a normalised name's words hold, sorted and joined ('' for none); see `compassPoint`. */
const compassOf = (key: string, typos: boolean) => [...new Set(key.split(' ').flatMap((word) => compassPoint(word, typos)))].sort().join(' ')

/**
 * Registry names near a normalised input, at most three, nearest first, among the candidates `accept` takes: within
 * an edit distance of a third of its length ("vietnan"), or sharing its words (`wordGap`), scored by the words left
 * over; never by a name with other compass points than the input's. Each is shown in the language of the key it is
 * nearest by, in `language` when that is one of them (a language the registry has no names in is English).
 */
function suggest(input: string, accept: (candidate: Known) => boolean, language: string): string[] {
  if (!input) return []
  const preferred: RegistryLanguage = isRegistryLanguage(language) ? language : 'en'
  const limit = Math.max(1, Math.floor(input.length / 3))
  const words = wordsOf(input)
  const compass = compassOf(input, true)
  // Per entity or group, its best score, the name shown for the key that gave it, and whether it is in `preferred`.
  const best = new Map<string, {score: number; shown: string; local: boolean}>()
  for (const [key, {known, shown}] of lookup()) {
    if (!accept(known)) continue
    // A name with other compass points is another place, however few letters tell them apart.
    const keyCompass = compassOf(key, false)
    if (compass && keyCompass && compass !== keyCompass) continue
    // The distance is at least the difference in length: only near lengths are worth measuring.
    const distance = Math.abs(input.length - key.length) <= limit ? editDistance(input, key) : Infinity
    const score = Math.min(distance <= limit ? distance : Infinity, wordGap(words, wordsOf(key)))
    if (score === Infinity) continue
    const name = canonical(known)
    const local = shown.has(preferred)
    const current = best.get(name)
    if (!current || score < current.score || (score === current.score && local && !current.local)) {
      best.set(name, {score, shown: shown.get(preferred) ?? [...shown.values()][0]!, local})
    }
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || compareEnglish(a.shown, b.shown))
    .slice(0, 3)
    .map(({shown}) => shown)
}

/**
 * The words left over on both sides, when every written word is in the registry name ("guinea biss" for
 * Guinea-Bissau), or when every word of the registry name is written and what is left is generic ("guinea
 * republic"). A registry name merely contained in a longer written one is another entity: "République démocratique
 * du Congo" is not Congo, and "South Sudan" is not Sudan.
 */
function wordGap(input: string[], key: string[]): number {
  if (input.length === 0) return Infinity
  const inputLeft = input.filter((word) => !key.some((other) => sameWord(word, other)))
  const keyLeft = key.filter((other) => !input.some((word) => sameWord(word, other)))
  if (inputLeft.length === 0) return keyLeft.length
  if (keyLeft.length === 0 && inputLeft.every((word) => generic.some((other) => sameWord(word, other)))) return inputLeft.length
  return Infinity
}

/** Whether the entry was an LDC on any day from `from` to `to`, both included. */
export function isLdc(entry: Entry, from: IsoDate, to: IsoDate): boolean {
  return entry.ldc.some((span) => (!span.from || span.from <= to) && (!span.to || span.to > from))
}


/** Whether `text` is a beneficiary's name or alias in the registry (a Member, observer, organisation or named group). */
export function isKnownName(text: string): boolean {
  const known = lookup().get(normalizeName(text))?.known
  return known !== undefined && isBeneficiary(known)
}
