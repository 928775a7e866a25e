import {describe, expect, it} from 'vitest'
import {firstDay, formatLong, formatShort, lastDay, parseDate, utcMillis} from '../pipeline/dates.js'

import {loadTemplates} from '../pipeline/templates.js'

const {labels} = await loadTemplates()
const english = labels.en!

describe('parseDate', () => {
  it.each([
    ['2021-04-24', '2021-04-24', 'day'],
    ['24/04/2021', '2021-04-24', 'day'],
    ['7/9/2020', '2020-09-07', 'day'],
    ['24.04.2021', '2021-04-24', 'day'],
    ['2021-04', '2021-04', 'month'],
    ['April 2021', '2021-04', 'month'],
    ['apr. 2021', '2021-04', 'month'],
    ['2021', '2021', 'year'],
    ['  29/02/2024 ', '2024-02-29', 'day'],
    // In words, as the outputs print dates, in the three languages.
    ['6 June 2022', '2022-06-06', 'day'],
    ['June 2022', '2022-06', 'month'],
    ['1er mars 2018', '2018-03-01', 'day'],
    ['1 mars 2018', '2018-03-01', 'day'],
    ['mars 2018', '2018-03', 'month'],
    ['16 septembre 2021', '2021-09-16', 'day'],
    ['Août 2019', '2019-08', 'month'],
    ['févr. 2020', '2020-02', 'month'],
    ['16 de septiembre de 2021', '2021-09-16', 'day'],
    ['septiembre de 2021', '2021-09', 'month'],
    ['1 de enero del 2020', '2020-01-01', 'day'],
    ['setiembre 2021', '2021-09', 'month'],
    // Year first with slashes or dots, as Japan, China and Korea write dates.
    ['2025/05/12', '2025-05-12', 'day'],
    ['2025/5/2', '2025-05-02', 'day'],
    ['2025.05.12', '2025-05-12', 'day'],
    // English ordinals and month-first dates.
    ['8th September 2025', '2025-09-08', 'day'],
    ['1st May 2025', '2025-05-01', 'day'],
    ['September 8, 2025', '2025-09-08', 'day'],
    ['Sept. 22nd, 2025', '2025-09-22', 'day'],
    ['12 May, 2025', '2025-05-12', 'day'],
    ['May, 2025', '2025-05', 'month']
  ])('reads %j as %s (%s)', (written, iso, precision) => {
    const read = parseDate(written)
    expect(read.ok && read.date).toEqual({iso, precision, written: written.trim()})
  })

  it.each([
    ['04/05/2021', 'either'],
    ['7/9/2020', 'either'],
    ['05/05/2021', undefined],
    ['24/04/2021', undefined],
    ['2021-04-05', undefined],
    ['September 8, 2025', 'month-first'],
    ['8 September 2025', undefined]
  ])('tells the order %j shows: %s', (written, order) => {
    const read = parseDate(written)
    expect(read.ok && read.order).toBe(order)
  })

  it.each([
    ['31/02/2021', {problem: 'day', year: 2021, month: 2, day: 31}],
    ['29/02/2021', {problem: 'day', year: 2021, month: 2, day: 29}],
    ['2021-13', {problem: 'month', month: 13}],
    ['00/01/2021', {problem: 'day', year: 2021, month: 1, day: 0}],
    ['Smarch 2021', {problem: 'month-name', name: 'Smarch'}],
    // "ju" could be June or July in any of the languages.
    ['ju 2021', {problem: 'month-name', name: 'ju'}],
    ['31 avril 2021', {problem: 'day', year: 2021, month: 4, day: 31}],
    // Month first, as the United States write it: how it would be written day first is said.
    ['04/24/2021', {problem: 'month', month: 24, dayFirst: '24/04/2021'}],
    ['5.13.2025', {problem: 'month', month: 13, dayFirst: '13.5.2025'}],
    ['13/13/2025', {problem: 'month', month: 13}],
    ['30/04/0202', {problem: 'year', year: '0202'}],
    ['0999', {problem: 'year', year: '0999'}],
    ['April 0021', {problem: 'year', year: '0021'}],
    ['0000-01-01', {problem: 'year', year: '0000'}],
    ['2025/13/01', {problem: 'month', month: 13}],
    ['2025/02/30', {problem: 'day', year: 2025, month: 2, day: 30}],
    // Separators must match: a mix is a typo, not a date.
    ['2025/05-12', {problem: 'form'}],
    ['September 31, 2025', {problem: 'day', year: 2025, month: 9, day: 31}],
    ['Smarch 8, 2025', {problem: 'month-name', name: 'Smarch'}],
    ['next spring', {problem: 'form'}],
    ['', {problem: 'form'}]
  ])('refuses %j: %o', (written, reason) => {
    expect(parseDate(written)).toEqual({ok: false, reason})
  })
})

