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
  /** The rest of the row: title, start date and beneficiaries separated by spaces only. */
  text: string
  /** The row's line. */
  at: Line
  /** Lines that did not start with a row number, read as the end of this row. */
  continued: Line[]
}

export interface Page {
  /** The interface recognised from its texts, if any. */
  ui: Interface | undefined
  /** The body's paragraphs, numbers and the trailing `;;` removed. */
  paragraphs: Piece[]
  /** Text between the list heading and the first row that is not one of the interface's texts. */
  listIntro: Piece[]
  /** Whether the list of programmes (its heading or column titles) was found. */
  hasList: boolean
  /** Whether any paragraph was numbered, as e-TRIPS numbers them. */
  numbered: boolean
  rows: Row[]
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
const numberedParagraph = /^\s*\d{1,4}\.\s/u
const row = /^\s*(\d{1,4})[ \t]/u
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

export function readPage(text: string): Page {
  const page: Page = {ui: undefined, paragraphs: [], listIntro: [], hasList: false, numbered: false, rows: []}
  for (const line of lines(text)) {
    if (blank.test(line.text)) continue
    const known = interfaceLine(line.text)
    if (known) {
      page.ui ??= known.ui
      if (known.kind === 'listHeading' || known.kind === 'columns') page.hasList = true
      continue
    }
    if (!page.hasList) {
      const numbered = numberedParagraph.exec(line.text)
      if (numbered) page.numbered = true
      // A line without a number is a paragraph of its own: nothing written is left out.
      const rest = numbered ? line.text.slice(numbered[0].length) : line.text
      const start = line.text.length - rest.trimStart().length
      const body = withoutSemicolons(rest.trim())
      if (body) page.paragraphs.push(piece(line, start, body))
      continue
    }
    const match = row.exec(line.text)
    // Tabs stay inside: a row copied with its cells separated by tabs keeps its empty cells.
    const text = match ? spacesTrimmed(line.text.slice(match[0].length)) : ''
    if (match && text.trim()) {
      page.rows.push({number: Number(match[1]), text, at: line, continued: []})
    } else if (page.rows.length > 0) {
      page.rows.at(-1)!.continued.push(line)
    } else {
      const start = line.text.length - line.text.trimStart().length
      page.listIntro.push(piece(line, start, line.text.trim()))
    }
  }
  return page
}
