// Text runs shaped for pdfmake's justification, and names kept on one line.
//
// pdfmake (0.3.11, TextBreaker's splitWords) cuts text into "words" at every break opportunity the linebreak
// package finds (Unicode line breaking): after spaces, but also after a hyphen or a slash inside a word
// ("Asia-|Pacific", "CIPO-|WIPO", "and/|or"), and it starts a new word at every change of style. Justification
// (ElementWriter.alignLine) then spreads a line's spare width over the gaps between all its words, so a justified
// line shows "Asia- Pacific", and a run starting with a space becomes a word of its own with a double gap. A run
// marked `noWrap` is one word: so a word with such a break inside is given its own noWrap run, and a space that
// starts a run is moved to the end of the run before it. The text itself is never changed.
import type {ContentText} from 'pdfmake/interfaces.js'
import {hasWordLongerThan} from './measure.js'

/** A hyphen, dash or slash between two visible characters: a place linebreak may break a word. */
const breakInside = /\S[-\u2010\u2013\u2014/]\S/
/**
 * Longest word kept whole. A noWrap run wider than its line would run past the margin (pdfmake only splits words
 * that wrap), so longer words keep their break opportunities; 30 characters fit any column the annex prints.
 */
const wholeWordMax = 30

const plain = (run: ContentText) => !run.link && !run.decoration && !run.style

/** `runs` as the same text, with no word a justified line could stretch inside. */
export function justifiable(runs: readonly ContentText[]): ContentText[] {
  const moved: ContentText[] = []
  for (const run of runs) {
    const text = String(run.text)
    const previous = moved.at(-1)
    const space = /^\s+/.exec(text)?.[0]
    // A space opening a run joins the previous run, unless that one is underlined or shaded (the space would be too).
    if (space && previous && plain(previous) && !/\s$/.test(String(previous.text))) {
      previous.text = String(previous.text) + space
      if (text.length > space.length) moved.push({...run, text: text.slice(space.length)})
    } else {
      moved.push({...run})
    }
  }
  return moved.flatMap(splitWords)
}

/** A run cut so that each word with a break inside it is a noWrap run of its own (with the spaces after it). */
function splitWords(run: ContentText): ContentText[] {
  const text = String(run.text)
  if (!breakInside.test(text)) return [run]
  const pieces: ContentText[] = []
  let pending = ''
  for (const word of text.match(/\s+|\S+\s*/g) ?? []) {
    if (breakInside.test(word) && word.trimEnd().length <= wholeWordMax) {
      if (pending) pieces.push({...run, text: pending})
      pieces.push({...run, text: word, noWrap: true})
      pending = ''
    } else {
      pending += word
    }
  }
  if (pending) pieces.push({...run, text: pending})
  return pieces
}

/** A name held on one line with no-break spaces when it is at most `max` characters long (else it may wrap). */
export function unbroken(name: string, max: number): string {
  return name.length <= max ? name.replace(/ /g, '\u00a0') : name
}

/** A word of words held together with no-break spaces (JavaScript's `\s` counts them as white space). */
const heldWords = /(?:[^\s]|\u00a0)*\u00a0(?:[^\s]|\u00a0)*/g

/**
 * `text` with the words `unbroken` holds together that `fits` refuses set free to break at their spaces: pdfmake
 * would break a held name wider than its column within a word ("Países en desarr|ollo Miembros").
 */
export function released(text: string, fits: (held: string) => boolean): string {
  return text.includes('\u00a0') ? text.replace(heldWords, (held) => (fits(held) ? held : held.replace(/\u00a0/g, ' '))) : text
}

/**
 * `runs` with every word `wide` finds wider than its line ended there, apart from the white space after it. pdfmake
 * breaks such a word across lines, but measures each piece as if it still ended with that space: a centred,
 * right-aligned or justified line would overrun the margin by the space's width.
 */
export function apart(runs: readonly ContentText[], wide: (word: string, run: ContentText) => boolean): ContentText[] {
  return runs.flatMap((run) => {
    const text = String(run.text)
    const pieces: ContentText[] = []
    let start = 0
    for (const match of text.matchAll(/\S+(?=\s)/g)) {
      if (!wide(match[0], run)) continue
      const end = match.index + match[0].length
      pieces.push({...run, text: text.slice(start, end)})
      start = end
    }
    if (start === 0) return [run]
    pieces.push({...run, text: text.slice(start)})
    return pieces
  })
}

/** A break opportunity pdfmake honours and the fonts draw as nothing; pdf.js reads no character for it. */
const zeroWidthSpace = '\u200B'
/**
 * Words longer than this many characters get a break opportunity after every this many. pdfmake breaks a word wider
 * than its line by measuring ever shorter starts of all of it, line after line: time that grows with the square of
 * the word's length, minutes for a word of 20,000 characters.
 */
export const longestUnbrokenWord = 400
const longWord = new RegExp(`[^\\s${zeroWidthSpace}]{${longestUnbrokenWord + 1},}`, 'gu')
const everyLongestUnbrokenWord = new RegExp(`[^]{${longestUnbrokenWord}}(?=[^])`, 'gu')

/** `text` with a zero-width space after every `longestUnbrokenWord` characters of a longer word. */
function breakWords(text: string): string {
  // A quick pass first: it finds a long word wherever the pattern does (it counts UTF-16 units, and fewer spaces).
  if (!hasWordLongerThan(text, longestUnbrokenWord)) return text
  return text.replace(longWord, (word) => word.replace(everyLongestUnbrokenWord, (piece) => piece + zeroWidthSpace))
}

/**
 * `content` with its words longer than `longestUnbrokenWord` characters broken (see there); link addresses kept.
 * Nodes with no such word are returned as they are, not copied.
 */
export function breakLongWords<T>(content: T): T {
  if (typeof content === 'string') return breakWords(content) as T
  if (Array.isArray(content)) {
    let copy: unknown[] | undefined
    content.forEach((item: unknown, index) => {
      const broken = breakLongWords(item)
      if (broken !== item) (copy ??= [...content])[index] = broken
    })
    return (copy ?? content) as T
  }
  if (!content || typeof content !== 'object') return content
  let copy: Record<string, unknown> | undefined
  for (const [key, value] of Object.entries(content)) {
    const broken = key === 'text' || (value && typeof value === 'object') ? breakLongWords(value) : value
    if (broken !== value) (copy ??= {...(content as Record<string, unknown>)})[key] = broken
  }
  return (copy ?? content) as T
}
