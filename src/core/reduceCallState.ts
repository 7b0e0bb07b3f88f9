import type { CallCapabilities } from './CallClient.js'
import { isTerminalStatus, type CallEvent, type ConnectionStatus } from './CallEvent.js'
import type { CallErrorInfo } from './CallError.js'
import { reduceInteraction, type Interaction } from './reduceInteraction.js'
import type { InteractionAssociatedObject } from './types.js'

/** Where the dialpad's number came from: typed by a person, or prefilled by a deferred dial. */
export type DialpadSource = 'typed' | 'prefill'

/**
 * A start that was deferred (by the provider, or by `dialMode: 'prefill'`): its number waits on the
 * dialpad with the start's record until a person presses Call. Each deferral is a new object, so
 * the same number deferred twice is two pending dials.
 */
export interface PendingDial {
  phoneNumber: string
  /** The start's record; the dialpad's Call sends it along with the number. */
  associatedObject?: InteractionAssociatedObject
}

/** The dialpad's draft, kept in the store so a deferred dial anywhere can fill it. */
export interface DialpadDraft {
  value: string
  source: DialpadSource
  /** The deferred dial that filled the dialpad; `null` once the number is typed over. */
  pendingDial: PendingDial | null
}

/** Everything the store holds. */
export interface CallState {
  /**
   * Calls that are not over (initiating, deferred, dialing, ringing, connected, held), oldest
   * first. A few at a time, so a list: an event for one of them copies only this short list, and
   * its cost does not grow with the history.
   */
  live: readonly Interaction[]
  /** The last `historyLimit` ended and failed calls, by id (`history` gives their order). */
  ended: Readonly<Record<string, Interaction>>
  /** The interaction the banner shows: the newest call, or the one the provider activated. */
  activeId: string | null
  /** Ids of ended and failed interactions, oldest first, at most `historyLimit`. */
  history: readonly string[]
  /**
   * Ids dropped from history, oldest first, at most ten times `historyLimit`: a late or replayed
   * event for one of them is ignored instead of bringing the call back as a live one.
   */
  evicted: readonly string[]
  /** The client's capabilities, as last reported. */
  capabilities: CallCapabilities
  /** Health of the client's event stream. */
  connection: { status: ConnectionStatus; error?: CallErrorInfo }
  dialpad: DialpadDraft
  /** The caller ID chosen for the next calls (`useCallerIds`); `null` for the provider's default. */
  callerId: string | null
}

export const DEFAULT_HISTORY_LIMIT = 50

/** How many evicted ids the store remembers, per entry of history (ids only: a few kB at the default). */
const EVICTED_PER_HISTORY = 10

/** A record of calls without a prototype: an id such as `constructor` or `__proto__` is a call like any other. */
const emptyCalls = () => Object.create(null) as Record<string, Interaction>

/** The initial state for a client with these capabilities. */
export function initialCallState(capabilities: CallCapabilities): CallState {
  return {
    live: [],
    ended: emptyCalls(),
    activeId: null,
    history: [],
    evicted: [],
    capabilities,
    connection: { status: 'open' },
    dialpad: { value: '', source: 'typed', pendingDial: null },
    callerId: null,
  }
}

/** The call with this id, live or ended, if the store keeps it. */
export function findInteraction(state: CallState, id: string): Interaction | undefined {
  return state.live.find((call) => call.id === id) ?? state.ended[id]
}

/**
 * A copy of the ended calls with `call` added, without a prototype. Object literals keyed by
 * ever-new call ids add one hidden class per call ever seen in V8, and a spread of such a record
 * cost ~0.1 ms after some thousands of calls (`npm run bench`, store); a prototype-free record is
 * a plain dictionary and copies in microseconds. It changes only when a call ends.
 */
function withEnded(
  source: Readonly<Record<string, Interaction>>,
  call: Interaction,
): Record<string, Interaction> {
  const copy = emptyCalls()
  for (const id in source) copy[id] = source[id]!
  copy[call.id] = call
  return copy
}

/** The id of the newest call that is not over, other than `except`. */
function newestLive(live: readonly Interaction[], except?: string): string | null {
  let best: Interaction | undefined
  for (const call of live) {
    if (call.id !== except && (!best || call.createdAt >= best.createdAt)) best = call
  }
  return best?.id ?? null
}

/**
 * Moves a call that just ended from `live` to `ended` (a call first seen ended goes there
 * directly, and is the banner's call only when it shows none), and bounds memory by evicting the
 * oldest ended calls past `historyLimit`.
 */
function endCall<State extends CallState>(
  state: State,
  call: Interaction,
  wasLive: boolean,
  historyLimit: number,
): State {
  const live = wasLive ? state.live.filter((other) => other.id !== call.id) : state.live
  const ended = withEnded(state.ended, call)
  let history = [...state.history, call.id]
  let { activeId, evicted } = state
  if (!wasLive && activeId === null) activeId = call.id
  if (history.length > historyLimit) {
    const dropped = history.slice(0, history.length - historyLimit)
    history = history.slice(-historyLimit)
    for (const id of dropped) delete ended[id]
    evicted = [...evicted, ...dropped].slice(-EVICTED_PER_HISTORY * historyLimit)
    if (activeId !== null && dropped.includes(activeId)) activeId = newestLive(live)
  }
  return { ...state, live, ended, history, activeId, evicted }
}

