// The progress line of a long run on a terminal: reports done of total, the current report and the time so far,
// rewritten in place on stderr. It shows only once the run has taken a moment, and leaves no trace when done.

export interface ProgressStream {
  write(text: string): unknown
  columns?: number | undefined
}

/** Whether to show progress: on a terminal, not under CI, not asked to be quiet. */
export function showProgress(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv, quiet: boolean | undefined): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0'
  return Boolean(stream.isTTY) && !ci && !quiet
}

export class Progress {
  private done = 0
  private current = ''
  private shown = false
  private readonly started: number
  private timer: NodeJS.Timeout | undefined

  /** `delay`: milliseconds a run takes before its progress shows; `now`: the clock, in milliseconds. */
  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly options: {delay?: number; now?: () => number; refresh?: number} = {}
  ) {
    this.started = this.now()
    if (options.refresh !== 0) this.timer = setInterval(() => this.draw(), options.refresh ?? 250).unref()
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** The line as shown, cut to the terminal's width. */
  line(): string {
    const seconds = ((this.now() - this.started) / 1000).toFixed(1)
    const text = `[${this.done}/${this.total}] ${this.current} ${seconds}s`
    const width = (this.stream.columns ?? 80) - 1
    return [...text].length > width ? [...text].slice(0, width).join('') : text
  }

  /** Draw the line, once the run has taken longer than the delay. */
  draw(): void {
    if (this.now() - this.started < (this.options.delay ?? 1000)) return
    this.stream.write(`\r\u001B[K${this.line()}`)
    this.shown = true
  }

  /** Now working on `name`. */
  start(name: string): void {
    this.current = name
    this.draw()
  }

  /** One more report done. */
  finish(): void {
    this.done++
    this.draw()
  }

  /** Stop and clear the line, if it was drawn. */
  end(): void {
    clearInterval(this.timer)
    if (this.shown) this.stream.write('\r\u001B[K')
    this.shown = false
  }
}
