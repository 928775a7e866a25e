/** Write the deterministic synthetic sources of `size` programmes into `dir`; the number of files written. */
export function generate(dir: string, size: number, seed?: number): Promise<number>
