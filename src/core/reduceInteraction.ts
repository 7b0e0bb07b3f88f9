import type { CallErrorInfo } from './CallError.js'
import type { CallCapabilities } from './CallClient.js'
import {
  isTerminalStatus,
  type CallOutcome,
  type CallStatus,
  type InteractionEvent,
  type InteractionEventBase,
} from './CallEvent.js'
import type { InteractionAssociatedObject } from './types.js'

/** One call as the UI sees it. Records are immutable: a change is a new object. */
export interface Interaction {
  id: string
  status: CallStatus
  /** The provider's last raw state, shown when the state could not be mapped. */
  rawState?: string
  phoneNumber?: string
  associatedObject?: InteractionAssociatedObject
  providerCallId?: string
  direction?: 'inbound' | 'outbound'
  /** The caller ID the call presents, where known. */
  from?: string
  muted: boolean
  /** Per-call capabilities (Genesys); merged over the client's. */
  capabilities?: Partial<CallCapabilities>
  /** Set when `status` is `ended`. */
  outcome?: CallOutcome
  /** The agent is in after-call work (wrap-up); the voice leg is already released. */
  afterCallWork?: boolean
  /** Set when `status` is `failed`. */
  error?: CallErrorInfo
  /** Time of the first event (epoch ms). */
  createdAt: number
  /** When the call was first connected; drives the call timer. */
  connectedAt?: number
  endedAt?: number
  /** When the after-call work was done (a `completed` event); absent until then. */
  completedAt?: number
  /** Time of the last applied event. Older events are stale. */
  updatedAt: number
  /** Sequence of the last applied event, when the provider numbers them. */
  seq?: number
}

const RANK: Record<CallStatus, number> = {
  initiating: 0,
  deferred: 1,
  dialing: 2,
  ringing: 3,
  connected: 4,
  held: 4,
  ended: 5,
  failed: 5,
}

type Meta = Omit<InteractionEventBase, 'interactionId' | 'at' | 'seq'>

/**
 * `seq`, where the provider numbers its events, decides. Without it, `at` orders the live states
 * only: an `ended` or `failed` event always ends the call, whatever its clock says, since a clock
 * stepped back (NTP) must never leave a call live forever.
 */
function isStale(current: Interaction, event: InteractionEvent): boolean {
  if (event.seq !== undefined && current.seq !== undefined) return event.seq <= current.seq
  if (event.type === 'ended' || event.type === 'failed') return false
  return event.at < current.updatedAt
}

/** The optional fields an event may carry for its call, copied when they differ. */
const META_KEYS = [
  'rawState',
  'phoneNumber',
  'associatedObject',
  'providerCallId',
  'direction',
  'from',
  'muted',
] as const

/**
 * The event's optional fields that differ from the call's (only those listed are read, so the
 * event is passed as it is, never copied); `null` when nothing would change.
 */
function mergeMeta(current: Interaction, event: Meta): Partial<Interaction> | null {
  let patch: Partial<Interaction> | null = null
  for (const key of META_KEYS) {
    const value = event[key]
    if (value !== undefined && value !== current[key])
      (patch ??= {} as Record<string, unknown>)[key] = value
  }
  if (event.capabilities) {
    const merged = { ...current.capabilities, ...event.capabilities }
    const before = current.capabilities ?? {}
    const keysChanged = (Object.keys(merged) as (keyof CallCapabilities)[]).some(
      (k) => merged[k] !== before[k],
    )
    if (keysChanged) (patch ??= {}).capabilities = merged
  }
  return patch
}

function create(event: InteractionEvent): Interaction {
  const { interactionId, at, seq } = event
  const base: Interaction = {
    id: interactionId,
    // The agent's phone rings for an inbound call: it never dials, so it starts past dialing and
    // an early `initiating` or `dialing` from the provider cannot take it backwards.
    status: event.direction === 'inbound' ? 'ringing' : 'initiating',
    muted: false,
    createdAt: at,
    updatedAt: at,
  }
  if (seq !== undefined) base.seq = seq
  return { ...base, ...mergeMeta(base, event), ...stateChange(base, event) }
}

