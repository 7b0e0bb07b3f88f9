import { toCallError, type CallError } from '../../core/CallError.js'
import { NO_CAPABILITIES, type CallClient, type ControlResult } from '../../core/CallClient.js'
import type {
  CallEvent,
  CallStatus,
  ConnectionStatus,
  InteractionEvent,
  InteractionEventInit,
  LiveCallStatus,
} from '../../core/CallEvent.js'
import type { DialStringKind } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { consoleLogger } from '../../client-kit/logger.js'
import { requestJson } from '../../client-kit/request.js'
import { connectEventStream, type BackoffOptions, type EventStream } from './connectEventStream.js'
import { mapCallLog, mapEndStatus, type AnsweredMeans } from './protocol/mapCallLog.js'
import { parseDialStackEvent, parseTime } from './protocol/parseDialStackEvent.js'
import type { SseMessage } from './protocol/parseSse.js'
import { toDialStackError } from './protocol/toDialStackError.js'
import type {
  DialStackCallEvent,
  DialStackCallLog,
  DialStackClientSecret,
  DialStackEventNames,
} from './protocol/types.js'
import {
  callRequestRules,
  validateCallRequest,
  type CallRequestRules,
} from './protocol/validateCallRequest.js'

export { DIALSTACK_EVENTS_URL } from './connectEventStream.js'

/** The event names DialStack's webhook guide uses; the SSE names are not documented. */
export const DEFAULT_EVENT_NAMES: DialStackEventNames = Object.freeze({
  initiated: 'call.initiated',
  ringing: 'call.ringing',
  answered: 'call.answered',
  end: 'call.end',
})

/** Live state over DialStack's SSE stream (`GET /v1/events`). */
export interface DialStackEventsOptions {
  /** The SSE endpoint. Default `https://api.dialstack.ai/v1/events`. */
  url?: string
  /**
   * Returns a client secret minted by your backend (`POST /v1/account_sessions`, e.g. the
   * handler's `…/session` route): the string, or `{ client_secret, expires_at }`. Called again
   * after a 401/403 and shortly before `expires_at`.
   */
  getClientSecret(): DialStackClientSecret | Promise<DialStackClientSecret>
  /**
   * The event names to follow. Default `call.initiated`, `call.ringing`, `call.answered`,
   * `call.end` (the webhook names: DialStack does not document the SSE names of outbound call
   * events, so this is an assumption).
   */
  eventNames?: Partial<DialStackEventNames>
  /**
   * What `call.answered` means. A click-to-call is call-first: the user's own phones ring
   * (`call.ringing`, shown as dialing) and answer before the customer is dialed. `'agent'`
   * (default): the first `call.answered` is the user's pickup → ringing (the customer's phone now
   * rings); a second one, or a call log with `connected_at`, → connected. `'destination'`: every
   * `call.answered` means the customer picked up → connected. DialStack does not document which
   * leg its `call.answered` reports, so this is an assumption to check on your account.
   */
  answeredMeans?: AnsweredMeans
  /** Reconnect backoff. Default 1 s doubling to 30 s, as DialStack's SDK. */
  backoff?: BackoffOptions
  /** Consecutive 401/403 answers on the stream before giving up. Default 3. */
  maxAuthFailures?: number
  /**
   * Outbound calls may not appear on the stream at all (undocumented). When a call has had no
   * event for this long, it is followed by polling the call log instead (needs `poll`).
   * Default 15000.
   */
  firstEventTimeoutMs?: number
}

