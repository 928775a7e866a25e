// pdfmake 0.3.11 measures each word (TextInlines.measure) by resolving 21 style properties through the style stack,
// one walk each, and then sets 18 of them on the word, although every word cut from the same text run has the same
// style. This replaces that method with one that resolves them once for each run of words whose own style properties
// are the same (the words of one text run; the first word of the next run starts a new one), all in one walk of the
// stack, and gives each word those properties through a prototype shared by every word of that style in the
// document, with only its text, widths and its run's own properties as its own: pdfmake keeps every word until the
// end, and these objects were most of its memory. Every word reads the same values as before, and fonts are asked
// for in the same order, so the PDF bytes are the same. Applied at run time only while pdfmake's method is still
// exactly the one this replaces (its source's SHA-256); test/emit/pdf-inline-styles.test.ts fails when it no longer
// is, and compares the words measured and the PDF bytes with and without.
import textInlinesModule from 'pdfmake/js/TextInlines.js'
import stackModule from 'pdfmake/js/StyleContextStack.js'
import {exportedClass, sourceHash} from './patch.js'
import {fromStyle} from './style-lookup.js'

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
  getStyleProperty(item: Item, stack: Stack | undefined, property: string, defaultValue: unknown): unknown
}
/** What this reads of pdfmake's StyleContextStack. */
interface Stack {
  styleDictionary: Record<string, Record<string, unknown> | undefined>
  defaultStyle?: Record<string, unknown>
  styleOverrides: (string | Record<string, unknown>)[]
  autopush(item: unknown): number
  pop(howMany?: number): void
}

const TextInlinesClass = exportedClass<{prototype: TextInlines}>(textInlinesModule)
const StyleContextStack = exportedClass<StackClass>(stackModule)

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
/** Each property's place in `looked`: a run's resolved values are an array in that order. */
const at = Object.fromEntries(properties.map((property, index) => [property, index])) as Record<Property, number>

/** Each looked property's place, in an object without a prototype (so that `text` or `constructor` are not found). */
const place = Object.assign(Object.create(null) as Record<string, number | undefined>, at)

/** How many looked properties `item` gives a value (not undefined) of its own. */
function ownCount(item: Item): number {
  let count = 0
  for (const property in item) if (place[property] !== undefined && item[property] !== undefined) count++
  return count
}

/**
 * Whether the words `a` and `b` resolve alike on one stack: a lookup's answer depends, besides the stack, on the item's
 * own value of the property, its style names (pushed above it) and whether it is a section (which pushes nothing).
 * Every looked property `b` has `a` has with the same value, and `a` has no more of them (`aCount`, from `ownCount`):
 * a walk over the few properties of `b` instead of 23 reads of each word. Measure only reads the words pdfmake gives
 * it, so a run's first word stays as it was while its run is measured.
 */
function sameStyle(a: Item, aCount: number, b: Item): boolean {
  if (a.style !== b.style || (a.section === undefined) !== (b.section === undefined)) return false
  let count = 0
  for (const property in b) {
    if (place[property] === undefined || b[property] === undefined) continue
    if (a[property] !== b[property]) return false
    count++
  }
  return count === aCount
}

/** The properties measure gives every word, from its style: shared by the words of one style (see `styleOf`). */
const shared = ['alignment', 'fontSize', 'fontFeatures', 'characterSpacing', 'color', 'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage', 'linkToDestination', 'noWrap', 'opacity', 'sup', 'sub'] as const
const sharedAt = shared.map((property) => at[property])

/** Each document's styles of words, by font and then by the value of each shared property (a tree of maps). */
const documentStyles = new WeakMap<object, Map<unknown, unknown>>()

/**
 * The object holding a style's properties, one per document and distinct style: each word is an object of its own
 * that inherits them (a few properties of its own instead of 24, the most of pdfmake's memory at large sizes).
 */
function styleOf(document: object, font: Font, resolved: unknown[]): object {
  let level = documentStyles.get(document)
  if (!level) documentStyles.set(document, (level = new Map()))
  for (let index = -1; index < sharedAt.length; index++) {
    const value = index < 0 ? font : resolved[sharedAt[index]!]
    let next = level.get(value) as Map<unknown, unknown> | undefined
    if (!next) level.set(value, (next = new Map()))
    level = next
  }
  let style = level.get(styleKey) as object | undefined
  if (!style) {
    style = {font, ...Object.fromEntries(shared.map((property) => [property, resolved[at[property]]]))}
    level.set(styleKey, style)
  }
  return style
}
const styleKey = Symbol('style')

const isValue = (value: unknown) => value !== undefined && value !== null

/** Each document's named styles, each as its value of every looked property (`fromStyle`), for its dictionary. */
const documentNamed = new WeakMap<object, {dictionary: Stack['styleDictionary']; styles: Map<string, unknown[]>}>()

/** A named style's value of every looked property, following `extends`: worked out once per document. */
function namedStyle(document: object, dictionary: Stack['styleDictionary'], name: string): unknown[] {
  let named = documentNamed.get(document)
  if (!named || named.dictionary !== dictionary) documentNamed.set(document, (named = {dictionary, styles: new Map()}))
  let values = named.styles.get(name)
  if (!values) named.styles.set(name, (values = properties.map((property) => fromStyle(dictionary, name, property))))
  return values
}

