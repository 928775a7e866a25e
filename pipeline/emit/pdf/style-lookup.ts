// pdfmake 0.3.11 resolves about 22 style properties per word, each lookup allocating a closure and a Set
// (StyleContextStack.getStyleProperty → auto → getProperty). This replaces those two methods with equivalents that
// allocate nothing in the common case: the same stack walk, the same order, the same cycle guard (a Set made only
// when a style `extends` another). Applied at run time, and only when pdfmake's methods are still exactly the ones
// these replace (their source's SHA-256), so another pdfmake keeps its own; test/emit/pdf-style-lookup.test.ts
// fails when they no longer match, and checks the PDF bytes with and without.
import stackModule from 'pdfmake/js/StyleContextStack.js'
import variableType from 'pdfmake/js/helpers/variableType.js'
import {exportedClass, sourcesMatch} from './patch.js'

type StyleDictionary = Record<string, Record<string, unknown> | undefined>
interface Stack {
  auto(item: unknown, callback: () => unknown): unknown
  styleDictionary: StyleDictionary
  defaultStyle?: Record<string, unknown>
  styleOverrides: unknown[]
  autopush(item: unknown): number
  pop(howMany?: number): void
  getProperty(property: string): unknown
}
interface StackClass {
  prototype: Stack
  getStyleProperty(item: Record<string, unknown>, stack: Stack | undefined, property: string, defaultValue: unknown): unknown
}

const {isString, isValue} = variableType
const StyleContextStack = exportedClass<StackClass>(stackModule)

/** The SHA-256 of the source of each method replaced (and of `auto`, which the replacement inlines), pdfmake 0.3.11. */
const replacedSources = {
  getProperty: '1f44d5be2de5a5d4de85f8a59689ae9d8c9a46191b01a8f18f5406d5b48810c9',
  getStyleProperty: 'ca42470130b7e9d113f844c4a81996338f2911687b20ab0b4c78d9d3be652193',
  auto: '160c8121c1e0a0390c03f119c00cd3ecf73d40f480fcff8eed9e590d4a4ba146'
}

/** A property of a named style, following `extends` (last parent first) as pdfmake does. */
export function fromStyle(dictionary: StyleDictionary, name: string, property: string, visited?: Set<string>): unknown {
  if (visited) {
    if (visited.has(name)) return undefined
    visited.add(name)
  }
  const style = dictionary[name]
  if (!style) return undefined
  if (isValue(style[property])) return style[property]
  if (style.extends) {
    const seen = visited ?? new Set([name])
    const parents = (Array.isArray(style.extends) ? style.extends : [style.extends]) as string[]
    for (let index = parents.length - 1; index >= 0; index--) {
      const value = fromStyle(dictionary, parents[index]!, property, seen)
      if (isValue(value)) return value
    }
  }
  return undefined
}

function getProperty(this: Stack, property: string): unknown {
  const overrides = this.styleOverrides
  if (overrides) {
    for (let index = overrides.length - 1; index >= 0; index--) {
      const item = overrides[index] as string | Record<string, unknown>
      if (isString(item)) {
        const value = fromStyle(this.styleDictionary, item as string, property)
        if (isValue(value)) return value
      } else if (isValue((item as Record<string, unknown>)[property])) {
        return (item as Record<string, unknown>)[property]
      }
    }
  }
  return this.defaultStyle && this.defaultStyle[property]
}

function getStyleProperty(item: Record<string, unknown>, stack: Stack | undefined, property: string, defaultValue: unknown): unknown {
  if (isValue(item[property])) return item[property]
  if (!stack) return defaultValue
  const pushed = stack.autopush(item)
  const value = stack.getProperty(property)
  if (pushed > 0) stack.pop(pushed)
  return isValue(value) ? value : defaultValue
}

const originals = {getProperty: StyleContextStack.prototype.getProperty, getStyleProperty: StyleContextStack.getStyleProperty}

/** Whether pdfmake's methods are those this module replaces. */
export const matches = (): boolean =>
  sourcesMatch(replacedSources, (name) => (name in originals ? originals[name as keyof typeof originals] : StyleContextStack.prototype.auto))

/** Use the allocation-free lookup (when pdfmake's methods match), or pdfmake's own again. */
export function useFastStyleLookup(on: boolean): void {
  const fast = on && matches()
  StyleContextStack.prototype.getProperty = fast ? getProperty : originals.getProperty
  StyleContextStack.getStyleProperty = fast ? getStyleProperty : originals.getStyleProperty
}
