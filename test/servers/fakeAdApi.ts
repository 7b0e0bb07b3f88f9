/**
 * A faithful fake of Bright Pattern's Communicator Widget SDK (`adApi`), for tests and stories.
 * It behaves as the documentation and the vendor's types say (kept verbatim in
 * test/fixtures/bright-pattern/sdk-types.json with their source): every method resolves an
 * `OperationResult` (latest or 5.19 envelope), callbacks arrive asynchronously (the real SDK talks
 * to the widget iframe over `postMessage`) as copies. States are routing states: an outbound call
 * moves queued → delivery_pending → delivered (it reached the agent) while the far end still
 * rings; then hold ⇄ delivered → wrap_up → completed, and `ON_INTERACTION_REMOVED`. No documented
 * state, event or field says the far end answered: `answer()` only starts the `duration` count,
 * one signal a tenant may give, so tests can drive the client's `answerSignal` option.
 * After-call work follows the vendor's types and sample (test/fixtures/bright-pattern/
 * after-call-work.json): `getDispositionsList({ service?, interactionId? })` lists the service's
 * dispositions, `leaveAndCompleteInteraction(disposition?, note?, interactionId?)` keeps the
 * disposition (by id, code or name, as the sample's input says) and the note, and completes.
 * Inbound and caller ID follow the vendor's types and sample (test/fixtures/bright-pattern/
 * inbound-and-caller-id.json): `acceptInteraction` moves an offered call (`delivery_pending`) to
 * `delivered`, `rejectInteraction` removes it from the agent; `getDIDNumbersList()` lists the
 * agent's DIDs, `setDIDNumber(number)` chooses the next call's (`no_permissions_did_call`, 19, for
 * a number not in the list or not for voice), `getDIDNumber()` gives it back.
 * Browser-safe: no Node APIs, so Storybook can import it.
 */
import afterCallWorkFixture from '../fixtures/bright-pattern/after-call-work.json' with { type: 'json' }
import callerIdFixture from '../fixtures/bright-pattern/inbound-and-caller-id.json' with { type: 'json' }
import {
  RESULT_ERROR_CODES,
  SERVER_ERROR_CODES,
} from '../../src/clients/bright-pattern/protocol/errorCodes.js'
import {
  type AdApi,
  type AdApiEventHandlers,
  type AdApiEventName,
  type AdApiInitOptions,
  type AdApiResult,
  type DIDNumber,
  type DispositionData,
  type DispositionTarget,
  type InteractionData,
  type InteractionsState,
  type InteractionState,
  type LoginStateData,
  type PhoneCapabilities,
  type ResultErrorName,
  type ServerErrorName,
  type AdApiStartCallData,
} from '../../src/clients/bright-pattern/index.js'
import type { InteractionAssociatedObject, ResultError } from '../../src/core/types.js'

export interface FakeAdApiOptions {
  /** `'latest'` (default): `{status:'success', data} | {status:'error', error}`; `'legacy'`: the 5.19 form with both keys. */
  envelope?: 'latest' | 'legacy'
  /** What `startCall` resolves with: `'initiate'` (default, `{id}`) or `'interaction'` (an older types file: `InteractionData`). */
  startResult?: 'initiate' | 'interaction'
  /** `'interactionId'` (default) or `'id'`: payloads carry only `id`, as some doc examples read them. */
  idField?: 'interactionId' | 'id'
  /** Deferred Dial: `startCall` only fills the widget's dialpad and resolves `{ id: null }`. */
  deferredDial?: boolean
  /** Delay of every method's answer (ms). Default 0 (still asynchronous). */
  delayMs?: number
  /** Delay of every callback (ms). Default 0 (still asynchronous, like `postMessage`). */
  eventDelayMs?: number
  /** After `startCall`, report the new interaction and move it to ringing by itself. Default true. */
  autoEvents?: boolean
  /** queued → delivery_pending after this long (ms). Default 5. */
  ringingAfterMs?: number
  /** delivery_pending → delivered (the call reached the agent) this long later (ms). Default 5. */
  deliveredAfterMs?: number
  /**
   * Interactions still carry the `@deprecated` `associatedObjects` and `subject`. Default true;
   * false plays a widget that dropped them (records then come only through `ON_SAVE_ACTIVITY_RECORD`).
   */
  deprecatedFields?: boolean
  /** The agent has after-call work: a hang-up goes to `wrap_up`, not `completed`. Default false. */
  afterCallWork?: boolean
  /** The service's dispositions (`getDispositionsList`). Default: the fixture's four. */
  dispositions?: DispositionData[]
  /**
   * The service requires a disposition (`ServiceData.requireDisposition`): completing without one
   * fails with `no_disposition` (16). Default false.
   */
  requireDisposition?: boolean
  /** The agent's DIDs (`getDIDNumbersList`). Default: the fixture's three. */
  didNumbers?: DIDNumber[]
  /** The agent is logged in. Default true. */
  loggedIn?: boolean
  /** The widget has `getInteractionsState` (latest docs). Default true. */
  interactionsState?: boolean
  /** The `new AdApi(options)` options, when the fake is built from a loaded `api.js`. */
  initOptions?: AdApiInitOptions
}

