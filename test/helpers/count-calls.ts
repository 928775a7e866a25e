// Work counted, not timed: a built-in method replaced while `run` runs, each call weighed, then put back.

/**
 * The sum of `weigh(receiver, ...arguments)` over the calls of `owner[name]` while `run` runs; the method works as
 * before and is put back afterwards, even if `run` throws.
 */
export function weighedCalls<Owner extends object, Name extends keyof Owner>(
  owner: Owner,
  name: Name,
  weigh: (receiver: never, ...args: never[]) => number,
  run: () => void
): number {
  const method = owner[name] as (...args: unknown[]) => unknown
  let total = 0
  owner[name] = function (this: unknown, ...args: unknown[]) {
    total += weigh(this as never, ...(args as never[]))
    return method.apply(this, args)
  } as Owner[Name]
  try {
    run()
  } finally {
    owner[name] = method as Owner[Name]
  }
  return total
}
