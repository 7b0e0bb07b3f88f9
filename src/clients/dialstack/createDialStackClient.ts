import { consoleLogger } from '../shared/logger.js'
import { toCallError, type CallError } from '../../core/CallError.js'
import { NO_CAPABILITIES, type CallClient, type ControlResult, type StartCallOptions } from '../../core/CallClient.js'
import type { CallEvent, CallStatus, ConnectionStatus, InteractionEvent, InteractionEventInit } from '../../core/CallEvent.js'
import type { DialStringKind } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { requestJson } from '../shared/request.js'
import { connectEventStream, type BackoffOptions, type EventStream } from './connectEventStream.js'
import { mapCallLog, mapEndStatus, type AnsweredMeans, type MappedState } from './mapCallLog.js'
import { parseDialStackEvent, parseTime, type SseMessage } from './parseDialStackEvent.js'
import { toDialStackError } from './toDialStackError.js'
import type { DialStackCallEvent, DialStackCallLog, DialStackClientSecret, DialStackEventNames } from './types.js'
import { callRequestRules, validateCallRequest, type CallRequestRules } from './validateCallRequest.js'

/** DialStack's SSE endpoint; the browser reaches it with a short-lived client secret only. */
export const DIALSTACK_EVENTS_URL = 'https://api.dialstack.ai/v1/events'

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
   * events, PROVIDERS D.5 assumption).
   */
  eventNames?: Partial<DialStackEventNames>
  /**
   * What `call.answered` means (PROVIDERS D assumption). `'destination'` (default): the person
   * called picked up → connected. `'agent'`: the first `call.answered` is the user's own phone
   * (leg 1) → ringing while the destination is dialed; a second one → connected.
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
   * `GET {url}/{id}` reads one log. Used to poll without events, and to resync after the
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
  /** Told when an assumption comes into play. Default: the console (assumptions at debug, problems at warn). */
  logger?: Pick<Console, 'warn' | 'debug'>
}

interface TrackedCall extends DialStackTrackedCall {
  associatedObject?: InteractionAssociatedObject
  /** The last state sent out. */
  status: CallStatus
  lastAt: number
  last?: InteractionEvent
  done: boolean
  sawEvent: boolean
  agentAnswered: boolean
  polling: boolean
  pollTimer?: ReturnType<typeof setTimeout>
  firstEventTimer?: ReturnType<typeof setTimeout>
}

type Role = keyof DialStackEventNames

const NAME = 'dialstack'
const DONE_KEPT = 50
const SEEN_KEPT = 1000
/** Unmatched events kept for a call whose 202 has not been read yet. */
const EARLY_KEPT = 50
const EARLY_MS = 10_000
const RANK: Record<CallStatus, number> = { initiating: 0, deferred: 1, dialing: 2, ringing: 3, connected: 4, held: 4, ended: 5, failed: 5 }

let fallbackCounter = 0
function defaultTrackingId(): string {
  const uuid = globalThis.crypto?.randomUUID?.()
  fallbackCounter += 1
  return `ds-${uuid ?? `${Date.now().toString(36)}-${fallbackCounter}-${Math.random().toString(36).slice(2)}`}`
}

const digitsOf = (value: string) => value.replace(/\D/g, '')

/** The number DialStack reports matches the one dialed (local numbers come back normalized). */
function sameNumber(reported: string, call: DialStackTrackedCall): boolean {
  const a = digitsOf(reported)
  const b = digitsOf(call.dialString)
  if (a === b) return true
  return (call.dialKind === 'local' || call.dialKind === 'unknown') && b.length >= 7 && a.endsWith(b)
}