/** One method call that reached the fake. */
export interface FakeAdApiRequest {
  method: string
  args: unknown[]
}

type Injected =
  | { kind: 'error'; error: ResultError }
  | { kind: 'throw'; error: unknown }
  | { kind: 'data'; data: unknown }

type Handler = (...args: never[]) => void

const LIVE: readonly string[] = [
  'unknown',
  'queued',
  'ivr',
  'delivery_pending',
  'delivered',
  'hold',
]

export class FakeAdApi implements AdApi {
  readonly requests: FakeAdApiRequest[] = []
  /** The number the widget's dialpad holds (Deferred Dial fills it). */
  dialpadNumber = ''
  /** The note of each completed interaction, by id (`leaveAndCompleteInteraction`'s `note`). */
  readonly notes = new Map<string, string>()
  /** The disposition of each completed interaction, by id. */
  readonly dispositions = new Map<string, string>()
  /** The DID the next call comes from (`setDIDNumber`); `null` for the service's default. */
  didNumber: DIDNumber | null = null
  /** The DID each call came from, by interaction id. */
  readonly callerIds = new Map<string, string | null>()
  /** DTMF digits sent, by interaction id. */
  readonly dtmf = new Map<string, string>()
  readonly initOptions: AdApiInitOptions | undefined
  onCalls = 0
  removeCalls = 0

  private options: Required<Omit<FakeAdApiOptions, 'initOptions'>>
  private readonly handlers = new Map<AdApiEventName, Set<Handler>>()
  private readonly interactions = new Map<string, InteractionData & { interactionId: string }>()
  private readonly injected = new Map<string, Injected[]>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private activeId: string | null = null
  private nextId = 1

  constructor(options: FakeAdApiOptions = {}) {
    this.initOptions = options.initOptions
    this.options = {
      envelope: 'latest',
      startResult: 'initiate',
      idField: 'interactionId',
      deferredDial: false,
      delayMs: 0,
      eventDelayMs: 0,
      autoEvents: true,
      ringingAfterMs: 5,
      deliveredAfterMs: 5,
      deprecatedFields: true,
      afterCallWork: false,
      dispositions: afterCallWorkFixture.fakeDispositions,
      didNumbers: callerIdFixture.fakeDidNumbers,
      requireDisposition: false,
      loggedIn: true,
      interactionsState: true,
      ...options,
    }
    if (!this.options.interactionsState) this.getInteractionsState = undefined
  }

  // ── the SDK ──────────────────────────────────────────────────────────────────────────────────

  on<E extends AdApiEventName>(event: E, handler: AdApiEventHandlers[E]): void {
    this.onCalls += 1
    let set = this.handlers.get(event)
    if (!set) this.handlers.set(event, (set = new Set()))
    set.add(handler as Handler)
  }

  remove<E extends AdApiEventName>(event: E, handler: AdApiEventHandlers[E]): void {
    this.removeCalls += 1
    this.handlers.get(event)?.delete(handler as Handler)
  }