/**
 * The store's reducer: applies one event with `reduceInteraction`, keeps the active id, and
 * bounds memory by evicting the oldest ended interactions past `historyLimit`.
 * Returns the same object when nothing changed, and keeps whatever else `state` holds (the
 * store's actions), so the store can take the result as its whole next state.
 */
export function reduceCallState<State extends CallState>(
  state: State,
  event: CallEvent,
  historyLimit = DEFAULT_HISTORY_LIMIT,
): State {
  switch (event.type) {
    case 'capabilities': {
      const capabilities = { ...state.capabilities, ...event.capabilities }
      const same = (Object.keys(capabilities) as (keyof CallCapabilities)[]).every(
        (k) => capabilities[k] === state.capabilities[k],
      )
      return same ? state : { ...state, capabilities }
    }
    case 'connection':
      if (state.connection.status === event.status && state.connection.error === event.error)
        return state
      return {
        ...state,
        connection: event.error
          ? { status: event.status, error: event.error }
          : { status: event.status },
      }
    case 'activated':
      if (event.interactionId === state.activeId) return state
      if (event.interactionId !== null && !findInteraction(state, event.interactionId)) return state
      return { ...state, activeId: event.interactionId }
  }

  const { interactionId } = event
  const index = state.live.findIndex((call) => call.id === interactionId)
  const wasLive = index !== -1
  const previous = wasLive ? state.live[index] : state.ended[interactionId]
  if (!previous) {
    // Only a state creates a call: an update names no state, and a flood of them for ids that
    // never end would otherwise pile up live calls (and make every later event cost more). The
    // end of after-call work never makes a call appear either.
    if (event.type === 'updated' || event.type === 'completed') return state
    // Without this, a stale status for a call that ended long ago would bring it back as live.
    if (state.evicted.includes(interactionId)) return state
  }
  const next = reduceInteraction(previous, event)
  if (next === previous) return state

  if (!isTerminalStatus(next.status)) {
    // A new live call becomes the banner's call.
    if (!wasLive) return { ...state, live: [...state.live, next], activeId: next.id }
    const live = state.live.slice()
    live[index] = next
    return { ...state, live }
  }
  if (previous && !wasLive) {
    // An ended call's after-call work is done: it becomes the newest entry of the history.
    const history = [...state.history.filter((id) => id !== next.id), next.id]
    return { ...state, ended: withEnded(state.ended, next), history }
  }
  return endCall(state, next, wasLive, historyLimit)
}

/** Dismisses an interaction from the banner (it stays in history). The next live call becomes active. */
export function dismissInteraction(state: CallState, id: string): CallState {
  if (state.activeId !== id) return state
  return { ...state, activeId: newestLive(state.live, id) }
}

/**
 * Gives a call the record a person or a screen pop chose for it (the caller's contact). Only the
 * record changes: not the call's clock nor its sequence, so the provider's next event still
 * applies. The wrap-up then logs this record. A call unknown or over changes nothing.
 */
export function associateInteraction(
  state: CallState,
  id: string,
  associatedObject: InteractionAssociatedObject,
): CallState {
  const current = findInteraction(state, id)
  if (!current || current.associatedObject === associatedObject) return state
  return replaceCall(state, current, { ...current, associatedObject })
}

/** The state with `current` (a call the store keeps, live or ended) replaced by `next`. */
function replaceCall(state: CallState, current: Interaction, next: Interaction): CallState {
  if (isTerminalStatus(current.status)) return { ...state, ended: withEnded(state.ended, next) }
  return { ...state, live: state.live.map((call) => (call === current ? next : call)) }
}

/**
 * Records a call the client just placed, before its first event: a start in between joins it
 * instead of dialing again. Its first event then applies over it whatever the provider's clock
 * says (`updatedAt` 0), and it becomes the active call, as every new call does.
 */
export function placeInteraction(
  state: CallState,
  placed: {
    id: string
    phoneNumber: string
    associatedObject?: InteractionAssociatedObject
    from?: string
  },
  now: number,
): CallState {
  const known = findInteraction(state, placed.id)
  if (known && placed.from && !known.from) {
    // Its first event came first and did not say which number it comes from: the start knows.
    return replaceCall(state, known, { ...known, from: placed.from })
  }
  if (known || state.evicted.includes(placed.id)) return state
  const call: Interaction = {
    id: placed.id,
    status: 'initiating',
    phoneNumber: placed.phoneNumber,
    ...(placed.associatedObject && { associatedObject: placed.associatedObject }),
    ...(placed.from && { from: placed.from }),
    direction: 'outbound',
    muted: false,
    createdAt: now,
    updatedAt: 0,
  }
  return { ...state, live: [...state.live, call], activeId: placed.id }
}
