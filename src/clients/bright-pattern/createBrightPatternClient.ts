import { quoteInput } from '../../core/quoteInput.js'
import { CallError } from '../../core/CallError.js'
import {
  ALL_CAPABILITIES,
  type ControlResult,
  type StartCallOptions,
  type StartCallResult,
} from '../../core/CallClient.js'
import type {
  CallEvent,
  CallOutcome,
  ConnectionStatus,
  InteractionEvent,
  InteractionEventBase,
} from '../../core/CallEvent.js'
import { parseDialString } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InitiateResult, InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { consoleLogger } from '../../client-kit/logger.js'
import type {
  AdApi,
  AdApiConstructor,
  AdApiEventHandlers,
  AdApiEventName,
  InteractionActivityData,
  InteractionData,
  InteractionsState,
  StartCallData,
} from './AdApi.js'
import type {
  BrightPatternClient,
  BrightPatternClientOptions,
  BrightPatternCommonOptions,
  BrightPatternScriptOptions,
} from './BrightPatternClient.js'
import { messageOf } from '../../client-kit/text.js'
import {
  bpError,
  CANNOT_DO,
  PROVIDER,
  serverErrorToCallError,
  SIGNED_OUT,
  TOO_SLOW,
} from './brightPatternError.js'
import { callAdApi } from './callAdApi.js'
import { DEFAULT_STATE_MAP } from './interactionStateMap.js'
import { loadAdApiScript } from './loadAdApiScript.js'
import { dialedNumber, digitsOf, sameNumber } from './matchDialedNumber.js'
import { interactionIdOf, selectedObjectOf } from './readInteraction.js'

/** A snapshot's `startTime` further than this from now is not trusted (a wrong `timeUnit`). */
const MAX_CALL_AGE_MS = 24 * 60 * 60 * 1000
/** Ended interactions remembered for late callbacks; older ones are forgotten so memory stays flat. */
const MAX_ENDED = 200

/**
 * A call the client knows: a widget interaction, keyed by the widget's id, or a deferred dial
 * (Deferred Dial: the number waits in the widget's dialpad), keyed by its tracking id until the
 * agent dials it.
 */
interface Tracked {
  /** The library's id: the widget's id, or the tracking id of the deferred dial it took over. */
  id: string
  phoneNumber?: string
  associatedObject?: InteractionAssociatedObject
  objectKey?: string
  /** While a deferred dial waits for the agent: the digits of its number. */
  digits?: string
  /** An event about it arrived. */
  seen?: boolean
  /** When the last event about it was made (epoch ms); for a deferred dial, when it was deferred. */
  lastAt: number
  /** The far end answered: the answer signal, hold, or (inbound) delivered to the agent. */
  answered?: boolean
  /** `delivered` was seen: the call reached the agent (outbound: the far end may still ring). */
  delivered?: boolean
  /** The records read from the current field (`ON_SAVE_ACTIVITY_RECORD`); they win over the deprecated one. */
  currentRecords?: boolean
  hungUp?: boolean
  ended?: boolean
  /** A started call's wait for its first event, or a deferred dial's wait for the agent. */
  timer?: ReturnType<typeof setTimeout>
}

/** Where an interaction's data came from, when not from `ON_NEW_INTERACTION` or `ON_INTERACTION_STATE_CHANGE`. */
type Source = 'removed' | 'snapshot'

/** Every option, read the same way whichever way the client gets its `adApi`. */
type Options = BrightPatternCommonOptions &
  Omit<Partial<BrightPatternScriptOptions>, 'adApi'> & { adApi?: AdApi }

/** A load failure as a `CallError`. */
const notReady = (error: unknown) =>
  error instanceof CallError
    ? error
    : bpError('not_ready', 'The Bright Pattern widget is not available.', undefined, error)

