// A file's bytes as UTF-8 text, or the problem that keeps it from being text: UTF-16 or UTF-32, binary, not UTF-8.
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {problem} from '../rules/index.js'

/** The place just after `text`: line and column counted as an editor counts them. */
function pointAfter(text: string): Point {
  const lines = text.split(/\r\n|\r|\n/)
  return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte)

/**
 * The UTF-16 byte order of text saved without a byte-order mark: mostly Latin text has a NUL in every other byte,
 * the second of each pair when little-endian.
 */
function utf16Order(bytes: Uint8Array): 'little' | 'big' | undefined {
  const pairs = Math.min(bytes.length, 4096) >> 1
  if (pairs < 2) return undefined
  let nulFirst = 0
  let nulSecond = 0
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) nulFirst++
    if (bytes[2 * i + 1] === 0) nulSecond++
  }
  if (nulSecond >= pairs / 2 && nulFirst <= pairs / 10) return 'little'
  if (nulFirst >= pairs / 2 && nulSecond <= pairs / 10) return 'big'
  return undefined
}

/** The text of `bytes` without a byte-order mark; undefined, with a problem on `file`, when it is not UTF-8 text. */
export function decode(file: VFile, bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    problem(file, 'file-unreadable', {as: 'utf-32'}, {line: 1, column: 1})
    return undefined
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'little' : startsWith(bytes, [0xfe, 0xff]) ? 'big' : undefined
  const nul = bytes.indexOf(0)
  const endian = utf16 ?? (nul === -1 ? undefined : utf16Order(bytes))
  if (endian) {
    problem(file, 'file-unreadable', {as: 'utf-16', endian}, {line: 1, column: 1})
    return undefined
  }
  if (nul !== -1) {
    problem(file, 'file-unreadable', {as: 'binary'}, pointAfter(new TextDecoder('utf-8').decode(bytes.subarray(0, nul))))
    return undefined
  }
  try {
    // Strips a byte-order mark.
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes)
    problem(file, 'file-unreadable', {as: 'encoding'}, pointAfter(text.slice(0, Math.max(text.indexOf('\uFFFD'), 0))))
    return undefined
  }
}