  startCall(
    phoneNumber: string,
    initialObject?: InteractionAssociatedObject | InteractionAssociatedObject[],
  ) {
    return this.respond<AdApiStartCallData>('startCall', [phoneNumber, initialObject], () => {
      if (!phoneNumber?.trim()) return this.error('empty_number')
      if (this.options.deferredDial) {
        this.dialpadNumber = phoneNumber
        return this.ok({ id: null })
      }
      const objects =
        initialObject === undefined
          ? []
          : Array.isArray(initialObject)
            ? initialObject
            : [initialObject]
      const data = this.create(phoneNumber, 'outbound', 'integration-api', objects)
      this.callerIds.set(data.interactionId, this.didNumber?.number ?? null)
      if (this.options.autoEvents) this.progress(data.interactionId)
      return this.ok(
        this.options.startResult === 'interaction'
          ? this.payload(data)
          : { id: data.interactionId },
      )
    })
  }

  leaveInteraction(interactionId?: string): Promise<AdApiResult> {
    return this.respond('leaveInteraction', [interactionId], () =>
      this.withLive(interactionId, (data) => {
        this.hangUp(data.interactionId)
        return this.ok(null)
      }),
    )
  }

  leaveAndCompleteInteraction(
    disposition?: string,
    note?: string,
    interactionId?: string,
  ): Promise<AdApiResult> {
    return this.respond('leaveAndCompleteInteraction', [disposition, note, interactionId], () => {
      const data = this.find(interactionId)
      if (!data) return this.error('no_interaction')
      if (data.state === 'completed') return this.error('not_suitable_state')
      if (!disposition && this.options.requireDisposition) return this.error('no_disposition')
      const chosen = disposition ? this.disposition(disposition) : undefined
      if (disposition && !chosen) return this.error('object_not_found')
      if (chosen) this.dispositions.set(data.interactionId, chosen.id)
      if (note) this.notes.set(data.interactionId, note)
      this.finish(data.interactionId)
      return this.ok(null)
    })
  }

  getDispositionsList(target: DispositionTarget) {
    return this.respond<DispositionData[]>('getDispositionsList', [target], () => {
      if (target?.interactionId && !this.interactions.has(target.interactionId))
        return this.error('no_interaction')
      return this.ok(this.options.dispositions)
    })
  }

  setCallHold(state: boolean, interactionId?: string): Promise<AdApiResult> {
    return this.respond('setCallHold', [state, interactionId], () =>
      this.withLive(interactionId, (data) => {
        if (data.state !== (state ? 'delivered' : 'hold')) return this.error('not_suitable_state')
        this.setState(data.interactionId, state ? 'hold' : 'delivered')
        return this.ok(null)
      }),
    )
  }

  setCallMute(state: boolean, interactionId?: string): Promise<AdApiResult> {
    return this.respond('setCallMute', [state, interactionId], () =>
      this.withLive(interactionId, (data) => {
        if (data.state !== 'delivered' && data.state !== 'hold')
          return this.error('not_suitable_state')
        data.callMuted = state
        this.fire('ON_INTERACTION_STATE_CHANGE', this.payload(data))
        return this.ok(null)
      }),
    )
  }

  sendDtmf(dtmf: string, interactionId?: string): Promise<AdApiResult> {
    return this.respond('sendDtmf', [dtmf, interactionId], () =>
      this.withLive(interactionId, (data) => {
        if (!dtmf) return this.error('invalid_args')
        if (data.state !== 'delivered') return this.error('not_suitable_state')
        this.dtmf.set(data.interactionId, (this.dtmf.get(data.interactionId) ?? '') + dtmf)
        return this.ok(null)
      }),
    )
  }

  addInteractionAssociatedObject(
    object: InteractionAssociatedObject,
    interactionId?: string,
  ): Promise<AdApiResult> {
    return this.respond('addInteractionAssociatedObject', [object, interactionId], () => {
      const data = this.find(interactionId)
      if (!data) return this.error('no_interaction')
      const list = (data.associatedObjects?.list ?? []).filter((item) => item.id !== object.id)
      data.associatedObjects = {
        list: [...list, { ...object, source: 'integration-api' }],
        selected: [object.id],
      }
      return this.ok(null)
    })
  }

