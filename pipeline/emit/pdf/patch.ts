// What the run-time patches of pdfmake and pdfkit (style-lookup.ts, inline-styles.ts, content-writes.ts,
// word-drawing.ts, word-paint.ts, released-pages.ts, block-layout.ts; index.ts applies them) check before they
// replace a method: that its source is still exactly the one they were written against.
import {createHash} from 'node:crypto'

/** The SHA-256 of a function's source text. */
export const sourceHash = (method: Function): string => createHash('sha256').update(method.toString()).digest('hex')

/**
 * The class a pdfmake module exports, imported (not required) so that a bundle holds the very class pdfmake uses.
 * Node gives the CommonJS exports (the class is their `default`); loaders that honour `__esModule` (vitest) give the
 * class itself.
 */
export const exportedClass = <T>(module: unknown): T => ((module as {default?: unknown}).default ?? module) as T

/** The method `name` as its library defines it: kept in `originals` when a patch replaced it, else the prototype's. */
export const librarysOwn =
  (originals: object, prototype: object) =>
  (name: string): unknown =>
    name in originals ? (originals as Record<string, unknown>)[name] : (prototype as Record<string, unknown>)[name]

/** Whether each method named in `sources` (found by `methodOf`) is a function whose source has that SHA-256. */
export function sourcesMatch(sources: Record<string, string>, methodOf: (name: string) => unknown): boolean {
  return Object.entries(sources).every(([name, hash]) => {
    const method = methodOf(name)
    return typeof method === 'function' && sourceHash(method) === hash
  })
}
