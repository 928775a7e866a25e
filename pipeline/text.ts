// Plain text of model content, for cells, messages and search.
import type {Block, Inline} from './model.js'

export function inlineText(content: readonly Inline[]): string {
  return content.map((run) => run.text).join('')
}

/** Blocks as plain text: one paragraph a line, list items as `- ` or `1. ` lines. */
export function blocksText(blocks: readonly Block[], indent = ''): string {
  const lines: string[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        lines.push(indent + inlineText(block.content))
        break
      case 'code':
        for (const line of block.text.split('\n')) lines.push(indent + line)
        break
      case 'rule':
        break
      case 'table':
        for (const row of [block.header, ...block.rows]) lines.push(indent + row.map(inlineText).join(' | '))
        break
      case 'quote':
        lines.push(blocksText(block.children, indent + '> '))
        break
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${(block.start ?? 1) + index}. ` : '- '
          const text = blocksText(item, indent + ' '.repeat(marker.length))
          lines.push(indent + marker + text.slice(indent.length + marker.length))
        })
        break
    }
  }
  return lines.join('\n')
}

/** Runs of white space, line ends included, as one space; no space at either end. */
export const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim()

/** `1 file`, `2 files`: a count with its noun in English, for the command line's own lines. */
export const counted = (n: number, noun: string, nouns = `${noun}s`) => `${n} ${n === 1 ? noun : nouns}`

/** A slug of a title: lower case letters and digits, joined by hyphens. */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/([a-z])\p{M}+/giu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** `U+200B`: a character's code point as Unicode writes it. */
export const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * Characters nobody sees: controls, format characters (direction marks, zero-width spaces…), line and paragraph
 * separators and Unicode's other default-ignorable code points.
 */
const unseen = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu

/** `text` with every character nobody sees written as its code point, `<U+200B>`: for messages and terminals. */
export const visible = (text: string) => text.replace(unseen, (character) => `<${codePoint(character)}>`)

/** Text as Markdown shows it inside a line: emphasis, code, HTML, strikethrough, links and entities escaped. */
export const markdownInline = (text: string) =>
  text
    .replace(/[\\`*_<~]/g, '\\$&')
    .replace(/\]\(/g, '\\](')
    .replace(/&(?=#?\w+;)/g, '\\&')

/** Text as a Markdown (GFM) table cell shows it: escaped inside the line, pipes too, line ends as spaces. */
export function markdownCell(text: string): string {
  const lines = text.split('\n')
  return markdownInline(lines.length > 1 ? lines.map((line) => line.trim()).join(' ') : text).replaceAll('|', '\\|')
}
