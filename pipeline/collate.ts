// Collation order: how `a.localeCompare(b, language)` (ICU's collator) sorts names, with the usual case decided
// without ICU. The first collator a process makes costs about 13 ms (ICU loads its collation data), more than a
// whole check of the example spends sorting (issue 13). For text of printable ASCII only, the Unicode Collation
// Algorithm's default order, which English, French and Spanish leave as it is for those characters, is decided by
// the first letter or digit that differs, case aside: letters in alphabetical order, digits in numerical order, any
// other character before letters. Other pairs (two other characters, strings that differ only in case) and other
// languages (Danish sorts "aa" as "å") are left to ICU. test/collate.test.ts compares the two on generated strings.

/** The languages whose collation keeps the default order of printable ASCII (test/collate.test.ts checks each). */
export const defaultOrderLanguages: readonly string[] = ['en', 'fr', 'es']

const printableAscii = /^[\x20-\x7e]*$/
const lowerCase = (code: number) => (code >= 0x41 && code <= 0x5a ? code + 0x20 : code)
const isLetter = (code: number) => code >= 0x61 && code <= 0x7a
const isDigit = (code: number) => code >= 0x30 && code <= 0x39

/** The order of two strings of printable ASCII by the default table; undefined when it takes ICU to tell. */
function defaultOrder(a: string, b: string): number | undefined {
  if (!printableAscii.test(a) || !printableAscii.test(b)) return undefined
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index++) {
    const [x, y] = [lowerCase(a.charCodeAt(index)), lowerCase(b.charCodeAt(index))]
    if (x === y) continue
    if (isLetter(x) !== isLetter(y)) return isLetter(x) ? 1 : -1
    if ((isLetter(x) && isLetter(y)) || (isDigit(x) && isDigit(y))) return x < y ? -1 : 1
    return undefined
  }
  // One is the other followed by more: the shorter first.
  return a.length === b.length ? undefined : a.length < b.length ? -1 : 1
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in `language`. */
export function collation(language: string): (a: string, b: string) => number {
  if (!defaultOrderLanguages.includes(language)) return (a, b) => a.localeCompare(b, language)
  return (a, b) => (a === b ? 0 : (defaultOrder(a, b) ?? a.localeCompare(b, language)))
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in English. */
export const compareEnglish = collation('en')
