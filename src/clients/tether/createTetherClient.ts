import { consoleLogger } from '../../client-kit/logger.js'
import type { CallError } from '../../core/CallError.js'
import {
  NO_CAPABILITIES,
  type CallClient,
  type ControlResult,
  type StartCallOptions,
  type StartCallResult,
} from '../../core/CallClient.js'
import type { CallEvent, InteractionEvent } from '../../core/CallEvent.js'
import { parseDialString } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import {
  createTetherApi,
  createTetherErrorReader,
  type TetherErrorReader,
  type TetherLogger,
  type TetherTokenGetter,
} from './createTetherApi.js'
import { DEFAULT_TETHER_STATUS_MAP, mapTetherCall, type TetherStatusMap } from './mapTetherCall.js'
import { isRecord } from '../../client-kit/text.js'
import { asCallError, misconfigured, PROVIDER, tetherError, toTetherError } from './tetherError.js'
import type { TetherCall } from './TetherCall.js'

/** What the app's voice SDK gets to place the audio leg. */
export interface TetherPlaceCallRequest {
  /** The number to dial, E.164. */
  phoneNumber: string
  /**
   * Tether's `callId` (record-first order only). Pass it to the voice SDK, e.g. as Sinch custom
   * headers, so Tether can tie the audio leg to its record (it is also the SDK call's `providerCallId`).
   */
  callId?: string
  /** The Call document Tether recorded (record-first order only). */
  call?: TetherCall
  /** The CRM record the call is for, if any. */
  associatedObject?: InteractionAssociatedObject
  /** The start's abort signal. */
  signal?: AbortSignal
}

/**
 * Delivers one live update from the app's own Tether socket. `payload` is the Call document or
 * `{ call }` (both accepted: the payload shape is not documented); `eventName` is the socket
 * event's name, e.g. `"call_answered"`. An update without a `status` makes the client poll now.
 */
export type TetherEventEmitter = (payload: unknown, eventName?: string) => void

/**
 * Subscribes to live updates of one call from the app's own Tether socket (Socket.IO is
 * undocumented, so the library ships no socket client). Returns the unsubscribe function.
 */
export type TetherEventSource = (callId: string, emit: TetherEventEmitter) => (() => void) | void

/** Options of `createTetherClient`. */
export interface TetherClientOptions {
  /**
   * Your Tether instance's origin, e.g. `https://tether.example.com` (self-hosted) or
   * `http://localhost:2212`; or a path on the page's origin (`''`, `'/tether'`) when your app
   * serves Tether or proxies it.
   */
  baseUrl: string
  /**
   * The signed-in user's Tether JWT, sync or async, called before every request. After a 401 it
   * is called once more with `{ refresh: true }` and the request is retried once; a second 401 is
   * an `unauthorized` error. Never put an API secret here: this runs in the browser.
   */
  getToken: TetherTokenGetter
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
  /**
   * Places the audio leg with your voice SDK (Tether's `/sdk/initiate` only records the call), e.g.
   * `({ phoneNumber, callId }) => sinchClient.callClient.callPhoneNumber(phoneNumber, { callId })`.
   * If it throws, the start fails with a `CallError` (the thrown one, or `provider_error`).
   * Default: none, the call is only recorded (your app dials by itself).
   */
  placeCall?: (request: TetherPlaceCallRequest) => unknown
  /**
   * Record the call in Tether before or after `placeCall` dials. The docs do not say
   * (PROVIDERS.md B.3, ASSUMPTION): the default `'record-first'` gives the voice SDK Tether's
   * `callId`; `'dial-first'` starts the audio sooner but the SDK never sees the `callId`.
   */
  order?: 'record-first' | 'dial-first'
  /**
   * Hangs up with your voice SDK (Tether has no hang-up endpoint), e.g.
   * `(callId) => sinchCalls.get(callId)?.hangup()`. Without it `capabilities.hangup` is `false`
   * and `hangup()` resolves `not_supported`. Tether then updates its record (Sinch DiCE callback),
   * which the client polls for at once.
   */
  hangup?: (callId: string) => unknown
  /**
   * The contact to link the record to, from the call's associated object: Tether then dials the
   * contact's number and files the call under it. Wins over `contactIdField`. Default: none sent.
   * @example contactId: (object) => (object.type === 'contact' ? object.id : undefined)
   */
  contactId?: (associatedObject: InteractionAssociatedObject) => string | null | undefined
  /**
   * Where the associated object keeps the Tether contact id: `'id'` or `'customFields.<key>'`.
   * Default: none (no `contactId` is sent).
   */
  contactIdField?: 'id' | `customFields.${string}`
  /** Wait between `GET /api/calls/{callId}` polls, in ms. Default 2500. */
  pollIntervalMs?: number
  /** The longest wait between polls while errors persist (the wait doubles on each error). Default 30000. */
  maxPollIntervalMs?: number
  /** Time-out of each request, in ms. Default 10000. */
  timeoutMs?: number
  /**
   * Raw `Call.status` → normalized state, merged over the defaults (`initiated`→dialing,
   * `ringing`→ringing, `in-progress`→connected, `completed`/`no-answer`/`busy`/`canceled`→ended,
   * `failed`→failed). The enum is not fully documented: unmapped values keep the state and show
   * as `rawState`.
   */
  statusMap?: TetherStatusMap
  /** Live updates from your own Tether socket, on top of polling. See `TetherEventSource`. */
  events?: TetherEventSource
  /**
   * Reads an error body. Default: `{ success:false, message | error, code? }`, an ASSUMPTION
   * beyond the documented 401 `{ error }` (PROVIDERS.md B.7).
   */
  readError?: TetherErrorReader
  /** Where assumptions (debug, development builds only) and problems (warn) are logged. Default `console`. */
  logger?: TetherLogger
}

