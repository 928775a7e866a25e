// What the run-time patches of pdfmake and pdfkit (style-lookup.ts, inline-styles.ts, content-writes.ts) check before
// they replace a method: that its source is still exactly the one they were written against.
import {createHash} from 'node:crypto'

/** The SHA-256 of a function's source text. */
export const sourceHash = (method: Function): string => createHash('sha256').update(method.toString()).digest('hex')
