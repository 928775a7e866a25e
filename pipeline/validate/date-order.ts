// Dates with the year last are read day first (`04/05/2021` is 4 May). When the report also writes dates month
// first (`04/24/2021`, which cannot be day first, or `April 24, 2021`), a date that reads either way is likely month
// first too: a warning at each such date, naming the one that shows the habit. `parseDate` tells each date's order.
import {parseDate, type DateResult} from '../dates.js'
import type {RawProgramme} from '../extract/index.js'
import {problem} from '../rules/index.js'

const isMonthFirst = (read: DateResult) => (read.ok ? read.order === 'month-first' : read.reason.problem === 'month' && read.reason.dayFirst !== undefined)

export function checkDateOrder(raws: readonly RawProgramme[]): void {
  const dates = raws.flatMap((raw) =>
    raw.fields.filter((field) => field.key === 'start' || field.key === 'end').map((field) => ({file: raw.file, value: field.value, read: parseDate(field.value.value)}))
  )
  const habit = dates.find(({read}) => isMonthFirst(read))
  if (!habit) return
  for (const {file, value, read} of dates) {
    if (!read.ok || read.order !== 'either') continue
    const [year, month, day] = read.date.iso.split('-').map(Number) as [number, number, number]
    problem(file, 'date-ambiguous', {written: read.date.written, day, month, year, habit: habit.read.ok ? habit.read.date.written : habit.value.value.trim()}, value.place, {file: habit.file, place: habit.value.place})
  }
}
