// How many threads art67 works in: one a core, or ART67_THREADS (a whole number from 1; 1 works in this thread only).
import {availableParallelism} from 'node:os'

export function threadCount(): number {
  const asked = process.env.ART67_THREADS
  return asked && /^[1-9]\d*$/.test(asked) ? Number(asked) : availableParallelism()
}
