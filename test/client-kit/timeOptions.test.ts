import { describe, expect, it } from 'vitest'
import { positiveMs, resolvePollOptions } from '../../src/client-kit/index.js'

const DEFAULTS = { intervalMs: 2_500, maxIntervalMs: 30_000, maxDurationMs: 14_400_000 }

describe('time options', () => {
  it('fills unset fields from the defaults', () => {
    expect(resolvePollOptions('createTetherClient', undefined, DEFAULTS)).toEqual(DEFAULTS)
    expect(resolvePollOptions('createTetherClient', { intervalMs: 100 }, DEFAULTS)).toEqual({
      ...DEFAULTS,
      intervalMs: 100,
    })
  })

  it('raises maxIntervalMs to intervalMs', () => {
    const poll = resolvePollOptions('f', { intervalMs: 60_000, maxIntervalMs: 1_000 }, DEFAULTS)
    expect(poll.maxIntervalMs).toBe(60_000)
  })

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '100'])(
    'refuses %j with the factory and option named',
    (value) => {
      expect(() => positiveMs('createTetherClient', 'timeoutMs', value, 10)).toThrow(
        /^createTetherClient: timeoutMs must be a positive number of ms, got /,
      )
      expect(() =>
        resolvePollOptions('createTetherClient', { maxDurationMs: value as number }, DEFAULTS),
      ).toThrow(/poll\.maxDurationMs/)
    },
  )
})
