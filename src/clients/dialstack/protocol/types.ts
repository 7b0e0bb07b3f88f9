/**
 * DialStack's wire shapes, as far as they are published: https://docs.dialstack.ai/guides/events
 * and the call-log types of https://github.com/dialstack/dialstack-sdk (`server/src/index.ts`).
 */

/** How a finished call ended, per the call log (`null` while the call is live). */
export type DialStackCallStatus = 'completed' | 'no-answer' | 'busy' | 'failed' | 'voicemail'

/** One call log (`GET /v1/calls/{id}`). Completion-only fields are `null` while the call is live. */
export interface DialStackCallLog {
  /** Opaque call-log id. Assumed to be the `call_id` of the live events. */
  id: string
  user: string | null
  /** Deprecated alias of `user`. */
  user_id?: string | null
  direction: 'inbound' | 'outbound' | 'internal'
  from_number?: string | null
  to_number: string | null
  started_at: string
  /** Signalling answer. */
  answered_at: string | null
  /** A person answered. */
  connected_at: string | null
  ended_at: string | null
  duration_seconds: number | null
  status: DialStackCallStatus | null
  /** Q.850 cause of the destination leg (17 busy, 21 rejected …). */
  hangup_cause: number | null
}

/** A call-log list (`GET /v1/calls`), newest first. */
export interface DialStackCallLogList {
  object: 'list'
  data: DialStackCallLog[]
  next_page_url?: string | null
  previous_page_url?: string | null
}

/**
 * A live call event as read off the SSE stream, whether it came flat (like `IncomingCallEvent`)
 * or in the webhook envelope `{ id, type, account_id, data }`. Fields beyond those named in
 * DialStack's docs are not guaranteed.
 */
export interface DialStackCallEvent {
  /** The event type, e.g. `call.answered`. */
  type: string
  /** The event's id when it has one (SSE `id:`, the envelope's `id`, or `event_id`). */
  id?: string
  callId?: string
  /** `user`, or the deprecated `user_id`. */
  user?: string
  toNumber?: string
  fromNumber?: string
  direction?: string
  /** `call.end`'s status: `completed`, `no-answer`, `busy`, `failed`, `voicemail` (or `answered`). */
  status?: string
  hangupCause?: number
  /** When DialStack says it happened (epoch ms), from `timestamp`. */
  at?: number
  /** The parsed JSON, for custom correlation. */
  raw: Record<string, unknown>
}

/** The SSE event names the client follows, by what they mean. */
export interface DialStackEventNames {
  /** The outbound call started. Default `call.initiated`. */
  initiated: string
  /** The user's phones are about to ring (leg 1). Default `call.ringing`. */
  ringing: string
  /** Someone answered (see `answeredMeans`). Default `call.answered`. */
  answered: string
  /** The call ended, with a `status`. Default `call.end`. */
  end: string
}

/** What `getClientSecret` may return: the bare secret, or DialStack's session object. */
export type DialStackClientSecret =
  | string
  | { client_secret: string; expires_at?: number | string }
  | { clientSecret: string; expiresAt?: number | string }
