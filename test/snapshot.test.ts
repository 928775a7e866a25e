// What a start-up snapshot's preparation leaves behind (pipeline/snapshot.ts): compiled code, not the templates read.
import {describe, expect, it} from 'vitest'
import {fontChecksum, fontsHashed} from '../pipeline/emit/pdf/checksum.js'
import {prepareSnapshot} from '../pipeline/snapshot.js'
import {loadTemplates} from '../pipeline/templates.js'

describe('prepareSnapshot', () => {
  it('checks the sample reports, then forgets the templates, so a process from the snapshot reads them again', async () => {
    const before = loadTemplates()
    await prepareSnapshot('check')
    const after = loadTemplates()
    expect(after).not.toBe(before)
    expect(Object.keys((await after).labels)).toEqual(['en', 'es', 'fr'])
  })

  it('forgets the font bytes hashed, which would cost more to load with the snapshot than to hash again', async () => {
    fontChecksum(new Uint8Array([1, 2, 3]))
    expect(fontsHashed()).toBeGreaterThan(0)
    await prepareSnapshot('check')
    expect(fontsHashed()).toBe(0)
  })
})
