import type { CallLogger } from '../../client-kit/logger.js'
import type { PollOptions } from '../../client-kit/createPoller.js'
import { positiveMs, resolvePollOptions } from '../../client-kit/timeOptions.js'
import type { DialStringKind } from '../../core/parseDialString.js'
import type { DialStackInboundCalls } from './incomingCalls.js'
import type { AnsweredMeans } from './protocol/mapCallLog.js'
import type {
  DialStackCallEvent,
  DialStackClientSecret,
  DialStackEventNames,
} from './protocol/types.js'
import type { CallRequestRules } from './protocol/validateCallRequest.js'
import { dialStackErrors } from './protocol/toDialStackError.js'

/** The event names DialStack's webhook guide uses; the SSE names are not documented. */
export const DEFAULT_EVENT_NAMES: DialStackEventNames = Object.freeze({
  initiated: 'call.initiated',
  ringing: 'call.ringing',
  answered: 'call.answered',
  end: 'call.end',
})

/** Reconnect delays of the events stream: `initialMs`, doubled on every failure, at most `maxMs`. */
export interface BackoffOptions {
  /** @default 1000 (DialStack's SDK: 1 s, 2 s, 4 s …) */
  initialMs?: number
  /** @default 30000 */
  maxMs?: number
}

/** Live state over DialStack's SSE stream (`GET /v1/events`). */
export interface DialStackEventsOptions {
  /** The SSE endpoint. @default 'https://api.dialstack.ai/v1/events' */
  url?: string
  /**
   * Returns a client secret minted by your backend (`POST /v1/account_sessions`, e.g. the
   * handler's `…/session` route): the string, or `{ client_secret, expires_at }`. Called again
   * after a 401/403 and shortly before `expires_at`.
   */
  getClientSecret(): DialStackClientSecret | Promise<DialStackClientSecret>
  /**
   * The event names to follow (the webhook names: DialStack does not document the SSE names of
   * outbound call events, so this is an assumption).
   * @default `call.initiated`, `call.ringing`, `call.answered`, `call.end`
   */
  eventNames?: Partial<DialStackEventNames>
  /**
   * What `call.answered` means. A click-to-call is call-first: the user's own phones ring
   * (`call.ringing`, shown as dialing) and answer before the customer is dialed. `'agent'`: the
   * first `call.answered` is the user's pickup → ringing (the customer's phone now rings); a
   * second one, or a call log with `connected_at`, → connected. `'destination'`: every
   * `call.answered` means the customer picked up → connected. DialStack does not document which
   * leg its `call.answered` reports, so this is an assumption to check on your account.
   * @default 'agent'
   */
  answeredMeans?: AnsweredMeans
  /** Reconnect backoff. @default 1 s doubling to 30 s, as DialStack's SDK */
  backoff?: BackoffOptions
  /** Consecutive 401/403 answers on the stream before giving up. @default 3 */
  maxAuthFailures?: number
}

/** The call log through your backend (the handler's `GET …/calls` routes), polled like every client polls. */
export interface DialStackPollOptions extends Partial<PollOptions> {
  /**
   * Your backend's call-log route, e.g. `/api/dialstack/calls`: `GET {url}?user_id=…` lists,
   * `GET {url}/{id}?user_id=…` reads one log. Used to poll without events, and to resync after the
   * stream reconnects so a final state that happened while it was down is not lost.
   */
  url: string
  /** `snapshot()` (on page load) recovers the user's live calls started within this. @default 3600000 (1 h) */
  snapshotWindowMs?: number
}

/** A call the client tracks, as given to a custom `correlation.match`. */
export interface DialStackTrackedCall {
  /** The client-side tracking id (DialStack's 202 carries none). */
  id: string
  userId: string
  /** The dial string sent. */
  dialString: string
  dialKind: DialStringKind | 'unknown'
  /** When the 202 came back (epoch ms, this machine's clock). */
  startedAt: number
  /** DialStack's call id, once an event or log was tied to the call. */
  providerCallId?: string
}

/** How events and call logs are tied to a call started here (DialStack returns no call id). */
export interface DialStackCorrelationOptions {
  /** An event or log may belong to a call up to this long after its start. @default 120000 */
  windowMs?: number
  /** …and this long before it, for clock differences. @default 30000 */
  clockSkewMs?: number
  /**
   * Replaces the default rule (same user, same `to_number`, outbound) for events that carry no
   * known call id. The time window still applies.
   */
  match?(event: DialStackCallEvent, call: DialStackTrackedCall): boolean
}

