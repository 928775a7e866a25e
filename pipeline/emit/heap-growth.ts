// The outputs are made from a model held whole, and pdfmake holds every page it lays out until the whole document
// is drawn, so the live memory of the emit stage grows with the report (about 70 MB per 1,000 programmes in the PDF
// once laid out). V8 lets a large heap grow to up to four times what was live at its last full collection before it
// collects again, which at 5,000 programmes put the build's peak near twice what it held. While the outputs of a
// large report are made, this caps that growth at 1.5 times (`--heap-growing-percent=50`), then gives V8 back its own
// factor (0: worked out from how fast it collects). Smaller reports keep V8's own factor, which needs fewer full
// collections and stayed well under the budgets (README, Performance). A process started with its own
// `--heap-growing-percent` keeps it. The flag is the process's, the count of renders this thread's: when reports
// render in worker threads (reports/pool.ts), the first thread to finish gives V8 its own factor back, which only ends
// the cap early.
import v8 from 'node:v8'

/** How much the heap may grow past what was live at the last full collection, while outputs are made. */
export const heapGrowingPercent = 50

/** Programmes from which a report's outputs are made with the heap's growth capped (about 3.5 MB of sources). */
export const largeReport = 2_000

const setByUser = (): boolean =>
  [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((option) => /^--heap[-_]growing[-_]percent\b/.test(option))

/** Renders with a capped growth running now in this thread: the factor is given back when the last one ends. */
let running = 0

/**
 * `make`'s result; for a report of `programmes` from `largeReport` up, with the heap's growth capped while it runs
 * (unless the process set its own bound).
 */
export async function withBoundedHeapGrowth<T>(programmes: number, make: () => Promise<T>): Promise<T> {
  if (programmes < largeReport || setByUser()) return make()
  if (running++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`)
  try {
    return await make()
  } finally {
    if (--running === 0) v8.setFlagsFromString('--heap-growing-percent=0')
  }
}
