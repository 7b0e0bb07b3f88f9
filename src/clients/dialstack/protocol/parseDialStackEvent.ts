import { isRecord } from '../../../client-kit/text.js'
import type { SseMessage } from './parseSse.js'
import type { DialStackCallEvent } from './types.js'

/** DialStack times: ISO strings, or epoch seconds / milliseconds. `undefined` when unreadable. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) value = Number(value)
  const ms =
    typeof value === 'number'
      ? value < 1e12
        ? value * 1000
        : value
      : typeof value === 'string'
        ? Date.parse(value)
        : NaN
  return Number.isFinite(ms) ? ms : undefined
}

/** A non-empty string, else `undefined`. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/** Event fields read off the payload as non-empty strings, by payload key; the first one found wins. */
const FIELDS: [keyof DialStackCallEvent, string][] = [
  ['callId', 'call_id'],
  ['user', 'user'],
  ['user', 'user_id'],
  ['toNumber', 'to_number'],
  ['fromNumber', 'from_number'],
  ['direction', 'direction'],
  ['status', 'status'],
]

/**
 * Reads one SSE message into a call event. The payload may come flat (like the documented
 * `IncomingCallEvent`) or in the webhook envelope `{ id, type, account_id, data }`: both are
 * accepted because the SSE payloads of outbound call events are not documented.
 * Returns `undefined` for data that is not a JSON object.
 */
export function parseDialStackEvent(message: SseMessage): DialStackCallEvent | undefined {
  let json: unknown
  try {
    json = JSON.parse(message.data)
  } catch {
    return undefined
  }
  if (!isRecord(json)) return undefined
  const envelope = isRecord(json.data)
  const payload = envelope ? (json.data as Record<string, unknown>) : json
  // An SSE `event:` line wins; a bare `message` means the type travels in the JSON.
  const type =
    (message.event !== 'message' && message.event) || text(json.type) || text(payload.type)
  if (!type) return undefined
  const event: DialStackCallEvent = { type, raw: json }
  const fields = event as unknown as Record<string, unknown>
  const set = (key: keyof DialStackCallEvent, value: unknown) => {
    if (value !== undefined) fields[key] ??= value
  }
  set('id', text(message.id) ?? (envelope ? text(json.id) : undefined) ?? text(json.event_id))
  for (const [key, name] of FIELDS) set(key, text(payload[name]))
  if (isRecord(payload.call)) set('callId', text(payload.call.id))
  if (typeof payload.hangup_cause === 'number') event.hangupCause = payload.hangup_cause
  set('at', parseTime(payload.timestamp ?? json.timestamp ?? json.created_at))
  return event
}
