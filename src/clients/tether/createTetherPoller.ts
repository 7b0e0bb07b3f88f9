import { toCallError, type CallError } from '../../core/CallError.js'

export interface TetherPollerOptions<T> {
  /** Wait between polls while all is well. */
  intervalMs: number
  /** The longest wait while errors persist: the wait doubles on each error up to this. */
  maxIntervalMs: number
  /** Fetches once. Must honour the signal: `stop()` aborts the request in flight. */
  fetch(signal: AbortSignal): Promise<T>
  /** What a fetch brought, after `onRecover`. May call `stop()` (a terminal state). */
  onResult(value: T): void
  /** A fetch failed; the next one waits twice as long. */
  onError(error: CallError): void
  /** A fetch succeeded after one or more failures. */
  onRecover(): void
}

/** Polls one call: one request at a time, backoff on errors, reset on success. */
export interface TetherPoller {
  /** Polls now instead of at the next tick (after an event without a status, after a hang-up). */
  pollNow(): void
  /** Stops for good: clears the timer and aborts the request in flight. Idempotent. */
  stop(): void
}

/** Starts polling: the first request goes out after `intervalMs`. */
export function createTetherPoller<T>(options: TetherPollerOptions<T>): TetherPoller {
  let interval = options.intervalMs
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined
  let failing = false
  let stopped = false

  function schedule(ms: number) {
    timer = setTimeout(tick, ms)
  }

  async function tick() {
    timer = undefined
    controller = new AbortController()
    try {
      const value = await options.fetch(controller.signal)
      if (stopped) return
      interval = options.intervalMs
      // The stream is back before the state it brings, so the UI never shows a final state as "reconnecting".
      if (failing) {
        failing = false
        options.onRecover()
      }
      options.onResult(value)
    } catch (error) {
      if (stopped) return
      failing = true
      interval = Math.min(interval * 2, options.maxIntervalMs)
      options.onError(toCallError(error, 'tether'))
    } finally {
      controller = undefined
    }
    // `onResult` may have reached a terminal state and stopped us.
    if (!stopped) schedule(interval)
  }

  schedule(interval)
  return {
    pollNow() {
      // A request in flight already brings the latest state.
      if (stopped || timer === undefined) return
      clearTimeout(timer)
      void tick()
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
      controller?.abort()
    },
  }
}