  acceptInteraction(interactionId?: string): Promise<AdApiResult> {
    return this.respond('acceptInteraction', [interactionId], () =>
      this.withOffered(interactionId, (data) => this.setState(data.interactionId, 'delivered')),
    )
  }

  rejectInteraction(interactionId?: string): Promise<AdApiResult> {
    return this.respond('rejectInteraction', [interactionId], () =>
      // Where a turned-down call goes is not documented: it leaves this agent.
      this.withOffered(interactionId, (data) => this.finish(data.interactionId)),
    )
  }

  getDIDNumbersList() {
    return this.respond<DIDNumber[]>('getDIDNumbersList', [], () =>
      this.ok(this.options.didNumbers),
    )
  }

  getDIDNumber() {
    return this.respond<DIDNumber | null>('getDIDNumber', [], () => this.ok(this.didNumber))
  }

  setDIDNumber(did: string | null): Promise<AdApiResult> {
    return this.respond('setDIDNumber', [did], () => {
      if (did === null) {
        this.didNumber = null
        return this.ok(null)
      }
      const chosen = this.options.didNumbers.find((item) => item.number === did || item.id === did)
      if (!chosen?.isVoice) return this.error('no_permissions_did_call')
      this.didNumber = chosen
      return this.ok(null)
    })
  }

  getInteractionsState?: () => Promise<AdApiResult<InteractionsState>> = () =>
    this.respond<InteractionsState>('getInteractionsState', [], () =>
      this.ok({
        activeInteractionId: this.activeId,
        interactions: [...this.interactions.values()].map((data) => this.payload(data)),
      }),
    )

  getLoginState() {
    return this.respond<LoginStateData>('getLoginState', [], () => this.ok(this.loginState()), true)
  }

  // ── driving the fake (what the widget, the agent and the far end do) ─────────────────────────

  /** The agent is signed in to the widget. */
  get loggedIn(): boolean {
    return this.options.loggedIn
  }

  /** How many `startCall` requests reached the widget. */
  startRequests(): number {
    return this.requests.filter((request) => request.method === 'startCall').length
  }

  /** The id the widget will give its next interaction. */
  nextInteractionId(): string {
    return `7f3c${String(this.nextId).padStart(4, '0')}-bp-interaction`
  }

  /** Handlers registered now, over every event. */
  handlerCount(): number {
    let count = 0
    for (const set of this.handlers.values()) count += set.size
    return count
  }

  /** The widget's interactions (live and not yet removed), as it would report them. */
  list(): InteractionData[] {
    return [...this.interactions.values()].map((data) => structuredClone(data))
  }

  state(interactionId: string): string | undefined {
    return this.interactions.get(interactionId)?.state
  }

  setOptions(options: Partial<Omit<FakeAdApiOptions, 'initOptions' | 'loggedIn'>>): void {
    this.options = { ...this.options, ...options }
  }

  /** The next call of `method` resolves this `ResultError` (by code or name). */
  failNext(method: string, error: ResultErrorName | number, message?: string): void {
    const [name, code] = this.resultError(error)
    this.inject(method, {
      kind: 'error',
      error: { code, name, ...(message !== undefined && { message }) },
    })
  }

  /** The next call of `method` throws (a detached iframe, an SDK bug). */
  throwNext(
    method: string,
    error: unknown = new Error('Cannot read properties of null (reading postMessage)'),
  ): void {
    this.inject(method, { kind: 'throw', error })
  }

  /** The next call of `method` resolves `status: 'success'` with this data, e.g. `{ id: null, error: 'Timeout error' }`. */
  succeedNextWith(method: string, data: unknown): void {
    this.inject(method, { kind: 'data', data })
  }

  /** The agent presses Dial in the widget's dialpad: a new outbound interaction, `origination: 'dialpad'`. */
  dialFromDialpad(
    phoneNumber = this.dialpadNumber,
    direction: 'inbound' | 'outbound' = 'outbound',
  ): string {
    const data = this.create(phoneNumber, direction, 'dialpad', [])
    this.dialpadNumber = ''
    this.progress(data.interactionId)
    return data.interactionId
  }

