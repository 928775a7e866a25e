// Font checksums (pipeline/emit/pdf/checksum.ts): the SHA-256 of the bytes, computed once per distinct content.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {fontChecksum, fontsHashed} from '../../pipeline/emit/pdf/checksum.js'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const fontDir = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'))

describe('fontChecksum', () => {
  it('is the SHA-256 of the bytes, for a file read again as for bytes of the same length that differ', () => {
    const file = path.join(fontDir, 'ttf/DejaVuSans.ttf')
    const [first, again] = [readFileSync(file), readFileSync(file)]
    expect(fontChecksum(first)).toBe(sha256(first))
    const remembered = fontsHashed()
    expect(fontChecksum(again)).toBe(sha256(first))
    expect(fontsHashed()).toBe(remembered)
    const changed = Buffer.from(again)
    changed[changed.length - 1]! ^= 1
    expect(fontChecksum(changed)).toBe(sha256(changed))
    expect(fontChecksum(changed)).not.toBe(sha256(first))
    expect(fontChecksum(first)).toBe(sha256(first))
  })

  it('tells apart bytes of every length, empty included', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([1, 2])]) {
      expect(fontChecksum(bytes)).toBe(sha256(bytes))
    }
  })
})
