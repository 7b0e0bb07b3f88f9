import { consoleLogger } from '../shared/logger.js'
import { CallError, isCallError } from '../../core/CallError.js'
import { NO_CAPABILITIES, type CallCapabilities, type CallClient, type ControlResult, type StartCallOptions, type StartCallResult } from '../../core/CallClient.js'
import { isTerminalStatus, type CallEvent, type CallStatus, type InteractionEvent } from '../../core/CallEvent.js'
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
import { createTetherPoller, type TetherPoller } from './createTetherPoller.js'
import { DEFAULT_TETHER_STATUS_MAP, mapTetherCall, type TetherStatusMap } from './mapTetherCall.js'
import type { TetherCall, TetherInitiateBody } from './TetherCall.js'

const PROVIDER = 'tether'

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
  /** Where assumptions and problems are logged. Default `console` (debug and warn). */
  logger?: TetherLogger
}

/** A `CallClient` for Tether, with `hangup` (which may be `not_supported`) and `snapshot`. */
export interface TetherClient extends CallClient {
  hangup(interactionId: string): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
}

interface TrackedCall {
  id: string
  associatedObject?: InteractionAssociatedObject
  phoneNumber: string
  /** The last raw status applied, to skip identical polls. */
  rawState?: string
  status: CallStatus
  /** `at` of the last event: later events never go below it (see `stamp`). */
  at: number
  last?: InteractionEvent
  poller?: TetherPoller
  unsubscribe?: () => void
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Aborts when either signal does (AbortSignal.any is too new for some browsers we support). */
function linkSignals(a: AbortSignal, b: AbortSignal | undefined): { signal: AbortSignal; unlink: () => void } {
  if (!b) return { signal: a, unlink: () => {} }
  const controller = new AbortController()
  const abort = () => controller.abort()
  if (a.aborted || b.aborted) abort()
  a.addEventListener('abort', abort, { once: true })
  b.addEventListener('abort', abort, { once: true })
  return {
    signal: controller.signal,
    unlink: () => {
      a.removeEventListener('abort', abort)
      b.removeEventListener('abort', abort)
    },
  }
}

function aborted(cause?: unknown): CallError {
  return new CallError('aborted', 'The call was cancelled before it started.', {
    provider: { provider: PROVIDER },
    ...(cause !== undefined && { cause }),
  })
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) {
    throw new CallError('invalid_argument', `createTetherClient: ${name} must be a positive number of ms, got ${String(value)}.`)
  }
  return value
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
  // A path ('' or '/tether') is for apps that serve Tether, or a proxy to it, on their own origin.
  if (typeof options.baseUrl !== 'string' || !/^(https?:\/\/|\/|$)/i.test(options.baseUrl)) {
    throw new CallError(
      'invalid_argument',
      `createTetherClient: baseUrl must be your Tether instance's http(s) origin or a path on this origin, got ${JSON.stringify(options.baseUrl)}.`,
    )
  }
  if (typeof options.getToken !== 'function') {
    throw new CallError('invalid_argument', 'createTetherClient: getToken must return the signed-in user’s Tether JWT.')
  }
  const logger = options.logger ?? consoleLogger
  if (/^http:\/\/(?!(localhost|127\.0\.0\.1|\[::1\])(:|\/|$))/i.test(options.baseUrl)) {
    logger.warn('[tether] baseUrl is plain http: the user’s JWT would travel unencrypted. Use https.')
  }
  const pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs, 2500)
  const maxPollIntervalMs = Math.max(pollIntervalMs, positive('maxPollIntervalMs', options.maxPollIntervalMs, 30_000))
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 10_000)
  const statusMap: TetherStatusMap = { ...DEFAULT_TETHER_STATUS_MAP, ...options.statusMap }
  const order = options.order ?? 'record-first'
  const api = createTetherApi({
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    timeoutMs,
    readError: options.readError ?? createTetherErrorReader(logger),
    ...(options.fetch && { fetch: options.fetch }),
  })
  const capabilities: CallCapabilities = { ...NO_CAPABILITIES, hangup: typeof options.hangup === 'function' }
  const listeners = new Set<(event: CallEvent) => void>()
  const calls = new Map<string, TrackedCall>()
  /** Calls whose last poll failed: the stream is `reconnecting` while this is not empty. */
  const failing = new Set<string>()
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

  function contactIdOf(object: InteractionAssociatedObject | undefined): string | undefined {
    if (!object) return undefined
    let value: unknown
    if (options.contactId) value = options.contactId(object)
    else if (options.contactIdField === 'id') value = object.id
    else if (options.contactIdField?.startsWith('customFields.')) value = object.customFields[options.contactIdField.slice(13)]
    else {
      if (!warnedNoContact) {
        warnedNoContact = true
        logger.debug('[tether] the associated object is not sent to Tether: set contactId or contactIdField to link calls to contacts.')
      }
      return undefined
    }
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }

  /** Applies one Call document to a tracked call; returns true when the call reached a terminal state. */
  function apply(call: TrackedCall, doc: TetherCall): boolean {
    if (isTerminalStatus(call.status)) return true
    const mapped = mapTetherCall(doc, statusMap)
    const rawState = mapped.event.rawState
    if (rawState === call.rawState) return false
    if (!mapped.known) logger.debug(`[tether] call ${call.id}: status “${rawState}” is not in the status map; the state is kept.`)
    call.rawState = rawState
    // Tether's clock and this one differ, and some documents carry no times: never let a later
    // event date before an earlier one, or the reducer would drop it as stale (a lost final state).
    call.at = Math.max(call.at, mapped.at ?? Date.now())
    const event = {
      ...mapped.event,
      interactionId: call.id,
      at: call.at,
      phoneNumber: mapped.event.phoneNumber ?? call.phoneNumber,
      ...(call.associatedObject && { associatedObject: call.associatedObject }),
    } as InteractionEvent
    if (event.type === 'status') call.status = event.status
    else if (event.type === 'ended' || event.type === 'failed') call.status = event.type
    call.last = event
    deliver(event)
    return mapped.terminal
  }

  function stopFollowing(call: TrackedCall) {
    call.poller?.stop()
    call.poller = undefined
    call.unsubscribe?.()
    call.unsubscribe = undefined
    if (failing.delete(call.id) && failing.size === 0 && !disposed) deliver({ type: 'connection', status: 'open' })
  }

  function applyAndMaybeStop(call: TrackedCall, doc: TetherCall) {
    if (apply(call, doc)) stopFollowing(call)
  }

  function follow(call: TrackedCall) {
    call.poller = createTetherPoller<TetherCall>({
      intervalMs: pollIntervalMs,
      maxIntervalMs: maxPollIntervalMs,
      fetch: (signal) => api.getCall(call.id, signal),
      onResult: (doc) => applyAndMaybeStop(call, doc),
      onError(error) {
        logger.debug(`[tether] polling call ${call.id} failed (${error.code}); retrying with backoff.`)
        const first = failing.size === 0
        failing.add(call.id)
        if (first) deliver({ type: 'connection', status: 'reconnecting', error: error.toJSON() })
      },
      onRecover() {
        failing.delete(call.id)
        if (failing.size === 0) deliver({ type: 'connection', status: 'open' })
      },
    })
    if (!options.events) return
    const emit: TetherEventEmitter = (payload, eventName) => {
      if (disposed || isTerminalStatus(call.status)) return
      const doc = isRecord(payload) && isRecord(payload.call) ? payload.call : payload
      if (!isRecord(doc)) return
      const docId = typeof doc.callId === 'string' ? doc.callId : typeof doc._id === 'string' ? doc._id : undefined
      // Apps may fan one socket out to every subscription: keep only this call's updates.
      if (docId !== undefined && docId !== call.id) return
      if (typeof doc.status === 'string') applyAndMaybeStop(call, { ...doc, callId: call.id })
      else {
        logger.debug(`[tether] ${eventName ?? 'socket event'} for call ${call.id} has no status; polling now.`)
        call.poller?.pollNow()
      }
    }
    try {
      const unsubscribe = options.events(call.id, emit)
      if (typeof unsubscribe !== 'function') return
      // A source may replay a final state while subscribing, before we hold its unsubscribe.
      if (call.poller === undefined) unsubscribe()
      else call.unsubscribe = unsubscribe
    } catch (error) {
      logger.warn(`[tether] the events source threw for call ${call.id}; polling alone follows the call.`, error)
    }
  }

  async function place(request: TetherPlaceCallRequest): Promise<CallError | undefined> {
    if (!options.placeCall) return undefined
    try {
      await options.placeCall(request)
      return undefined
    } catch (error) {
      if (request.signal?.aborted) return aborted(error)
      if (isCallError(error)) return error
      const message = error instanceof Error ? error.message : String(error)
      return new CallError('provider_error', `Your phone could not place the call. Check the microphone and the voice connection, then try again. (${message})`, {
        provider: { provider: PROVIDER, name: 'placeCall', message },
        cause: error,
      })
    }
  }

  async function startCall(
    phoneNumber: string,
    initialObject?: InteractionAssociatedObject,
    startOptions: StartCallOptions = {},
  ): Promise<StartCallResult> {
    if (disposed) return failure('not_ready', 'The Tether client was disposed.', { provider: { provider: PROVIDER } })
    const parsed = parseDialString(phoneNumber)
    if (!parsed.ok) return failure(parsed.error)
    if (parsed.dialString.kind !== 'e164') {
      return failure(
        'invalid_number',
        `Tether dials full international numbers only: add + and the country code to “${phoneNumber.trim()}” (for example +14165550199). Extensions and short numbers can't be dialed here.`,
      )
    }
    const e164 = parsed.dialString.value
    if (initialObject !== undefined) {
      const checked = validateAssociatedObject(initialObject)
      if (!checked.ok) return failure(checked.error)
    }
    const { signal, unlink } = linkSignals(lifetime.signal, startOptions.signal)
    try {
      if (signal.aborted) return failure(aborted())
      const body: TetherInitiateBody = { phoneNumber: e164 }
      const contactId = contactIdOf(initialObject)
      if (contactId !== undefined) body.contactId = contactId
      const base = { phoneNumber: e164, signal, ...(initialObject && { associatedObject: initialObject }) }

      let doc: TetherCall
      if (order === 'dial-first') {
        if (options.placeCall) logger.debug('[tether] dialing before recording the call (order: dial-first).')
        const placeError = await place(base)
        if (placeError) return failure(placeError)
        try {
          doc = await api.initiate(body, signal)
        } catch (error) {
          if (options.placeCall) logger.warn('[tether] the call was dialed but Tether did not record it.', error)
          throw error
        }
      } else {
        doc = await api.initiate(body, signal)
        if (options.placeCall) logger.debug(`[tether] recorded call ${doc.callId} before dialing (order: record-first, assumed).`)
        const placeError = await place({ ...base, callId: doc.callId, call: doc })
        if (placeError) {
          // Tether keeps an `initiated` record nobody will dial; say so for support, the user sees the error.
          logger.warn(`[tether] call ${doc.callId} was recorded but not dialed: ${placeError.message}`)
          return failure(placeError)
        }
      }
      if (disposed) return failure(aborted())

      const call: TrackedCall = {
        id: doc.callId,
        phoneNumber: e164,
        status: 'initiating',
        at: 0,
        ...(initialObject && { associatedObject: initialObject }),
      }
      calls.set(call.id, call)
      if (!apply(call, doc)) follow(call)
      return success({ id: call.id })
    } catch (error) {
      if (signal.aborted) return failure(aborted(error))
      return failure(isCallError(error) ? error : new CallError('provider_error', 'Tether could not record the call. Try again.', {
        provider: { provider: PROVIDER, message: error instanceof Error ? error.message : String(error) },
        cause: error,
      }))
    } finally {
      unlink()
    }
  }

  return {
    name: PROVIDER,
    capabilities,
    startCall,

    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    async hangup(interactionId) {
      if (!options.hangup) {
        return failure('not_supported', 'Tether cannot hang up calls from here: hang up on your phone.', {
          provider: { provider: PROVIDER },
        })
      }
      const call = calls.get(interactionId)
      if (call && isTerminalStatus(call.status)) {
        return failure('invalid_state', 'This call has already ended.', { provider: { provider: PROVIDER } })
      }
      try {
        await options.hangup(interactionId)
      } catch (error) {
        if (isCallError(error)) return failure(error)
        const message = error instanceof Error ? error.message : String(error)
        return failure('provider_error', `Could not hang up. Hang up on your phone. (${message})`, {
          provider: { provider: PROVIDER, name: 'hangup', message },
          cause: error,
        })
      }
      // Tether learns of the hang-up from the voice provider: fetch the record now, not in 2.5 s.
      call?.poller?.pollNow()
      return success(null)
    },

    async snapshot() {
      return [...calls.values()].flatMap((call) => (call.last ? [call.last] : []))
    },

    dispose() {
      if (disposed) return
      disposed = true
      lifetime.abort()
      for (const call of calls.values()) stopFollowing(call)
      failing.clear()
      listeners.clear()
    },
  }
}
