// Whether to colour the text format: a flag decides; else the environment, as Node reads it; else a terminal.

/**
 * `--color` / `--no-color` win. Then `FORCE_COLOR`: `1`, `2`, `3`, `true` or empty turn colour on even off a
 * terminal (and outrank `NO_COLOR`, as in Node), any other value such as `0` turns it off. Then a non-empty
 * `NO_COLOR` turns it off. Else colour only on a terminal.
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, terminal: boolean): boolean {
  if (flag !== undefined) return flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force)
  if (env.NO_COLOR) return false
  return terminal
}
