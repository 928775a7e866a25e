// The SHA-256 of a font file's bytes, which the fast shaper (shaper.ts) and the shared font tables (font-tables.ts)
// key their tables by. pdfkit reads each font file anew for every document and TextMeasure again, so one build
// hashed the same four files 19 times (8.4 MB, ~20 ms of the example's build, issue 13). Bytes equal to bytes
// already hashed (compared byte for byte, ~30 times cheaper than hashing them) get the checksum computed then. A
// start-up snapshot forgets them: the bytes kept would cost more to load with it (~5 ms a MB) than hashing anew.
import {createHash} from 'node:crypto'

/** The bytes hashed in this process and their checksums, by length. */
const hashed = new Map<number, {bytes: Uint8Array; checksum: string}[]>()

/** The hex SHA-256 of `bytes`. */
export function fontChecksum(bytes: Uint8Array): string {
  const sameLength = hashed.get(bytes.byteLength) ?? []
  const known = sameLength.find((entry) => entry.bytes === bytes || Buffer.compare(entry.bytes, bytes) === 0)
  if (known) return known.checksum
  const checksum = createHash('sha256').update(bytes).digest('hex')
  hashed.set(bytes.byteLength, [...sameLength, {bytes, checksum}])
  return checksum
}

/** Forget the bytes hashed (pipeline/snapshot.ts, before the snapshot is made). */
export function forgetFontChecksums(): void {
  hashed.clear()
}

/** How many distinct contents are remembered. */
export const fontsHashed = (): number => [...hashed.values()].reduce((count, entries) => count + entries.length, 0)
