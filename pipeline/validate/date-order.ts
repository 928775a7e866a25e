// Dates with the year last are read day first (`04/05/2021` is 4 May). When the report also writes dates month
// first (`04/24/2021`, which cannot be day first, or `April 24, 2021`), a date that reads either way is likely month
// first too: a warning at each such date, naming the one that shows the habit.
import type {VFile} from 'vfile'
import type {RawProgramme, RawText} from '../extract/index.js'
import {problem} from '../rules/index.js'

/** Day and month, both 12 or less and different, then a four-digit year: read day first, it could be either. */
const eitherWay = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}$/
/** Month first: a month over 12 with a day that is one (`04/24/2021`), or a month name before the day. */
const monthFirst = [/^(?:0?[1-9]|1[0-2])[/.](?:1[3-9]|2\d|3[01])[/.]\d{4}$/, /^\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}$/iu]

const isEitherWay = (written: string) => {
  const match = eitherWay.exec(written)
  if (!match) return false
  const [day, month] = [Number(match[1]), Number(match[2])]
  return day >= 1 && day <= 12 && month >= 1 && month <= 12 && day !== month
}

export function checkDateOrder(raws: readonly RawProgramme[]): void {
  const dates: Array<{file: VFile; text: RawText}> = raws.flatMap((raw) =>
    raw.fields.filter((field) => field.key === 'start' || field.key === 'end').map((field) => ({file: raw.file, text: {...field.value, value: field.value.value.trim()}}))
  )
  const habit = dates.find(({text}) => monthFirst.some((pattern) => pattern.test(text.value)))
  if (!habit) return
  for (const {file, text} of dates) {
    if (!isEitherWay(text.value)) continue
    const [day, month, year] = text.value.split(/[/.]/).map(Number) as [number, number, number]
    problem(file, 'date-ambiguous', {written: text.value, day, month, year, habit: habit.text.value}, text.place, {file: habit.file, place: habit.text.place})
  }
}