/** When a call ended: never before it connected, so a clock stepped back shows no negative timer. */
const endTime = (current: Interaction, at: number) => Math.max(at, current.connectedAt ?? at)

/**
 * An inbound call that rang out unanswered is `missed`, whatever word its provider uses for it
 * (Tether and DialStack say `no-answer`): for the agent it is a call to return, not one that
 * nobody picked up.
 */
function outcomeOf(current: Interaction, event: InteractionEvent & { type: 'ended' }) {
  const inbound = (event.direction ?? current.direction) === 'inbound'
  return inbound && event.outcome === 'no-answer' && current.connectedAt === undefined
    ? 'missed'
    : event.outcome
}

/** A backward state change: refused whole, details included. */
const REFUSED = null

/** The event names no new state (an update, a repeated state). */
const SAME_STATE = undefined

/**
 * The fields the event's state change sets (the state, and when it connected or ended), applied
 * with the details in one copy of the record; `SAME_STATE`, or `REFUSED` for a backward change.
 */
function stateChange(
  current: Interaction,
  event: InteractionEvent,
): Partial<Interaction> | typeof SAME_STATE | typeof REFUSED {
  switch (event.type) {
    case 'status': {
      const { status } = event
      if (RANK[status] < RANK[current.status]) return REFUSED
      if (status === current.status) return SAME_STATE
      return status === 'connected' && current.connectedAt === undefined
        ? { status, connectedAt: event.at }
        : { status }
    }
    case 'ended': {
      const change: Partial<Interaction> = {
        status: 'ended',
        outcome: outcomeOf(current, event),
        endedAt: endTime(current, event.at),
      }
      if (event.afterCallWork) change.afterCallWork = true
      return change
    }
    case 'failed':
      return { status: 'failed', error: event.error, endedAt: endTime(current, event.at) }
    case 'updated':
    case 'completed':
      return SAME_STATE
  }
}

/** A `completed` event ends the after-call work of a call that has ended; once. */
function complete(current: Interaction, event: InteractionEvent): Interaction {
  if (!isTerminalStatus(current.status) || current.completedAt !== undefined) return current
  const { afterCallWork: _done, ...rest } = current
  return { ...rest, completedAt: Math.max(event.at, current.endedAt ?? event.at) }
}

/**
 * The lifecycle reducer: pure, and the only place a call's state changes.
 *
 * - Forward only (`initiating → deferred → dialing → ringing → connected → ended | failed`),
 *   except `connected ⇄ held`; any live state may jump to a terminal one. An inbound call starts
 *   at `ringing`, and ends `missed` rather than `no-answer` when it rang out unanswered.
 * - Terminal states absorb every later event; an `ended` or `failed` event ends a live call
 *   whatever its `at`, so no call is ever stuck live.
 * - Stale events (older `seq`; without one, an older `at` among live states) and duplicates change
 *   nothing: the same object comes back, so selectors do not re-render. A repeated state with
 *   new details (a provider resending `connected` with `muted: true`) keeps its details.
 * - An `updated` event with an unmapped `rawState` keeps the state and records the raw value.
 * - `completed` only marks the end of the after-call work of an ended or failed call.
 */
export function reduceInteraction(
  current: Interaction | undefined,
  event: InteractionEvent,
): Interaction {
  if (!current) return create(event)
  if (event.type === 'completed') return complete(current, event)
  if (isTerminalStatus(current.status) || isStale(current, event)) return current
  const change = stateChange(current, event)
  // A backward state change must not smuggle in its details either.
  if (change === REFUSED) return current
  const patch = mergeMeta(current, event)
  // A duplicate (same state, same details) changes nothing.
  if (change === SAME_STATE && patch === null) return current
  const next: Interaction = {
    ...current,
    ...change,
    ...patch,
    updatedAt: Math.max(current.updatedAt, event.at),
  }
  if (event.seq !== undefined) next.seq = event.seq
  return next
}
