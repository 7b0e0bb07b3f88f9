import { consoleLogger } from '../shared/logger.js'
import { CallError, type CallErrorInfo } from '../../core/CallError.js'
import { ALL_CAPABILITIES, type ControlResult, type StartCallOptions, type StartCallResult } from '../../core/CallClient.js'
import type { CallEvent, CallOutcome, ConnectionStatus, InteractionEvent, InteractionEventBase } from '../../core/CallEvent.js'
import { parseDialString } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InitiateResult, InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import type { AdApi, AdApiEventHandlers, AdApiEventName, InteractionData, InteractionsState, StartCallData } from './AdApi.js'
import type { BrightPatternClient, BrightPatternClientOptions } from './BrightPatternClient.js'
import { PROVIDER, serverErrorToCallError } from './brightPatternError.js'
import { createAdApiSource } from './createAdApiSource.js'
import { createDeferredDials } from './createDeferredDials.js'
import { DEFAULT_STATE_MAP, type BrightPatternLifecycle } from './interactionStateMap.js'
import { dialedNumber, digitsOf, sameNumber } from './matchDialedNumber.js'
import { callAdApi } from './readAdApiResult.js'
import { interactionIdOf, selectedObjectOf } from './readInteraction.js'

/** A snapshot's `startTime` further than this from now is not trusted (a wrong `timeUnit`). */
const MAX_CALL_AGE_MS = 24 * 60 * 60 * 1000
/** Ended interactions remembered for late callbacks; older ones are forgotten so memory stays flat. */
const MAX_ENDED = 200

/** What the client remembers about one widget interaction. */
interface Tracked {
  /** The library's id: the widget's id, or the tracking id of the deferred dial it took over. */
  id: string
  phoneNumber?: string
  associatedObject?: InteractionAssociatedObject
  objectKey?: string
  /** An event about it arrived. */
  seen: boolean
  /** When the last event about it was made (epoch ms). */
  lastAt: number
  /** The lifecycle step of its last state, to tell a new step from a change of details. */
  step?: BrightPatternLifecycle
  connected: boolean
  hungUp: boolean
  ended: boolean
  startTimer?: ReturnType<typeof setTimeout>
}

type Source = 'new' | 'change' | 'removed' | 'snapshot'

