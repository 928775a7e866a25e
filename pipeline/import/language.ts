// The language an imported page's text is written in, told by its commonest little words. The interface's language
// is not enough: e-TRIPS shows a report in the language it was submitted in, whatever the interface (seed 002 is
// Canada's English report seen through the French interface).
import type {InterfaceLanguage} from './interfaces.js'

/**
 * Words frequent in any text of each language and rare in the other two: articles, prepositions and auxiliaries.
 * Words the languages share (`de`, `la`, `en`, `que`, `un`, `a`, `entre`) count for none.
 */
const commonWords: Record<InterfaceLanguage, ReadonlySet<string>> = {
  en: new Set('the of and to in for with is are by this that from its has have was were which an as at be'.split(' ')),
  fr: new Set('le les des du et au aux pour dans une sur par est sont ces cette qui avec ont été leur ainsi'.split(' ')),
  es: new Set('el los las del y al para con una por es son este esta estos sobre han sido su sus como'.split(' '))
}

/** Words of one language it takes to tell it, at least, and how many times more of them than of the next. */
const leastWords = 3
const leastLead = 2

/**
 * The language `texts` are written in, when their common words tell it clearly: at least `leastWords` of one
 * language and `leastLead` times as many as of any other; undefined when they do not (too little text, or mixed).
 */
export function textLanguage(texts: readonly string[]): InterfaceLanguage | undefined {
  const counts = new Map<InterfaceLanguage, number>()
  for (const text of texts) {
    for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
      for (const [language, words] of Object.entries(commonWords) as Array<[InterfaceLanguage, ReadonlySet<string>]>) {
        if (words.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1)
      }
    }
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1])
  if (!first || first[1] < leastWords || (second && first[1] < leastLead * second[1])) return undefined
  return first[0]
}
