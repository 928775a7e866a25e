// pdfmake 0.3.11 measures each word (TextInlines.measure) by resolving 21 style properties through the style stack,
// one walk each, although every word cut from the same text run has the same style. This replaces that method with
// one that resolves them once for each run of words whose own style properties are the same (the words of one text
// run; the first word of the next run starts a new one), and measures each word as before: the same calls, in the
// same order, give the same values, so the same PDF bytes. Applied at run time only while pdfmake's method is still
// exactly the one this replaces (its source's SHA-256); test/emit/pdf-inline-styles.test.ts fails when it no longer
// is, and compares the items measured and the PDF bytes with and without.
import textInlinesModule from 'pdfmake/js/TextInlines.js'
import stackModule from 'pdfmake/js/StyleContextStack.js'
import {sourceHash} from './patch.js'

type Item = Record<string, unknown> & {text: string}
interface Font {
  lineHeight(fontSize: number): number
}
interface TextInlines {
  pdfDocument: {provideFont(font: unknown, bold: unknown, italics: unknown): Font}
  widthOfText(text: string, inline: Item): number
  measure(array: Item[], styleContextStack: unknown): Item[]
}
interface StackClass {
  getStyleProperty(item: Item, stack: unknown, property: string, defaultValue: unknown): unknown
}

// Imported (not required), as in style-lookup.ts: the CommonJS exports, or the class itself under vitest.
const TextInlinesClass = ((textInlinesModule as {default?: unknown}).default ?? textInlinesModule) as {prototype: TextInlines}
const StyleContextStack = ((stackModule as {default?: unknown}).default ?? stackModule) as StackClass

/** The SHA-256 of the source of TextInlines.prototype.measure, pdfmake 0.3.11. */
const replacedSource = 'cb17af19531a9de1c73b790bea462553e9c1cce4d9ad1287ffae59aa42c6d87c'

const LEADING = /^(\s)+/g
const TRAILING = /(\s)+$/g

/** The properties measure looks up for each word, in its order, with their defaults (leadingIndent is the array's). */
const looked = [
  ['font', 'Roboto'],
  ['bold', false],
  ['italics', false],
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
  ['lineHeight', 1],
  ['preserveLeadingSpaces', false],
  ['preserveTrailingSpaces', false]
] as const
type Property = (typeof looked)[number][0]

const properties = looked.map(([property]) => property)

/**
 * Whether the words `a` and `b` resolve alike on one stack: a lookup's answer depends, besides the stack, on the item's
 * own value of the property, its style names (pushed above it) and whether it is a section (which pushes nothing).
 */
function sameStyle(a: Item, b: Item): boolean {
  if (a.style !== b.style || (a.section === undefined) !== (b.section === undefined)) return false
  for (let index = 0; index < properties.length; index++) if (a[properties[index]!] !== b[properties[index]!]) return false
  return true
}

/** The own values of the properties looked up and of those `sameStyle` compares, before measure sets them. */
const ownStyle = (item: Item): Item => {
  const own = {text: '', style: item.style, section: item.section} as Item
  for (const property of properties) own[property] = item[property]
  return own
}

function measure(this: TextInlines, array: Item[], styleContextStack: unknown): Item[] {
  const lookup = (item: Item, property: string, defaultValue: unknown) => StyleContextStack.getStyleProperty(item, styleContextStack, property, defaultValue)
  if (array.length) {
    const leadingIndent = lookup(array[0]!, 'leadingIndent', 0) as number
    if (leadingIndent) {
      array[0]!.leadingCut = -leadingIndent
      array[0]!.leadingIndent = leadingIndent
    }
  }
  let key: Item | undefined
  let resolved = {} as Record<Property, unknown>
  let font: Font | undefined
  for (const item of array) {
    if (!key || !sameStyle(key, item)) {
      key = ownStyle(item)
      resolved = Object.fromEntries(looked.map(([property, defaultValue]) => [property, lookup(item, property, defaultValue)])) as Record<Property, unknown>
      font = this.pdfDocument.provideFont(resolved.font, resolved.bold, resolved.italics)
    }
    item.font = font
    item.alignment = resolved.alignment
    item.fontSize = resolved.fontSize
    item.fontFeatures = resolved.fontFeatures
    item.characterSpacing = resolved.characterSpacing
    item.color = resolved.color
    item.decoration = resolved.decoration
    item.decorationColor = resolved.decorationColor
    item.decorationStyle = resolved.decorationStyle
    item.decorationThickness = resolved.decorationThickness
    item.background = resolved.background
    item.link = resolved.link
    item.linkToPage = resolved.linkToPage
    item.linkToDestination = resolved.linkToDestination
    item.noWrap = resolved.noWrap
    item.opacity = resolved.opacity
    item.sup = resolved.sup
    item.sub = resolved.sub
    if (item.sup || item.sub) (item.fontSize as number) *= 0.58
    item.width = this.widthOfText(item.text, item)
    item.height = font!.lineHeight(item.fontSize as number) * (resolved.lineHeight as number)
    if (!item.leadingCut) item.leadingCut = 0
    if (!resolved.preserveLeadingSpaces) {
      const leadingSpaces = item.text.match(LEADING)
      if (leadingSpaces) (item.leadingCut as number) += this.widthOfText(leadingSpaces[0], item)
    }
    item.trailingCut = 0
    if (!resolved.preserveTrailingSpaces) {
      const trailingSpaces = item.text.match(TRAILING)
      if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item)
    }
  }
  return array
}

const original = TextInlinesClass.prototype.measure

/** Whether pdfmake's method is the one this module replaces. */
export const matches = (): boolean => sourceHash(original) === replacedSource

/** Resolve styles once per run of words (when pdfmake's method matches), or per word as pdfmake does. */
export function useInlineStyles(on: boolean): void {
  TextInlinesClass.prototype.measure = on && matches() ? measure : original
}