/**
 * Every property of `looked` for `item`, as pdfmake's getStyleProperty answers each (the item's own value, then the
 * stack from the top with the item's styles and itself pushed, then the default style, then the default), in one
 * walk of the stack instead of one per property.
 */
function resolve(document: object, item: Item, stack: Stack | undefined): unknown[] {
  const resolved: unknown[] = new Array(properties.length).fill(undefined)
  let missing = 0
  for (let index = 0; index < properties.length; index++) {
    const own = item[properties[index]!]
    if (isValue(own)) resolved[index] = own
    else missing++
  }
  if (missing > 0 && stack) {
    const pushed = stack.autopush(item)
    const overrides = stack.styleOverrides
    /** The first value found for a property, walking down from the top, is its value. */
    const take = (index: number, value: unknown) => {
      if (resolved[index] !== undefined || !isValue(value)) return
      resolved[index] = value
      missing--
    }
    for (let level = overrides.length - 1; level >= 0 && missing > 0; level--) {
      const entry = overrides[level]!
      if (typeof entry === 'object' && !(entry instanceof String)) {
        // A node's own keys (a few of them looked properties), rather than 23 reads of nodes of every shape.
        for (const property in entry) {
          const index = place[property]
          if (index !== undefined) take(index, (entry as Record<string, unknown>)[property])
        }
      } else {
        // A style's name, as a string or a String object (pdfmake takes both).
        const named = namedStyle(document, stack.styleDictionary, String(entry))
        for (let index = 0; index < properties.length; index++) take(index, named[index])
      }
    }
    if (pushed > 0) stack.pop(pushed)
    const defaults = stack.defaultStyle
    if (missing > 0 && defaults) for (let index = 0; index < properties.length; index++) if (resolved[index] === undefined) resolved[index] = defaults[properties[index]!]
  }
  for (let index = 0; index < looked.length; index++) if (!isValue(resolved[index])) resolved[index] = looked[index]![1]
  return resolved
}

/** Whether `text` may start with white space: a quick test before the pattern, which allocates. */
const maySpace = (code: number) => !(code > 0x20 && code < 0x7f)

/** ASCII white space, all `\s` matches below U+0080. */
const asciiSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d)

/** The white space `TRAILING` matches at the end of `text`, found without the pattern when it is all ASCII. */
function trailingSpaces(text: string): string | undefined {
  let start = text.length
  while (start > 0 && asciiSpace(text.charCodeAt(start - 1))) start--
  if (start > 0 && text.charCodeAt(start - 1) >= 0x80) return text.match(TRAILING)?.[0]
  return start < text.length ? text.slice(start) : undefined
}

function measure(this: TextInlines, array: Item[], styleContextStack: Stack | undefined): Item[] {
  if (array.length) {
    const leadingIndent = StyleContextStack.getStyleProperty(array[0]!, styleContextStack, 'leadingIndent', 0) as number
    if (leadingIndent) {
      array[0]!.leadingCut = -leadingIndent
      array[0]!.leadingIndent = leadingIndent
    }
  }
  let key: Item | undefined
  let keyCount = 0
  let resolved: unknown[] = []
  let font: Font | undefined
  let style: object | undefined
  const words: Item[] = []
  for (const item of array) {
    if (!key || !sameStyle(key, keyCount, item)) {
      key = item
      keyCount = ownCount(item)
      resolved = resolve(this.pdfDocument, item, styleContextStack)
      font = this.pdfDocument.provideFont(resolved[at.font], resolved[at.bold], resolved[at.italics])
      style = styleOf(this.pdfDocument, font, resolved)
    }
    // The word's own properties (its text, and those of its run) over those of its style, which they equal.
    const word = Object.create(style!) as Item
    for (const property in item) word[property] = item[property]
    if (resolved[at.sup] || resolved[at.sub]) word.fontSize = (resolved[at.fontSize] as number) * 0.58
    word.width = this.widthOfText(word.text, word)
    word.height = font!.lineHeight(word.fontSize as number) * (resolved[at.lineHeight] as number)
    if (!word.leadingCut) word.leadingCut = 0
    if (!resolved[at.preserveLeadingSpaces] && maySpace(word.text.charCodeAt(0))) {
      const leadingSpaces = word.text.match(LEADING)
      if (leadingSpaces) (word.leadingCut as number) += this.widthOfText(leadingSpaces[0], word)
    }
    word.trailingCut = 0
    if (!resolved[at.preserveTrailingSpaces]) {
      const trailing = trailingSpaces(word.text)
      if (trailing) word.trailingCut = this.widthOfText(trailing, word)
    }
    words.push(word)
  }
  return words
}

const original = TextInlinesClass.prototype.measure

/** Whether pdfmake's method is the one this module replaces. */
export const matches = (): boolean => sourceHash(original) === replacedSource

/** Resolve styles once per run of words (when pdfmake's method matches), or per word as pdfmake does. */
export function useInlineStyles(on: boolean): void {
  TextInlinesClass.prototype.measure = on && matches() ? measure : original
}
