import { createBackoff } from './backoff.js'
import type { PageVisibility } from './pageVisibility.js'

/**
 * How a client polls, the same option in every client (`poll: { … }`). Every field in ms.
 */
export interface PollOptions {
  /** Wait between two polls. */
  intervalMs: number
  /** The longest wait while polls keep failing (the wait doubles on each failure). */
  maxIntervalMs: number
  /** Stop polling this long after it started, whatever the state (a call never ends on our side). */
  maxDurationMs: number
}

/** What `createPoller` runs. */
export interface PollerOptions extends PollOptions {
  /**
   * One poll, one at a time. Resolve `'done'` to stop for good (the call reached a final state);
   * reject to back off. `signal` aborts when the poller stops.
   */
  poll(signal: AbortSignal): Promise<'done' | void>
  /** After a failed poll, with the wait before the next one. */
  onError?(error: unknown, nextDelayMs: number): void
  /** After a poll that succeeded (e.g. to report the stream open again). */
  onSuccess?(): void
  /** `maxDurationMs` passed: the poller has stopped. */
  onExpire?(): void
  /** Rest while the page is hidden and poll at once when it is shown again. Default: never rest. */
  visibility?: PageVisibility
  /** Poll at once instead of after `intervalMs`. Default false. */
  immediate?: boolean
}

/** A running poll loop. */
export interface Poller {
  /** `polling`, `paused` (hidden page or `pause`), or `stopped` for good. */
  readonly state: 'polling' | 'paused' | 'stopped'
  /** Polls now instead of at the next tick (nothing when paused, stopped or a poll is in flight). */
  pollNow(): void
  /**
   * Pushes the next poll back to `ms` from now, e.g. while another source (a socket) delivers
   * the same changes, so polling only watches for its silence.
   */
  postpone(ms: number): void
  /** Rests until `resume(reason)`; several reasons may hold at once. */
  pause(reason?: string): void
  /** Lifts `reason`; when none is left, polls at once (to catch up) and goes on. */
  resume(reason?: string): void
  /** Stops for good: clears the timers and aborts the poll in flight. */
  stop(): void
}

/**
 * The one poll loop of the library: one request at a time, backoff on failure (reset on success),
 * a maximum duration, an abort on stop, and rest in hidden pages.
 *
 * @example
 * const poller = createPoller({
 *   ...options.poll,
 *   visibility: documentVisibility(),
 *   poll: async (signal) => (apply(await api.getCall(id, signal)) ? 'done' : undefined),
 *   onExpire: () => log.warn(`stopped following call ${id}`),
 * })
 */
export function createPoller(options: PollerOptions): Poller {
  const { intervalMs, maxIntervalMs, maxDurationMs, visibility } = options
  const backoff = createBackoff({ initialMs: intervalMs, maxMs: maxIntervalMs })
  const pauses = new Set<string>()
  let stopped = false
  let inFlight = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined
  /** No poll before this time (epoch ms), set by `postpone`, also while a poll is in flight. */
  let notBefore = 0

  const state = (): Poller['state'] => (stopped ? 'stopped' : pauses.size ? 'paused' : 'polling')
  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(tick, ms)
  }

  async function tick() {
    timer = undefined
    if (state() !== 'polling' || inFlight) return
    inFlight = true
    controller = new AbortController()
    let done = false
    try {
      done = (await options.poll(controller.signal)) === 'done'
      if (stopped) return
      backoff.reset()
      options.onSuccess?.()
    } catch (error) {
      if (stopped) return
      options.onError?.(error, backoff.fail())
    } finally {
      inFlight = false
    }
    if (done) poller.stop()
    else if (state() === 'polling' && timer === undefined)
      schedule(Math.max(backoff.current, notBefore - Date.now()))
  }

  const expiry = setTimeout(() => {
    poller.stop()
    options.onExpire?.()
  }, maxDurationMs)
  const unwatch = visibility?.subscribe((hidden) =>
    hidden ? poller.pause('hidden') : poller.resume('hidden'),
  )

  const poller: Poller = {
    get state() {
      return state()
    },
    pollNow() {
      if (state() !== 'polling' || inFlight) return
      clearTimeout(timer)
      void tick()
    },
    postpone(ms) {
      notBefore = Date.now() + ms
      if (state() === 'polling' && !inFlight) schedule(ms)
    },
    pause(reason = 'paused') {
      if (stopped) return
      pauses.add(reason)
      clearTimeout(timer)
      timer = undefined
    },
    resume(reason = 'paused') {
      if (!pauses.delete(reason) || state() !== 'polling') return
      poller.pollNow()
    },
    stop() {
      if (stopped) return
      stopped = true
      clearTimeout(timer)
      clearTimeout(expiry)
      unwatch?.()
      controller?.abort()
    },
  }

  if (visibility?.isHidden()) pauses.add('hidden')
  if (state() === 'polling') {
    if (options.immediate) void tick()
    else schedule(intervalMs)
  }
  return poller
}
