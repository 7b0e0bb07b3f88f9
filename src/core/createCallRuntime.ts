import { CallError, toCallError } from './CallError.js'
import type { CallClient } from './CallClient.js'
import { isPlaced } from './CallEvent.js'
import { createCallStore, type CallStoreApi } from './createCallStore.js'
import { interpretStartResult } from './interpretStartResult.js'
import {
  checkDialStringOptions,
  parseDialString,
  type DialStringOptions,
  type DialStringResult,
} from './parseDialString.js'
import type { Interaction } from './reduceInteraction.js'
import { failure } from './result.js'
import type { InteractionAssociatedObject } from './types.js'

/** `dial` places calls; `prefill` only fills the dialpad and the person presses Call. */
export type DialMode = 'dial' | 'prefill'

/**
 * What a start to another number does while a call is live (initiating, dialing, ringing or
 * connected; a held call never stands in the way):
 * - `refuse` (default): the start fails with an `invalid_state` `CallError` naming the live call.
 * - `hold-and-dial`: a connected call is put on hold first, where the provider can hold; otherwise
 *   the start is refused.
 * - `allow`: the call is placed beside the live one.
 */
export type WhileOnCall = 'refuse' | 'hold-and-dial' | 'allow'

/** What a start is asked with. */
export interface StartCallVariables {
  phoneNumber: string
  associatedObject?: InteractionAssociatedObject
  /** The person pressed Call on a dialpad: dial even in `prefill` mode. */
  confirmed?: boolean
  /**
   * The caller ID to call from (capability `callerId`). Default: the one chosen with
   * `useCallerIds`, else the provider's default.
   */
  from?: string
  /**
   * Cancels the start while it is in flight (the call is not placed, and the start rejects with
   * an `aborted` `CallError`). A call already placed is not hung up.
   */
  signal?: AbortSignal
}

/**
 * A start this tab checked (its number parsed, its caller ID chosen), to be placed under the
 * live-call rule by `CallRuntime.place`.
 */
export interface PlaceCallRequest {
  /** The number as checked (E.164 for phone numbers). */
  phoneNumber: string
  associatedObject?: InteractionAssociatedObject
  from?: string
  signal?: AbortSignal
}

/**
 * Where the work that must happen once, in the tab that holds the client, runs. Shared tabs
 * (`react-click-to-call/tabs`) give one, so the live-call rule is applied where every call of
 * every tab is known, at the moment the call is placed.
 */
export interface CallRuntimeRoute {
  /** Places a checked start: `here` places it with this runtime, else the leading tab does. */
  place(
    request: PlaceCallRequest,
    here: (request: PlaceCallRequest) => Promise<StartCallData>,
  ): Promise<StartCallData>
  /** A record chosen for a call in this tab: the leading tab's store takes it too. */
  associated(interactionId: string, associatedObject: InteractionAssociatedObject): void
}

/** What a successful start gives back. */
export interface StartCallData {
  /** The interaction's id; `null` for a deferred dial. */
  id: string | null
  /** The number is on the dialpad and nothing was dialed. */
  deferred: boolean
  /** The number as sent (E.164 for phone numbers). */
  phoneNumber: string
  /**
   * The start placed nothing: it joined a start already in flight for this number, or the number
   * already has a live call, which became the active call. Only the start that reached the
   * client has `joined: false`, so its callbacks run once.
   */
  joined: boolean
}

/** The rules of a start, which may change while calls are live. */
export interface CallRuntimeConfig extends DialStringOptions {
  /** Default `'dial'`. */
  dialMode?: DialMode
  /** A start to another number while a call is live. Default `'refuse'`. */
  whileOnCall?: WhileOnCall
  /**
   * `false` turns click-to-dial off: only confirmed starts (a number a person typed on a dialpad
   * and pressed Call for) are placed; every other start is refused. Default `true`.
   */
  clickToDial?: boolean
}

export interface CallRuntimeOptions extends CallRuntimeConfig {
  client: CallClient
  /** Ended calls kept in the store. Default 50. */
  historyLimit?: number
  /** Where starts are placed and chosen records go. Default: this runtime (one tab). */
  route?: CallRuntimeRoute
}

