// Source text as every later stage reads it: line ends made LF (CRLF and old Mac CR), text in Unicode NFC (so a
// title typed with combining accents equals the same title typed precomposed), and invisible characters removed,
// each run of them reported where it was. How the result lines up with the file as saved is kept for messages.
import type {Position} from 'unist'
import type {SavedText} from '../place.js'

/**
 * Characters removed from the text: controls other than tab and line feed, and Unicode's default-ignorable code
 * points (zero-width spaces and joiners, direction marks, embeddings and isolates, soft hyphens, variation selectors,
 * fillers…). No font draws them; in names they keep equal-looking names from matching, and direction controls can
 * reorder what a reader sees in the XLSX and JSON.
 */
const invisible = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Default_Ignorable_Code_Point}]/u
const invisibleRuns = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Default_Ignorable_Code_Point}]+/gu
const invisibleAll = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Default_Ignorable_Code_Point}]/gu
/** Nothing to change on a line of plain ASCII text without control characters. */
const plain = /^[\t\x20-\x7E]*$/

/** A run of invisible characters removed: its place in the file as saved and what it held. */
export interface InvisibleRun {
  place: Position
  /** Each character once, in order of first appearance. */
  characters: string[]
  /** How many characters the run held. */
  count: number
}

export interface SourceText {
  /** The text as read. */
  text: string
  removed: InvisibleRun[]
  /** How the text lines up with the file as saved; absent when they are the same. */
  saved?: SavedText
}

const clean = (line: string) => line.replace(invisibleAll, '').normalize('NFC')

const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'})

/**
 * A changed line cleaned cluster by cluster (removal and composition never reach across a grapheme cluster), with
 * an anchor wherever the difference between read and saved columns changes. Should the clusters not add up to the
 * whole line cleaned, which no real text does, columns are kept as they are.
 */
function cleanLine(line: string): {text: string; anchors: Array<[number, number]>} {
  const whole = clean(line)
  const anchors: Array<[number, number]> = []
  let text = ''
  let shift = 0
  for (const {segment, index} of graphemes.segment(line)) {
    if (index - text.length !== shift) {
      shift = index - text.length
      // After a removed cluster, the next one's anchor replaces its own: the same column as read.
      if (anchors.at(-1)?.[0] === text.length + 1) anchors.pop()
      anchors.push([text.length + 1, index + 1])
    }
    text += clean(segment)
  }
  return text === whole ? {text, anchors} : {text: whole, anchors: []}
}

function invisibleRunsOf(line: string, lineNumber: number, lineStart: number): InvisibleRun[] {
  return [...line.matchAll(invisibleRuns)].map((match) => {
    const characters = [...match[0]]
    const start = match.index
    const end = start + match[0].length
    return {
      place: {
        start: {line: lineNumber, column: start + 1, offset: lineStart + start},
        end: {line: lineNumber, column: end + 1, offset: lineStart + end}
      },
      characters: [...new Set(characters)],
      count: characters.length
    }
  })
}

/** `raw` (decoded, without a byte-order mark) as the later stages read it. */
export function sourceText(raw: string): SourceText {
  if (!raw.includes('\r') && !invisible.test(raw) && raw.normalize('NFC') === raw) return {text: raw, removed: []}
  const lines: string[] = []
  const lineStarts: number[] = []
  const columns = new Map<number, Array<[number, number]>>()
  const removed: InvisibleRun[] = []
  const lineEnd = /\r\n|\r|\n/g
  let start = 0
  for (let number = 1; ; number++) {
    const end = lineEnd.exec(raw)
    const line = raw.slice(start, end ? end.index : raw.length)
    lineStarts.push(start)
    if (plain.test(line) || clean(line) === line) {
      lines.push(line)
    } else {
      removed.push(...invisibleRunsOf(line, number, start))
      const cleaned = cleanLine(line)
      lines.push(cleaned.text)
      if (cleaned.anchors.length > 0) columns.set(number, cleaned.anchors)
    }
    if (!end) break
    start = end.index + end[0].length
  }
  return {text: lines.join('\n'), removed, saved: {lineStarts, columns}}
}