/** Options of `createDialStackClient`. */
export interface DialStackClientOptions extends Omit<CallRequestRules, 'logger'> {
  /** Your backend route that starts calls (`createDialStackHandler`), e.g. `/api/dialstack/calls`. */
  endpoint: string
  /** The signed-in person's DialStack user id (`user_…`). Their phones ring first. */
  userId: string
  /** Extra headers for requests to your backend (a CSRF token, an app session). Never sent to DialStack. */
  headers?: () => HeadersInit | Promise<HeadersInit>
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
  /** Give up on a backend request after this long. @default 15000 (above the handler's 10000) */
  timeoutMs?: number
  /** Live state over SSE. Without it (and without `poll`) a call stays `dialing` after the 202. */
  events?: DialStackEventsOptions
  /** Call-log polling: the fallback without events, and the resync after a reconnect. */
  poll?: DialStackPollOptions
  /**
   * Incoming calls as a screen pop: `dialStackInboundCalls()`. Without it a `call.incoming` on the
   * stream pops nothing (a development build says so at debug level), and an app that wants no
   * screen pop pays nothing for it.
   * @default undefined
   */
  inbound?: DialStackInboundCalls
  /**
   * Outbound calls may not appear on the events stream at all (undocumented). When a call has had
   * no event for this long, it is followed by polling the call log instead (needs `poll`).
   * @default 15000
   */
  firstEventTimeoutMs?: number
  /** Ended calls kept for snapshots and late events. @default 50 */
  historyLimit?: number
  correlation?: DialStackCorrelationOptions
  /** Makes the tracking id of a new call. @default `ds-` and `crypto.randomUUID()` */
  createTrackingId?: () => string
  /**
   * Told when an assumption comes into play: assumptions at debug (development builds only),
   * problems at warn. @default the console
   */
  logger?: CallLogger
}

/** The call-log poll when the app gives none of its own. */
export const DEFAULT_DIALSTACK_POLL: PollOptions = Object.freeze({
  intervalMs: 2000,
  maxIntervalMs: 30_000,
  maxDurationMs: 4 * 60 * 60 * 1000,
})

const FACTORY = 'createDialStackClient'

let fallbackCounter = 0
/** `ds-` and a UUID, or (outside a secure context, without `crypto.randomUUID`) a time-and-random id. */
function defaultTrackingId(): string {
  const uuid = globalThis.crypto?.randomUUID?.()
  return `ds-${uuid ?? `${Date.now().toString(36)}-${++fallbackCounter}-${Math.random().toString(36).slice(2)}`}`
}

/** The options with their defaults, checked when the client is created. */
export function resolveDialStackOptions(options: DialStackClientOptions) {
  const { endpoint, events, poll, correlation } = options
  if (typeof endpoint !== 'string' || endpoint === '')
    dialStackErrors.misconfigured(
      FACTORY,
      '`endpoint` (your backend route, e.g. /api/dialstack/calls) is required',
    )
  return {
    timeoutMs: positiveMs(FACTORY, 'timeoutMs', options.timeoutMs, 15_000),
    firstEventTimeoutMs: positiveMs(
      FACTORY,
      'firstEventTimeoutMs',
      options.firstEventTimeoutMs,
      15_000,
    ),
    poll: poll && {
      url: poll.url,
      snapshotWindowMs: positiveMs(
        FACTORY,
        'poll.snapshotWindowMs',
        poll.snapshotWindowMs,
        60 * 60 * 1000,
      ),
      ...resolvePollOptions(FACTORY, poll, DEFAULT_DIALSTACK_POLL),
    },
    eventNames: { ...DEFAULT_EVENT_NAMES, ...events?.eventNames } as DialStackEventNames,
    answeredMeans: events?.answeredMeans ?? 'agent',
    window: {
      windowMs: correlation?.windowMs ?? 120_000,
      clockSkewMs: correlation?.clockSkewMs ?? 30_000,
    },
    createTrackingId: options.createTrackingId ?? defaultTrackingId,
  }
}

export type ResolvedDialStackOptions = ReturnType<typeof resolveDialStackOptions>
export type ResolvedPoll = NonNullable<ResolvedDialStackOptions['poll']>