/** A client, its store and the rules of a start: what `CallProvider` holds, without React. */
export interface CallRuntime {
  readonly client: CallClient
  readonly store: CallStoreApi
  readonly dialMode: DialMode
  /** Replaces the rules of a start (dial mode, region, metadata, policy); the store and calls stay. */
  configure(config: CallRuntimeConfig): void
  /** Checks a number with the provider's rules (region, metadata, policy). */
  parse(input: string): DialStringResult
  /**
   * Starts a call: validates first; one live call per number (a start for a number with a live
   * call, or with a start in flight, joins it and places nothing); prefills instead of dialing in
   * `prefill` mode; follows `whileOnCall` while another number is on a call. Rejects with a
   * `CallError`.
   */
  startCall(variables: StartCallVariables): Promise<StartCallData>
  /**
   * Places a start already checked by `startCall` in this tab or another, atomically under the
   * live-call rule: a number with a live call or a start in flight joins it (`joined: true`);
   * `whileOnCall` decides for another number. `startCall` uses it; shared tabs run a follower's
   * start here in the leading tab. Rejects with a `CallError`.
   */
  place(request: PlaceCallRequest): Promise<StartCallData>
  /**
   * Gives a call the record chosen for it (a screen pop's match, a person's choice), in this
   * store at once and in the tab that logs the call.
   */
  associate(interactionId: string, associatedObject: InteractionAssociatedObject): void
  /** Feeds the client's events (and its snapshot) into the store. Returns the disconnect function. */
  connect(): () => void
}

const abortReason = () => new CallError('aborted', 'The call was cancelled before it started.')

/** Refuses rules that cannot work, once, where they are set (not on every number checked). */
function checkConfig(config: CallRuntimeConfig): CallRuntimeConfig {
  checkDialStringOptions(config)
  return config
}

/**
 * Creates the framework-free runtime behind `CallProvider`.
 *
 * @example
 * const runtime = createCallRuntime({ client: createSimulatedClient() })
 * const disconnect = runtime.connect()
 * await runtime.startCall({ phoneNumber: '+14165550199' })
 */
