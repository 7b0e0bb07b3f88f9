import { consoleLogger } from '../../client-kit/logger.js'
import { toCallError, type CallError } from '../../core/CallError.js'
import type { CallCapabilities, CallClient, ControlResult } from '../../core/CallClient.js'
import type {
  CallEvent,
  InteractionEvent,
  InteractionEventBase,
  InteractionEventInit,
  LiveCallStatus,
} from '../../core/CallEvent.js'
import {
  parseDialString,
  type DialString,
  type DialStringOptions,
} from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { httpError, requestJson } from '../../client-kit/request.js'
import { createCometdNotifications } from './createCometdNotifications.js'
import type { GenesysCall } from './GenesysCall.js'
import { genesysError, gwsError } from './genesysError.js'
import type { NotificationSource } from './NotificationSource.js'

/** HTTP Basic credentials of the agent. */
export interface GenesysBasicAuth {
  /** The agent's GWS user name. */
  username: string
  /** The agent's own password: never a shared or service account in browser code. */
  password: string
}

export interface GenesysClientOptions {
  /** The GWS origin, e.g. `https://gws.example.com`; `''` for the page's own origin. */
  baseUrl: string
  /**
   * `'session'` when the page already holds the `JSESSIONID` cookie (SSO, a login page): no secret
   * in the app. `{ username, password }` sends HTTP Basic on every request. Requests always use
   * `credentials: 'include'` so the cookie travels.
   */
  auth: GenesysBasicAuth | 'session'
  /** The device to dial from. Default: the first of `GET /api/v2/me` `user.devices` (logged). */
  deviceId?: string
  /** The CometD endpoint under `baseUrl`. Default `/api/v2/notifications` (community knowledge, not in the docs). */
  notificationsPath?: string
  /** The CometD transport. Default `'long-polling'` (GWS 8.5 documents no WebSocket support). */
  transport?: 'long-polling' | 'websocket'
  /** Where notifications come from. Default: CometD at `baseUrl + notificationsPath`. */
  notifications?: NotificationSource
  /**
   * The `userData` key carrying the client's tracking id, matched in the `Dialing` notification.
   * Default `'X-Client-Correlation'`. That GWS echoes `userData` there is shown by the docs' samples
   * only; without it the client falls back to the dialed number (logged).
   */
  correlationKey?: string
  /**
   * Prefix of the `userData` keys the associated object is flattened into: `id`, `type`,
   * `displayName`, `displayType` and each custom field. Default `'crm_'`; `''` for bare keys.
   */
  userDataPrefix?: string
  /** `POST /api/v2/me` `StartContactCenterSession` (voice) during bootstrap. Default `false`. */
  startContactCenterSession?: boolean
  /** Fail a dial with `timeout` when no notification reports it within this long. Default 15000. */
  dialTimeoutMs?: number
  /** HTTP time-out, and the longest wait for the first CometD connect. Default 10000. */
  timeoutMs?: number
  /** What goes into `destination.phoneNumber`. Default: the number as parsed (E.164 keeps its `+`). */
  formatDestination?: (dialString: DialString) => string
  /** Dial-string rules. Default: local numbers pass as digits, for the deployment's dial plan. */
  dialString?: DialStringOptions
  /** `location` sent with `Dial` (T-Server location). */
  location?: string
  /** `outboundCallerId` sent with `Dial`. */
  outboundCallerId?: string
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
  /**
   * Where assumptions and dropped messages are logged. Default: the console (assumptions at debug,
   * problems at warn). Debug logs exist in development builds only (`process.env.NODE_ENV !== 'production'`).
   */
  logger?: Pick<Console, 'warn' | 'debug'>
}

/** One interaction the client knows: started here, or seen in a notification. */
interface Tracked {
  id: string
  callId?: string
  /** The number as parsed, for display. */
  phone?: string
  /** The number as sent, for the fallback match. */
  dest?: string
  object?: InteractionAssociatedObject
  /** The last GWS state that moved the status. */
  state?: string
  established?: boolean
  done?: boolean
  /** Which resync generation first saw the call id. */
  seen?: number
  timer?: ReturnType<typeof setTimeout>
}

