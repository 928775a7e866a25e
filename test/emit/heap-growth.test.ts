// The heap's growth is bounded while outputs are made, and V8's own factor given back after, once for PDFs made at once;
// a process started with its own bound keeps it.
import v8 from 'node:v8'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {heapGrowingPercent, largeReport, withBoundedHeapGrowth} from '../../pipeline/emit/heap-growth.js'

describe('heap growth while outputs are made', () => {
  let flags: string[]
  beforeEach(() => {
    flags = []
    vi.spyOn(v8, 'setFlagsFromString').mockImplementation((flag) => void flags.push(flag))
  })
  afterEach(() => vi.restoreAllMocks())

  it('is bounded while the PDF is made and given back to V8 after, also when rendering fails', async () => {
    const during = await withBoundedHeapGrowth(largeReport, async () => [...flags])
    expect(during).toEqual([`--heap-growing-percent=${heapGrowingPercent}`])
    expect(flags).toEqual([`--heap-growing-percent=${heapGrowingPercent}`, '--heap-growing-percent=0'])
    await expect(withBoundedHeapGrowth(largeReport, () => Promise.reject(new Error('no PDF')))).rejects.toThrow('no PDF')
    expect(flags.slice(2)).toEqual([`--heap-growing-percent=${heapGrowingPercent}`, '--heap-growing-percent=0'])
  })

  it("is left to V8 for a report under the size", async () => {
    await withBoundedHeapGrowth(largeReport - 1, async () => {})
    expect(flags).toEqual([])
  })

  it('is given back only when the last of renders at once ends', async () => {
    let finishFirst!: () => void
    const first = withBoundedHeapGrowth(largeReport, () => new Promise<void>((resolve) => (finishFirst = resolve)))
    await withBoundedHeapGrowth(largeReport, async () => {})
    expect(flags).toEqual([`--heap-growing-percent=${heapGrowingPercent}`])
    finishFirst()
    await first
    expect(flags).toEqual([`--heap-growing-percent=${heapGrowingPercent}`, '--heap-growing-percent=0'])
  })

  it("leaves a bound the process was started with (node's options or NODE_OPTIONS)", async () => {
    process.execArgv.push('--heap-growing-percent=20')
    try {
      await withBoundedHeapGrowth(largeReport, async () => {})
    } finally {
      process.execArgv.pop()
    }
    vi.stubEnv('NODE_OPTIONS', '--max-old-space-size=4096 --heap_growing_percent=30')
    try {
      await withBoundedHeapGrowth(largeReport, async () => {})
    } finally {
      vi.unstubAllEnvs()
    }
    expect(flags).toEqual([])
  })
})