function withQuery(url: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString()
  return `${url}${url.includes('?') ? '&' : '?'}${query}`
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
  if (typeof options.endpoint !== 'string' || options.endpoint === '') {
    throw new TypeError('createDialStackClient: `endpoint` (your backend route, e.g. /api/dialstack/calls) is required.')
  }
  const { logger = consoleLogger, events, poll } = options
  const timeoutMs = options.timeoutMs ?? 15_000
  const rules = callRequestRules({ ...options, logger })
  const eventNames: DialStackEventNames = { ...DEFAULT_EVENT_NAMES, ...events?.eventNames }
  const roles = new Map<string, Role>((Object.keys(eventNames) as Role[]).map((role) => [eventNames[role], role]))
  const answeredMeans: AnsweredMeans = events?.answeredMeans ?? 'destination'
  const windowMs = options.correlation?.windowMs ?? 120_000
  const clockSkewMs = options.correlation?.clockSkewMs ?? 30_000
  const pollIntervalMs = poll?.intervalMs ?? 2000
  const pollMaxMs = poll?.maxDurationMs ?? 4 * 60 * 60 * 1000
  const createTrackingId = options.createTrackingId ?? defaultTrackingId

  const listeners = new Set<(event: CallEvent) => void>()
  const calls = new Map<string, TrackedCall>()
  const byProviderId = new Map<string, TrackedCall>()
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
    if (warned.has(key)) return
    warned.add(key)
    logger?.[level](message)
  }

  function deliver(event: CallEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (error) {
        logger?.warn('[dialstack] a listener threw.', error)
      }
    }
  }

  function setConnection(status: ConnectionStatus, error?: CallError) {
    if (status === connection && status === 'open') return
    connection = status
    deliver(error ? { type: 'connection', status, error: error.toJSON() } : { type: 'connection', status })
  }

  function stopFollowing(call: TrackedCall) {
    clearTimeout(call.pollTimer)
    clearTimeout(call.firstEventTimer)
    call.polling = false
  }

  function prune() {
    const done = [...calls.values()].filter((call) => call.done)
    for (const call of done.slice(0, Math.max(0, done.length - DONE_KEPT))) {
      calls.delete(call.id)
      if (call.providerCallId) byProviderId.delete(call.providerCallId)
    }
  }

  function bind(call: TrackedCall, providerCallId: string) {
    if (call.providerCallId === providerCallId) return
    call.providerCallId = providerCallId
    byProviderId.set(providerCallId, call)
  }

  /** Stamps an event for a call. Times never go backwards per call, whatever the clocks say. */
  function stamp(call: TrackedCall, init: InteractionEventInit, providerAt?: number): InteractionEvent {
    const at = Math.max(providerAt ?? Date.now(), call.lastAt)
    call.lastAt = at
    const event = {
      ...init,
      interactionId: call.id,
      at,
      phoneNumber: call.dialString,
      direction: 'outbound',
      ...(call.providerCallId && { providerCallId: call.providerCallId }),
      ...(call.associatedObject && { associatedObject: call.associatedObject }),
    } as InteractionEvent
    call.last = event
    if (event.type === 'status') call.status = event.status
    if (event.type === 'ended' || event.type === 'failed') {
      call.status = event.type
      call.done = true
      stopFollowing(call)
    }
    return event
  }

  function emit(call: TrackedCall, init: InteractionEventInit, providerAt?: number) {
    if (call.done) return
    deliver(stamp(call, init, providerAt))
  }

  function emitMapped(call: TrackedCall, mapped: MappedState) {
    const { init } = mapped
    const knownId = call.last?.providerCallId === call.providerCallId
    // A poll that shows nothing new (or an older state than the stream told) stays quiet.
    if (init.type === 'status' && RANK[init.status] <= RANK[call.status] && knownId) return
    emit(call, init, mapped.at)
  }

  // --- The call log, through the app's backend -------------------------------------------------

  async function getJson(url: string): Promise<unknown> {
    const doHeaders = options.headers
    const headers = new Headers(doHeaders ? await doHeaders() : undefined)
    headers.set('Accept', 'application/json')
    const { response, body } = await requestJson(url, { method: 'GET', headers }, { provider: NAME, timeoutMs, fetch: options.fetch })
    if (!response.ok) throw toDialStackError(response, body)
    return body
  }

  function logUser(log: DialStackCallLog): string | null | undefined {
    return log.user ?? log.user_id
  }

  function inWindow(time: number, call: DialStackTrackedCall): boolean {
    return time >= call.startedAt - clockSkewMs && time <= call.startedAt + windowMs
  }

  async function findLog(call: TrackedCall): Promise<DialStackCallLog | undefined> {
    const body = await getJson(
      withQuery(poll!.url, {
        user_id: call.userId,
        direction: 'outbound',
        from_date: new Date(call.startedAt - clockSkewMs).toISOString(),
        limit: '20',
      }),
    )
    const list = (body as { data?: unknown } | undefined)?.data
    if (!Array.isArray(list)) return undefined
    let best: DialStackCallLog | undefined
    let bestDistance = Infinity
    for (const log of list as DialStackCallLog[]) {
      if (typeof log?.id !== 'string') continue
      const owner = byProviderId.get(log.id)
      if (owner && owner !== call) continue
      const user = logUser(log)
      if (user && user !== call.userId) continue
      if (log.direction && log.direction !== 'outbound') continue
      if (log.to_number && !sameNumber(log.to_number, call)) continue
      const started = parseTime(log.started_at)
      if (started === undefined || !inWindow(started, call)) continue
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
      ? ((await getJson(`${poll.url.replace(/\/$/, '')}/${encodeURIComponent(call.providerCallId)}`)) as DialStackCallLog)
      : await findLog(call)
    if (!log || typeof log.id !== 'string' || disposed) return
    bind(call, log.id)
    emitMapped(call, mapCallLog(log, answeredMeans))
  }

  function resyncAll(why: string) {
    const live = [...calls.values()].filter((call) => !call.done)
    if (live.length === 0) return
    if (!poll) {
      once('resync', `[dialstack] ${why} without poll.url: a final state reached while the stream was down may be lost.`)
      return
    }
    logger?.debug(`[dialstack] ${why}: resyncing ${live.length} call(s) from the call log.`)
    for (const call of live) {
      refresh(call).catch((error: unknown) => logger?.debug('[dialstack] resync failed.', error))
    }
  }

  /** Polling is the transport (no events, or the stream gave up): its health is the connection's. */
  const pollIsPrimary = () => !events

  function schedulePoll(call: TrackedCall) {
    if (!call.polling || call.done || disposed) return
    call.pollTimer = setTimeout(() => void pollOnce(call), pollIntervalMs)
  }

  async function pollOnce(call: TrackedCall) {
    if (!call.polling || call.done || disposed) return
    if (Date.now() - call.startedAt > pollMaxMs) {
      logger?.warn(`[dialstack] stopped polling call ${call.id}: still live after ${Math.round(pollMaxMs / 60000)} min.`)
      stopFollowing(call)
      return
    }
    try {
      await refresh(call)
      if (pollIsPrimary()) setConnection('open')
    } catch (error) {
      logger?.debug('[dialstack] call-log poll failed; trying again.', error)
      if (pollIsPrimary()) setConnection('reconnecting', toCallError(error, NAME))
    }
    schedulePoll(call)
  }

  function startPolling(call: TrackedCall) {
    if (!poll || call.polling || call.done || disposed) return
    clearTimeout(call.firstEventTimer)
    call.polling = true
    schedulePoll(call)
  }

  // --- The SSE stream ------------------------------------------------------------------------

  function correlate(event: DialStackCallEvent, only?: TrackedCall): TrackedCall | undefined {
    if (event.callId) {
      const bound = byProviderId.get(event.callId)
      if (bound) return !only || bound === only ? bound : undefined
    }
    if (event.direction && event.direction !== 'outbound') return undefined
    const time = event.at ?? Date.now()
    let chosen: TrackedCall | undefined
    for (const call of only ? [only] : calls.values()) {
      if (call.done || (event.callId && call.providerCallId)) continue
      if (!inWindow(time, call)) continue
      const matches = options.correlation?.match
        ? options.correlation.match(event, { ...call })
        : (!event.user || event.user === call.userId) && (!event.toNumber || sameNumber(event.toNumber, call))
      if (matches && (!chosen || call.startedAt < chosen.startedAt)) chosen = call
    }
    if (chosen && event.callId) bind(chosen, event.callId)
    return chosen
  }

  function mapRole(role: Role, event: DialStackCallEvent, call: TrackedCall): InteractionEventInit {
    const rawState = event.type
    switch (role) {
      case 'initiated':
        return { type: 'status', status: 'dialing', rawState }
      case 'ringing':
        return { type: 'status', status: 'ringing', rawState }
      case 'answered':
        if (answeredMeans === 'destination' || call.agentAnswered) {
          once('answered', `[dialstack] ${rawState} taken as connected (answeredMeans: '${answeredMeans}').`, 'debug')
          return { type: 'status', status: 'connected', rawState }
        }
        call.agentAnswered = true
        return { type: 'status', status: 'ringing', rawState }
      case 'end':
        return mapEndStatus(event.status ?? rawState, event.hangupCause)
    }
  }

  function onMessage(message: SseMessage) {
    if (disposed) return
    const role = message.event && message.event !== 'message' ? roles.get(message.event) : undefined
    if (message.event && message.event !== 'message' && !role) return // `connected`, `call.incoming`, …
    const event = parseDialStackEvent(message)
    if (!event) {
      logger?.debug('[dialstack] ignored an event that is not a JSON object.', message.event)
      return
    }
    const eventRole = role ?? roles.get(event.type)
    if (!eventRole) return
    // Events may come more than once (DialStack says so for webhooks): the same id, or the same frame.
    const key = event.id ?? `${event.type}|${message.data}`
    if (seen.has(key)) {
      logger?.debug(`[dialstack] duplicate ${event.type} ignored.`)
      return
    }
    seen.add(key)
    if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value as string)
    const call = correlate(event)
    if (!call) {
      logger?.debug(`[dialstack] ${event.type} matches no call started here (yet).`)
      early.push({ event, role: eventRole, receivedAt: Date.now() })
      if (early.length > EARLY_KEPT) early.shift()
      return
    }
    apply(call, eventRole, event)
  }

  function apply(call: TrackedCall, role: Role, event: DialStackCallEvent) {
    call.sawEvent = true
    clearTimeout(call.firstEventTimer)
    emit(call, { ...mapRole(role, event, call), ...(event.callId && { providerCallId: event.callId }) }, event.at)
  }

  /** Replays the events that came before this call's 202 was read, in their order. */
  function replayEarly(call: TrackedCall) {
    const now = Date.now()
    early = early.filter((entry) => now - entry.receivedAt < EARLY_MS)
    for (const entry of [...early]) {
      if (correlate(entry.event, call) !== call) continue
      early.splice(early.indexOf(entry), 1)
      apply(call, entry.role, entry.event)
    }
  }

  function ensureStream() {
    if (!events || stream || streamGaveUp || disposed) return
    stream = connectEventStream({
      url: events.url ?? DIALSTACK_EVENTS_URL,
      getClientSecret: () => events.getClientSecret(),
      fetch: options.fetch,
      backoff: events.backoff,
      maxAuthFailures: events.maxAuthFailures,
      logger,
      onMessage,
      onOpen(reconnected) {
        setConnection('open')
        // Events sent while the stream was down (or before it first opened) are gone: read the log.
        resyncAll(reconnected ? 'events stream reconnected' : 'events stream opened')
      },
      onDown(error) {
        if (connection !== 'reconnecting') setConnection('reconnecting', error)
      },
      onGiveUp(error) {
        streamGaveUp = true
        stream = undefined
        setConnection('closed', error)
        const live = [...calls.values()].filter((call) => !call.done)
        if (poll) {
          logger?.warn('[dialstack] events stream gave up; following calls by polling the call log.')
          for (const call of live) startPolling(call)
        }
      },
    })
  }

  function follow(call: TrackedCall) {
    if (events && !streamGaveUp) {
      ensureStream()
      if (poll) {
        const timeout = events.firstEventTimeoutMs ?? 15_000
        call.firstEventTimer = setTimeout(() => {
          if (call.sawEvent || call.done) return
          once('no-events', `[dialstack] no ${eventNames.initiated}/${eventNames.ringing} event for a call within ${timeout} ms: following it by polling the call log (outbound calls may not be on the stream).`)
          startPolling(call)
        }, timeout)
      }
    } else if (poll) {
      startPolling(call)
    } else if (!events) {
      once('untracked', '[dialstack] neither events nor poll is set: calls stay “dialing” after DialStack accepts them.')
    }
  }

  function track(init: { id: string; userId: string; dialString: string; dialKind: TrackedCall['dialKind']; startedAt: number }) {
    const call: TrackedCall = { ...init, status: 'initiating', lastAt: 0, done: false, sawEvent: false, agentAnswered: false, polling: false }
    calls.set(call.id, call)
    prune()
    return call
  }

  const client: CallClient = {
    name: NAME,
    capabilities: { ...NO_CAPABILITIES },

    async startCall(phoneNumber: string, initialObject?: InteractionAssociatedObject, startOptions: StartCallOptions = {}) {
      if (disposed) return failure('not_ready', 'This DialStack client was disposed.', { provider: { provider: NAME } })
      const checked = validateCallRequest({ userId: options.userId, dialString: phoneNumber }, rules)
      if (!checked.ok) return failure(checked.error)
      if (initialObject !== undefined) {
        const object = validateAssociatedObject(initialObject)
        if (!object.ok) return failure(object.error)
      }
      const { userId, dialString } = checked.value
      try {
        const doHeaders = options.headers
        const headers = new Headers(doHeaders ? await doHeaders() : undefined)
        headers.set('Content-Type', 'application/json')
        headers.set('Accept', 'application/json')
        const { response, body } = await requestJson(
          options.endpoint,
          { method: 'POST', headers, body: JSON.stringify({ user_id: userId, dial_string: dialString.value }) },
          { provider: NAME, timeoutMs, signal: startOptions.signal, fetch: options.fetch },
        )
        // Never retried: the person decides (DialStack's guide, and 429's Retry-After is theirs to honor).
        if (!response.ok) return failure(toDialStackError(response, body))
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
      })
      if (initialObject) call.associatedObject = initialObject
      emit(call, { type: 'status', status: 'dialing', rawState: 'accepted' })
      replayEarly(call)
      follow(call)
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
      return failure('not_supported', 'DialStack cannot end the call from here: hang up on your phone.', {
        provider: { provider: NAME },
      })
    },

    async snapshot() {
      const known = [...calls.values()].flatMap((call) => (call.last ? [call.last] : []))
      if (!poll || disposed) return known
      const since = Date.now() - (poll.snapshotWindowMs ?? 60 * 60 * 1000)
      try {
        const body = await getJson(
          withQuery(poll.url, { user_id: options.userId, direction: 'outbound', from_date: new Date(since).toISOString(), limit: '20' }),
        )
        const list = (body as { data?: unknown } | undefined)?.data
        if (!Array.isArray(list) || disposed) return known
        for (const log of list as DialStackCallLog[]) {
          if (typeof log?.id !== 'string' || log.status !== null || byProviderId.has(log.id)) continue
          const user = logUser(log)
          if (user && user !== options.userId) continue
          // A live call from before this page loaded (another tab, a reload): follow it by its log id.
          const call = track({
            id: log.id,
            userId: options.userId,
            dialString: log.to_number ?? '',
            dialKind: 'unknown',
            startedAt: parseTime(log.started_at) ?? Date.now(),
          })
          bind(call, log.id)
          const mapped = mapCallLog(log, answeredMeans)
          known.push(stamp(call, mapped.init, mapped.at))
          follow(call)
        }
      } catch (error) {
        logger?.debug('[dialstack] snapshot could not read the call log.', error)
      }
      return known
    },

    dispose() {
      if (disposed) return
      disposed = true
      stream?.close()
      stream = undefined
      for (const call of calls.values()) stopFollowing(call)
      listeners.clear()
    },
  }
  return client
}
