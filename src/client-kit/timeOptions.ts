import { CallError } from '../core/CallError.js'
import type { PollOptions } from './createPoller.js'

/**
 * A time option in ms: `value` when it is a positive finite number, `fallback` when unset; anything
 * else throws `invalid_argument` naming the factory and the option (a developer mistake, caught
 * when the client is created, with its full text in every build).
 */
export function positiveMs(
  factory: string,
  name: string,
  value: unknown,
  fallback: number,
): number {
  const ms = value ?? fallback
  if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return ms
  throw new CallError(
    'invalid_argument',
    `${factory}: ${name} must be a positive number of ms, got ${String(ms)}.`,
  )
}

/**
 * A client's `poll` option over its defaults, each field checked with `positiveMs`;
 * `maxIntervalMs` is raised to `intervalMs` when lower.
 *
 * @example
 * const poll = resolvePollOptions('createTetherClient', options.poll, DEFAULT_POLL)
 */
export function resolvePollOptions(
  factory: string,
  poll: Partial<PollOptions> | undefined,
  defaults: PollOptions,
): PollOptions {
  const intervalMs = positiveMs(factory, 'poll.intervalMs', poll?.intervalMs, defaults.intervalMs)
  return {
    intervalMs,
    maxIntervalMs: Math.max(
      intervalMs,
      positiveMs(factory, 'poll.maxIntervalMs', poll?.maxIntervalMs, defaults.maxIntervalMs),
    ),
    maxDurationMs: positiveMs(
      factory,
      'poll.maxDurationMs',
      poll?.maxDurationMs,
      defaults.maxDurationMs,
    ),
  }
}
