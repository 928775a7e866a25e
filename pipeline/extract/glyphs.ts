// Warnings for printed characters the PDF's font cannot draw, at each line where they are, for right-to-left text,
// which the PDF lays out left to right, at its first place in each file, and for invisible characters a reference
// gives. Only text that prints is read: text, code and HTML values, image descriptions; never link addresses,
// definitions or front matter (validate checks the front matter values it prints).
import type {Nodes, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {placeholder, type Glyphs} from '../fonts/index.js'
import {span} from '../place.js'
import {invisiblesIn} from '../read/text.js'
import {problem} from '../rules/index.js'

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
/** A character and its code point; control and other invisible characters by code point only. */
const describe = (character: string) => (/\p{C}/u.test(character) ? codePoint(character) : `${character} (${codePoint(character)})`)
const shown = 8

/** A piece of printed text and where it is written. */
export interface PrintedText {
  text: string
  position: Position | undefined
}

/** Every printed text value below `tree`, in document order. */
function printedTexts(tree: Root): PrintedText[] {
  const found: PrintedText[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'yaml' || node.type === 'definition') continue
    if ('value' in node) found.push({text: node.value, position: node.position})
    else if ((node.type === 'image' || node.type === 'imageReference') && node.alt) found.push({text: node.alt, position: node.position})
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return found
}

/** The exact place of `character` in the source of `position`, else the whole position. */
function placeOfCharacter(file: VFile, position: Position | undefined, character: string): Position | undefined {
  const start = position?.start.offset
  const end = position?.end.offset
  if (start === undefined || end === undefined) return position
  const index = String(file.value).slice(start, end).indexOf(character)
  return (index === -1 ? undefined : span(file, start + index, character.length)) ?? position
}

/** Letters of the scripts written right to left (Unicode's bidirectional classes R and AL). */
const rightToLeft = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u

/**
 * One warning at the first piece of `texts` with right-to-left letters the font draws (those it cannot draw are
 * `glyph-missing`): pdfmake has no bidirectional layout, so the PDF prints them in the order they are stored, left to
 * right, and numbers, spaces and brackets among them land on the wrong side. The XLSX and JSON keep them as written.
 */
function checkDirection(file: VFile, texts: readonly PrintedText[], glyphs: Glyphs): void {
  const drawnRightToLeft = (character: string) => rightToLeft.test(character) && glyphs.undrawable(character).length === 0
  const pieces = texts.filter((piece) => rightToLeft.test(piece.text) && [...piece.text].some(drawnRightToLeft))
  const [first] = pieces
  if (!first) return
  const characters = [...first.text]
  const at = characters.findIndex(drawnRightToLeft)
  // The words around it, in a long text (the message quotes 160 characters at most): from the first word that starts
  // within 40 characters before it.
  let from = Math.max(0, at - 40)
  while (from > 0 && from < at && characters[from - 1] !== ' ') from++
  const text = `${from > 0 ? '…' : ''}${characters.slice(from, at + 100).join('')}${at + 100 < characters.length ? '…' : ''}`
  problem(file, 'text-right-to-left', {text, more: pieces.length - 1}, placeOfCharacter(file, first.position, characters[at]!))
}

/**
 * The problems of printed texts, in the body or the front matter: a warning at each line with characters the font
 * cannot draw, naming them, placed at the first; one at the first right-to-left text; and one at each text given
 * invisible characters by a reference or escape.
 */
export function checkPrinted(file: VFile, texts: readonly PrintedText[], glyphs: Glyphs): void {
  checkDirection(file, texts, glyphs)
  checkReferences(file, texts)
  const source = String(file.value)
  // By line: the first place of an undrawable character on it, and every such character on it.
  const lines = new Map<number, {place: Position | undefined; missing: Set<string>}>()
  const add = (line: number, place: Position | undefined, character: string) => {
    const found = lines.get(line) ?? {place, missing: new Set<string>()}
    lines.set(line, found)
    found.missing.add(character)
  }
  for (const piece of texts) {
    const undrawable = new Set(glyphs.undrawable(piece.text))
    if (undrawable.size === 0) continue
    const start = piece.position?.start
    const end = piece.position?.end.offset
    const seen = new Set<string>()
    if (start?.offset !== undefined && end !== undefined) {
      // Each one where it is written, on the line it is on (a paragraph may span several).
      let line = start.line
      let offset = start.offset
      for (const character of source.slice(start.offset, end)) {
        if (character === '\n') line++
        else if (undrawable.has(character)) {
          add(line, span(file, offset, character.length), character)
          seen.add(character)
        }
        offset += character.length
      }
    }
    // What the text gives but does not write as such (a character reference): at the piece.
    for (const character of undrawable) if (!seen.has(character)) add(start?.line ?? 0, piece.position, character)
  }
  for (const {place, missing} of lines.values()) {
    const characters = [...missing]
    problem(file, 'glyph-missing', {characters: characters.slice(0, shown).map(describe), more: Math.max(characters.length - shown, 0), placeholder}, place)
  }
}

export function checkGlyphs(file: VFile, tree: Root, glyphs: Glyphs): void {
  checkPrinted(file, printedTexts(tree), glyphs)
}

/** A numeric character reference, `&#7;` or `&#x202E;`. */
const numericReference = /&#(?:[xX][0-9a-fA-F]+|[0-9]+);/

/**
 * Characters that a character reference (`&#x202E;`, `&lrm;`) or a YAML escape (`"\u202E"`) gives, where typing them
 * would have them removed (`invisible-character`): invisible ones, and the U+FFFD that Markdown reads a reference to a
 * control character or to no character as. Reading removes only what is typed, so any such character in a printed
 * text came that way: one warning a piece of text.
 */
function checkReferences(file: VFile, texts: readonly PrintedText[]): void {
  const source = String(file.value)
  for (const piece of texts) {
    const characters = invisiblesIn(piece.text)
    const written = piece.text.includes('\uFFFD') && piece.position ? source.slice(piece.position.start.offset, piece.position.end.offset) : ''
    const replaced = numericReference.test(written) && !written.includes('\uFFFD')
    if (characters.length > 0 || replaced) {
      problem(file, 'reference-invisible', {characters: replaced ? [...characters, '\uFFFD'] : characters}, piece.position)
    }
  }
}
