// Dates as reports write them. A partial date stays partial; an impossible one is refused.
import type {IsoDate, PartialDate} from './model.js'
import type {DateProblem} from './rules/catalogue.js'

/** Month names read in the WTO's three languages, without accents, each language's months in order. */
const monthNames: readonly (readonly string[])[] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  // Spanish also writes "setiembre".
  ['', '', '', '', '', '', '', '', 'setiembre', '', '', '']
]

const withoutAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The month `written` names in any of the three languages, whole or cut short from 3 letters ("Sept", "févr",
 * "dic"), or undefined when it names none or could be two ("ju").
 */
function monthOf(written: string): number | undefined {
  const name = withoutAccents(written)
  const found = new Set<number>()
  for (const months of monthNames) {
    months.forEach((month, index) => {
      if (month && (month === name || (name.length >= 3 && month.startsWith(name)))) found.add(index + 1)
    })
  }
  return found.size === 1 ? [...found][0] : undefined
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The first year art67 reads: a year written with a leading zero (`0202`) is a typo, never 1900 + 2 or 202. */
export const firstYear = 1000

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * A date read, and how its order shows: `either` for a day-first date with the year last that reads as well month
 * first (`04/05/2021`), `month-first` for one written month first (`June 6, 2022`); `04/24/2021`, which cannot be day
 * first, is a `month` problem with `dayFirst`.
 */
export type DateResult = {ok: true; date: PartialDate; order?: 'either' | 'month-first'} | {ok: false; reason: DateProblem}

/** `yearDigits`: the year as written, four digits. */
function make(written: string, yearDigits: string, month?: number, day?: number): DateResult {
  const year = Number(yearDigits)
  if (year < firstYear) return {ok: false, reason: {problem: 'year', year: yearDigits}}
  if (month !== undefined && (month < 1 || month > 12)) {
    return {ok: false, reason: {problem: 'month', month}}
  }
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return {ok: false, reason: {problem: 'day', year, month, day}}
  }
  if (month === undefined) return {ok: true, date: {iso: String(year), precision: 'year', written}}
  if (day === undefined) return {ok: true, date: {iso: `${year}-${pad(month)}`, precision: 'month', written}}
  return {ok: true, date: {iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', written}}
}

/**
 * Parse `2021-04-24`, `2021/04/24` or `2021.04.24` (year first, as Japan, China and Korea write dates), `24/04/2021`
 * (day first), `2021-04`, `2021`, or a date in words in English, French or Spanish: `6 June 2022`, `6th June 2022`,
 * `June 6, 2022`, `June 2022`, `1er mars 2018`, `mars 2018`, `16 de septiembre de 2021`, `septiembre de 2021`.
 */
export function parseDate(text: string): DateResult {
  const written = text.trim()
  let match: RegExpExecArray | null
  if ((match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(written))) {
    return make(written, match[1]!, Number(match[3]), Number(match[4]))
  }
  if ((match = /^(\d{1,2})([/.])(\d{1,2})[/.](\d{4})$/.exec(written))) {
    const [day, month] = [Number(match[1]), Number(match[3])]
    const read = make(written, match[4]!, month, day)
    // Month first (`04/24/2021`, as the United States write it): say how it is read, and how to write it.
    if (!read.ok && read.reason.problem === 'month' && month <= 31 && day >= 1 && day <= 12) {
      return {ok: false, reason: {...read.reason, dayFirst: [match[3], match[1], match[4]].join(match[2])}}
    }
    return read.ok && day <= 12 && day !== month ? {...read, order: 'either'} : read
  }
  if ((match = /^(\d{4})-(\d{1,2})$/.exec(written))) {
    return make(written, match[1]!, Number(match[2]))
  }
  // A day (French "1er", English "6th"), "de", a month name and an optional full stop, "de" or "del", a year.
  if ((match = /^(?:(\d{1,2})(?:er|ᵉʳ|st|nd|rd|th)?\s+(?:de\s+)?)?(\p{L}+)\.?,?\s+(?:del?\s+)?(\d{4})$/iu.exec(written))) {
    const month = monthOf(match[2]!)
    if (month === undefined) return {ok: false, reason: {problem: 'month-name', name: match[2]!}}
    return make(written, match[3]!, month, match[1] === undefined ? undefined : Number(match[1]))
  }
  // English month first: "June 6, 2022", "June 6th, 2022".
  if ((match = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu.exec(written))) {
    const month = monthOf(match[1]!)
    if (month === undefined) return {ok: false, reason: {problem: 'month-name', name: match[1]!}}
    const read = make(written, match[3]!, month, Number(match[2]))
    return read.ok ? {...read, order: 'month-first'} : read
  }
  if ((match = /^(\d{4})$/.exec(written))) {
    return make(written, match[1]!)
  }
  return {ok: false, reason: {problem: 'form'}}
}

/**
 * The first day Excel shows as itself: its 1900 date system has no day before 1 January 1900 and counts a
 * 29 February 1900 that never was, so every day before March 1900 would show a day off.
 */
export const firstExcelDate: IsoDate = '1900-03-01'

/** First day covered by a partial date. */
export function firstDay(date: PartialDate): IsoDate {
  if (date.precision === 'day') return date.iso
  if (date.precision === 'month') return `${date.iso}-01`
  return `${date.iso}-01-01`
}

/** Last day covered by a partial date. */
export function lastDay(date: PartialDate): IsoDate {
  if (date.precision === 'day') return date.iso
  const [year, month] = date.iso.split('-').map(Number) as [number, number | undefined]
  if (month === undefined) return `${year}-12-31`
  return `${date.iso}-${pad(daysInMonth(year, month))}`
}

/** How a language writes dates in words: its month names and forms (templates' `months` and `dates`). */
export interface DateWords {
  months: readonly string[]
  dates: {day: string; month: string; firstDay: string}
}

const fillDate = (form: string, values: Record<string, string>) => form.replace(/\{(day|month|year)\}/g, (_, key: string) => values[key]!)

/** A date in words: `16 September 2024`, `1er juin 2021`, `16 de septiembre de 2021`; `September 2024`; `2024`. */
export function formatLong(iso: string, words: DateWords): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number | undefined, number | undefined]
  if (month === undefined) return String(year)
  const values = {year: String(year), month: words.months[month - 1]!}
  if (day === undefined) return fillDate(words.dates.month, values)
  return fillDate(words.dates.day, {...values, day: day === 1 ? words.dates.firstDay : String(day)})
}

/** A programme date as lists print it: `24/04/2021` in every language, or in words without a day (`April 2021`). */
export function formatShort(date: PartialDate, words: DateWords): string {
  const [year, month, day] = date.iso.split('-')
  if (date.precision === 'day') return `${day}/${month}/${year}`
  return formatLong(date.iso, words)
}

/**
 * The UTC instant of a full date's midnight, in milliseconds: never shifted by the machine's time zone, and years
 * 0 to 99 stay themselves (`Date.UTC` would read them as 1900 to 1999).
 */
export function utcMillis(iso: IsoDate): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  const instant = new Date(0)
  instant.setUTCFullYear(year, month - 1, day)
  return instant.getTime()
}
