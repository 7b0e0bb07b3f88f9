import { isRecord } from '../client-kit/text.js'
import type { Redactor } from './createRedactor.js'

/** The call-log fields the browser needs; the rest (recordings, summaries, transcripts) stays on the server. */
const LOG_FIELDS = [
  'id',
  'user',
  'user_id',
  'direction',
  'from_number',
  'to_number',
  'started_at',
  'answered_at',
  'connected_at',
  'ended_at',
  'duration_seconds',
  'status',
  'hangup_cause',
] as const

const MAX_TEXT = 200

/** The user a call log belongs to: `user`, or the deprecated `user_id`. */
export const ownerOf = (log: Record<string, unknown>): unknown => log.user ?? log.user_id

/**
 * A call log with the browser-safe fields only, each a string (redacted), a finite number or
 * null; a field of any other type is dropped. `undefined` when `log` is not an object.
 */
export function sanitizeCallLog(
  log: unknown,
  redactor: Redactor,
): Record<string, string | number | null> | undefined {
  if (!isRecord(log)) return undefined
  const picked: Record<string, string | number | null> = {}
  for (const key of LOG_FIELDS) {
    const value = log[key]
    if (typeof value === 'string') picked[key] = redactor.redact(value).slice(0, MAX_TEXT)
    else if (value === null || (typeof value === 'number' && Number.isFinite(value)))
      picked[key] = value
  }
  return picked
}
