import {describe, expect, it} from 'vitest'
import {useColor} from '../../pipeline/format/color.js'

describe('colour of the text format', () => {
  it('follows a terminal when nothing says otherwise', () => {
    expect(useColor(undefined, {}, true)).toBe(true)
    expect(useColor(undefined, {}, false)).toBe(false)
  })

  it('is turned off by a non-empty NO_COLOR', () => {
    expect(useColor(undefined, {NO_COLOR: '1'}, true)).toBe(false)
    expect(useColor(undefined, {NO_COLOR: 'anything'}, true)).toBe(false)
    expect(useColor(undefined, {NO_COLOR: ''}, true)).toBe(true)
  })

  it('is turned on by FORCE_COLOR off a terminal, over NO_COLOR as in Node, and off by FORCE_COLOR=0', () => {
    for (const value of ['', '1', '2', '3', 'true']) expect(useColor(undefined, {FORCE_COLOR: value}, false), value).toBe(true)
    expect(useColor(undefined, {FORCE_COLOR: '1', NO_COLOR: '1'}, false)).toBe(true)
    expect(useColor(undefined, {FORCE_COLOR: '0'}, true)).toBe(false)
    expect(useColor(undefined, {FORCE_COLOR: 'false'}, true)).toBe(false)
  })

  it('obeys --color and --no-color over the environment', () => {
    expect(useColor(true, {NO_COLOR: '1'}, false)).toBe(true)
    expect(useColor(true, {FORCE_COLOR: '0'}, false)).toBe(true)
    expect(useColor(false, {FORCE_COLOR: '1'}, true)).toBe(false)
  })
})
