import {describe, expect, it} from 'vitest'
import {Progress, showProgress} from '../../pipeline/reports/index.js'

function stream(columns = 80) {
  const written: string[] = []
  return {written, columns, write: (text: string) => written.push(text)}
}

describe('Progress', () => {
  it('shows nothing for a run that takes less than a moment', () => {
    let now = 0
    const out = stream()
    const progress = new Progress(out, 2, {now: () => now, refresh: 0})
    progress.start('reports/a')
    now = 900
    progress.finish()
    progress.end()
    expect(out.written).toEqual([])
  })

  it('shows reports done of total, the current report and the time, then clears the line', () => {
    let now = 0
    const out = stream()
    const progress = new Progress(out, 3, {now: () => now, refresh: 0})
    progress.start('reports/a')
    progress.finish()
    now = 1500
    progress.start('reports/b')
    progress.end()
    expect(out.written).toEqual(['\r\u001B[K[1/3] reports/b 1.5s', '\r\u001B[K'])
  })

  it('fits the line to the terminal', () => {
    let now = 5000
    const out = stream(20)
    const progress = new Progress(out, 10, {now: () => now, refresh: 0, delay: 0})
    now = 7000
    progress.start('reports/a-very-long-folder-name')
    expect(progress.line()).toBe('[0/10] reports/a-ve')
  })
})

describe('showProgress', () => {
  it('is for terminals only, not under CI or --quiet', () => {
    expect(showProgress({isTTY: true}, {}, false)).toBe(true)
    expect(showProgress({isTTY: false}, {}, false)).toBe(false)
    expect(showProgress({}, {}, false)).toBe(false)
    expect(showProgress({isTTY: true}, {CI: 'true'}, false)).toBe(false)
    expect(showProgress({isTTY: true}, {CI: 'false'}, false)).toBe(true)
    expect(showProgress({isTTY: true}, {}, true)).toBe(false)
  })
})