  /** The offered call from `phoneNumber` stops ringing unanswered: the caller gave up. */
  ringOut(phoneNumber: string): void {
    const data = [...this.interactions.values()].find(
      (item) =>
        item.callDirection === 'inbound' &&
        item.state === 'delivery_pending' &&
        item.phoneNumber === phoneNumber,
    )
    if (data) this.finish(data.interactionId)
  }

  /** A call comes in: it rings the agent (`delivery_pending`). */
  receiveInbound(phoneNumber: string): string {
    const data = this.create(phoneNumber, 'inbound', 'auto', [])
    data.state = 'delivery_pending'
    this.fire('ON_NEW_INTERACTION', this.payload(data))
    return data.interactionId
  }

  /**
   * The far end answers (inbound: the agent accepts). Outbound, nothing documented says so: the
   * fake starts counting `duration`, as a tenant may, and reports the interaction unchanged in state.
   */
  answer(interactionId: string): void {
    const data = this.interactions.get(interactionId)
    if (!data) return
    if (data.callDirection === 'outbound') data.duration = 1
    data.state = 'delivered'
    this.fire('ON_INTERACTION_STATE_CHANGE', this.payload(data))
  }

  /** `ON_SOFTPHONE_STATUS_CHANGE (ready, error?)`: the agent's phone became (not) ready. */
  setSoftphoneStatus(ready: boolean, error?: string): void {
    this.fire('ON_SOFTPHONE_STATUS_CHANGE', ready, ...(error === undefined ? [] : [error]))
  }

  /**
   * The agent saves the activity of an interaction (wrap-up): `ON_SAVE_ACTIVITY_RECORD` with
   * `InteractionActivityData`, whose `associatedObjects` is the current (not deprecated) field.
   * Resolves with what the handlers answered (the widget awaits the reply).
   */
  async saveActivity(interactionId: string): Promise<unknown[]> {
    const data = this.interactions.get(interactionId)
    if (!data) return []
    const activity = {
      interactionId,
      globalInteractionId: data.globalInteractionId,
      state: data.state,
      type: data.type,
      associatedObjects: structuredClone(data.associatedObjects),
      attachedData: {},
      internal: false,
      phoneNumber: data.phoneNumber,
      callDirection: data.callDirection,
      contactName: '',
    }
    const handlers = [...(this.handlers.get('ON_SAVE_ACTIVITY_RECORD') ?? [])]
    return Promise.all(
      handlers.map((handler) => (handler as (a: unknown) => unknown)(structuredClone(activity))),
    )
  }

  /** The far end hangs up: wrap-up when the agent has after-call work, otherwise completed and removed. */
  remoteHangup(interactionId: string): void {
    this.hangUp(interactionId)
  }

  /** Moves an interaction to a state and reports it (`completed` also removes it). */
  setState(interactionId: string, state: InteractionState | (string & {})): void {
    const data = this.interactions.get(interactionId)
    if (!data) return
    if (state === 'completed') return this.finish(interactionId)
    data.state = state
    this.fire('ON_INTERACTION_STATE_CHANGE', this.payload(data))
  }

  /** Sends a callback as is (duplicates, out-of-order replays, odd payloads). */
  emit<E extends AdApiEventName>(event: E, ...args: Parameters<AdApiEventHandlers[E]>): void {
    this.fire(event, ...args)
  }

  /** A state change payload for an interaction with another state, without changing it (a stale replay). */
  emitState(
    interactionId: string,
    state: InteractionState | (string & {}),
    event: AdApiEventName = 'ON_INTERACTION_STATE_CHANGE',
  ): void {
    const data = this.interactions.get(interactionId)
    if (data) this.fire(event, { ...this.payload(data), state })
  }

  /** The widget logs out (session ended, agent clicked Logout): `ON_LOGOUT`; calls then fail with `not_logged_in`. */
  logout(): void {
    this.options.loggedIn = false
    this.fire('ON_LOGOUT')
  }

  /** The agent logs back in: `ON_LOGIN`. */
  login(): void {
    this.options.loggedIn = true
    this.fire('ON_LOGIN', this.loginState())
  }

