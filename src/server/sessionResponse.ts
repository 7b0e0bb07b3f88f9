import { isRecord } from '../client-kit/text.js'
import type { Redactor } from './createRedactor.js'

/** A client secret as DialStack mints them (`cs_live_…` or a JWT): token characters only. */
const SECRET = /^[A-Za-z0-9._~+/=-]{8,4096}$/
/** An ISO 8601 date-time, as DialStack's docs show `expires_at` (`2025-01-15T13:00:00Z`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * `expires_at` as a number of seconds since the epoch: from a number (seconds, or milliseconds
 * when that large) or an ISO date; anything else (an echoed key, an object) is `undefined`.
 */
export function expiresAtSeconds(value: unknown): number | undefined {
  const ms =
    typeof value === 'number' && Number.isFinite(value) && value > 0
      ? value < 1e12
        ? value * 1000
        : value
      : typeof value === 'string' && ISO_DATE.test(value)
        ? Date.parse(value)
        : NaN
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined
}

/**
 * What the browser gets of a minted session: the client secret, if it is one and carries no form
 * of the API key, and `expires_at` in seconds when DialStack's value is a time. The secret may
 * name the account in its own payload: it is DialStack's token, scoped to that account, and the
 * stream it opens names the account too.
 */
export function sessionResponse(
  body: unknown,
  keyRedactor: Redactor,
): { client_secret: string; expires_at?: number } | undefined {
  const minted = isRecord(body) ? body : {}
  const secret = minted.client_secret ?? minted.clientSecret
  if (typeof secret !== 'string' || !SECRET.test(secret) || keyRedactor.finds(secret))
    return undefined
  const expiresAt = expiresAtSeconds(minted.expires_at ?? minted.expiresAt)
  return { client_secret: secret, ...(expiresAt !== undefined && { expires_at: expiresAt }) }
}
