// The front matter's member and period, recognised in the paragraphs of an imported page when not given.
import {entries} from '../registry/registry.js'
import type {Piece} from './page.js'

/** A value found in the text, and where. */
export interface Found {
  value: string
  offset: number
  length: number
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

let patterns: Array<{name: string; pattern: RegExp}> | undefined

/**
 * Each Member's and organisation's names and aliases, in English, French and Spanish, as a pattern of whole words,
 * matched with their case. Not those of the organisations that only report (WIPO…): Members' pages name them as
 * partners, often.
 */
function memberPatterns() {
  patterns ??= entries
    .filter((entry) => (entry.kind === 'member' || entry.kind === 'organisation') && entry.beneficiary)
    .map((entry) => {
      const names = [entry, entry.fr, entry.es].flatMap(({name, inSentence, aliases}) => [name, ...(inSentence ? [inSentence] : []), ...aliases])
      // Longest first, so that "République de Corée" is not matched as a shorter name it holds.
      const alternatives = [...new Set(names)].sort((a, b) => b.length - a.length).map(escape)
      return {name: entry.name, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu')}
    })
  return patterns
}

/** The Member (or organisation) the paragraphs name most often, the first named on a tie, and how often. */
export function findMember(paragraphs: readonly Piece[]): (Found & {times: number}) | undefined {
  let best: (Found & {times: number}) | undefined
  for (const {name, pattern} of memberPatterns()) {
    let times = 0
    let first: Found | undefined
    for (const paragraph of paragraphs) {
      for (const match of paragraph.text.matchAll(pattern)) {
        times++
        first ??= {value: name, offset: paragraph.offset + match.index, length: match[0].length}
      }
    }
    if (first && (!best || times > best.times || (times === best.times && first.offset < best.offset))) best = {...first, times}
  }
  return best
}

const periodPatterns = [
  /\b(\d{4})\s*[-–]\s*(\d{4})\s+(?:period|période|período)\b/iu,
  /\b(?:period|période|período)\s+(?:of\s+|from\s+|de\s+|del\s+)?(\d{4})\s*[-–]\s*(\d{4})\b/iu
]

/** The period a paragraph names, "covering the 2020-2021 period", as `2020-2021`: the first one. */
export function findPeriod(paragraphs: readonly Piece[]): Found | undefined {
  for (const paragraph of paragraphs) {
    for (const pattern of periodPatterns) {
      const match = pattern.exec(paragraph.text)
      if (match) return {value: `${match[1]}-${match[2]}`, offset: paragraph.offset + match.index, length: match[0].length}
    }
  }
  return undefined
}