  /** `ON_SERVER_ERROR` with a server error code or name. */
  serverError(error: ServerErrorName | number, message?: string): void {
    const entry = Object.entries(SERVER_ERROR_CODES).find(
      ([name, code]) => code === error || name === error,
    )
    const [name, code] = entry ?? ['unknown_error', 300]
    this.fire('ON_SERVER_ERROR', {
      code,
      name,
      timestamp: Date.now(),
      ...(message !== undefined && { message }),
    })
  }

  setPhoneCapabilities(capabilities: PhoneCapabilities): void {
    this.fire('ON_PHONE_CAPABILITIES_CHANGE', capabilities)
  }

  switchActive(interactionId: string | null): void {
    this.activeId = interactionId
    this.fire('ON_ACTIVE_INTERACTION_SWITCHED', interactionId)
  }

  /** Stops every timer. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────

  private loginState(): LoginStateData {
    return this.options.loggedIn
      ? { isLoggedIn: true, agentId: 'agent-1', username: 'ada', sessionId: 'session-1' }
      : { isLoggedIn: false }
  }

  /** A disposition of the service by id, code or name (the sample's "Disposition id/code/name"). */
  private disposition(value: string) {
    return this.options.dispositions.find((d) => [d.id, d.code, d.name].includes(value))
  }

  private resultError(error: ResultErrorName | number): [string, number] {
    const entry = Object.entries(RESULT_ERROR_CODES).find(
      ([name, code]) => code === error || name === error,
    )
    return entry ?? ['unknown_error', typeof error === 'number' ? error : 99]
  }

  private inject(method: string, injected: Injected) {
    const queue = this.injected.get(method) ?? []
    queue.push(injected)
    this.injected.set(method, queue)
  }

  private ok<T>(data: T): AdApiResult<T> {
    return this.options.envelope === 'legacy'
      ? { status: 'success', data, error: undefined }
      : { status: 'success', data }
  }

  private error<T>(name: ResultErrorName, message?: string): AdApiResult<T> {
    const error: ResultError = {
      code: RESULT_ERROR_CODES[name],
      name,
      ...(message !== undefined && { message }),
    }
    return this.options.envelope === 'legacy'
      ? { status: 'error', data: undefined, error }
      : { status: 'error', error }
  }

