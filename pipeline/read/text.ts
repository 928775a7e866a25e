// Source text as every later stage reads it: line ends made LF (CRLF and old Mac CR), text in Unicode NFC (so a
// title typed with combining accents equals the same title typed precomposed), and invisible characters removed (a
// form feed or the like left as a space), each run of them reported where it was. How the result lines up with the
// file as saved is kept for messages.
import type {Position} from 'unist'
import type {SavedText} from '../place.js'

/**
 * Characters removed from the text: controls other than tab and line feed, and Unicode's default-ignorable code
 * points (zero-width spaces and joiners, direction marks, embeddings and isolates, soft hyphens, variation selectors,
 * fillers…). No font draws them; in names they keep equal-looking names from matching, and direction controls can
 * reorder what a reader sees in the XLSX and JSON.
 */
const invisibleClass = String.raw`[\0-\x08\x0B-\x1F\x7F-\x9F\p{Default_Ignorable_Code_Point}]`
/**
 * The invisible characters that part text as a line end or page break does (vertical tab, form feed, next line): each
 * is read as a space, so the words on either side stay apart, and the columns of the line as saved stay the same.
 */
const spacingClass = String.raw`[\x0B\x0C\x85]`
const spacingAll = new RegExp(spacingClass, 'gu')
const spacingOne = new RegExp(`^${spacingClass}$`, 'u')
export const readAsSpace = (character: string) => spacingOne.test(character)
const invisible = new RegExp(invisibleClass, 'u')
const invisibleAll = new RegExp(invisibleClass, 'gu')
/** The characters of `text` that reading removes, each once (after reading, only a character reference or a YAML escape gives one). */
export const invisiblesIn = (text: string) => [...new Set(text.match(invisibleAll))]
const invisibleRuns = new RegExp(`${invisibleClass}+`, 'gu')
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

const clean = (line: string) => line.replace(spacingAll, ' ').replace(invisibleAll, '').normalize('NFC')

const notPlain = /[^\t\x20-\x7E]/gu
/** What canonical composition may join to the character before: combining marks, Hangul vowel and final jamo. */
const joining = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u
const joiningRun = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]*/uy

/**
 * A changed line cleaned piece by piece, with an anchor wherever the difference between read and saved columns
 * changes. A piece is a character other than plain ASCII, or an ASCII one followed by a combining mark, with what may
 * join it after it: cleaning changes nothing else. Should the pieces not add up to the whole line cleaned, which no
 * real text does, columns are kept as they are on that line.
 */
function cleanLine(line: string, whole: string): {text: string; anchors: Array<[number, number]>} {
  const anchors: Array<[number, number]> = []
  let text = ''
  let copied = 0
  notPlain.lastIndex = 0
  for (let found = notPlain.exec(line); found; found = notPlain.exec(line)) {
    // A mark after a plain character joins it: the piece starts there.
    const start = found.index > copied && joining.test(found[0]) ? found.index - 1 : found.index
    joiningRun.lastIndex = found.index + found[0].length
    joiningRun.exec(line)
    const end = joiningRun.lastIndex
    text += line.slice(copied, start)
    const cleaned = clean(line.slice(start, end))
    text += cleaned
    copied = end
    notPlain.lastIndex = end
    if (cleaned.length !== end - start) {
      // After a removed piece, the next one's anchor replaces its own: the same column as read.
      if (anchors.at(-1)?.[0] === text.length + 1) anchors.pop()
      anchors.push([text.length + 1, end + 1])
    }
  }
  text += line.slice(copied)
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
    const whole = plain.test(line) ? line : clean(line)
    if (whole === line) {
      lines.push(line)
    } else {
      for (const run of invisibleRunsOf(line, number, start)) removed.push(run)
      const cleaned = cleanLine(line, whole)
      lines.push(cleaned.text)
      if (cleaned.anchors.length > 0) columns.set(number, cleaned.anchors)
    }
    if (!end) break
    start = end.index + end[0].length
  }
  return {text: lines.join('\n'), removed, saved: {lineStarts, columns}}
}