export function createCallRuntime(options: CallRuntimeOptions): CallRuntime {
  const { client, historyLimit, route, ...initial } = options
  let config = checkConfig(initial)
  const store = createCallStore({ capabilities: client.capabilities, historyLimit })
  // Starts in flight by number, with the name of whom they call (for a refusal's message).
  const inFlight = new Map<string, { promise: Promise<StartCallData>; name: string }>()
  const controllers = new Set<AbortController>()
  const parse = (input: string) => parseDialString(input, config)

  /** The live call on this number placed or seen by this store, if any (a deferred one is not a call yet). */
  function liveCallFor(value: string): Interaction | undefined {
    return store.getState().live.find((call) => call.phoneNumber === value && isPlaced(call))
  }

  /** A call on another number that stands in the way of a new one: not held, not ended. */
  function blockingCall(value: string): { name: string; call?: Interaction } | undefined {
    for (const call of store.getState().live) {
      if (call.phoneNumber !== value && isPlaced(call) && call.status !== 'held')
        return { name: call.associatedObject?.displayName || call.phoneNumber || call.id, call }
    }
    for (const [number, start] of inFlight) {
      if (number !== value) return { name: start.name }
    }
    return undefined
  }

  /**
   * Applies `whileOnCall`: throws when the start is refused; returns the hold to wait for, if any.
   * Synchronous otherwise, so the request leaves in the same task as the click.
   */
  function makeRoom(value: string): Promise<void> | undefined {
    const rule = config.whileOnCall ?? 'refuse'
    const blocking = rule === 'allow' ? undefined : blockingCall(value)
    if (!blocking) return undefined
    const { call, name } = blocking
    const capabilities = { ...store.getState().capabilities, ...call?.capabilities }
    if (rule === 'hold-and-dial' && call?.status === 'connected' && capabilities.hold) {
      const hold =
        client.hold?.(call.id) ??
        Promise.resolve(failure('not_supported', 'This phone system cannot hold calls.'))
      return hold.then((held) => {
        if (held.status === 'error') throw held.error
      })
    }
    throw new CallError(
      'invalid_state',
      `You are on a call with ${name}. Hang up or put it on hold first.`,
    )
  }

  /** The start's caller ID, checked before anything is sent. */
  function callerIdFor(variables: StartCallVariables): string | undefined {
    const from = variables.from ?? store.getState().callerId ?? undefined
    if (from === undefined) return undefined
    if (typeof from !== 'string' || from.trim() === '')
      throw new CallError('invalid_argument', 'The number to call from is empty.')
    if (!store.getState().capabilities.callerId)
      throw new CallError(
        'not_supported',
        'This phone system cannot choose the number a call comes from.',
      )
    return from
  }

  /** A controller aborted by `signal` and by `disconnect`, for one start in flight. */
  function track(signal: AbortSignal | undefined) {
    const controller = new AbortController()
    const abort = () => controller.abort(signal?.reason)
    if (signal?.aborted) abort()
    else signal?.addEventListener('abort', abort, { once: true })
    controllers.add(controller)
    return {
      signal: controller.signal,
      done() {
        controllers.delete(controller)
        signal?.removeEventListener('abort', abort)
      },
    }
  }

  const aborted = (signal: AbortSignal) => toCallError(signal.reason ?? abortReason(), client.name)

  async function send(request: PlaceCallRequest, signal: AbortSignal): Promise<StartCallData> {
    const { phoneNumber: value, associatedObject, from } = request
    const hold = makeRoom(value)
    if (hold) await hold
    if (signal.aborted) throw aborted(signal)
    const result = await client
      .startCall(value, associatedObject, { signal, ...(from && { from }) })
      .catch((error: unknown) => ({
        status: 'error' as const,
        error: toCallError(error, client.name),
      }))
    const outcome = interpretStartResult(result, client.name)
    if (outcome.kind === 'failed') throw outcome.error
    if (outcome.kind === 'deferred')
      return { id: null, deferred: true, phoneNumber: value, joined: false }
    // The store knows the call before its first event, so a start in between joins it.
    store.getState().placed(outcome.id, value, associatedObject, from)
    return { id: outcome.id, deferred: false, phoneNumber: value, joined: false }
  }

  function place(request: PlaceCallRequest): Promise<StartCallData> {
    const value = request.phoneNumber
    const pending = inFlight.get(value)
    if (pending) return pending.promise.then((data) => ({ ...data, joined: true }))
    const live = liveCallFor(value)
    if (live)
      return Promise.resolve({ id: live.id, deferred: false, phoneNumber: value, joined: true })
    const tracked = track(request.signal)
    const promise = send(request, tracked.signal).finally(() => {
      tracked.done()
      inFlight.delete(value)
    })
    inFlight.set(value, { promise, name: request.associatedObject?.displayName || value })
    return promise
  }

  return {
    client,
    store,
    get dialMode() {
      return config.dialMode ?? 'dial'
    },
    configure(next) {
      config = checkConfig(next)
    },
    parse,
    startCall(variables) {
      if (config.clickToDial === false && !variables.confirmed)
        return Promise.reject(new CallError('invalid_state', 'Click-to-dial is turned off.'))
      const parsed = parse(variables.phoneNumber)
      if (!parsed.ok) return Promise.reject(parsed.error)
      const { value } = parsed.dialString
      const { associatedObject, signal } = variables
      // A start or a live call this tab knows on the number: join it here, nothing is sent.
      if (inFlight.has(value)) return place({ phoneNumber: value })
      const live = liveCallFor(value)
      if (live) {
        // One live call per number: pressing Call again shows that call, it never dials again.
        store.getState().activate(live.id)
        return Promise.resolve({ id: live.id, deferred: false, phoneNumber: value, joined: true })
      }
      if (config.dialMode === 'prefill' && !variables.confirmed) {
        store.getState().prefill(value, associatedObject)
        return Promise.resolve({ id: null, deferred: true, phoneNumber: value, joined: false })
      }
      if (signal?.aborted) return Promise.reject(aborted(signal))
      let from: string | undefined
      try {
        from = callerIdFor(variables)
      } catch (error) {
        return Promise.reject(error)
      }
      const request: PlaceCallRequest = {
        phoneNumber: value,
        ...(associatedObject && { associatedObject }),
        ...(from && { from }),
        ...(signal && { signal }),
      }
      return (route ? route.place(request, place) : place(request)).then((data) => {
        // What this tab shows: the number on its dialpad, the call in its banner.
        if (data.deferred) store.getState().prefill(value, associatedObject)
        else if (data.id) {
          store.getState().placed(data.id, value, associatedObject, from)
          // Another tab's start or call on the number: this tab shows it.
          if (data.joined) store.getState().activate(data.id)
        }
        return data
      })
    },
    place,
    associate(interactionId, associatedObject) {
      store.getState().associate(interactionId, associatedObject)
      route?.associated(interactionId, associatedObject)
    },
    connect() {
      let connected = true
      const unsubscribe = client.subscribe((event) => store.getState().dispatch(event))
      client
        .snapshot?.()
        .then((events) => {
          if (connected) for (const event of events) store.getState().dispatch(event)
        })
        .catch(() => {
          // A snapshot is a best effort on (re)load; live events still arrive.
        })
      return () => {
        connected = false
        unsubscribe()
        for (const controller of controllers) controller.abort(abortReason())
      }
    },
  }
}
