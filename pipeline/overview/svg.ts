// A few helpers to write SVG text by hand: escaped text, numbers with a fixed precision (the same bytes on every
// machine), and the look shared by every chart. No DOM: the charts are strings made by pure functions.
import {shaping} from '../fonts/dejavusans-shaping.js'

/** The font the charts name; the PDF maps any family to the templates' font. */
export const fontFamily = 'DejaVu Sans, Verdana, sans-serif'
export const colors = {
  ink: '#222222',
  muted: '#6b6b6b',
  grid: '#d0d0d0',
  bar: '#1a4f8b',
  ldc: '#c8641e',
  light: '#a9bfd9',
  period: '#c00000',
  /** Programmes new since an earlier report, and those that ended. */
  new: '#2e7d32',
  ended: '#9a9a9a'
} as const

/** Text for XML: the five characters that would end it escaped, and control characters (which XML forbids) dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[&<>"']/g, (character) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[character]!)
}

/** A coordinate with at most two decimals and no `-0`. */
export const num = (value: number) => String(Math.round(value * 100) / 100 + 0)

type Attributes = Record<string, string | number | undefined>

/** `<name a="1" …/>`, or with content; numbers rounded by `num`, undefined attributes left out. */
export function element(name: string, attributes: Attributes, content?: string): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('')
  return content === undefined ? `<${name}${written}/>` : `<${name}${written}>${content}</${name}>`
}

export const text = (x: number, y: number, content: string, attributes: Attributes = {}) =>
  element('text', {x, y, ...attributes}, escapeXml(content))

/** A whole SVG document of `width` × `height` points, with a white background and a title for screen readers. */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${fontFamily}" font-size="8">`,
    element('title', {}, escapeXml(title)),
    element('rect', {x: 0, y: 0, width, height, fill: '#ffffff'}),
    ...body,
    '</svg>',
    ''
  ].join('\n')
}

/**
 * DejaVu Sans's advance of each character its regular face shapes (font units, 2048 an em), in em: the font the
 * charts name, wider than Roboto, so a label fitted with it fits in either.
 */
const advances = (() => {
  const [regular] = shaping
  const widths = regular!.advances.split(',').map((advance) => Number(advance) / 2048)
  return new Map(regular!.codes.split(',').map((code, index) => [Number(code), widths[index]!]))
})()
/** A character the table does not hold (Cyrillic, CJK, emoji…): counted as wide as a CJK one, and a bit more. */
const otherAdvance = 1.25
const advance = (character: string) => advances.get(character.codePointAt(0)!) ?? otherAdvance

/** `text` cut to `width` points at `fontSize`, measured character by character, with an ellipsis when cut. */
export function fitText(content: string, width: number, fontSize: number): string {
  const characters = [...content]
  const room = width / fontSize
  const widths = characters.map(advance)
  if (widths.reduce((sum, one) => sum + one, 0) <= room) return content
  let used = advance('…')
  let kept = 0
  while (kept < characters.length && used + widths[kept]! <= room) used += widths[kept++]!
  return `${characters.slice(0, kept).join('').trimEnd()}…`
}