/** Why an operation cannot run: the client was disposed. */
const disposedError = () => bpError('not_ready', 'The Bright Pattern client was disposed.')

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
export function createBrightPatternClient(
  options: BrightPatternClientOptions,
): BrightPatternClient {
  let { adApi } = options
  if (!adApi && !options.scriptUrl) {
    throw new TypeError(
      process.env.NODE_ENV !== 'production'
        ? 'createBrightPatternClient needs either adApi (the widget SDK instance) or scriptUrl (the tenant’s api.js).'
        : 'adApi or scriptUrl',
    )
  }
  const {
    logger = consoleLogger,
    hangupMethod,
    deferredCorrelationMs = 120_000,
    answerSignal,
    onSaveActivityRecord,
    startTimeoutMs = 30_000,
    timeUnit = 'ms',
    scriptUrl,
    initOptions,
    scriptTimeoutMs,
    scriptRetryDelayMs = 1000,
  }: Options = options
  const stateMap = new Map(Object.entries({ ...DEFAULT_STATE_MAP, ...options.stateMap }))

  let capabilities = ALL_CAPABILITIES
  const listeners = new Set<(event: CallEvent) => void>()
  /** What the client knows about each call (see `Tracked`). */
  const tracked = new Map<string, Tracked>()
  /** Digits of starts waiting for the widget's answer: their own interactions must not take over a deferral. */
  const startsInFlight: string[] = []
  let deferrals = 0
  let connectionStatus: ConnectionStatus = 'open'
  /** Why the session ended (a forced logout …), kept for the logout that follows. */
  let sessionError: CallError | undefined
  /** The widget reported `ON_LOGOUT` and no `ON_LOGIN` since. */
  let signedOut = false
  let disposed = false
  const logged = new Set<string>()

  const warn = (message: string, ...detail: unknown[]) =>
    logger.warn(`bright-pattern: ${message}`, ...detail)
  /** Runs `log` the first time `key` comes up. */
  function once(key: string, log: () => void) {
    if (logged.has(key)) return
    logged.add(key)
    log()
  }

  const deliver = (event: CallEvent | undefined) => {
    if (event && !disposed) for (const listener of [...listeners]) listener(event)
  }

  /** A connection event; its status is also the one later errors report. */
  function connection(status: ConnectionStatus, error?: CallError): CallEvent {
    connectionStatus = status
    return { type: 'connection', status, ...(error && { error: error.toJSON() }) }
  }

  // ── calls ────────────────────────────────────────────────────────────────────────────────────

  /** The library's id for a widget id. */
  const libraryId = (widgetId: string) => tracked.get(widgetId)?.id ?? widgetId

  /** The widget's id behind a library id (a deferred dial's tracking id once the agent dialed it). */
  function widgetId(id: string): string {
    for (const [key, record] of tracked) if (record.id === id) return key
    return id
  }

  function track(id: string): Tracked {
    let record = tracked.get(id)
    if (!record) tracked.set(id, (record = { id, lastAt: 0 }))
    return record
  }

  /** The start of an event about `record`, which the widget knows as `widgetId`. */
  function baseOf(record: Tracked, widgetId: string, at: number): InteractionEventBase {
    return {
      interactionId: record.id,
      at,
      ...(record.id !== widgetId && { providerCallId: widgetId }),
    }
  }

  /** A deferred dial's `deferred` event, or a started call's `initiating` one. */
  function outbound(
    record: Tracked,
    status: 'deferred' | 'initiating',
    at: number,
  ): InteractionEvent {
    const { id, phoneNumber, associatedObject } = record
    return {
      type: 'status',
      status,
      interactionId: id,
      at,
      phoneNumber,
      direction: 'outbound',
      ...(associatedObject && { associatedObject }),
    }
  }

  /** Marks `record` ended, forgetting the oldest ended records past `MAX_ENDED`. */
  function markEnded(record: Tracked) {
    record.ended = true
    clearTimeout(record.timer)
    const ended = [...tracked.keys()].filter((id) => tracked.get(id)!.ended)
    for (const id of ended.slice(0, -MAX_ENDED)) tracked.delete(id)
  }

  /** Ends `record`: its `ended` event. */
  function end(
    record: Tracked,
    base: InteractionEventBase,
    afterCallWork = false,
  ): InteractionEvent {
    markEnded(record)
    // Hung up before the call even reached the agent: canceled. Once delivered, whether the far
    // end answered is unknown without an answer signal.
    const outcome: CallOutcome = record.answered
      ? 'completed'
      : record.hungUp && !record.delivered
        ? 'canceled'
        : 'unknown'
    return { ...base, type: 'ended', outcome, ...(afterCallWork && { afterCallWork }) }
  }

  /** Ends a deferred dial as `canceled`: the app hung up, the agent dialed it again, or nobody dialed it in time. */
  function cancel(record: Tracked) {
    record.digits = undefined
    record.hungUp = true
    deliver(
      end(record, { interactionId: record.id, at: Date.now(), phoneNumber: record.phoneNumber }),
    )
  }

  /** The interaction's object; the same reference while unchanged, since every callback carries a fresh copy. */
  function associatedObjectOf(
    data: InteractionData,
    record: Tracked,
  ): InteractionAssociatedObject | undefined {
    const object = selectedObjectOf(data)
    const key = object && JSON.stringify(object)
    if (key && key !== record.objectKey) {
      record.objectKey = key
      record.associatedObject = object
    }
    return record.associatedObject
  }

  /** When a call first seen in a snapshot started, if `startTime` reads sensibly in `timeUnit`. */
  function startedAt(data: InteractionData, fallback: number): number {
    const { startTime } = data
    if (!Number.isFinite(startTime)) return fallback
    const ms = timeUnit === 's' ? startTime! * 1000 : startTime!
    if (Math.abs(ms - fallback) <= MAX_CALL_AGE_MS) {
      // A widget clock ahead of ours must not date the call in the future: later events would look stale.
      return Math.min(ms, fallback)
    }
    once('timeUnit', () =>
      warn(`startTime ${startTime} is not epoch ${timeUnit}; set the timeUnit option.`),
    )
    return fallback
  }

  /**
   * Takes over the newest deferred dial to this number within `deferredCorrelationMs`, if this new
   * interaction is the agent dialing it by hand. Deferred Dial is not documented: the interaction
   * does not carry the start's id, so it is matched by number and direction.
   */
  function takeOverDeferral(data: InteractionData, id: string, at: number): boolean {
    const digits = digitsOf(dialedNumber(data))
    if (
      data.callDirection !== 'outbound' ||
      startsInFlight.some((pending) => sameNumber(pending, digits))
    )
      return false
    let dial: Tracked | undefined
    for (const record of tracked.values()) {
      if (
        record.digits &&
        sameNumber(record.digits, digits) &&
        at - record.lastAt <= deferredCorrelationMs
      )
        dial = record
    }
    if (!dial) return false
    if (process.env.NODE_ENV !== 'production') {
      logger.debug(
        `bright-pattern: interaction ${id} (outbound to ${digits}, origination ${String(data.origination)}) is the agent dialing ` +
          `deferred call ${dial.id}. Deferred Dial is not documented: matched by number and direction within deferredCorrelationMs.`,
      )
    }
    clearTimeout(dial.timer)
    dial.digits = undefined
    tracked.delete(dial.id)
    tracked.set(id, dial)
    const object = dial.associatedObject
    const api = adApi
    if (object && api && !data.associatedObjects?.list?.some((item) => item.id === object.id)) {
      // The agent dialed by hand, so the widget's interaction lacks the record the app asked for.
      void callAdApi('addInteractionAssociatedObject', () =>
        api.addInteractionAssociatedObject(object, id),
      ).then((result) => {
        if (result instanceof CallError)
          warn(`could not attach ${object.id} to interaction ${id}`, result)
      })
    }
    return true
  }

  /** Turns one callback (or snapshot entry) into a normalized event, updating what the client knows. */
  function interactionEvent(
    data: InteractionData,
    source?: Source,
    at = Date.now(),
  ): InteractionEvent | undefined {
    if (!data || typeof data !== 'object' || (data.type !== undefined && data.type !== 'voice'))
      return undefined
    const id = interactionIdOf(data)
    if (!id) {
      warn('an interaction without interactionId or id was ignored', data)
      return undefined
    }
    if (process.env.NODE_ENV !== 'production' && id !== data.interactionId) {
      once('id', () =>
        logger.debug(
          'bright-pattern: interactions carry `id`, not `interactionId` (the doc examples’ spelling); using `id`.',
        ),
      )
    }
    let eventAt = at
    if (!tracked.has(id) && !takeOverDeferral(data, id, at) && source === 'snapshot')
      eventAt = startedAt(data, at)
    const record = track(id)
    record.seen = true
    clearTimeout(record.timer)
    record.lastAt = Math.max(record.lastAt, eventAt)

    const base: InteractionEventBase = { ...baseOf(record, id, eventAt), rawState: data.state }
    const phoneNumber = dialedNumber(data) ?? record.phoneNumber
    if (phoneNumber) base.phoneNumber = phoneNumber
    if (data.callDirection) base.direction = data.callDirection
    if (typeof data.callMuted === 'boolean') base.muted = data.callMuted
    // The deprecated field is a fallback: records read from the current one win.
    const object = record.currentRecords
      ? record.associatedObject
      : associatedObjectOf(data, record)
    if (object) base.associatedObject = object

    const mapped = source === 'removed' ? 'ended' : stateMap.get(data.state)
    const direction = data.callDirection ?? (record.phoneNumber ? 'outbound' : 'inbound')
    let step = typeof mapped === 'object' ? mapped[direction] : mapped
    if (data.state === 'delivered') record.delivered = true
    if (direction === 'outbound' && !record.answered && answerSignal?.(data)) {
      if (process.env.NODE_ENV !== 'production')
        logger.debug(`bright-pattern: the answer signal says interaction ${id} was answered.`)
      record.answered = true
    }
    // An answered call `delivered` again is a resumed call (after hold), not one dialing anew.
    if (record.answered && data.state === 'delivered' && (step === 'dialing' || step === 'ringing'))
      step = 'connected'
    if (step === undefined) {
      if (process.env.NODE_ENV !== 'production')
        logger.debug(
          `bright-pattern: state “${String(data.state)}” of interaction ${id} is not in the state map; the call keeps its state.`,
        )
      return { ...base, type: 'updated' }
    }
    if (step === 'ended' || step === 'afterCallWork')
      return end(record, base, step === 'afterCallWork')
    if (step === 'connected' || step === 'held') record.answered = true
    else if (
      process.env.NODE_ENV !== 'production' &&
      direction === 'outbound' &&
      data.state === 'delivered' &&
      !answerSignal
    ) {
      once('answer', () =>
        logger.debug(
          'bright-pattern: an outbound call reached the agent (delivered); Bright Pattern documents no answer signal, so it shows dialing until hold or the answerSignal option says it was answered.',
        ),
      )
    }
    return { ...base, type: 'status', status: step }
  }

  // ── the widget's session ─────────────────────────────────────────────────────────────────────

  /**
   * The widget's calls as events, and the deferred dials still waiting; calls it no longer has
   * ended while nobody listened.
   */
  async function resync(): Promise<CallEvent[]> {
    const api = await ready()
    if (api instanceof CallError) return [connection(connectionStatus, api)]
    const at = Date.now()
    /** The widget's interactions, unless it gave no snapshot. */
    let interactions: InteractionData[] | undefined
    let active: unknown
    if (typeof api.getInteractionsState === 'function') {
      const state = await callAdApi<InteractionsState>('getInteractionsState', () =>
        api.getInteractionsState!(),
      )
      if (!(state instanceof CallError)) {
        interactions = state?.interactions ?? []
        active = state?.activeInteractionId
      } else if (state.code === 'unauthorized') return [connection('closed', state)]
      else warn('getInteractionsState failed', state)
    } else if (process.env.NODE_ENV !== 'production') {
      once('snapshot', () =>
        logger.debug('bright-pattern: this widget has no getInteractionsState(); no snapshot.'),
      )
    }
    const events: (CallEvent | undefined)[] = []
    const present = new Set(interactions?.map(interactionIdOf))
    for (const data of interactions ?? []) events.push(interactionEvent(data, 'snapshot', at))
    for (const [id, record] of tracked) {
      if (record.digits) events.push(outbound(record, 'deferred', record.lastAt))
      // A call reported after the snapshot was asked for is missing from it, yet live.
      else if (
        interactions &&
        record.seen &&
        !record.ended &&
        !present.has(id) &&
        record.lastAt <= at
      ) {
        events.push(end(record, { ...baseOf(record, id, at), rawState: 'removed' }))
      }
    }
    if (typeof active === 'string' && active)
      events.push({ type: 'activated', interactionId: libraryId(active) })
    return events.filter((event) => event !== undefined)
  }

  /**
   * Why the agent's phone cannot place calls now, by source: the softphone is not ready
   * (`ON_SOFTPHONE_STATUS_CHANGE`), or the widget says `canDial: false`. While any holds, the
   * connection is `closed` with that error, so a call button shows calls as unavailable instead
   * of failing on click. No initial value is documented: the phone is taken as ready until told.
   */
  const phoneBlocks = new Map<'softphone' | 'canDial', CallError>()
  const phoneConnection = () => {
    const [blocked] = phoneBlocks.values()
    return blocked ? connection('closed', blocked) : connection('open')
  }
  function setPhoneBlock(source: 'softphone' | 'canDial', blocked: CallError | undefined) {
    if (phoneBlocks.get(source)?.message === blocked?.message) return
    if (blocked) phoneBlocks.set(source, blocked)
    else phoneBlocks.delete(source)
    // While the session is down (signed out, widget not loaded) it says so itself; `reopen`
    // reports the phone's state when it is back.
    if (!signedOut && !failed) deliver(phoneConnection())
  }

  /** The interaction's records from `ON_SAVE_ACTIVITY_RECORD`'s current field; they win from now on. */
  function readCurrentRecords(activity: InteractionActivityData) {
    const id = interactionIdOf(activity)
    const record = id === undefined ? undefined : tracked.get(id)
    const object = activity && selectedObjectOf(activity)
    if (!record || !object || !id) return
    record.currentRecords = true
    const key = JSON.stringify(object)
    if (key === record.objectKey) return
    record.objectKey = key
    record.associatedObject = object
    deliver({ ...baseOf(record, id, Date.now()), type: 'updated', associatedObject: object })
  }

  /** The connection is open again: say so, then catch up on what the widget did meanwhile. */
  function reopen(why: string) {
    sessionError = undefined
    signedOut = false
    deliver(phoneConnection())
    resync().then(
      (events) => events.forEach(deliver),
      (error: unknown) => warn(`resync after ${why} failed`, error),
    )
  }

  const onInteraction = (data: InteractionData) => deliver(interactionEvent(data))
  const handlers: AdApiEventHandlers = {
    ON_NEW_INTERACTION: onInteraction,
    ON_INTERACTION_STATE_CHANGE: onInteraction,
    ON_INTERACTION_REMOVED: (data) => deliver(interactionEvent(data, 'removed')),
    ON_ACTIVE_INTERACTION_SWITCHED: (id) => {
      // `null` means the widget has no active interaction, typically right after a call ends:
      // passing it on would hide that call's final state from the banner before anyone read it.
      if (typeof id === 'string' && id) deliver({ type: 'activated', interactionId: libraryId(id) })
    },
    ON_LOGIN: () => reopen('login'),
    ON_LOGOUT: () => {
      signedOut = true
      deliver(
        connection(
          'closed',
          sessionError ?? bpError('unauthorized', SIGNED_OUT, { name: 'ON_LOGOUT' }),
        ),
      )
    },
    ON_SERVER_ERROR: (data) => {
      const { error, sessionEnded } = serverErrorToCallError(data ?? {})
      warn(`server error ${data?.code} ${data?.name}`, data)
      if (sessionEnded) sessionError = error
      deliver(connection(sessionEnded ? 'closed' : connectionStatus, error))
    },
    ON_PHONE_CAPABILITIES_CHANGE: (caps) => {
      // While a call is held canHold is false but canRetrieve is true: resume must stay possible.
      const hold = Boolean(caps?.canHold || caps?.canRetrieve)
      if (hold !== capabilities.hold) capabilities = { ...capabilities, hold }
      deliver({ type: 'capabilities', capabilities: { hold } })
      // `canDial: false` (no registered phone …): calls cannot start, so say so before a click.
      setPhoneBlock(
        'canDial',
        caps?.canDial === false
          ? bpError(
              'not_ready',
              'Your Bright Pattern phone cannot place calls right now. Check the phone device in the widget.',
              { name: 'ON_PHONE_CAPABILITIES_CHANGE', message: 'canDial: false' },
            )
          : undefined,
      )
    },
    ON_SOFTPHONE_STATUS_CHANGE: (ready, error) => {
      const why = typeof error === 'string' && error ? ` (${error})` : ''
      setPhoneBlock(
        'softphone',
        ready === false
          ? bpError(
              'not_ready',
              `Your phone is not ready to call${why}. Check the phone device in the Bright Pattern widget.`,
              { name: 'ON_SOFTPHONE_STATUS_CHANGE', ...(why && { message: error }) },
            )
          : undefined,
      )
    },
    ON_SAVE_ACTIVITY_RECORD: (activity) => {
      readCurrentRecords(activity)
      return onSaveActivityRecord?.(activity)
    },
  }

  /** The handlers as registered: each does nothing once the client is disposed. */
  const registered = Object.entries(handlers)
    // The widget awaits an answer to ON_SAVE_ACTIVITY_RECORD: only the app can give it.
    .filter(([event]) => event !== 'ON_SAVE_ACTIVITY_RECORD' || onSaveActivityRecord)
    .map(
      ([event, handler]: [string, (...args: never[]) => unknown]) =>
        [
          event as AdApiEventName,
          // The handler's answer goes back to the widget (ON_SAVE_ACTIVITY_RECORD awaits one).
          (...args: never[]) => (disposed ? undefined : handler(...args)),
        ] as const,
    )

  /** Calls `adApi.on` (or `remove`) for every handler; a widget that throws gets a warning. */
  function wire(api: AdApi, method: 'on' | 'remove') {
    for (const [event, handler] of registered) {
      try {
        api[method](event, handler)
      } catch (error) {
        warn(`${method}(${event}) failed`, error)
      }
    }
  }

  // ── the widget ───────────────────────────────────────────────────────────────────────────────
  // The app's `adApi`, or one built from the tenant's `api.js`, loaded at once so the widget mounts
  // with the page. A failed load is retried with backoff (the widget is the client's event
  // stream), and every wait in the meantime ends with the failure instead of hanging.

  let loading: Promise<AdApi> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = scriptRetryDelayMs
  let failed = false

  function build(AdApi: AdApiConstructor): AdApi {
    if (disposed) throw disposedError()
    try {
      adApi = new AdApi(initOptions)
    } catch (thrown) {
      const hint =
        process.env.NODE_ENV !== 'production' ? ' Check initOptions (mountRoot or adcFrame).' : ''
      throw bpError(
        'not_ready',
        'The Bright Pattern widget failed to start.' + hint,
        { name: 'AdApi', message: messageOf(thrown) },
        thrown,
      )
    }
    const recovered = failed
    failed = false
    retryDelay = scriptRetryDelayMs
    wire(adApi, 'on')
    if (recovered) reopen('loading the widget')
    return adApi
  }

  /** A load failed: the connection is `reconnecting` until a later try, after a doubling delay (up to 30 s), works. */
  function retry(error: unknown) {
    loading = undefined
    if (disposed) return
    failed = true
    const callError = notReady(error)
    warn(`${callError.message} Retrying in ${retryDelay} ms.`, callError.provider)
    deliver(connection('reconnecting', callError))
    clearTimeout(retryTimer)
    retryTimer = setTimeout(preload, retryDelay)
    retryDelay = Math.min(retryDelay * 2, 30_000)
  }

  /** The `adApi`, loading it if needed; rejects with a `not_ready` `CallError`. */
  function getAdApi(): Promise<AdApi> {
    if (disposed) return Promise.reject(disposedError())
    if (adApi) return Promise.resolve(adApi)
    if (!loading) {
      loading = loadAdApiScript(scriptUrl!, { timeoutMs: scriptTimeoutMs }).then(build)
      loading.catch(retry)
    }
    return loading
  }

  const preload = () => void getAdApi().catch(() => {})
  /** Waits for the `adApi`; never rejects: resolves to the `CallError` saying why there is none. */
  const ready = (): Promise<AdApi | CallError> => getAdApi().catch(notReady)

  // ── starts ───────────────────────────────────────────────────────────────────────────────────

  /** A call `startCall` created: `initiating` until the widget reports it, `failed` if it never does. */
  function started(
    id: string,
    phoneNumber: string,
    object: InteractionAssociatedObject | undefined,
  ) {
    const record = track(id)
    record.phoneNumber ??= phoneNumber
    if (object) record.associatedObject ??= object
    // The widget may have reported the interaction before answering startCall.
    if (record.seen || record.ended) return
    deliver(outbound(record, 'initiating', Date.now()))
    // startCall may answer the same id twice: one timer per call.
    clearTimeout(record.timer)
    record.timer = setTimeout(() => {
      if (record.seen || record.ended) return
      markEnded(record)
      warn(`no event for interaction ${id} within startTimeoutMs; it failed.`)
      const error = bpError(
        'timeout',
        'Bright Pattern accepted the call but reported nothing about it. Check the call in the widget.',
        {
          name: 'start_timeout',
          message: `No event within ${startTimeoutMs} ms.`,
        },
      )
      deliver({
        type: 'failed',
        error: error.toJSON(),
        interactionId: record.id,
        at: Date.now(),
        phoneNumber,
      })
    }, startTimeoutMs)
  }

  /** No id (Deferred Dial): the number waits in the widget's dialpad until the agent presses Dial. */
  function defer(phoneNumber: string, object: InteractionAssociatedObject | undefined) {
    const digits = digitsOf(phoneNumber)
    // The widget's dialpad holds one number: the earlier deferral of this number is gone from it.
    // A second deferral of one number is a person pressing Call again, which only the widget can dial.
    let again = false
    for (const record of tracked.values())
      if (record.digits && sameNumber(record.digits, digits)) {
        cancel(record)
        again = true
      }
    const at = Date.now()
    const record = track(`bp-deferred-${at.toString(36)}-${++deferrals}`)
    Object.assign(record, { phoneNumber, associatedObject: object, digits, lastAt: at })
    record.timer = setTimeout(() => {
      if (process.env.NODE_ENV !== 'production')
        logger.debug(
          `bright-pattern: nothing was dialed to ${phoneNumber} within ${deferredCorrelationMs} ms; deferred call ${record.id} canceled.`,
        )
      cancel(record)
    }, deferredCorrelationMs)
    deliver(outbound(record, 'deferred', at))
    if (process.env.NODE_ENV !== 'production')
      logger.debug(
        `bright-pattern: startCall returned no id (Deferred Dial): ${phoneNumber} waits in the widget’s dialpad; tracking it as ${record.id}.`,
      )
    if (again)
      warn(
        'a second start for a deferred number was deferred again (Deferred Dial is a widget setting): the agent presses Dial in the Bright Pattern widget.',
      )
  }

  /** Reads `startCall`'s data: `InitiateResult`, or `InteractionData` from an older widget. */
  function readStart(
    data: StartCallData | undefined,
    phoneNumber: string,
    object: InteractionAssociatedObject | undefined,
  ): StartCallResult {
    const reported = (data as InitiateResult | undefined)?.error
    if (typeof reported === 'string' && reported) {
      const timeout = /timeout/i.test(reported)
      const message = timeout ? TOO_SLOW : 'Bright Pattern could not start the call. Try again.'
      return failure(
        bpError(timeout ? 'timeout' : 'provider_error', message, { message: reported }),
      )
    }
    const id = interactionIdOf(data)
    if (!id) {
      if (process.env.NODE_ENV !== 'production' && !data)
        logger.debug('bright-pattern: startCall resolved without data; read as a deferred dial.')
      defer(phoneNumber, object)
      return success({ id: null })
    }
    if (data && 'state' in data) deliver(interactionEvent(data))
    started(id, phoneNumber, object)
    return success({ id: libraryId(id) })
  }

  async function placeCall(
    phoneNumber: string,
    object: InteractionAssociatedObject | undefined,
  ): Promise<StartCallResult> {
    const digits = digitsOf(phoneNumber)
    startsInFlight.push(digits)
    try {
      const api = await ready()
      if (api instanceof CallError) return failure(api)
      const result = await callAdApi<StartCallData>('startCall', () =>
        object === undefined ? api.startCall(phoneNumber) : api.startCall(phoneNumber, object),
      )
      if (disposed) return failure(disposedError())
      if (!(result instanceof CallError)) return readStart(result, phoneNumber, object)
      if (process.env.NODE_ENV !== 'production')
        logger.debug(`bright-pattern: startCall failed with ${result.code}`, result.provider)
      return failure(result)
    } finally {
      startsInFlight.splice(startsInFlight.indexOf(digits), 1)
    }
  }

  // ── controls ─────────────────────────────────────────────────────────────────────────────────

  const aborted = () => failure<never>('aborted', 'The call was cancelled before it started.')

  /**
   * Calls `adApi[method](...args, widgetId)` on the widget's interaction behind `id`, then
   * `after(widgetId)` when the widget accepted it.
   */
  async function control(
    id: string,
    method: keyof AdApi,
    args: unknown[],
    after?: (target: string) => void,
  ): Promise<ControlResult> {
    if (disposed) return failure(disposedError())
    if (tracked.get(id)?.digits)
      return failure(
        'invalid_state',
        'Not dialed yet. Press Dial in the Bright Pattern widget first.',
      )
    const api = await ready()
    if (api instanceof CallError) return failure(api)
    if (typeof api[method] !== 'function')
      return failure(bpError('not_supported', CANNOT_DO, { name: method }))
    const target = widgetId(id)
    const result = await callAdApi(method, () =>
      (api as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!(...args, target),
    )
    if (result instanceof CallError) return failure(result)
    after?.(target)
    return success(null)
  }

  const client: BrightPatternClient = {
    name: PROVIDER,
    get capabilities() {
      return capabilities
    },

    async startCall(phoneNumber, initialObject, { signal }: StartCallOptions = {}) {
      if (disposed) return failure(disposedError())
      // The widget dials what it gets, so a national number without a country code passes as typed.
      const parsed = parseDialString(phoneNumber, { policy: { unnormalizedLocal: 'pass' } })
      if (!parsed.ok) return failure(parsed.error)
      if (initialObject !== undefined) {
        const checked = validateAssociatedObject(initialObject)
        if (!checked.ok) return failure(checked.error)
      }
      if (signal?.aborted) return aborted()
      const placing = placeCall(parsed.dialString.value, initialObject)
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
      return () => void listeners.delete(listener)
    },

    async hangup(id) {
      if (disposed) return failure(disposedError())
      const record = tracked.get(widgetId(id))
      if (record) record.hungUp = true
      // Nothing was dialed yet: dropping the deferred call is all a hang-up can mean.
      if (record?.digits) {
        cancel(record)
        return success(null)
      }
      if (hangupMethod === 'leaveAndComplete')
        return control(id, 'leaveAndCompleteInteraction', [undefined, undefined])
      if (process.env.NODE_ENV !== 'production')
        once('leave', () =>
          logger.debug(
            'bright-pattern: hanging up with leaveInteraction (assumed to release the agent’s leg; wrap-up may follow).',
          ),
        )
      return control(id, 'leaveInteraction', [])
    },

    hold: (id) => control(id, 'setCallHold', [true]),
    resume: (id) => control(id, 'setCallHold', [false]),
    mute: (id, muted) => control(id, 'setCallMute', [muted]),

    async sendDtmf(id, digits) {
      if (!/^[0-9*#]+$/.test(digits))
        return failure(
          'invalid_argument',
          `“${quoteInput(digits)}” is not a DTMF tone: use 0-9, * and #.`,
        )
      return control(id, 'sendDtmf', [digits])
    },

    async updateAssociatedObject(id, object) {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      return control(id, 'addInteractionAssociatedObject', [object], (target) => {
        // The widget does not report this change back: say so now. Hold and mute are not confirmed
        // this way: the widget reports them itself, in order, and an early confirmation could be
        // overtaken by the widget's older event (it has no sequence number).
        // Only a call this client follows is reported (the store would take an unknown id for a
        // new call that never ends); an unknown id is not tracked from here either.
        const record = tracked.get(target)
        if (!record) return
        record.associatedObject = object
        record.objectKey = JSON.stringify(object)
        deliver({
          ...baseOf(record, target, Date.now()),
          type: 'updated',
          associatedObject: object,
        })
      })
    },

    snapshot: async () => (disposed ? [] : resync()),

    getAdApi,

    dispose() {
      if (disposed) return
      disposed = true
      clearTimeout(retryTimer)
      for (const record of tracked.values()) clearTimeout(record.timer)
      if (adApi) wire(adApi, 'remove')
      listeners.clear()
    },
  }

  if (adApi) wire(adApi, 'on')
  else if (typeof document !== 'undefined') preload()
  return client
}