/** The call log through your backend (the handler's `GET …/calls` routes). */
export interface DialStackPollOptions {
  /**
   * Your backend's call-log route, e.g. `/api/dialstack/calls`: `GET {url}?user_id=…` lists,
   * `GET {url}/{id}?user_id=…` reads one log. Used to poll without events, and to resync after the
   * stream reconnects so a final state that happened while it was down is not lost.
   */
  url: string
  /** Between two polls of a live call. Default 2000. */
  intervalMs?: number
  /** Stop polling a call that has not ended after this long. Default 4 h. */
  maxDurationMs?: number
  /** `snapshot()` (on page load) recovers the user's live calls started within this. Default 1 h. */
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
  /** An event or log may belong to a call up to this long after its start. Default 120000. */
  windowMs?: number
  /** …and this long before it, for clock differences. Default 30000. */
  clockSkewMs?: number
  /**
   * Replaces the default rule (same user, same `to_number`, outbound) for events that carry no
   * known call id. The time window still applies.
   */
  match?(event: DialStackCallEvent, call: DialStackTrackedCall): boolean
}

export interface DialStackClientOptions extends Omit<CallRequestRules, 'logger'> {
  /** Your backend route that starts calls (`createDialStackHandler`), e.g. `/api/dialstack/calls`. */
  endpoint: string
  /** The signed-in person's DialStack user id (`user_…`). Their phones ring first. */
  userId: string
  /** Extra headers for requests to your backend (a CSRF token, an app session). Never sent to DialStack. */
  headers?: () => HeadersInit | Promise<HeadersInit>
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
  /** Give up on a backend request after this long. Default 15000 (above the handler's 10000). */
  timeoutMs?: number
  /** Live state over SSE. Without it (and without `poll`) a call stays `dialing` after the 202. */
  events?: DialStackEventsOptions
  /** Call-log polling: the fallback without events, and the resync after a reconnect. */
  poll?: DialStackPollOptions
  correlation?: DialStackCorrelationOptions
  /** Makes the tracking id of a new call. Default `crypto.randomUUID()`, prefixed `ds-`. */
  createTrackingId?: () => string
  /**
   * Told when an assumption comes into play. Default: the console (assumptions at debug, problems
   * at warn). Debug lines and setup hints exist in development builds only (`process.env.NODE_ENV !== 'production'`).
   */
  logger?: Pick<Console, 'warn' | 'debug'>
}

interface TrackedCall extends DialStackTrackedCall {
  associatedObject?: InteractionAssociatedObject
  /** The last event sent out (or returned by `snapshot()`). */
  last?: InteractionEvent
  /** Ended or failed: nothing more is sent for it. */
  done?: boolean
  /** An `answered` event came: with `answeredMeans: 'agent'`, the user's own phone answered, so the next one means connected. */
  agentAnswered?: boolean
  polling?: boolean
  /** The wait for a first event, or (once polling) for the next poll. */
  timer?: ReturnType<typeof setTimeout>
}

type Role = keyof DialStackEventNames

const NAME = 'dialstack'
/** Ended calls kept, newest. */
const DONE_KEPT = 50
/** Event keys kept to drop duplicates. */
const SEEN_KEPT = 1000
/** Unmatched events kept for a call whose 202 has not been read yet, and for how long. */
const EARLY_KEPT = 50
const EARLY_MS = 10_000
/** The live states in order: a poll never takes a call back to an earlier one. */
const LIVE_ORDER: CallStatus[] = ['dialing', 'ringing', 'connected']

let fallbackCounter = 0
/** `ds-` and a UUID, or (outside a secure context, without `crypto.randomUUID`) a time-and-random id. */
function defaultTrackingId(): string {
  const uuid = globalThis.crypto?.randomUUID?.()
  return `ds-${uuid ?? `${Date.now().toString(36)}-${++fallbackCounter}-${Math.random().toString(36).slice(2)}`}`
}

/** A log of `userId`, or of no stated user: never another user's, should the backend not filter. */
function ownedBy(log: DialStackCallLog, userId: string): boolean {
  const user = log.user ?? log.user_id
  return !user || user === userId
}

const digitsOf = (value: string) => value.replace(/\D/g, '')

/** The number DialStack reports matches the one dialed (local numbers come back normalized). */
function sameNumber(reported: string, call: DialStackTrackedCall): boolean {
  const a = digitsOf(reported)
  const b = digitsOf(call.dialString)
  return (
    a === b ||
    ((call.dialKind === 'local' || call.dialKind === 'unknown') && b.length >= 7 && a.endsWith(b))
  )
}

