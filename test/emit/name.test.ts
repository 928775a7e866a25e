import {describe, expect, it} from 'vitest'
import {maxSlugBytes, outputName} from '../../pipeline/emit/index.js'
import type {Report} from '../../pipeline/model.js'

const named = (member: string) => outputName({member, period: {label: '2020-2021', from: '2020-01-01', to: '2021-12-31'}} as Report)

describe('output names', () => {
  it('are the member and the period', () => {
    expect(named('United States of America')).toBe('united-states-of-america-2020-2021')
  })

  it('are bounded, cut after a whole word, and never start with a hyphen', () => {
    const long = named('Very '.repeat(60) + 'Long Member')
    expect(Buffer.byteLength(long.replace(/-2020-2021$/, ''))).toBeLessThanOrEqual(maxSlugBytes)
    expect(long).toMatch(/^very(-very)+-2020-2021$/)
    expect(named('x'.repeat(300)).length).toBe(maxSlugBytes + '-2020-2021'.length)
    expect(named('🇨🇦')).toBe('report-2020-2021')
  })
})
