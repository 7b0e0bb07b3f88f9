/**
 * The one backoff of the library: a wait that doubles on each failure up to a ceiling, and
 * goes back to the start on success. Used by the poller and by event streams that reconnect.
 */
export interface Backoff {
  /** The wait to use now, in ms. */
  readonly current: number
  /** A failure: doubles the wait (up to `maxMs`) and returns it. */
  fail(): number
  /** A success: back to `initialMs`. */
  reset(): void
}

export interface BackoffOptions {
  /** The first wait, in ms. */
  initialMs: number
  /** The longest wait, in ms; raised to `initialMs` when lower. */
  maxMs: number
  /** Growth per failure. Default 2. */
  factor?: number
}

/**
 * @example
 * const backoff = createBackoff({ initialMs: 2_500, maxMs: 30_000 })
 * setTimeout(retry, backoff.fail()) // 5 s, then 10 s, 20 s, 30 s, 30 s …
 */
export function createBackoff({ initialMs, maxMs, factor = 2 }: BackoffOptions): Backoff {
  const ceiling = Math.max(initialMs, maxMs)
  let current = initialMs
  return {
    get current() {
      return current
    },
    fail() {
      current = Math.min(current * factor, ceiling)
      return current
    },
    reset() {
      current = initialMs
    },
  }
}