/**
 * A `CallClient` for the Bright Pattern Communicator Widget SDK (`adApi`). Calls start with
 * `adApi.startCall(phone, object)`; live state comes from the widget's callbacks; the controls
 * map to `leaveInteraction`, `setCallHold`, `setCallMute`, `sendDtmf` and
 * `addInteractionAssociatedObject`. The widget holds the agent's session: no credentials here.
 *
 * @example
 * // The app already has the widget:
 * const client = createBrightPatternClient({ adApi })
 *
 * // Or let the client load it from the tenant:
 * const client = createBrightPatternClient({
 *   scriptUrl: 'https://acme.brightpattern.com/agent/communicator/adapters/api.js',
 *   initOptions: { mountRoot: document.getElementById('bp-widget')! },
 * })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createBrightPatternClient(options: BrightPatternClientOptions): BrightPatternClient {
  if (!options.adApi && !options.scriptUrl) {
    throw new TypeError('createBrightPatternClient needs either adApi (the widget SDK instance) or scriptUrl (the tenant’s api.js).')
  }
  const logger = options.logger ?? consoleLogger
  const stateMap = new Map(Object.entries({ ...DEFAULT_STATE_MAP, ...options.stateMap }))
  const hangupMethod = options.hangupMethod ?? 'leave'
  const deferredCorrelationMs = options.deferredCorrelationMs ?? 120_000
  const startTimeoutMs = options.startTimeoutMs ?? 30_000
  const timeUnit = options.timeUnit ?? 'ms'

  let capabilities = ALL_CAPABILITIES
  const listeners = new Set<(event: CallEvent) => void>()
  /** Widget interaction id → what the client knows about it. */
  const tracked = new Map<string, Tracked>()
  /** Tracking id of a deferred dial → the widget id of the interaction that took it over. */
  const widgetIds = new Map<string, string>()
  /** Digits of starts waiting for the widget's answer: their own interactions must not take over a deferral. */
  const startsInFlight = new Map<string, number>()
  const registered: [AdApiEventName, AdApiEventHandlers[AdApiEventName]][] = []
  let connectionStatus: ConnectionStatus = 'open'
  let sessionError: CallErrorInfo | undefined
  let disposed = false
  const logged = new Set<string>()

  const deliver = (event: CallEvent) => {
    if (disposed) return
    for (const listener of [...listeners]) listener(event)
  }
  const deliverAll = (events: readonly CallEvent[]) => events.forEach(deliver)
  const logOnce = (key: string, log: () => void) => {
    if (logged.has(key)) return
    logged.add(key)
    log()
  }

  const deferred = createDeferredDials({
    windowMs: deferredCorrelationMs,
    deliver,
    onExpired: (dial) =>
      logger.debug(`bright-pattern: nothing was dialed to ${dial.phoneNumber} within ${deferredCorrelationMs} ms; deferred call ${dial.trackingId} canceled.`),
  })

  // ── interactions ─────────────────────────────────────────────────────────────────────────────

  const libraryId = (widgetId: string) => tracked.get(widgetId)?.id ?? widgetId
  const widgetId = (id: string) => widgetIds.get(id) ?? id

  function track(id: string): Tracked {
    let record = tracked.get(id)
    if (!record) {
      record = { id, seen: false, lastAt: 0, connected: false, hungUp: false, ended: false }
      tracked.set(id, record)
    }
    return record
  }

  function markEnded(record: Tracked) {
    record.ended = true
    clearTimeout(record.startTimer)
    const ended = [...tracked].filter(([, item]) => item.ended)
    for (const [id, item] of ended.slice(0, Math.max(0, ended.length - MAX_ENDED))) {
      tracked.delete(id)
      if (item.id !== id) widgetIds.delete(item.id)
    }
  }

  function outcomeOf(record: Tracked): CallOutcome {
    if (record.connected) return 'completed'
    return record.hungUp ? 'canceled' : 'unknown'
  }

  /** The interaction's object; the same reference while unchanged, since every callback carries a fresh copy. */
  function associatedObjectOf(data: InteractionData, record: Tracked): InteractionAssociatedObject | undefined {
    const object = selectedObjectOf(data)
    if (!object) return record.associatedObject
    const key = JSON.stringify(object)
    if (key !== record.objectKey) {
      record.objectKey = key
      record.associatedObject = object
    }
    return record.associatedObject
  }

  /** When a call first seen in a snapshot started, if `startTime` reads sensibly in `timeUnit`. */
  function startedAt(data: InteractionData, fallback: number): number {
    if (typeof data.startTime !== 'number' || !Number.isFinite(data.startTime)) return fallback
    const ms = timeUnit === 's' ? data.startTime * 1000 : data.startTime
    if (Math.abs(ms - fallback) > MAX_CALL_AGE_MS) {
      logOnce('timeUnit', () =>
        logger.warn(`bright-pattern: startTime ${data.startTime} does not read as epoch ${timeUnit}; set the timeUnit option. Using the time it was seen.`),
      )
      return fallback
    }
    // A widget clock ahead of ours must not date the call in the future: later events would look stale.
    return Math.min(ms, fallback)
  }

  /** The deferred dial this new interaction is, if it is the agent dialing one by hand. */
  function takeOverDeferral(data: InteractionData, id: string, at: number): boolean {
    if (deferred.size === 0 || data.callDirection !== 'outbound') return false
    const number = dialedNumber(data)
    const digits = digitsOf(number)
    if (!digits || [...startsInFlight.keys()].some((pending) => sameNumber(pending, digits))) return false
    const dial = deferred.take(digits, at)
    if (!dial) return false
    logger.debug(
      `bright-pattern: interaction ${id} (outbound to ${digits}, origination ${String(data.origination)}) is the agent dialing deferred call ` +
        `${dial.trackingId}. Deferred Dial is not documented: matched by number and direction within deferredCorrelationMs.`,
    )
    const record = track(id)
    record.id = dial.trackingId
    record.phoneNumber = dial.phoneNumber
    widgetIds.set(dial.trackingId, id)
    const object = dial.associatedObject
    if (object) {
      record.associatedObject = object
      const api = source.current()
      if (api && !data.associatedObjects?.list?.some((item) => item.id === object.id)) {
        // The agent dialed by hand, so the widget's interaction lacks the record the app asked for.
        void callAdApi('addInteractionAssociatedObject', () => api.addInteractionAssociatedObject(object, id)).then((outcome) => {
          if (!outcome.ok) logger.warn(`bright-pattern: could not attach ${object.id} to interaction ${id}`, outcome.error)
        })
      }
    }
    return true
  }

  /** Turns one callback (or snapshot entry) into normalized events, updating what the client knows. */
  function interactionEvents(data: InteractionData, source: Source, at = Date.now()): InteractionEvent[] {
    if (!data || typeof data !== 'object') return []
    if (data.type !== undefined && data.type !== 'voice') return []
    const read = interactionIdOf(data)
    if (!read) {
      logger.warn('bright-pattern: an interaction without interactionId or id was ignored', data)
      return []
    }
    const { id } = read
    if (read.fallback) {
      logOnce('idFallback', () => logger.debug('bright-pattern: interactions carry `id`, not `interactionId` (the doc examples’ spelling); using `id`.'))
    }
    let eventAt = at
    if (!tracked.has(id) && !takeOverDeferral(data, id, at) && source === 'snapshot') eventAt = startedAt(data, at)
    const record = track(id)
    if (!record.seen) {
      record.seen = true
      clearTimeout(record.startTimer)
    }
    record.lastAt = Math.max(record.lastAt, eventAt)

    const base: InteractionEventBase = { interactionId: record.id, at: eventAt, rawState: data.state }
    if (record.id !== id) base.providerCallId = id
    const phoneNumber = dialedNumber(data) ?? record.phoneNumber
    if (phoneNumber) base.phoneNumber = phoneNumber
    if (data.callDirection) base.direction = data.callDirection
    if (typeof data.callMuted === 'boolean') base.muted = data.callMuted
    const object = associatedObjectOf(data, record)
    if (object) base.associatedObject = object

    if (source === 'removed') {
      markEnded(record)
      return [{ ...base, type: 'ended', outcome: outcomeOf(record) }]
    }
    const step = stateMap.get(data.state)
    if (step === undefined) {
      logger.debug(`bright-pattern: state “${String(data.state)}” of interaction ${id} is not in the state map; the call keeps its state.`)
      return [{ ...base, type: 'updated' }]
    }
    if (step === 'ended' || step === 'afterCallWork') {
      markEnded(record)
      return [{ ...base, type: 'ended', outcome: outcomeOf(record), ...(step === 'afterCallWork' && { afterCallWork: true }) }]
    }
    if (step === 'connected' || step === 'held') record.connected = true
    record.step = step
    return [{ ...base, type: 'status', status: step }]
  }

  // ── the widget's session ─────────────────────────────────────────────────────────────────────

  /** The widget's calls as events; calls it no longer has ended while nobody listened. */
  async function resync(): Promise<CallEvent[]> {
    const ready = await source.ready()
    if (!ready.ok) return [{ type: 'connection', status: connectionStatus, error: ready.error.toJSON() }]
    const api = ready.adApi
    if (typeof api.getInteractionsState !== 'function') {
      logOnce('noSnapshot', () => logger.debug('bright-pattern: this widget has no getInteractionsState(); no snapshot.'))
      return deferred.events()
    }
    const at = Date.now()
    const outcome = await callAdApi<InteractionsState>('getInteractionsState', () => api.getInteractionsState!())
    if (!outcome.ok) {
      if (outcome.error.code === 'unauthorized') {
        connectionStatus = 'closed'
        return [{ type: 'connection', status: 'closed', error: outcome.error.toJSON() }]
      }
      logger.warn('bright-pattern: getInteractionsState failed', outcome.error)
      return deferred.events()
    }
    const events: CallEvent[] = []
    const present = new Set<string>()
    for (const data of outcome.data?.interactions ?? []) {
      const read = data && interactionIdOf(data)
      if (read) present.add(read.id)
      events.push(...interactionEvents(data, 'snapshot', at))
    }
    for (const [id, record] of tracked) {
      // A call reported after the snapshot was asked for is missing from it, yet live.
      if (!record.seen || record.ended || present.has(id) || record.lastAt > at) continue
      markEnded(record)
      const ended: InteractionEvent = { type: 'ended', outcome: outcomeOf(record), interactionId: record.id, at, rawState: 'removed' }
      if (record.id !== id) ended.providerCallId = id
      events.push(ended)
    }
    events.push(...deferred.events())
    const active = outcome.data?.activeInteractionId
    if (typeof active === 'string' && active) events.push({ type: 'activated', interactionId: libraryId(active) })
    return events
  }

  const resyncAndDeliver = (why: string) =>
    resync().then(deliverAll, (error: unknown) => logger.warn(`bright-pattern: resync after ${why} failed`, error))

  const handlers: AdApiEventHandlers = {
    ON_NEW_INTERACTION: (data) => deliverAll(interactionEvents(data, 'new')),
    ON_INTERACTION_STATE_CHANGE: (data) => deliverAll(interactionEvents(data, 'change')),
    ON_INTERACTION_REMOVED: (data) => deliverAll(interactionEvents(data, 'removed')),
    ON_ACTIVE_INTERACTION_SWITCHED: (id) => {
      // `null` means the widget has no active interaction, typically right after a call ends:
      // passing it on would hide that call's final state from the banner before anyone read it.
      if (typeof id === 'string' && id) deliver({ type: 'activated', interactionId: libraryId(id) })
    },
    ON_LOGIN: () => {
      connectionStatus = 'open'
      sessionError = undefined
      deliver({ type: 'connection', status: 'open' })
      void resyncAndDeliver('login')
    },
    ON_LOGOUT: () => {
      connectionStatus = 'closed'
      const error =
        sessionError ??
        new CallError('unauthorized', 'You are signed out of Bright Pattern. Sign in in the phone widget to place calls.', {
          provider: { provider: PROVIDER, name: 'ON_LOGOUT' },
        }).toJSON()
      deliver({ type: 'connection', status: 'closed', error })
    },
    ON_SERVER_ERROR: (data) => {
      const { error, sessionEnded } = serverErrorToCallError(data ?? {})
      logger.warn(`bright-pattern: server error ${String(data?.code)} ${String(data?.name)}`, data)
      if (sessionEnded) {
        connectionStatus = 'closed'
        sessionError = error.toJSON()
      }
      deliver({ type: 'connection', status: connectionStatus, error: error.toJSON() })
    },
    ON_PHONE_CAPABILITIES_CHANGE: (caps) => {
      // While a call is held canHold is false but canRetrieve is true: resume must stay possible.
      const hold = Boolean(caps?.canHold || caps?.canRetrieve)
      if (hold !== capabilities.hold) capabilities = { ...capabilities, hold }
      deliver({ type: 'capabilities', capabilities: { hold } })
    },
  }

  function listen(api: AdApi) {
    for (const [event, handler] of Object.entries(handlers) as [AdApiEventName, (...args: never[]) => void][]) {
      const guarded = ((...args: never[]) => {
        if (!disposed) handler(...args)
      }) as AdApiEventHandlers[AdApiEventName]
      try {
        api.on(event, guarded)
        registered.push([event, guarded])
      } catch (error) {
        logger.warn(`bright-pattern: could not listen to ${event}`, error)
      }
    }
  }

  const source = createAdApiSource({
    ...(options.adApi
      ? { adApi: options.adApi }
      : {
          scriptUrl: options.scriptUrl,
          initOptions: options.initOptions,
          scriptTimeoutMs: options.scriptTimeoutMs,
          scriptRetryDelayMs: options.scriptRetryDelayMs,
        }),
    onReady(api, recovered) {
      listen(api)
      if (!recovered) return
      connectionStatus = 'open'
      deliver({ type: 'connection', status: 'open' })
      void resyncAndDeliver('loading the widget')
    },
    onFailed(error, retryInMs) {
      connectionStatus = 'reconnecting'
      logger.warn(`bright-pattern: ${error.message} Retrying in ${retryInMs} ms.`, error.provider)
      deliver({ type: 'connection', status: 'reconnecting', error: error.toJSON() })
    },
  })

  // ── starts ───────────────────────────────────────────────────────────────────────────────────

  function defer(phoneNumber: string, object: InteractionAssociatedObject | undefined, confirmed: boolean) {
    const dial = deferred.add(phoneNumber, object)
    logger.debug(`bright-pattern: startCall returned no id (Deferred Dial): ${phoneNumber} waits in the widget’s dialpad; tracking it as ${dial.trackingId}.`)
    if (confirmed) {
      logger.warn('bright-pattern: the widget deferred a dial the person already confirmed. Deferred Dial is a widget setting: the agent presses Dial in the Bright Pattern widget.')
    }
  }

  function started(id: string, phoneNumber: string, object: InteractionAssociatedObject | undefined) {
    const record = track(id)
    record.phoneNumber ??= phoneNumber
    if (object) record.associatedObject ??= object
    // The widget may have reported the interaction before answering startCall.
    if (record.seen || record.ended) return
    deliver({
      type: 'status',
      status: 'initiating',
      interactionId: record.id,
      at: Date.now(),
      phoneNumber,
      direction: 'outbound',
      ...(object && { associatedObject: object }),
    })
    record.startTimer = setTimeout(() => {
      if (record.seen || record.ended) return
      markEnded(record)
      logger.warn(`bright-pattern: no event for interaction ${id} within ${startTimeoutMs} ms (startTimeoutMs); reporting a timeout.`)
      const error = new CallError('timeout', 'Bright Pattern accepted the call but reported nothing about it. Check the call in the phone widget.', {
        provider: { provider: PROVIDER, name: 'start_timeout', message: `No event for interaction ${id} within ${startTimeoutMs} ms.` },
      })
      deliver({ type: 'failed', error: error.toJSON(), interactionId: record.id, at: Date.now(), phoneNumber })
    }, startTimeoutMs)
  }

  /** Reads `startCall`'s data: `InitiateResult`, or `InteractionData` from an older widget. */
  function readStart(data: StartCallData | undefined, phoneNumber: string, object: InteractionAssociatedObject | undefined, confirmed: boolean): StartCallResult {
    const reported = data && typeof (data as InitiateResult).error === 'string' ? (data as InitiateResult).error : undefined
    if (reported) {
      const timeout = /timeout/i.test(reported)
      return failure(
        timeout ? 'timeout' : 'provider_error',
        timeout ? 'Bright Pattern did not answer in time. Try again.' : 'Bright Pattern could not start the call. Try again.',
        { provider: { provider: PROVIDER, message: reported } },
      )
    }
    const interaction = data && 'state' in data ? data : undefined
    const id = interaction ? interactionIdOf(interaction)?.id : typeof data?.id === 'string' ? data.id : undefined
    if (!id) {
      if (!data) logger.debug('bright-pattern: startCall resolved without data; read as a deferred dial.')
      defer(phoneNumber, object, confirmed)
      return success({ id: null })
    }
    if (interaction) deliverAll(interactionEvents(interaction, 'new'))
    started(id, phoneNumber, object)
    return success({ id: libraryId(id) })
  }

  async function placeCall(phoneNumber: string, object: InteractionAssociatedObject | undefined, confirmed: boolean): Promise<StartCallResult> {
    const digits = digitsOf(phoneNumber)
    startsInFlight.set(digits, (startsInFlight.get(digits) ?? 0) + 1)
    try {
      const ready = await source.ready()
      if (!ready.ok) return failure(ready.error)
      const api = ready.adApi
      const outcome = await callAdApi<StartCallData>('startCall', () =>
        object === undefined ? api.startCall(phoneNumber) : api.startCall(phoneNumber, object),
      )
      if (disposed) return failure('not_ready', 'The Bright Pattern client was disposed.')
      if (!outcome.ok) {
        logger.debug(`bright-pattern: startCall failed with ${outcome.error.code}`, outcome.error.provider)
        return failure(outcome.error)
      }
      return readStart(outcome.data, phoneNumber, object, confirmed)
    } finally {
      const left = (startsInFlight.get(digits) ?? 1) - 1
      if (left > 0) startsInFlight.set(digits, left)
      else startsInFlight.delete(digits)
    }
  }

  // ── controls ─────────────────────────────────────────────────────────────────────────────────

  const aborted = () => failure<InitiateResult>('aborted', 'The call was cancelled before it started.')
  const disposedResult = () => failure<never>('not_ready', 'The Bright Pattern client was disposed.')

  /** Runs a control on the widget's interaction behind `id`, then `after` when the widget accepted it. */
  async function control(
    id: string,
    method: keyof AdApi,
    run: (api: AdApi, target: string) => unknown,
    after?: (record: Tracked | undefined, target: string) => void,
  ): Promise<ControlResult> {
    if (disposed) return disposedResult()
    if (deferred.has(id)) return failure('invalid_state', 'This call has not been dialed yet. Press Dial in the Bright Pattern widget first.')
    const ready = await source.ready()
    if (!ready.ok) return failure(ready.error)
    if (typeof ready.adApi[method] !== 'function') {
      return failure('not_supported', `This version of the Bright Pattern widget cannot do that (no ${method}).`, {
        provider: { provider: PROVIDER, name: method },
      })
    }
    const target = widgetId(id)
    const outcome = await callAdApi(method, () => run(ready.adApi, target))
    if (!outcome.ok) return failure(outcome.error)
    after?.(tracked.get(target), target)
    return success(null)
  }

  /**
   * The widget accepted a change it does not report back (the associated object): say so now.
   * Hold and mute are not confirmed this way: the widget reports them itself, in order, and an
   * early confirmation could be overtaken by the widget's older event (it has no sequence number).
   */
  function confirm(record: Tracked | undefined, id: string, target: string, event: { type: 'updated'; associatedObject: InteractionAssociatedObject }) {
    deliver({ ...event, interactionId: record?.id ?? id, at: Date.now(), ...(target !== (record?.id ?? id) && { providerCallId: target }) })
  }

  const client: BrightPatternClient = {
    name: PROVIDER,
    get capabilities() {
      return capabilities
    },

    async startCall(phoneNumber, initialObject, startOptions: StartCallOptions = {}) {
      if (disposed) return disposedResult()
      // The widget dials what it gets, so a national number without a country code passes as typed.
      const parsed = parseDialString(phoneNumber, { policy: { unnormalizedLocal: 'pass' } })
      if (!parsed.ok) return failure(parsed.error)
      if (initialObject !== undefined) {
        const checked = validateAssociatedObject(initialObject)
        if (!checked.ok) return failure(checked.error)
      }
      const { signal } = startOptions
      if (signal?.aborted) return aborted()
      const placing = placeCall(parsed.dialString.value, initialObject, startOptions.confirmed ?? false)
      if (!signal) return placing
      // The widget cannot take a start back: an abort stops the wait; a call it still places shows up through its callbacks.
      return new Promise<StartCallResult>((resolve) => {
        const onAbort = () => resolve(aborted())
        signal.addEventListener('abort', onAbort, { once: true })
        void placing.then((result) => {
          signal.removeEventListener('abort', onAbort)
          resolve(result)
        })
      })
    },

    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    async hangup(id) {
      if (disposed) return disposedResult()
      // Nothing was dialed yet: dropping the deferred call is all a hang-up can mean.
      if (deferred.cancel(id)) return success(null)
      const record = tracked.get(widgetId(id))
      if (record) record.hungUp = true
      if (hangupMethod === 'leaveAndComplete') {
        return control(id, 'leaveAndCompleteInteraction', (api, target) => api.leaveAndCompleteInteraction(undefined, undefined, target))
      }
      logOnce('leave', () => logger.debug('bright-pattern: hanging up with leaveInteraction (assumed to release the agent’s leg; wrap-up may follow).'))
      return control(id, 'leaveInteraction', (api, target) => api.leaveInteraction(target))
    },

    hold: (id) =>
      control(
        id,
        'setCallHold',
        (api, target) => api.setCallHold(true, target),
      ),

    resume: (id) =>
      control(
        id,
        'setCallHold',
        (api, target) => api.setCallHold(false, target),
      ),

    mute: (id, muted) =>
      control(
        id,
        'setCallMute',
        (api, target) => api.setCallMute(muted, target),
      ),

    async sendDtmf(id, digits) {
      if (!/^[0-9*#]+$/.test(digits)) return failure('invalid_argument', `“${digits}” is not a DTMF tone: use 0-9, * and #.`)
      return control(id, 'sendDtmf', (api, target) => api.sendDtmf(digits, target))
    },

    async updateAssociatedObject(id, object) {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      return control(
        id,
        'addInteractionAssociatedObject',
        (api, target) => api.addInteractionAssociatedObject(object, target),
        (record, target) => {
          if (record) {
            record.associatedObject = object
            record.objectKey = JSON.stringify(object)
          }
          confirm(record, id, target, { type: 'updated', associatedObject: object })
        },
      )
    },

    async snapshot() {
      return disposed ? [] : resync()
    },

    getAdApi: () => source.get(),

    dispose() {
      if (disposed) return
      disposed = true
      source.dispose()
      deferred.dispose()
      for (const record of tracked.values()) clearTimeout(record.startTimer)
      const api = source.current()
      for (const [event, handler] of registered) {
        try {
          api?.remove(event, handler)
        } catch (error) {
          logger.warn(`bright-pattern: could not stop listening to ${event}`, error)
        }
      }
      registered.length = 0
      listeners.clear()
    },
  }
  return client
}
