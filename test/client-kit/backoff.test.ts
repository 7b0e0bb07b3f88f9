import { describe, expect, it } from 'vitest'
import { createBackoff } from '../../src/client-kit/index.js'

describe('createBackoff', () => {
  it('doubles on each failure up to the ceiling, and resets on success', () => {
    const backoff = createBackoff({ initialMs: 1_000, maxMs: 5_000 })
    expect(backoff.current).toBe(1_000)
    expect([backoff.fail(), backoff.fail(), backoff.fail(), backoff.fail()]).toEqual([
      2_000, 4_000, 5_000, 5_000,
    ])
    backoff.reset()
    expect(backoff.current).toBe(1_000)
  })

  it('never waits less than the first wait, whatever the ceiling', () => {
    const backoff = createBackoff({ initialMs: 3_000, maxMs: 1_000, factor: 3 })
    expect(backoff.fail()).toBe(3_000)
  })
})