describe('date ranges and formats', () => {
  const date = (text: string) => {
    const result = parseDate(text)
    if (!result.ok) throw new Error(result.reason.problem)
    return result.date
  }

  it('gives the first and last day a partial date covers, never inventing one', () => {
    expect([firstDay(date('2021')), lastDay(date('2021'))]).toEqual(['2021-01-01', '2021-12-31'])
    expect([firstDay(date('February 2024')), lastDay(date('February 2024'))]).toEqual(['2024-02-01', '2024-02-29'])
    expect([firstDay(date('24/04/2021')), lastDay(date('24/04/2021'))]).toEqual(['2021-04-24', '2021-04-24'])
  })

  it('formats dates the way WTO documents print them', () => {
    expect(formatLong('2024-09-16', english)).toBe('16 September 2024')
    expect(formatLong('2021-06-01', english)).toBe('1 June 2021')
    expect(formatShort(date('2021-04-24'), english)).toBe('24/04/2021')
    expect(formatShort(date('2021-04'), english)).toBe('April 2021')
    expect(formatShort(date('2021'), english)).toBe('2021')
  })

  it('writes dates in words in French and Spanish, lists keeping DD/MM/YYYY', () => {
    expect(formatLong('2021-09-16', labels.fr!)).toBe('16 septembre 2021')
    expect(formatLong('2021-06-01', labels.fr!)).toBe('1er juin 2021')
    expect(formatLong('2021-03', labels.fr!)).toBe('mars 2021')
    expect(formatLong('2021-09-16', labels.es!)).toBe('16 de septiembre de 2021')
    expect(formatLong('2021-06-01', labels.es!)).toBe('1 de junio de 2021')
    expect(formatLong('2021-09', labels.es!)).toBe('septiembre de 2021')
    expect(formatShort(date('2021-04-24'), labels.fr!)).toBe('24/04/2021')
    expect(formatShort(date('2021-04-24'), labels.es!)).toBe('24/04/2021')
  })

  it('reads back every date it prints in words, in every language', () => {
    for (const words of Object.values(labels)) {
      for (const iso of ['2021-06-01', '2024-09-16', '2020-02-29', '2019-12']) {
        const result = parseDate(formatLong(iso, words))
        expect(result.ok && result.date.iso).toBe(iso)
      }
    }
  })

  it('builds full dates as UTC midnights', () => {
    expect(new Date(utcMillis('2021-04-24')).toISOString()).toBe('2021-04-24T00:00:00.000Z')
    expect(new Date(utcMillis('1000-01-01')).getUTCFullYear()).toBe(1000)
    // Date.UTC would read years 0 to 99 as 1900 to 1999.
    expect(new Date(utcMillis('0050-03-01')).toISOString()).toBe('0050-03-01T00:00:00.000Z')
    expect(new Date(utcMillis('0000-01-01')).getUTCFullYear()).toBe(0)
  })

  it('knows the Gregorian leap years', () => {
    expect(parseDate('29/02/2000').ok).toBe(true)
    expect(parseDate('29/02/1900')).toEqual({ok: false, reason: {problem: 'day', year: 1900, month: 2, day: 29}})
    expect(lastDay(date('February 2100'))).toBe('2100-02-28')
    expect(lastDay(date('February 1004'))).toBe('1004-02-29')
  })
})
