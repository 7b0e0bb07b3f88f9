import type { DialStackCallEvent } from './types.js'

/** One SSE message, as `eventsource-parser` gives it. */
export interface SseMessage {
  event?: string | undefined
  id?: string | undefined
  data: string
}

/** DialStack times: ISO strings, or epoch seconds / milliseconds. `undefined` when unreadable. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value
  if (typeof value === 'string' && value !== '') {
    if (/^\d+(\.\d+)?$/.test(value)) return parseTime(Number(value))
    const ms = Date.parse(value)
    return Number.isNaN(ms) ? undefined : ms
  }
  return undefined
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

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
  const type = (message.event && message.event !== 'message' ? message.event : undefined) ?? text(json.type) ?? text(payload.type)
  if (!type) return undefined
  const event: DialStackCallEvent = { type, raw: json }
  const id = text(message.id) ?? (envelope ? text(json.id) : undefined) ?? text(json.event_id)
  if (id) event.id = id
  const callId = text(payload.call_id) ?? (isRecord(payload.call) ? text(payload.call.id) : undefined)
  if (callId) event.callId = callId
  const user = text(payload.user) ?? text(payload.user_id)
  if (user) event.user = user
  const toNumber = text(payload.to_number)
  if (toNumber) event.toNumber = toNumber
  const fromNumber = text(payload.from_number)
  if (fromNumber) event.fromNumber = fromNumber
  const direction = text(payload.direction)
  if (direction) event.direction = direction
  const status = text(payload.status)
  if (status) event.status = status
  if (typeof payload.hangup_cause === 'number') event.hangupCause = payload.hangup_cause
  const at = parseTime(payload.timestamp ?? json.timestamp ?? json.created_at)
  if (at !== undefined) event.at = at
  return event
}