type EventFields = Omit<InteractionEventBase, 'interactionId' | 'at'>

const NAME = 'genesys'
const DISPOSED = 'The Genesys client was disposed.'
const CALLS = '/v2/me/calls'
/**
 * GWS call states → status and rank: a notification never moves a call to a lower rank (a late
 * `Dialing` after `Established`). `Released` ends the call; any other state passes through.
 */
const STATES: Record<string, [LiveCallStatus, number]> = {
  Dialing: ['dialing', 1],
  Ringing: ['ringing', 2],
  Established: ['connected', 3],
  Held: ['held', 3],
}
const digits = (value?: string) => value?.replace(/\D/g, '')

function capabilitiesOf(list: unknown): Partial<CallCapabilities> | undefined {
  if (!Array.isArray(list)) return undefined
  const has = (...names: string[]) => names.some((name) => list.includes(name))
  return {
    hangup: has('Hangup'),
    hold: has('Hold', 'Retrieve'),
    dtmf: has('SendDtmf'),
    updateAssociatedObject: has('UpdateUserData', 'AttachUserData'),
    mute: false,
  }
}

/**
 * A client for Genesys Web Services API v2: `Dial` over HTTP, live state over CometD
 * (`/v2/me/calls`), per-call capabilities from `call.capabilities`, and a resync from
 * `GET /api/v2/me/calls` after a lost Bayeux session.
 *
 * @example
 * const client = createGenesysClient({ baseUrl: 'https://gws.example.com', auth: 'session' })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createGenesysClient(options: GenesysClientOptions): CallClient {
  const {
    baseUrl,
    auth,
    correlationKey = 'X-Client-Correlation',
    userDataPrefix = 'crm_',
    dialTimeoutMs = 15_000,
    timeoutMs = 10_000,
    logger = consoleLogger,
  } = options
  // UTF-8 first: btoa alone throws on characters beyond Latin-1.
  const authorization =
    auth === 'session'
      ? undefined
      : `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${auth.username}:${auth.password}`)))}`
  const notificationsUrl = baseUrl + (options.notificationsPath ?? '/api/v2/notifications')
  const notifications =
    options.notifications ??
    createCometdNotifications({
      url: notificationsUrl,
      transport: options.transport,
      headers: authorization ? { Authorization: authorization } : undefined,
    })
  const listeners = new Set<(event: CallEvent) => void>()
  const tracked = new Map<string, Tracked>()
  const byCall = new Map<string, Tracked>()
  let csrf: [string, string] | undefined
  let ready: Promise<string> | undefined
  let opening:
    { timer: ReturnType<typeof setTimeout>; reject: (error: CallError) => void } | undefined
  let streamUp = false
  let opened = false
  let generation = 0
  let disposed = false

  /** Hands `event` to every listener; nothing when there is no event. */
  const emit = (event?: CallEvent) => {
    if (event) for (const listener of [...listeners]) listener(event)
  }
  const stamp = (interactionId: string, init: InteractionEventInit) =>
    ({ ...init, interactionId, at: Date.now() }) as InteractionEvent
  /** Marks the call over and returns its `ended` event, over the notification's fields when there is one. */
  const end = (entry: Tracked, fields?: EventFields) => {
    entry.done = true
    return stamp(entry.id, {
      ...fields,
      type: 'ended',
      providerCallId: entry.callId,
      outcome: entry.established ? 'completed' : 'unknown',
    })
  }
  const fail = (id: string, reason: CallError) =>
    emit(stamp(id, { type: 'failed', error: reason.toJSON() }))

  /**
   * GET when `body` is absent, POST otherwise, at `path` under `/api/v2/me`; resolves the JSON of
   * a `statusCode: 0` reply. A 403 about CSRF refreshes the token once and sends the POST again.
   */
  async function request(
    path: string,
    body?: object,
    signal?: AbortSignal,
    retried?: boolean,
  ): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (authorization) headers.Authorization = authorization
    if (body) {
      headers['Content-Type'] = 'application/json'
      if (csrf) headers[csrf[0]] = csrf[1]
    }
    const { response, body: data } = await requestJson(
      `${baseUrl}/api/v2/me${path}`,
      {
        method: body ? 'POST' : 'GET',
        headers,
        credentials: 'include',
        body: body && JSON.stringify(body),
      },
      { provider: NAME, timeoutMs, signal, fetch: options.fetch },
    )
    const token = response.headers.get('X-CSRF-TOKEN')
    if (token) csrf = [response.headers.get('X-CSRF-HEADER') ?? 'X-CSRF-TOKEN', token]
    const raw = typeof data === 'string' ? data : undefined
    const text = raw ?? JSON.stringify(data) ?? ''
    if (response.status === 403 && /csrf/i.test(text)) {
      if (body && !retried) {
        if (process.env.NODE_ENV !== 'production')
          logger?.debug('genesys: 403 CSRF, refreshing the token once')
        await request('', undefined, signal)
        return request(path, body, signal, true)
      }
      throw gwsError('forbidden', 'Genesys refused the security token (CSRF). Reload the page.', {
        status: 403,
        message: text,
      })
    }
    const reply = ((typeof data === 'object' && data) || {}) as Record<string, unknown>
    const { statusCode, statusMessage } = reply
    if (typeof statusCode === 'number' && statusCode) {
      throw genesysError(
        statusCode,
        typeof statusMessage === 'string' ? statusMessage : undefined,
        response.status,
      )
    }
    if (!response.ok) throw httpError(NAME, response, raw)
    return reply
  }

  /** Opens the notification source; resolves on its first `open`, fails after `timeoutMs`. */
  function openStream(): Promise<void> {
    return new Promise((resolve, reject) => {
      let lastReason: string | undefined
      opening = {
        reject,
        timer: setTimeout(() => {
          notifications.close()
          reject(
            gwsError(
              'network_error',
              'Could not connect to Genesys live call updates. Try again.',
              { message: lastReason },
            ),
          )
        }, timeoutMs),
      }
      notifications.open([CALLS, '/v2/me/devices'], {
        message(channel, data) {
          const call = (data as { call?: GenesysCall } | null)?.call
          if (disposed) return
          if (channel === CALLS && typeof call?.id === 'string') emit(map(call))
          else if (process.env.NODE_ENV !== 'production')
            logger?.debug('genesys: ignored notification', channel, data)
        },
        open() {
          clearTimeout(opening?.timer)
          resolve()
          if (streamUp || disposed) return
          streamUp = true
          emit({ type: 'connection', status: 'open' })
          if (opened)
            resync().catch((error: unknown) => logger?.warn('genesys: resync failed', error))
          opened = true
        },
        lost(reason) {
          lastReason = reason
          if (!streamUp || disposed) return
          streamUp = false
          const error = gwsError(
            'network_error',
            'Genesys live call updates were interrupted. Reconnecting…',
            { message: reason },
          )
          emit({ type: 'connection', status: 'reconnecting', error: error.toJSON() })
        },
      })
    })
  }

  /** `GET /api/v2/me`, the device, the CSRF token, then CometD; once, and again after a failure. */
  function bootstrap(): Promise<string> {
    ready ??= (async () => {
      const me = await request('?subresources=*')
      if (process.env.NODE_ENV !== 'production' && !csrf)
        logger?.debug('genesys: no X-CSRF-TOKEN from GET /api/v2/me')
      const device =
        options.deviceId ??
        (me.user as { devices?: { id?: string }[] } | undefined)?.devices?.[0]?.id
      if (!device)
        throw gwsError(
          'not_ready',
          'Genesys has no phone device for your user. Ask an administrator.',
        )
      if (process.env.NODE_ENV !== 'production' && !options.deviceId)
        logger?.debug(`genesys: using the first device, ${device}`)
      if (options.startContactCenterSession) {
        // statusCode 7 is a partial success: some channel did not start, voice may have.
        await request('', {
          operationName: 'StartContactCenterSession',
          channels: ['voice'],
        }).catch((error: CallError) => {
          if (error.provider?.code !== 7) throw error
        })
      }
      if (disposed) throw gwsError('not_ready', DISPOSED)
      if (process.env.NODE_ENV !== 'production' && !options.notifications)
        logger?.debug(
          `genesys: CometD (${options.transport ?? 'long-polling'}) at ${notificationsUrl}`,
        )
      await openStream()
      return device
    })().catch((error: unknown) => {
      ready = undefined
      throw error
    })
    return ready
  }

  /** The normalized event for a GWS call, or nothing when the call is over or the event is stale. */
  function map(call: GenesysCall): InteractionEvent | undefined {
    let entry = byCall.get(call.id)
    if (!entry) {
      const key = call.userData?.[correlationKey]
      entry =
        typeof key === 'string'
          ? tracked.get(key)
          : key === undefined && call.state === 'Dialing'
            ? matchNumber(call)
            : undefined
      if (!entry) {
        entry = { id: typeof key === 'string' ? key : call.id }
        tracked.set(entry.id, entry)
      }
      entry.callId = call.id
      entry.seen = generation
      clearTimeout(entry.timer)
      byCall.set(call.id, entry)
    }
    if (entry.done) return undefined
    const state = call.state ?? ''
    const party = call.participants?.[0]
    const fields: EventFields = {
      rawState: state,
      providerCallId: call.id,
      phoneNumber: entry.phone ?? (party?.e164Number || party?.phoneNumber || call.dnis),
      direction: call.callType === 'Inbound' ? 'inbound' : 'outbound',
      capabilities: capabilitiesOf(call.capabilities),
      associatedObject: entry.object,
    }
    if (state === 'Released') return end(entry, fields)
    // Own keys only: a state named like an Object.prototype member ("constructor") is unknown too.
    const mapped = Object.hasOwn(STATES, state) ? STATES[state] : undefined
    if (process.env.NODE_ENV !== 'production' && !mapped)
      logger?.debug(`genesys: unknown state ${state}`)
    if (!mapped || state === entry.state) return stamp(entry.id, { ...fields, type: 'updated' })
    // `entry.state` is only ever a key of STATES (set below).
    if (mapped[1] < (STATES[entry.state ?? '']?.[1] ?? 0)) return undefined
    entry.state = state
    if (state === 'Established') entry.established = true
    return stamp(entry.id, { ...fields, type: 'status', status: mapped[0] })
  }

  /** The fallback when the notification carries no correlation key: a pending dial to the same number. */
  function matchNumber(call: GenesysCall): Tracked | undefined {
    const numbers = [call.dnis, ...(call.participants ?? []).map((p) => p.phoneNumber)].map(digits)
    for (const entry of tracked.values()) {
      if (!entry.callId && !entry.done && entry.dest && numbers.includes(digits(entry.dest))) {
        logger?.warn(`genesys: no ${correlationKey}; matched call ${call.id} by its number`)
        return entry
      }
    }
    return undefined
  }

  /** Events for every call GWS lists, and `ended` for known live calls it no longer lists. */
  async function collect(): Promise<InteractionEvent[]> {
    const mark = ++generation
    const reply = await request('/calls')
    const calls = (Array.isArray(reply.calls) ? reply.calls : []) as GenesysCall[]
    const events = calls.flatMap((call) => map(call) ?? [])
    const listed = new Set(calls.map((call) => call.id))
    for (const entry of tracked.values()) {
      if (entry.callId && !entry.done && (entry.seen ?? 0) < mark && !listed.has(entry.callId))
        events.push(end(entry))
    }
    return events
  }

  async function resync() {
    for (const event of await collect()) if (!disposed) emit(event)
  }

  function toUserData(object?: InteractionAssociatedObject): Record<string, string> {
    if (!object) return {}
    const { customFields, id, type, displayName, displayType } = object
    const fields = { ...customFields, id, type, displayName, displayType }
    return Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [userDataPrefix + key, value]),
    )
  }

  async function operate(
    id: string,
    operationName: string,
    extra?: object,
  ): Promise<ControlResult> {
    const entry = tracked.get(id)
    if (!entry) return failure('not_found', `There is no Genesys call ${id}.`)
    if (entry.done) return failure('invalid_state', 'The call has already ended.')
    if (!entry.callId) return failure('invalid_state', 'The call has not reached Genesys yet.')
    try {
      await request(`/calls/${encodeURIComponent(entry.callId)}`, { operationName, ...extra })
      return success(null)
    } catch (error) {
      return failure(toCallError(error, NAME))
    }
  }

  return {
    name: NAME,
    capabilities: {
      deferredDial: false,
      hangup: true,
      hold: true,
      mute: false,
      dtmf: true,
      updateAssociatedObject: true,
    },

    async startCall(phoneNumber, initialObject, { signal } = {}) {
      if (disposed) return failure(gwsError('not_ready', DISPOSED))
      const parsed = parseDialString(phoneNumber, {
        ...options.dialString,
        policy: { unnormalizedLocal: 'pass', ...options.dialString?.policy },
      })
      if (!parsed.ok) return failure(parsed.error)
      if (initialObject !== undefined) {
        const checked = validateAssociatedObject(initialObject)
        if (!checked.ok) return failure(checked.error)
      }
      const id = `gws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
      const entry: Tracked = { id, phone: parsed.dialString.value, object: initialObject }
      try {
        if (signal?.aborted) throw gwsError('aborted', 'The call was cancelled before it started.')
        const device = await bootstrap()
        entry.dest = options.formatDestination?.(parsed.dialString) ?? parsed.dialString.value
        // Tracked before the POST: the Dialing notification may beat the HTTP reply.
        tracked.set(id, entry)
        // Empty `location` and `outboundCallerId` are left out (JSON drops `undefined`).
        const dial = {
          operationName: 'Dial',
          destination: { phoneNumber: entry.dest },
          userData: { ...toUserData(initialObject), [correlationKey]: id },
          location: options.location || undefined,
          outboundCallerId: options.outboundCallerId || undefined,
        }
        await request(`/devices/${encodeURIComponent(device)}/calls`, dial, signal)
      } catch (thrown) {
        const reason = toCallError(thrown, NAME)
        tracked.delete(id)
        if (entry.callId && !entry.done) fail(id, reason)
        entry.done = true
        return failure(reason)
      }
      if (!entry.callId) {
        emit(
          stamp(id, {
            type: 'status',
            status: 'initiating',
            phoneNumber: entry.phone,
            direction: 'outbound',
            associatedObject: initialObject,
          }),
        )
        entry.timer = setTimeout(() => {
          if (entry.callId || entry.done) return
          entry.done = true
          logger?.warn(`genesys: no Dialing notification for ${id}`)
          fail(
            id,
            gwsError(
              'timeout',
              `Genesys did not report the call within ${Math.round(dialTimeoutMs / 1000)} s. Check your phone before calling again.`,
            ),
          )
        }, dialTimeoutMs)
      }
      return success({ id })
    },

    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    hangup: (id) => operate(id, 'Hangup'),
    hold: (id) => operate(id, 'Hold'),
    resume(id) {
      if (process.env.NODE_ENV !== 'production') logger?.debug('genesys: Retrieve sent like Hold')
      return operate(id, 'Retrieve')
    },
    async sendDtmf(id, tones) {
      if (!/^[0-9*#]+$/.test(tones))
        return failure('invalid_argument', `“${tones}” is not a DTMF tone: use 0-9, * and #.`)
      return operate(id, 'SendDtmf', { digits: tones })
    },
    async updateAssociatedObject(id, object) {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      const result = await operate(id, 'UpdateUserData', { userData: toUserData(object) })
      const entry = tracked.get(id)
      if (result.status === 'success' && entry) {
        entry.object = object
        emit(stamp(id, { type: 'updated', associatedObject: object }))
      }
      return result
    },

    async snapshot() {
      await bootstrap()
      return collect()
    },

    dispose() {
      if (disposed) return
      disposed = true
      for (const entry of tracked.values()) clearTimeout(entry.timer)
      clearTimeout(opening?.timer)
      opening?.reject(gwsError('not_ready', DISPOSED))
      notifications.close()
      emit({ type: 'connection', status: 'closed' })
      listeners.clear()
    },
  }
}