  private after(ms: number, run: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  /** Answers a method like the SDK: effects happen in the widget now, the answer arrives after `delayMs`. */
  private respond<T = null>(
    method: string,
    args: unknown[],
    compute: () => AdApiResult<T>,
    anyone = false,
  ): Promise<AdApiResult<T>> {
    this.requests.push({ method, args })
    const injected = this.injected.get(method)?.shift()
    let answer: AdApiResult<T> | undefined
    if (injected?.kind === 'error') {
      answer =
        this.options.envelope === 'legacy'
          ? { status: 'error', data: undefined, error: injected.error }
          : { status: 'error', error: injected.error }
    } else if (injected?.kind === 'data') {
      answer = this.ok(injected.data as T)
    } else if (!injected) {
      answer = !anyone && !this.options.loggedIn ? this.error('not_logged_in') : compute()
    }
    return new Promise((resolve, reject) => {
      this.after(this.options.delayMs, () =>
        injected?.kind === 'throw' ? reject(injected.error) : resolve(structuredClone(answer!)),
      )
    })
  }

  private find(interactionId: string | undefined) {
    return this.interactions.get(interactionId ?? this.activeId ?? '')
  }

  private withLive<T>(
    interactionId: string | undefined,
    run: (data: InteractionData & { interactionId: string }) => AdApiResult<T>,
  ) {
    const data = this.find(interactionId)
    if (!data) return this.error<T>('no_interaction')
    if (!LIVE.includes(data.state)) return this.error<T>('not_suitable_state')
    return run(data)
  }

  /** Runs `act` on a call that rings the agent (`delivery_pending`), as accept and reject need. */
  private withOffered(
    interactionId: string | undefined,
    act: (data: InteractionData & { interactionId: string }) => void,
  ): AdApiResult {
    const data = this.find(interactionId)
    if (!data) return this.error('no_interaction')
    if (data.state !== 'delivery_pending') return this.error('not_suitable_state')
    act(data)
    return this.ok(null)
  }

  private create(
    phoneNumber: string,
    direction: 'inbound' | 'outbound',
    origination: string,
    objects: InteractionAssociatedObject[],
  ) {
    const interactionId = this.nextInteractionId()
    this.nextId += 1
    const data: InteractionData & { interactionId: string } = {
      interactionId,
      globalInteractionId: `global-${interactionId}`,
      state: 'queued',
      type: 'voice',
      subject: '',
      callParties: [{ id: `party-${interactionId}`, name: '', phone: phoneNumber }],
      callMuted: false,
      callRecording: false,
      attachedData: {},
      phoneNumber,
      callDirection: direction,
      startTime: Date.now(),
      origination,
      associatedObjects: {
        list: objects.map((object) => ({ ...object, source: 'integration-api' })),
        selected: objects.map((object) => object.id),
      },
      ...(direction === 'outbound' ? { DNIS: phoneNumber } : { ANI: phoneNumber }),
    }
    this.interactions.set(interactionId, data)
    this.activeId = interactionId
    return data
  }

  /** New interaction, the active one, and ringing a moment later. */
  private progress(interactionId: string) {
    const data = this.interactions.get(interactionId)
    if (!data) return
    this.fire('ON_NEW_INTERACTION', this.payload(data))
    this.fire('ON_ACTIVE_INTERACTION_SWITCHED', interactionId)
    this.after(this.options.ringingAfterMs, () => {
      if (this.interactions.get(interactionId)?.state !== 'queued') return
      this.setState(interactionId, 'delivery_pending')
      // An agent-dialled call reaches the agent at once, while the far end still rings.
      if (data.callDirection === 'outbound') {
        this.after(this.options.deliveredAfterMs, () => {
          if (this.interactions.get(interactionId)?.state === 'delivery_pending')
            this.setState(interactionId, 'delivered')
        })
      }
    })
  }

  private hangUp(interactionId: string) {
    const data = this.interactions.get(interactionId)
    if (!data || !LIVE.includes(data.state)) return
    if (this.options.afterCallWork) this.setState(interactionId, 'wrap_up')
    else this.finish(interactionId)
  }

  /** Completed, reported, then removed from the widget. */
  private finish(interactionId: string) {
    const data = this.interactions.get(interactionId)
    if (!data) return
    data.state = 'completed'
    data.endTime = Date.now()
    const payload = this.payload(data)
    this.fire('ON_INTERACTION_STATE_CHANGE', payload)
    this.fire('ON_INTERACTION_REMOVED', payload)
    this.interactions.delete(interactionId)
    if (this.activeId === interactionId) {
      this.activeId = null
      this.fire('ON_ACTIVE_INTERACTION_SWITCHED', null)
    }
  }

  /** The payload as the SDK would send it: a copy, keyed by `interactionId` or (doc quirk) `id`. */
  private payload(data: InteractionData & { interactionId: string }): InteractionData {
    const copy = structuredClone(data) as InteractionData
    if (!this.options.deprecatedFields) {
      delete copy.associatedObjects
      delete copy.subject
    }
    if (this.options.idField === 'id') {
      copy.id = copy.interactionId
      delete copy.interactionId
    }
    return copy
  }

  private fire(event: AdApiEventName, ...args: unknown[]) {
    const session =
      event === 'ON_LOGIN' ||
      event === 'ON_LOGOUT' ||
      event === 'ON_SERVER_ERROR' ||
      event === 'ON_SOFTPHONE_STATUS_CHANGE'
    // A logged-out widget has no session: interaction callbacks are lost, not queued.
    if (!session && !this.options.loggedIn) return
    const copies = args.map((arg) => (arg === undefined ? arg : structuredClone(arg)))
    this.after(this.options.eventDelayMs, () => {
      if (!session && !this.options.loggedIn) return
      for (const handler of [...(this.handlers.get(event) ?? [])])
        (handler as (...a: unknown[]) => void)(...copies)
    })
  }
}

/**
 * Makes a fake `adApi`.
 *
 * @example
 * const adApi = createFakeAdApi({ deferredDial: true })
 * const client = createBrightPatternClient({ adApi })
 */
export function createFakeAdApi(options: FakeAdApiOptions = {}): FakeAdApi {
  return new FakeAdApi(options)
}
