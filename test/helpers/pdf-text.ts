// Read a PDF back for tests: the text of each page as lines, top to bottom, and the info dictionary.
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A line of text; `top` and `baseline` are in points from the top of the page, `left` and `right` from its left edge. */
export interface PdfLine {
  text: string
  top: number
  baseline: number
  left: number
  right: number
  /** The text items of the line, left to right, each with where it starts and ends. */
  parts: {text: string; left: number; right: number}[]
}

export interface PdfText {
  numPages: number
  /** Text of each page: its lines joined by `\n`. */
  pages: string[]
  /** Lines of each page, with where they sit. */
  lines: PdfLine[][]
  /** Width and height of each page, in points. */
  sizes: {width: number; height: number}[]
  info: Record<string, unknown>
}

interface Item {
  str: string
  x: number
  width: number
  baseline: number
  height: number
}

export async function readPdf(buffer: Uint8Array): Promise<PdfText> {
  // pdfjs takes ownership of the bytes it gets: hand it a copy.
  const document = await getDocument({data: new Uint8Array(buffer), isEvalSupported: false, verbosity: 0}).promise
  try {
    const lines: PdfLine[][] = []
    const sizes: PdfText['sizes'] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const [, , pageWidth = 0, pageTop = 0] = page.view
      sizes.push({width: pageWidth, height: pageTop})
      const items: Item[] = []
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue
        items.push({
          str: item.str,
          x: item.transform[4] as number,
          width: item.width,
          baseline: pageTop - (item.transform[5] as number),
          height: item.height
        })
      }
      lines.push(groupLines(items))
    }
    const {info} = await document.getMetadata()
    return {
      numPages: document.numPages,
      pages: lines.map((page) => page.map((line) => line.text).join('\n')),
      lines,
      sizes,
      info: info as Record<string, unknown>
    }
  } finally {
    await document.destroy()
  }
}

/** Items whose baselines are within a point of each other form a line; a gap between items becomes a space. */
function groupLines(items: Item[]): PdfLine[] {
  const rows: Item[][] = []
  for (const item of [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x)) {
    const row = rows.at(-1)
    if (row && Math.abs(row[0]!.baseline - item.baseline) < 1) row.push(item)
    else rows.push([item])
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x)
    let text = ''
    let end = -Infinity
    for (const item of row) {
      if (text && item.x - end > 1 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' '
      text += item.str
      end = item.x + item.width
    }
    const baseline = Math.max(...row.map((item) => item.baseline))
    const top = baseline - Math.max(...row.map((item) => item.height))
    const parts = row.map((item) => ({text: item.str, left: item.x, right: item.x + item.width}))
    const right = Math.max(...parts.map((part) => part.right))
    return {text: text.replace(/\s+/g, ' ').trim(), baseline, top, left: row[0]!.x, right, parts}
  })
}

/** Lines that reach past the right margin of their page (by more than half a point, for rounding), as `page: text`. */
export function pastMargin(pdf: PdfText, rightMargin: number): string[] {
  return pdf.lines.flatMap((lines, index) =>
    lines.filter((line) => line.right > pdf.sizes[index]!.width - rightMargin + 0.5).map((line) => `${index + 1}: ${line.text.slice(0, 60)}`)
  )
}
