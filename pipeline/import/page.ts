// An e-TRIPS page as copied from the browser, cut into its parts: the numbered paragraphs and the rows of the list
// of programmes, each with its line. The interface's own texts (title, list heading, column titles) are left out.
import {interfaceLine, type Interface} from './interfaces.js'

/** A line of the page: its text without the line end, its number from 1, and the offset of its start. */
export interface Line {
  text: string
  line: number
  offset: number
}

/** Text of the page and where it starts. */
export interface Piece {
  text: string
  /** Offset of the text's first character in the page. */
  offset: number
  line: number
}

export interface Row {
  /** The row number as e-TRIPS prints it. */
  number: number
  /** The number as written, with its place. */
  numberAt: Piece
  /** The number of the row before; undefined for the first row. */
  previous: number | undefined
  /** The rest of the row: title, start date and beneficiaries separated by spaces only. */
  text: string
  /** The row's line. */
  at: Line
  /** Lines read as the end of this row. */
  continued: Continuation[]
}

/** A line read as the end of the row before it: it does not start with a row number, or not with the next row's. */
export interface Continuation extends Line {
  /** The number it starts with, if any. */
  number: number | undefined
}

export interface Page {
  /** The interface recognised from its texts, if any. */
  ui: Interface | undefined
  /** The body's paragraphs, the page's own numbers (see `readPage`) and the trailing `;;` removed. */
  paragraphs: Piece[]
  /** Text between the list heading and the first row that is not one of the interface's texts. */
  listIntro: Piece[]
  /** The line that starts the list of programmes (its heading or column titles); undefined when there is none. */
  list: Line | undefined
  /** Whether the page numbers its paragraphs as e-TRIPS does: 1, 2, 3… */
  numbered: boolean
  rows: Row[]
  /** How the page was saved when it is a web page (HTML) rather than its text: how it starts, and where. */
  webPage: Piece | undefined
}

export function lines(text: string): Line[] {
  const found: Line[] = []
  let offset = 0
  text.split('\n').forEach((line, index) => {
    found.push({text: line, line: index + 1, offset})
    offset += line.length + 1
  })
  return found
}

// Patterns of the start of a line only, the rest trimmed in code: no pattern backtracks over a long line.
const numberedParagraph = /^\s*(\d{1,4})\.\s/u
const row = /^(\s*)(\d{1,4})[ \t]/u
const blank = /^\s*$/u
/** `text` without the spaces (no-break ones too) at its end; tabs, which separate cells, stay. */
function spacesTrimmed(text: string): string {
  let end = text.length
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\u00A0')) end--
  return text.slice(0, end)
}

/** A paragraph's text without the trailing `;;` e-TRIPS adds to the last one. */
const withoutSemicolons = (text: string) => (text.endsWith(';;') ? text.slice(0, -2).trimEnd() : text)

/** The piece of `line` from `start`, trimmed at the end, with its place. */
function piece(line: Line, start: number, text: string): Piece {
  return {text, offset: line.offset + start, line: line.line}
}

/** The number a line starts with and the rest of it, when it reads as a row: a number, a space or tab, and text. */
function rowStart(line: Line): Pick<Row, 'number' | 'numberAt' | 'text'> | undefined {
  const match = row.exec(line.text)
  if (!match) return undefined
  // Tabs stay inside: a row copied with its cells separated by tabs keeps its empty cells.
  const text = spacesTrimmed(line.text.slice(match[0].length))
  return text.trim() ? {number: Number(match[2]), numberAt: piece(line, match[1]!.length, match[2]!), text} : undefined
}

/** How much of the page's start is read to tell a saved web page. */
const webPageHead = 4096

/**
 * The start of a page saved as a web page rather than copied as text: HTML (a first tag, then `<html`, `<head` or
 * `<body`) or a web archive (MHTML: MIME headers of a multipart document). Text copied from a page never starts so.
 */
function webPage(text: string): Piece | undefined {
  const head = text.slice(0, webPageHead)
  const offset = head.length - head.trimStart().length
  const html = head[offset] === '<' && /<(?:!doctype\s+html|html|head|body)[\s>]/iu.test(head)
  const archive = /^MIME-Version:/imu.test(head) && /^Content-Type:\s*multipart\/related/imu.test(head)
  if (!html && !archive) return undefined
  const firstLine = head.slice(offset).split('\n', 1)[0]!
  const tagEnd = html ? firstLine.indexOf('>') + 1 : 0
  const start = (tagEnd > 0 ? firstLine.slice(0, tagEnd) : firstLine.trimEnd()).slice(0, 60)
  return {text: start, offset, line: head.slice(0, offset).split('\n').length}
}

/**
 * The page cut into its parts. e-TRIPS numbers the paragraphs 1, 2, 3…, and the PDF numbers them again, so those
 * numbers are removed; the first line numbered otherwise (a list of the text's own, a year) ends them, since from there
 * on the page's numbers cannot be told from the text's: it and every number after it stay in the text.
 */
export function readPage(text: string): Page {
  const page: Page = {ui: undefined, paragraphs: [], listIntro: [], list: undefined, numbered: false, rows: [], webPage: webPage(text)}
  if (page.webPage) return page
  const all = lines(text)
  const starts = all.map(rowStart)
  // The number of the next line that reads as a row, after each line: a number out of sequence is a row's only when
  // the next row follows it, and a first number other than 1 is text before the rows when row 1 follows.
  const nextNumbers: Array<number | undefined> = []
  for (let index = all.length - 1, next: number | undefined; index >= 0; index--) {
    nextNumbers[index] = next
    next = starts[index]?.number ?? next
  }
  /** The page's next paragraph number; none once a number out of that run has ended them. */
  let nextParagraph: number | undefined = 1
  all.forEach((line, index) => {
    if (blank.test(line.text)) return
    const known = interfaceLine(line.text)
    if (known) {
      page.ui ??= known.ui
      if (known.kind === 'listHeading' || known.kind === 'columns') page.list ??= line
      return
    }
    if (!page.list) {
      const numbered = numberedParagraph.exec(line.text)
      const pageNumber = numbered !== null && Number(numbered[1]) === nextParagraph
      if (numbered) nextParagraph = pageNumber ? Number(numbered[1]) + 1 : undefined
      if (pageNumber) page.numbered = true
      // A line without the page's number is a paragraph of its own: nothing written is left out.
      const rest = pageNumber ? line.text.slice(numbered[0].length) : line.text
      const start = line.text.length - rest.trimStart().length
      const body = withoutSemicolons(rest.trim())
      if (body) page.paragraphs.push(piece(line, start, body))
      return
    }
    const start = starts[index]
    const last = page.rows.at(-1)
    const next = nextNumbers[index]
    if (start && (last ? start.number === last.number + 1 || next === start.number + 1 : start.number === 1 || next !== 1)) {
      page.rows.push({...start, previous: last?.number, at: line, continued: []})
    } else if (last) {
      last.continued.push({...line, number: start?.number})
    } else {
      const begin = line.text.length - line.text.trimStart().length
      page.listIntro.push(piece(line, begin, line.text.trim()))
    }
  })
  return page
}
