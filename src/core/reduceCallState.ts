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
  /** Live interactions and the last `historyLimit` ended ones, by id. */
  interactions: Readonly<Record<string, Interaction>>
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

/** The initial state for a client with these capabilities. */
export function initialCallState(capabilities: CallCapabilities): CallState {
  return {
    // Prototype-free from the start: an id such as `constructor` or `__proto__` is a call like any other.
    interactions: Object.create(null) as Record<string, Interaction>,
    activeId: null,
    history: [],
    evicted: [],
    capabilities,
    connection: { status: 'open' },
    dialpad: { value: '', source: 'typed', pendingDial: null },
    callerId: null,
  }
}

/**
 * A copy of the interactions record, without a prototype. Object literals keyed by ever-new call
 * ids add one hidden class per call ever seen in V8, and a spread of such a record cost ~0.1 ms
 * after some thousands of calls (`npm run bench`, store); a prototype-free record is a plain
 * dictionary and copies in microseconds however long the shift.
 */
function copyInteractions(
  source: Readonly<Record<string, Interaction>>,
): Record<string, Interaction> {
  const copy = Object.create(null) as Record<string, Interaction>
  for (const id in source) copy[id] = source[id]!
  return copy
}

function newestLive(interactions: Readonly<Record<string, Interaction>>): string | null {
  let best: Interaction | undefined
  for (const interaction of Object.values(interactions)) {
    if (isTerminalStatus(interaction.status)) continue
    if (!best || interaction.createdAt >= best.createdAt) best = interaction
  }
  return best?.id ?? null
}

/**
 * The store's reducer: applies one event with `reduceInteraction`, keeps the active id, and
 * bounds memory by evicting the oldest ended interactions past `historyLimit`.
 * Returns the same object when nothing changed.
 */
export function reduceCallState(
  state: CallState,
  event: CallEvent,
  historyLimit = DEFAULT_HISTORY_LIMIT,
): CallState {
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
      if (event.interactionId !== null && !state.interactions[event.interactionId]) return state
      return { ...state, activeId: event.interactionId }
  }

  const previous = state.interactions[event.interactionId]
  if (!previous) {
    // Only a state creates a call: an update names no state, and a flood of them for ids that
    // never end would otherwise pile up live calls (and make every later event cost more). The
    // end of after-call work never makes a call appear either.
    if (event.type === 'updated' || event.type === 'completed') return state
    // Without this, a stale status for a call that ended long ago would bring it back as live.
    if (state.evicted.includes(event.interactionId)) return state
  }
  const next = reduceInteraction(previous, event)
  if (next === previous) return state

  const interactions = copyInteractions(state.interactions)
  interactions[next.id] = next
  let { history, activeId, evicted } = state
  if (!previous && !isTerminalStatus(next.status)) activeId = next.id
  if (!previous && activeId === null) activeId = next.id
  if (isTerminalStatus(next.status)) {
    history = [...history.filter((id) => id !== next.id), next.id]
    if (history.length > historyLimit) {
      const dropped = history.slice(0, history.length - historyLimit)
      history = history.slice(-historyLimit)
      for (const id of dropped) delete interactions[id]
      evicted = [...evicted, ...dropped].slice(-EVICTED_PER_HISTORY * historyLimit)
      if (activeId !== null && !interactions[activeId]) activeId = newestLive(interactions)
    }
  }
  return { ...state, interactions, history, activeId, evicted }
}

/** Dismisses an interaction from the banner (it stays in history). The next live call becomes active. */
export function dismissInteraction(state: CallState, id: string): CallState {
  if (state.activeId !== id) return state
  const rest = copyInteractions(state.interactions)
  delete rest[id]
  return { ...state, activeId: newestLive(rest) }
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
  const current = state.interactions[id]
  if (!current || current.associatedObject === associatedObject) return state
  const interactions = copyInteractions(state.interactions)
  interactions[id] = { ...current, associatedObject }
  return { ...state, interactions }
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
  const known = state.interactions[placed.id]
  if (known && placed.from && !known.from) {
    // Its first event came first and did not say which number it comes from: the start knows.
    const interactions = copyInteractions(state.interactions)
    interactions[placed.id] = { ...known, from: placed.from }
    return { ...state, interactions }
  }
  if (known || state.evicted.includes(placed.id)) return state
  const interactions = copyInteractions(state.interactions)
  interactions[placed.id] = {
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
  return { ...state, interactions, activeId: placed.id }
}