/** A `CallClient` for Tether, with `hangup` (which may be `not_supported`) and `snapshot`. */
export interface TetherClient extends CallClient {
  hangup(interactionId: string): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
}

/** Polls one call (see `poll`). */
interface TetherPoller {
  /** Polls now instead of at the next tick (after an event without a status, after a hang-up). */
  pollNow(): void
  /** Stops for good: clears the timer and aborts the request in flight. */
  stop(): void
}

interface TrackedCall {
  id: string
  /** What every event of the call carries: its id, number and associated object. */
  fields: Pick<InteractionEvent, 'interactionId' | 'phoneNumber' | 'associatedObject'>
  /** The last raw status applied, to skip identical polls. */
  rawState?: string
  /** The call reached a terminal state (`ended` or `failed`). */
  ended?: boolean
  /** `at` of the last event: later events never go below it (see `apply`). */
  at: number
  last?: InteractionEvent
  /** Set while the call is polled; unset for good by `stopFollowing`. */
  poller?: TetherPoller
  unsubscribe?: () => void
}

/** Aborts when any of the signals does (AbortSignal.any is too new for some browsers we support). */
function linkSignals(signals: (AbortSignal | undefined)[]): {
  signal: AbortSignal
  unlink: () => void
} {
  const controller = new AbortController()
  const abort = () => controller.abort()
  for (const signal of signals) {
    if (signal?.aborted) abort()
    signal?.addEventListener('abort', abort)
  }
  return {
    signal: controller.signal,
    unlink: () => {
      for (const signal of signals) signal?.removeEventListener('abort', abort)
    },
  }
}

function aborted(cause?: unknown): CallError {
  return tetherError('aborted', 'The call was cancelled before it started.', undefined, cause)
}

