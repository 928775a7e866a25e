// "Did you mean …?": the nearest known word by edit distance.

/** Damerau-Levenshtein distance (optimal string alignment): edits, with a swap of neighbours as one. */
export function editDistance(a: string, b: string): number {
  let before: number[] = []
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2]! + 1)
      row.push(cost)
    }
    before = previous
    previous = row
  }
  return previous[b.length]!
}

export const foldForMatching = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim()

/** The candidate nearest to `word`, if it is near enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const folded = foldForMatching(word)
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(folded, foldForMatching(candidate))
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= Math.max(2, Math.floor(folded.length / 3)) ? best : undefined
}

/** The most edits a typo makes in a word of `length` characters: one up to 11 characters, one more every 12. */
export const typoEdits = (length: number) => (length < 4 ? 0 : 1 + Math.floor(length / 12))

/** The candidate `word` is a likely typo of (within `typoEdits` of it, not equal), if any: the nearest one. */
export function typoOf(word: string, candidates: readonly string[]): string | undefined {
  const folded = foldForMatching(word)
  let best: string | undefined
  let bestDistance = typoEdits(folded.length) + 1
  for (const candidate of candidates) {
    const other = foldForMatching(candidate)
    if (Math.abs(other.length - folded.length) >= bestDistance) continue
    const distance = editDistance(folded, other)
    if (distance > 0 && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Rows of `withinEdits`, kept between calls and grown as needed. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * Whether `a` and `b` are at most `limit` edits apart (the distance of `editDistance`), computing only the band of
 * cells that can stay within it and stopping as soon as a row is all beyond it.
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(2 * b.length + 2))
  let [before, previous, row] = rows as [Int32Array, Int32Array, Int32Array]
  const beyond = limit + 1
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, beyond)
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - limit)
    const high = Math.min(b.length, i + limit)
    row[0] = Math.min(i, beyond)
    // The cells just outside the band are beyond the limit; the next rows read them.
    row[low - 1] = low > 1 ? beyond : row[0]
    if (high < b.length) row[high + 1] = beyond
    let best = low > 1 ? beyond : row[0]
    for (let j = low; j <= high; j++) {
      let cost = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2]! + 1)
      row[j] = Math.min(cost, beyond)
      best = Math.min(best, row[j]!)
    }
    if (best > limit) return false
    ;[before, previous, row] = [previous, row, before]
  }
  return previous[b.length]! <= limit
}

const gramSize = 3
/** 3-grams one edit can spoil: 3 for a change, 4 for a swap of neighbours. */
const spoiledByEdit = gramSize + 1

/** The distinct 3-grams of a word, with a boundary mark at each end so short words have some. */
function grams(word: string): string[] {
  const marked = `\u0002${word}\u0003`
  const found = new Set<string>()
  for (let i = 0; i + gramSize <= marked.length; i++) found.add(marked.slice(i, i + gramSize))
  return [...found]
}

/**
 * For each word, the first other word (in index order) within `maxEdits(shorter length)` edits of it that
 * `accept` takes, if any; equal words are not near. `maxEdits` must not decrease with length.
 * Not every pair is compared: equal words are compared once, and since an edit (a swap of neighbours included)
 * spoils at most 4 of a word's 3-grams, a word within d edits of another shares one of any 4d + 1 of its 3-grams
 * with it, so each word is compared only with the words holding one of its 4d + 1 rarest 3-grams (prefix filtering);
 * a word with fewer 3-grams than that (a short one: `-caa` and `-aca` share none) is compared with every word.
 */
export function firstNear(words: readonly string[], maxEdits: (length: number) => number, accept: (index: number, other: number) => boolean): Array<number | undefined> {
  // Equal words, by distinct word, in index order.
  const members = new Map<string, number[]>()
  words.forEach((word, index) => {
    const same = members.get(word)
    if (same) same.push(index)
    else members.set(word, [index])
  })
  const distinct = [...members.keys()]
  const distinctGrams = distinct.map(grams)
  const holders = new Map<string, number[]>()
  distinctGrams.forEach((list, index) => {
    for (const gram of list) {
      const holding = holders.get(gram)
      if (holding) holding.push(index)
      else holders.set(gram, [index])
    }
  })
  const rarity = (gram: string) => holders.get(gram)!.length
  // The last word each distinct word was compared with, so that each pair is compared once.
  const comparedWith = new Int32Array(distinct.length).fill(-1)
  const near = distinct.map((word, index) => {
    const found: number[] = []
    const edits = maxEdits(word.length)
    if (edits === 0) return found
    comparedWith[index] = index
    const compare = (other: number) => {
      if (comparedWith[other] === index) return
      comparedWith[other] = index
      const otherWord = distinct[other]!
      const limit = maxEdits(Math.min(word.length, otherWord.length))
      if (limit > 0 && withinEdits(word, otherWord, limit)) found.push(other)
    }
    const wordGrams = distinctGrams[index]!
    // A word with no more 3-grams than its edits can spoil may share none with a near word: it is compared with all.
    if (wordGrams.length <= spoiledByEdit * edits) {
      for (let other = 0; other < distinct.length; other++) compare(other)
      return found
    }
    const prefix = wordGrams.sort((a, b) => rarity(a) - rarity(b) || (a < b ? -1 : 1)).slice(0, spoiledByEdit * edits + 1)
    for (const gram of prefix) for (const other of holders.get(gram)!) compare(other)
    return found
  })
  const nearOf = new Map(distinct.map((word, index) => [word, near[index]!]))
  return words.map((word, index) => {
    let first: number | undefined
    for (const group of nearOf.get(word)!) {
      const found = members.get(distinct[group]!)!.find((other) => accept(index, other))
      if (found !== undefined && (first === undefined || found < first)) first = found
    }
    return first
  })
}
