// What the run-time patches of pdfmake and pdfkit (style-lookup.ts, inline-styles.ts, content-writes.ts,
// word-drawing.ts, word-paint.ts, released-pages.ts, block-layout.ts; index.ts applies them) check before they
// replace a method: that its source is still exactly the one they were written against.
import {createHash} from 'node:crypto'

/** The SHA-256 of a function's source text. */
export const sourceHash = (method: Function): string => createHash('sha256').update(method.toString()).digest('hex')

/** Whether each method named in `sources` (found by `methodOf`) is a function whose source has that SHA-256. */
export function sourcesMatch(sources: Record<string, string>, methodOf: (name: string) => unknown): boolean {
  return Object.entries(sources).every(([name, hash]) => {
    const method = methodOf(name)
    return typeof method === 'function' && sourceHash(method) === hash
  })
}
