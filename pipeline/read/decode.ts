// A file's bytes as UTF-8 text (or UTF-16 with a byte-order mark, for import), or the problem that keeps it from
// being text: UTF-16 or UTF-32, binary, not UTF-8.
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {Undecodable} from '../rules/catalogue.js'
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

/** Bytes as text, or why they are not text and where. */
export type Decoded = {text: string; problem?: undefined} | {text?: undefined; problem: Undecodable; place: Point}

const atStart: Point = {line: 1, column: 1}

/** The offset of the first byte of `bytes` that starts no well-formed UTF-8 sequence, or -1 when there is none. */
function firstNotUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) {
      // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
      const low = k === 1 && lead === 0xe0 ? 0xa0 : k === 1 && lead === 0xf0 ? 0x90 : 0x80
      const high = k === 1 && lead === 0xed ? 0x9f : k === 1 && lead === 0xf4 ? 0x8f : 0xbf
      if (bytes[i + k]! < low || bytes[i + k]! > high) return i
    }
    i += length
  }
  return -1
}

/**
 * `bytes` in `encoding`, without a byte-order mark; or the place of the first bytes that are not in it (for UTF-8,
 * with the first of them, which names the file's encoding to whoever knows it: 0x96 is an en dash in Windows-1252).
 */
function strictly(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
  try {
    return {text: new TextDecoder(encoding, {fatal: true}).decode(bytes)}
  } catch {
    const at = encoding === 'utf-8' ? firstNotUtf8(bytes) : -1
    if (at >= 0) return {problem: {as: 'encoding', byte: bytes[at]}, place: pointAfter(new TextDecoder(encoding).decode(bytes.subarray(0, at)))}
    const text = new TextDecoder(encoding).decode(bytes)
    return {problem: {as: 'encoding'}, place: pointAfter(text.slice(0, Math.max(text.indexOf('\uFFFD'), 0)))}
  }
}

/**
 * The text of `bytes` without a byte-order mark, or why it is not UTF-8 text. With `utf16`, text saved as UTF-16 with
 * its byte-order mark (Notepad's "Unicode") is read too: `art67 import` takes it, a sources folder does not.
 */
export function decodeBytes(bytes: Uint8Array, {utf16 = false} = {}): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) return {problem: {as: 'utf-32'}, place: atStart}
  const marked = startsWith(bytes, [0xff, 0xfe]) ? 'little' : startsWith(bytes, [0xfe, 0xff]) ? 'big' : undefined
  if (marked && utf16) return strictly(marked === 'little' ? 'utf-16le' : 'utf-16be', bytes)
  const nul = bytes.indexOf(0)
  const endian = marked ?? (nul === -1 ? undefined : utf16Order(bytes))
  if (endian) return {problem: {as: 'utf-16', endian}, place: atStart}
  if (nul !== -1) return {problem: {as: 'binary'}, place: pointAfter(new TextDecoder('utf-8').decode(bytes.subarray(0, nul)))}
  return strictly('utf-8', bytes)
}

/** The text of `bytes` without a byte-order mark; undefined, with a problem on `file`, when it is not UTF-8 text. */
export function decode(file: VFile, bytes: Uint8Array): string | undefined {
  const decoded = decodeBytes(bytes)
  if (decoded.problem) problem(file, 'file-unreadable', decoded.problem, decoded.place)
  return decoded.text
}
