import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPoller, type PageVisibility } from '../../src/client-kit/index.js'

const POLL = { intervalMs: 1_000, maxIntervalMs: 4_000, maxDurationMs: 60_000 }

/** A page whose visibility the test sets. */
function fakePage(hidden = false) {
  const listeners = new Set<(hidden: boolean) => void>()
  const page: PageVisibility & { set(hidden: boolean): void } = {
    isHidden: () => hidden,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(next) {
      hidden = next
      for (const listener of listeners) listener(next)
    },
  }
  return page
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createPoller', () => {
  it('polls every intervalMs, one poll at a time', async () => {
    let release = () => {}
    const poll = vi.fn(() => new Promise<void>((resolve) => (release = resolve)))
    createPoller({ ...POLL, poll })
    await vi.advanceTimersByTimeAsync(999)
    expect(poll).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(poll).toHaveBeenCalledTimes(1)
    // The poll is still in flight: no second one starts.
    await vi.advanceTimersByTimeAsync(5_000)
    expect(poll).toHaveBeenCalledTimes(1)
    release()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(poll).toHaveBeenCalledTimes(2)
  })

  it('backs off on failures up to maxIntervalMs and resets on success', async () => {
    const results = [false, false, false, false, true, true]
    const times: number[] = []
    const onError = vi.fn()
    createPoller({
      ...POLL,
      onError,
      poll: async () => {
        times.push(Date.now())
        if (!results.shift()) throw new Error('offline')
      },
    })
    await vi.advanceTimersByTimeAsync(40_000)
    const gaps = times.slice(1, 7).map((t, i) => t - times[i]!)
    expect(gaps).toEqual([2_000, 4_000, 4_000, 4_000, 1_000, 1_000])
    expect(onError.mock.calls.slice(0, 4).map(([, next]) => next)).toEqual([
      2_000, 4_000, 4_000, 4_000,
    ])
  })

  it('stops for good when a poll says done', async () => {
    const poll = vi.fn(async () => 'done' as const)
    const poller = createPoller({ ...POLL, poll })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(1)
    expect(poller.state).toBe('stopped')
  })

  it('stops after maxDurationMs and says so', async () => {
    const poll = vi.fn(async () => {})
    const onExpire = vi.fn()
    const poller = createPoller({ ...POLL, maxDurationMs: 3_500, poll, onExpire })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(3)
    expect(onExpire).toHaveBeenCalledTimes(1)
    expect(poller.state).toBe('stopped')
  })

  it('aborts the poll in flight on stop', async () => {
    let signal: AbortSignal | undefined
    const poller = createPoller({
      ...POLL,
      immediate: true,
      poll: (s) => {
        signal = s
        return new Promise(() => {})
      },
    })
    await vi.advanceTimersByTimeAsync(0)
    poller.stop()
    expect(signal?.aborted).toBe(true)
  })

  it('rests while the page is hidden and polls at once when it is shown', async () => {
    const page = fakePage(true)
    const poll = vi.fn(async () => {})
    const poller = createPoller({ ...POLL, poll, visibility: page })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(0)
    expect(poller.state).toBe('paused')
    page.set(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(1)
    page.set(true)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(1)
    poller.stop()
    page.set(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(1)
  })

  it('pushes the next poll back on postpone, and polls now on pollNow', async () => {
    const poll = vi.fn(async () => {})
    const poller = createPoller({ ...POLL, poll })
    await vi.advanceTimersByTimeAsync(900)
    poller.postpone(5_000)
    await vi.advanceTimersByTimeAsync(4_999)
    expect(poll).toHaveBeenCalledTimes(0)
    poller.pollNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(1)
  })

  it('postpones the next poll also while a poll is in flight', async () => {
    let release = () => {}
    const poll = vi.fn(() => new Promise<void>((resolve) => (release = resolve)))
    const poller = createPoller({ ...POLL, poll })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(poll).toHaveBeenCalledTimes(1)
    poller.postpone(5_000)
    release()
    await vi.advanceTimersByTimeAsync(4_900)
    expect(poll).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(poll).toHaveBeenCalledTimes(2)
  })

  it('holds several pause reasons until each is lifted', async () => {
    const poll = vi.fn(async () => {})
    const poller = createPoller({ ...POLL, poll })
    poller.pause('events')
    poller.pause('app')
    poller.resume('events')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(0)
    poller.resume('app')
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(1)
  })
})