/**
 * A `CallClient` for Tether (https://docs.tetherai.ca): records the call with
 * `POST /api/calls/sdk/initiate`, lets your voice SDK (Sinch, Twilio) place the audio leg through
 * `placeCall`, and follows the record by polling `GET /api/calls/{callId}` (or your own socket
 * through `events`) until it ends. Authenticates with the signed-in user's JWT.
 *
 * @example
 * const client = createTetherClient({
 *   baseUrl: 'https://tether.example.com',
 *   getToken: ({ refresh }) => (refresh ? session.refresh() : session.token),
 *   placeCall: ({ phoneNumber, callId }) =>
 *     sinchClient.callClient.callPhoneNumber(phoneNumber, { 'x-tether-call-id': callId ?? '' }),
 *   hangup: (callId) => sinchCalls.get(callId)?.hangup(),
 *   contactIdField: 'customFields.tetherContactId',
 * })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createTetherClient(options: TetherClientOptions): TetherClient {
  const { baseUrl, getToken, placeCall, hangup, events, logger = consoleLogger } = options
  // A path ('' or '/tether') is for apps that serve Tether, or a proxy to it, on their own origin.
  if (typeof baseUrl !== 'string' || !/^(https?:\/\/|\/|$)/i.test(baseUrl)) {
    misconfigured(
      process.env.NODE_ENV !== 'production'
        ? `baseUrl must be your Tether instance's http(s) origin or a path on this origin, got ${JSON.stringify(baseUrl)}`
        : 'baseUrl',
    )
  }
  if (typeof getToken !== 'function')
    misconfigured(
      process.env.NODE_ENV !== 'production'
        ? 'getToken must return the signed-in user’s Tether JWT'
        : 'getToken',
    )
  if (/^http:\/\/(?!(localhost|127\.0\.0\.1|\[::1\])(:|\/|$))/i.test(baseUrl)) {
    logger.warn('[tether] baseUrl is plain http: the user’s JWT travels unencrypted. Use https.')
  }

  /** A time option: a positive number of ms, or `fallback` when unset. */
  function ms(
    name: 'pollIntervalMs' | 'maxPollIntervalMs' | 'timeoutMs',
    fallback: number,
  ): number {
    const value = options[name] ?? fallback
    if (!(Number.isFinite(value) && value > 0))
      misconfigured(
        process.env.NODE_ENV !== 'production'
          ? `${name} must be a positive number of ms, got ${String(value)}`
          : name,
      )
    return value
  }
  const pollIntervalMs = ms('pollIntervalMs', 2500)
  const maxPollIntervalMs = Math.max(pollIntervalMs, ms('maxPollIntervalMs', 30_000))
  const api = createTetherApi({
    ...options,
    timeoutMs: ms('timeoutMs', 10_000),
    readError: options.readError ?? createTetherErrorReader(logger),
  })
  const statusMap: TetherStatusMap = { ...DEFAULT_TETHER_STATUS_MAP, ...options.statusMap }
  const dialFirst = options.order === 'dial-first'
  const listeners = new Set<(event: CallEvent) => void>()
  const calls = new Map<string, TrackedCall>()
  /** Calls whose last poll failed: the stream is `reconnecting` while this is not empty. */
  const failing = new Set<string>()
  /** Aborts the pending starts on dispose. */
  const lifetime = new AbortController()
  let disposed = false
  let warnedNoContact = false

  function deliver(event: CallEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (error) {
        // One broken listener must not starve the others or stop polling; surface it anyway.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  /**
   * Marks a call's polling as failing (with its `error`) or not, and reports the stream as
   * `reconnecting` when the first call starts failing, `open` when the last one stops.
   */
  function setFailing(id: string, error?: CallError) {
    const wasOpen = failing.size === 0
    if (error) failing.add(id)
    else failing.delete(id)
    if (wasOpen === (failing.size === 0) || disposed) return
    deliver(
      error
        ? { type: 'connection', status: 'reconnecting', error: error.toJSON() }
        : { type: 'connection', status: 'open' },
    )
  }

  function contactIdOf(object: InteractionAssociatedObject | undefined): string | undefined {
    if (!object) return undefined
    const field = options.contactIdField
    let value: unknown
    if (options.contactId) value = options.contactId(object)
    else if (field === 'id') value = object.id
    else if (field?.startsWith('customFields.')) value = object.customFields[field.slice(13)]
    else if (process.env.NODE_ENV !== 'production' && !warnedNoContact) {
      warnedNoContact = true
      logger.debug(
        '[tether] the associated object is not sent to Tether: set contactId or contactIdField to link calls to contacts.',
      )
    }
    return (typeof value === 'string' && value.trim()) || undefined
  }

  function stopFollowing(call: TrackedCall) {
    call.poller?.stop()
    call.poller = undefined
    call.unsubscribe?.()
    call.unsubscribe = undefined
    setFailing(call.id)
  }

  /**
   * Applies one Call document to a tracked call, and stops following it once it reached a terminal
   * state; returns true then.
   */
  function apply(call: TrackedCall, doc: TetherCall): boolean {
    if (call.ended) return true
    const mapped = mapTetherCall(doc, statusMap)
    const { rawState } = mapped.event
    if (rawState === call.rawState) return false
    if (process.env.NODE_ENV !== 'production' && !mapped.known)
      logger.debug(
        `[tether] call ${call.id}: status “${rawState}” is not in the status map; the state is kept.`,
      )
    call.rawState = rawState
    // Tether's clock and this one differ, and some documents carry no times: never let a later
    // event date before an earlier one, or the reducer would drop it as stale (a lost final state).
    call.at = Math.max(call.at, mapped.at ?? Date.now())
    call.last = { ...call.fields, ...mapped.event, at: call.at } as InteractionEvent
    call.ended = mapped.terminal
    deliver(call.last)
    if (mapped.terminal) stopFollowing(call)
    return mapped.terminal
  }

  /**
   * Polls `GET /api/calls/{callId}` after `pollIntervalMs`, one request at a time, until
   * `stopFollowing`. The wait doubles on each error up to `maxPollIntervalMs` and resets on success.
   */
  function poll(call: TrackedCall): TetherPoller {
    let interval = pollIntervalMs
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(tick, interval)
    let controller: AbortController | undefined
    let stopped = false

    async function tick() {
      timer = undefined
      controller = new AbortController()
      try {
        const doc = await api.getCall(call.id, controller.signal)
        if (stopped) return
        interval = pollIntervalMs
        // The stream is back before the state it brings, so the UI never shows a final state as "reconnecting".
        setFailing(call.id)
        apply(call, doc)
      } catch (thrown) {
        if (stopped) return
        const error = toTetherError(thrown)
        if (process.env.NODE_ENV !== 'production')
          logger.debug(
            `[tether] polling call ${call.id} failed (${error.code}); retrying with backoff.`,
          )
        interval = Math.min(interval * 2, maxPollIntervalMs)
        setFailing(call.id, error)
      }
      // `apply` may have reached a terminal state and stopped us.
      if (!stopped) timer = setTimeout(tick, interval)
    }

    return {
      pollNow() {
        // A request in flight already brings the latest state.
        if (stopped || timer === undefined) return
        clearTimeout(timer)
        void tick()
      },
      stop() {
        stopped = true
        clearTimeout(timer)
        controller?.abort()
      },
    }
  }

  function follow(call: TrackedCall) {
    call.poller = poll(call)
    if (!events) return
    const emit: TetherEventEmitter = (payload, eventName) => {
      if (disposed) return
      const doc = isRecord(payload) && isRecord(payload.call) ? payload.call : payload
      if (!isRecord(doc)) return
      const docId = [doc.callId, doc._id].find((id) => typeof id === 'string')
      // Apps may fan one socket out to every subscription: keep only this call's updates.
      if (docId !== undefined && docId !== call.id) return
      if (typeof doc.status === 'string') apply(call, { ...doc, callId: call.id })
      else {
        if (process.env.NODE_ENV !== 'production')
          logger.debug(
            `[tether] ${eventName ?? 'socket event'} for call ${call.id} has no status; polling now.`,
          )
        call.poller?.pollNow()
      }
    }
    try {
      const unsubscribe = events(call.id, emit)
      if (typeof unsubscribe !== 'function') return
      // A source may replay a final state while subscribing, before we hold its unsubscribe.
      if (call.poller === undefined) unsubscribe()
      else call.unsubscribe = unsubscribe
    } catch (error) {
      logger.warn(`[tether] the events source threw for call ${call.id}; polling only.`, error)
    }
  }

  /** Lets the app's voice SDK place the audio leg; throws a `CallError` if it fails. */
  async function dial(request: TetherPlaceCallRequest): Promise<void> {
    try {
      await placeCall?.(request)
    } catch (thrown) {
      const error = asCallError(
        thrown,
        'Your phone could not place the call. Check the microphone and connection, then try again.',
        { name: 'placeCall', appendThrown: true },
      )
      // Record-first: Tether keeps an `initiated` record nobody will dial; say so for support, the user sees the error.
      if (request.callId)
        logger.warn(`[tether] call ${request.callId} was recorded but not dialed: ${error.message}`)
      throw error
    }
  }

  async function startCall(
    phoneNumber: string,
    initialObject?: InteractionAssociatedObject,
    startOptions: StartCallOptions = {},
  ): Promise<StartCallResult> {
    if (disposed) return failure(tetherError('not_ready', 'The Tether client was disposed.'))
    const parsed = parseDialString(phoneNumber)
    if (!parsed.ok) return failure(parsed.error)
    if (parsed.dialString.kind !== 'e164') {
      return failure(
        'invalid_number',
        `Tether dials full international numbers only (+ and the country code, e.g. +14165550199): extensions and short numbers like “${phoneNumber.trim()}” can't be dialed here.`,
      )
    }
    if (initialObject !== undefined) {
      const checked = validateAssociatedObject(initialObject)
      if (!checked.ok) return failure(checked.error)
    }
    const e164 = parsed.dialString.value
    const { signal, unlink } = linkSignals([lifetime.signal, startOptions.signal])
    try {
      if (signal.aborted) return failure(aborted())
      const fields = {
        phoneNumber: e164,
        ...(initialObject && { associatedObject: initialObject }),
      }
      // An unset contact id is left out of the JSON body.
      const body = { phoneNumber: e164, contactId: contactIdOf(initialObject) }
      if (process.env.NODE_ENV !== 'production' && placeCall) {
        logger.debug(
          `[tether] ${dialFirst ? 'dialing before recording the call (order: dial-first)' : 'recording the call before dialing (order: record-first, assumed)'}.`,
        )
      }
      if (dialFirst) await dial({ ...fields, signal })
      let doc: TetherCall
      try {
        doc = await api.initiate(body, signal)
      } catch (error) {
        if (dialFirst && placeCall)
          logger.warn('[tether] the call was dialed but Tether did not record it.', error)
        throw error
      }
      const id = doc.callId
      if (!dialFirst) await dial({ ...fields, signal, callId: id, call: doc })
      if (disposed) return failure(aborted())

      const call: TrackedCall = { id, fields: { ...fields, interactionId: id }, at: 0 }
      calls.set(id, call)
      if (!apply(call, doc)) follow(call)
      return success({ id })
    } catch (error) {
      return failure(
        signal.aborted
          ? aborted(error)
          : asCallError(error, 'Tether could not record the call. Try again.'),
      )
    } finally {
      unlink()
    }
  }

  return {
    name: PROVIDER,
    capabilities: { ...NO_CAPABILITIES, hangup: typeof hangup === 'function' },
    startCall,

    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    async hangup(interactionId) {
      if (!hangup)
        return failure(
          tetherError('not_supported', 'Tether cannot hang up from here: hang up on your phone.'),
        )
      const call = calls.get(interactionId)
      if (call?.ended) return failure(tetherError('invalid_state', 'This call has already ended.'))
      try {
        await hangup(interactionId)
      } catch (error) {
        return failure(
          asCallError(error, 'Could not hang up. Hang up on your phone.', {
            name: 'hangup',
            appendThrown: true,
          }),
        )
      }
      // Tether learns of the hang-up from the voice provider: fetch the record now, not in 2.5 s.
      call?.poller?.pollNow()
      return success(null)
    },

    async snapshot() {
      // Every tracked call has had its first event (see `startCall`).
      return [...calls.values()].map((call) => call.last!)
    },

    dispose() {
      if (disposed) return
      disposed = true
      lifetime.abort()
      for (const call of calls.values()) stopFollowing(call)
      listeners.clear()
    },
  }
}