/**
 * A `CallClient` for DialStack click-to-call. The browser never holds DialStack's secret key:
 * calls start through your backend (`createDialStackHandler` from `react-click-to-call/server`),
 * live state arrives over DialStack's SSE stream with a short-lived client secret, and the call
 * log (through your backend) fills in what the stream misses. DialStack answers a start with
 * 202 and no call id, so the call gets a client-side tracking id that later events are tied to.
 * DialStack has no hang-up: `hangup()` resolves `not_supported` (the person hangs up on their phone).
 *
 * @example
 * const client = createDialStackClient({
 *   endpoint: '/api/dialstack/calls',
 *   userId: currentUser.dialstackUserId,
 *   events: {
 *     getClientSecret: () => fetch('/api/dialstack/session', { method: 'POST' }).then((r) => r.json()),
 *   },
 *   poll: { url: '/api/dialstack/calls' },
 * })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createDialStackClient(options: DialStackClientOptions): CallClient {
  const { endpoint, events, poll, correlation, logger = consoleLogger } = options
  if (typeof endpoint !== 'string' || endpoint === '') {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? 'createDialStackClient: `endpoint` (your backend route, e.g. /api/dialstack/calls) is required.'
        : 'dialstack: endpoint required',
    )
  }
  const timeoutMs = options.timeoutMs ?? 15_000
  // The same rules as the handler's.
  const rules = callRequestRules({ ...options, logger })
  const eventNames: DialStackEventNames = { ...DEFAULT_EVENT_NAMES, ...events?.eventNames }
  const roles = new Map(Object.entries(eventNames).map(([role, name]) => [name, role as Role]))
  const answeredMeans: AnsweredMeans = events?.answeredMeans ?? 'agent'
  const windowMs = correlation?.windowMs ?? 120_000
  const clockSkewMs = correlation?.clockSkewMs ?? 30_000
  const pollIntervalMs = poll?.intervalMs ?? 2000
  const pollMaxMs = poll?.maxDurationMs ?? 4 * 60 * 60 * 1000
  const createTrackingId = options.createTrackingId ?? defaultTrackingId

  const listeners = new Set<(event: CallEvent) => void>()
  const calls = new Map<string, TrackedCall>()
  /** Keys of the events already applied. */
  const seen = new Set<string>()
  /** Events that matched no call: the stream can be faster than the 202 of their own call. */
  let early: { event: DialStackCallEvent; role: Role; receivedAt: number }[] = []
  const warned = new Set<string>()
  let stream: EventStream | undefined
  let streamGaveUp = false
  let connection: ConnectionStatus = 'open'
  let disposed = false

  /** Logs an assumption or a setup gap the first time it comes into play. */
  const once = (key: string, message: string, level: 'warn' | 'debug' = 'warn') => {
    if (!warned.has(key)) logger?.[level](message)
    warned.add(key)
  }
  const live = () => [...calls.values()].filter((call) => !call.done)
  /** The call tied to DialStack's call id. */
  const bound = (providerCallId: string) =>
    [...calls.values()].find((call) => call.providerCallId === providerCallId)
  const inWindow = (time: number, call: DialStackTrackedCall) =>
    time >= call.startedAt - clockSkewMs && time <= call.startedAt + windowMs

  function deliver(event: CallEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (error) {
        logger?.warn('[dialstack] a callback threw; going on.', error)
      }
    }
  }

  function setConnection(status: ConnectionStatus, error?: CallError) {
    if (status === connection && status === 'open') return
    connection = status
    deliver({ type: 'connection', status, ...(error && { error: error.toJSON() }) })
  }

  function stopFollowing(call: TrackedCall) {
    clearTimeout(call.timer)
    call.polling = false
  }

  /** Stamps an event for a call. Times never go backwards per call, whatever the clocks say. */
  function stamp(
    call: TrackedCall,
    init: InteractionEventInit,
    providerAt?: number,
  ): InteractionEvent {
    const event = {
      ...init,
      interactionId: call.id,
      at: Math.max(providerAt ?? Date.now(), call.last?.at ?? 0),
      phoneNumber: call.dialString,
      direction: 'outbound',
      ...(call.providerCallId && { providerCallId: call.providerCallId }),
      ...(call.associatedObject && { associatedObject: call.associatedObject }),
    } as InteractionEvent
    call.last = event
    // Not a status: `ended` or `failed`.
    if (event.type !== 'status') {
      call.done = true
      stopFollowing(call)
    }
    return event
  }

  function emit(call: TrackedCall, init: InteractionEventInit, providerAt?: number) {
    if (!call.done) deliver(stamp(call, init, providerAt))
  }

  // --- The call log, through the app's backend -------------------------------------------------

  /** A JSON request to the app's backend; a non-2xx answer throws its `CallError`. */
  async function request(
    url: string,
    init: RequestInit = {},
    signal?: AbortSignal,
  ): Promise<unknown> {
    const headers = new Headers(await options.headers?.())
    headers.set('Accept', 'application/json')
    if (init.body) headers.set('Content-Type', 'application/json')
    const { response, body } = await requestJson(
      url,
      { ...init, headers },
      { provider: NAME, timeoutMs, signal, fetch: options.fetch },
    )
    if (!response.ok) throw toDialStackError(response, body)
    return body
  }

  /** The user's outbound call logs since `since` (`GET {poll.url}?user_id=…`), never another user's. */
  async function listLogs(userId: string, since: number): Promise<DialStackCallLog[]> {
    const { url } = poll!
    const query = new URLSearchParams({
      user_id: userId,
      direction: 'outbound',
      from_date: new Date(since).toISOString(),
      limit: '20',
    })
    const list = (
      (await request(`${url}${url.includes('?') ? '&' : '?'}${query}`)) as
        { data?: unknown } | undefined
    )?.data
    return Array.isArray(list)
      ? list.filter((log: DialStackCallLog) => typeof log?.id === 'string' && ownedBy(log, userId))
      : []
  }

  /** The log of a call started here that has no DialStack call id yet: the closest in time that fits. */
  async function findLog(call: TrackedCall): Promise<DialStackCallLog | undefined> {
    let best: DialStackCallLog | undefined
    let bestDistance = Infinity
    for (const log of await listLogs(call.userId, call.startedAt - clockSkewMs)) {
      const owner = bound(log.id)
      const started = parseTime(log.started_at)
      if ((owner && owner !== call) || (log.direction && log.direction !== 'outbound')) continue
      if (
        (log.to_number && !sameNumber(log.to_number, call)) ||
        started === undefined ||
        !inWindow(started, call)
      )
        continue
      const distance = Math.abs(started - call.startedAt)
      if (distance < bestDistance) {
        best = log
        bestDistance = distance
      }
    }
    return best
  }

  /** Reads the call's log and emits what it shows. Throws a `CallError` when the backend fails. */
  async function refresh(call: TrackedCall): Promise<void> {
    if (!poll || call.done) return
    const log = call.providerCallId
      ? ((await request(
          // Naming the user lets the backend authorize the read before it asks DialStack.
          `${poll.url.replace(/\/$/, '')}/${encodeURIComponent(call.providerCallId)}?user_id=${encodeURIComponent(call.userId)}`,
        )) as DialStackCallLog)
      : await findLog(call)
    if (typeof log?.id !== 'string' || disposed) return
    const newlyBound = call.providerCallId !== log.id
    call.providerCallId = log.id
    // Events that carried only this call id (and so bound nothing) belong to it now.
    if (newlyBound) replayEarly(call)
    const { init, at } = mapCallLog(log, answeredMeans)
    const last = call.last as { status?: CallStatus; providerCallId?: string } | undefined
    // A poll that shows nothing new (or an older state than the stream told) stays quiet.
    const older =
      init.type === 'status' &&
      LIVE_ORDER.indexOf(init.status) <= LIVE_ORDER.indexOf(last?.status as CallStatus)
    if (!older || last?.providerCallId !== log.id) emit(call, init, at)
  }

  /** After the stream (re)opens: what happened while it was down is read from the call log. */
  function resyncAll(reconnected: boolean) {
    const liveCalls = live()
    if (process.env.NODE_ENV !== 'production' && liveCalls.length > 0) {
      const why = reconnected ? 'events stream reconnected' : 'events stream opened'
      if (!poll)
        once(
          'resync',
          `[dialstack] ${why} without poll.url: a final state reached while the stream was down may be lost.`,
        )
      else
        logger?.debug(
          `[dialstack] ${why}: resyncing ${liveCalls.length} call(s) from the call log.`,
        )
    }
    for (const call of liveCalls) {
      refresh(call).catch((error: unknown) => {
        if (process.env.NODE_ENV !== 'production')
          logger?.debug('[dialstack] resync failed.', error)
      })
    }
  }

  /** Polls the call's log every `intervalMs` while `call.polling`. Without events, its health is the connection's. */
  function schedulePoll(call: TrackedCall) {
    call.timer = setTimeout(async () => {
      if (Date.now() - call.startedAt > pollMaxMs) {
        logger?.warn(
          `[dialstack] stopped polling call ${call.id}: still live after ${Math.round(pollMaxMs / 60000)} min.`,
        )
        return stopFollowing(call)
      }
      try {
        await refresh(call)
        if (!events) setConnection('open')
      } catch (error) {
        if (process.env.NODE_ENV !== 'production')
          logger?.debug('[dialstack] call-log poll failed; trying again.', error)
        if (!events) setConnection('reconnecting', toCallError(error, NAME))
      }
      if (call.polling) schedulePoll(call)
    }, pollIntervalMs)
  }

  function startPolling(call: TrackedCall) {
    if (!poll || call.polling || call.done || disposed) return
    clearTimeout(call.timer)
    call.polling = true
    schedulePoll(call)
  }

  // --- The SSE stream ------------------------------------------------------------------------

  /**
   * The call an event belongs to (only `only`, when given); ties it to the event's call id. The
   * stream is account-wide (every user's calls) and DialStack's `call.answered` / `call.end` carry
   * only `call_id`: an event binds a call on a positive identifier only (its known call id, our
   * user, or the dialed number), never for lack of a contrary one. The call log ties the rest.
   */
  function correlate(event: DialStackCallEvent, only?: TrackedCall): TrackedCall | undefined {
    const known = event.callId && bound(event.callId)
    if (known) return !only || known === only ? known : undefined
    if (event.direction && event.direction !== 'outbound') return undefined
    if (!correlation?.match && event.user === undefined && event.toNumber === undefined)
      return undefined
    const time = event.at ?? Date.now()
    let chosen: TrackedCall | undefined
    for (const call of only ? [only] : calls.values()) {
      if (call.done || (event.callId && call.providerCallId) || !inWindow(time, call)) continue
      const matches = correlation?.match
        ? correlation.match(event, { ...call })
        : (!event.user || event.user === call.userId) &&
          (!event.toNumber || sameNumber(event.toNumber, call))
      if (matches && (!chosen || call.startedAt < chosen.startedAt)) chosen = call
    }
    if (chosen && event.callId) chosen.providerCallId = event.callId
    return chosen
  }

  function mapRole(role: Role, event: DialStackCallEvent, call: TrackedCall): InteractionEventInit {
    const rawState = event.type
    if (role === 'end') return mapEndStatus(event.status ?? rawState, event.hangupCause)
    // `call.ringing` is "a user's phones are about to ring": the user's own leg, not the customer's.
    let status: LiveCallStatus = role === 'answered' ? 'ringing' : 'dialing'
    if (role === 'answered') {
      if (answeredMeans === 'destination' || call.agentAnswered) {
        if (process.env.NODE_ENV !== 'production') {
          once(
            'answered',
            `[dialstack] ${rawState} taken as connected (answeredMeans: '${answeredMeans}').`,
            'debug',
          )
        }
        status = 'connected'
      }
      call.agentAnswered = true
    }
    return { type: 'status', status, rawState }
  }

  function onMessage(message: SseMessage) {
    const event = parseDialStackEvent(message)
    // Only the followed names: not `connected`, `call.incoming`, …
    const role = event && roles.get(event.type)
    if (disposed || !role) {
      if (process.env.NODE_ENV !== 'production' && !event)
        logger?.debug('[dialstack] ignored an event that is not a JSON object.', message.event)
      return
    }
    // Events may come more than once (DialStack says so for webhooks): an id seen before is a
    // duplicate. Frames without an id are never compared: the user's and the customer's
    // `call.answered` of one call are the same documented frame, `{ call_id }`.
    const key = event.id
    if (key !== undefined && seen.has(key)) {
      if (process.env.NODE_ENV !== 'production')
        logger?.debug(`[dialstack] duplicate ${event.type} ignored.`)
      return
    }
    if (key !== undefined) seen.add(key)
    if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value!)
    const call = correlate(event)
    if (call) return apply(call, role, event)
    if (process.env.NODE_ENV !== 'production')
      logger?.debug(`[dialstack] ${event.type} matches no call started here (yet).`)
    early.push({ event, role, receivedAt: Date.now() })
    if (early.length > EARLY_KEPT) early.shift()
    // A call id we do not know yet may be one of ours: the call log says whose it is.
    if (event.callId) resolveUnbound()
  }

  /** Reads the call log of the live calls that have no DialStack call id yet (one lookup at a time). */
  let resolving = false
  function resolveUnbound() {
    const unbound = live().filter((call) => !call.providerCallId)
    if (!poll || resolving || unbound.length === 0) return
    resolving = true
    Promise.allSettled(unbound.map(refresh)).then(() => {
      resolving = false
    })
  }

  function apply(call: TrackedCall, role: Role, event: DialStackCallEvent) {
    // The wait for a first event is over (a poll timer, once polling, keeps running).
    if (!call.polling) clearTimeout(call.timer)
    emit(call, mapRole(role, event, call), event.at)
  }

  /** Replays the events that came before this call's 202 was read, in their order. */
  function replayEarly(call: TrackedCall) {
    const now = Date.now()
    early = early.filter(({ event, role, receivedAt }) => {
      if (now - receivedAt >= EARLY_MS) return false
      if (correlate(event, call) !== call) return true
      apply(call, role, event)
      return false
    })
  }

  function ensureStream() {
    if (!events || stream || streamGaveUp || disposed) return
    stream = connectEventStream({
      url: events.url,
      backoff: events.backoff,
      maxAuthFailures: events.maxAuthFailures,
      getClientSecret: () => events.getClientSecret(),
      fetch: options.fetch,
      logger,
      onMessage,
      onOpen(reconnected) {
        setConnection('open')
        // Events sent while the stream was down (or before it first opened) are gone: read the log.
        resyncAll(reconnected)
      },
      onDown(error) {
        if (connection !== 'reconnecting') setConnection('reconnecting', error)
      },
      onGiveUp(error) {
        streamGaveUp = true
        stream = undefined
        setConnection('closed', error)
        if (poll) {
          logger?.warn(
            '[dialstack] events stream gave up; following calls by polling the call log.',
          )
          live().forEach(startPolling)
        }
      },
    })
  }

  function follow(call: TrackedCall) {
    if (events && !streamGaveUp) {
      ensureStream()
      const timeout = events.firstEventTimeoutMs ?? 15_000
      if (poll) {
        call.timer = setTimeout(() => {
          once(
            'no-events',
            `[dialstack] no event for a call in ${timeout} ms (outbound calls may not be on the stream): following it by polling the call log.`,
          )
          startPolling(call)
        }, timeout)
      }
    } else if (poll) {
      startPolling(call)
    } else if (process.env.NODE_ENV !== 'production' && !events) {
      once(
        'untracked',
        '[dialstack] neither events nor poll is set: calls stay “dialing” after DialStack accepts them.',
      )
    }
  }

  /** Starts tracking a call; forgets the oldest ended ones beyond `DONE_KEPT`. */
  function track(call: TrackedCall): TrackedCall {
    calls.set(call.id, call)
    const done = [...calls.values()].filter((known) => known.done)
    for (const old of done.slice(0, -DONE_KEPT)) calls.delete(old.id)
    return call
  }

  return {
    name: NAME,
    // No caller-ID choice (`callerId` off): `POST /v1/calls` takes only the user and the dial
    // string, and the number a click-to-call presents is the account's default outbound DID.
    capabilities: { ...NO_CAPABILITIES, callerId: false },

    async startCall(phoneNumber, initialObject, { signal } = {}) {
      if (disposed)
        return failure('not_ready', 'This DialStack client was disposed.', {
          provider: { provider: NAME },
        })
      const checked = validateCallRequest(
        { userId: options.userId, dialString: phoneNumber },
        rules,
      )
      if (!checked.ok) return failure(checked.error)
      const object =
        initialObject === undefined ? undefined : validateAssociatedObject(initialObject)
      if (object && !object.ok) return failure(object.error)
      const { userId, dialString } = checked.value
      try {
        // Never retried: the person decides (DialStack's guide, and 429's Retry-After is theirs to honor).
        await request(
          endpoint,
          {
            method: 'POST',
            body: JSON.stringify({ user_id: userId, dial_string: dialString.value }),
          },
          signal,
        )
      } catch (error) {
        return failure(toCallError(error, NAME))
      }
      // Disposed while the request was out: the call was placed, but nobody is listening any more.
      if (disposed) return success({ id: createTrackingId() })
      const call = track({
        id: createTrackingId(),
        userId,
        dialString: dialString.value,
        dialKind: dialString.kind,
        startedAt: Date.now(),
        associatedObject: initialObject,
      })
      emit(call, { type: 'status', status: 'dialing', rawState: 'accepted' })
      // After `follow`: an event replayed here ends the wait for a first one.
      follow(call)
      replayEarly(call)
      // Events that came before the 202 with a call id alone: the call log says if one is ours.
      if (early.some(({ event }) => event.callId)) resolveUnbound()
      return success({ id: call.id })
    },

    subscribe(listener) {
      listeners.add(listener)
      ensureStream()
      return () => {
        listeners.delete(listener)
      }
    },

    async hangup(): Promise<ControlResult> {
      return failure(
        'not_supported',
        'DialStack cannot end the call from here: hang up on your phone.',
        {
          provider: { provider: NAME },
        },
      )
    },

    async snapshot() {
      const known = [...calls.values()].flatMap((call) => (call.last ? [call.last] : []))
      if (!poll || disposed) return known
      try {
        const logs = await listLogs(
          options.userId,
          Date.now() - (poll.snapshotWindowMs ?? 60 * 60 * 1000),
        )
        if (disposed) return known
        for (const log of logs) {
          if (log.status !== null || bound(log.id)) continue
          // A live call from before this page loaded (another tab, a reload): follow it by its log id.
          const call = track({
            id: log.id,
            providerCallId: log.id,
            userId: options.userId,
            dialString: log.to_number ?? '',
            dialKind: 'unknown',
            startedAt: parseTime(log.started_at) ?? Date.now(),
          })
          const { init, at } = mapCallLog(log, answeredMeans)
          known.push(stamp(call, init, at))
          follow(call)
        }
      } catch (error) {
        if (process.env.NODE_ENV !== 'production')
          logger?.debug('[dialstack] snapshot could not read the call log.', error)
      }
      return known
    },

    dispose() {
      if (disposed) return
      disposed = true
      stream?.close()
      stream = undefined
      calls.forEach(stopFollowing)
      listeners.clear()
    },
  }
}
