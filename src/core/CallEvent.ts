import type { CallErrorInfo } from './CallError.js'
import type { CallCapabilities } from './CallClient.js'
import type { InteractionAssociatedObject } from './types.js'

/**
 * The normalized lifecycle shared by every provider:
 * `initiating → dialing → ringing → connected ⇄ held → ended | failed`, plus `deferred`
 * (the number was prefilled on a dialpad and nothing was dialed yet).
 */
export type CallStatus =
  'initiating' | 'deferred' | 'dialing' | 'ringing' | 'connected' | 'held' | 'ended' | 'failed'

/** The states a call can still leave. */
export type LiveCallStatus = Exclude<CallStatus, 'ended' | 'failed'>

/**
 * How an `ended` call ended. Busy, no answer and voicemail are outcomes, not failures. An inbound
 * call the agent turned down is `declined`; one that rang out unanswered is `missed` (an outbound
 * call nobody picked up is `no-answer`).
 */
export type CallOutcome =
  'completed' | 'no-answer' | 'busy' | 'voicemail' | 'canceled' | 'declined' | 'missed' | 'unknown'

/** Fields every interaction event may carry. A client fills what its provider tells it. */
export interface InteractionEventBase {
  /** The library's id for the interaction (the provider's id, or a client-side tracking id). */
  interactionId: string
  /** When the provider says it happened (epoch ms). Orders events when `seq` is absent. */
  at: number
  /** The provider's sequence number, when it has one; wins over `at` for ordering. */
  seq?: number
  /** The provider's own state name, e.g. `"delivery_pending"` or `"Established"`, for display. */
  rawState?: string
  /** The provider's call id when it differs from `interactionId` (Genesys, DialStack). */
  providerCallId?: string
  /** The dialed number, E.164 where the provider gives one. */
  phoneNumber?: string
  associatedObject?: InteractionAssociatedObject
  direction?: 'inbound' | 'outbound'
  /** The caller ID the call presents, where the provider tells it (or the start chose it). */
  from?: string
  /** What this call allows right now (Genesys `call.capabilities`); merged over the client's. */
  capabilities?: Partial<CallCapabilities>
  muted?: boolean
}

/** Events about one interaction. */
export type InteractionEvent =
  /**
   * The call moved to a live state. An inbound call (`direction: 'inbound'`) starts at `ringing`:
   * the agent's phone rings; it never dials.
   */
  | (InteractionEventBase & { type: 'status'; status: LiveCallStatus })
  /**
   * Something about the call changed but not its state: mute, the associated object, or a raw
   * provider state the client could not map (the state is kept, `rawState` is shown).
   */
  | (InteractionEventBase & { type: 'updated' })
  /** The call ended. `afterCallWork` when the provider keeps the agent in wrap-up. */
  | (InteractionEventBase & { type: 'ended'; outcome: CallOutcome; afterCallWork?: boolean })
  /** The call failed. */
  | (InteractionEventBase & { type: 'failed'; error: CallErrorInfo })
  /**
   * The after-call work of an ended or failed call is done (the wrap-up was saved or skipped, or
   * the provider left wrap-up). `ended` says the voice leg is gone; `completed` says the agent is
   * free again. Ignored for a call that has not ended.
   */
  | (InteractionEventBase & { type: 'completed' })

/** Event stream health: `reconnecting` while a dropped stream is being restored. */
export type ConnectionStatus = 'open' | 'reconnecting' | 'closed'

/** Events about the client as a whole. */
export type ClientEvent =
  /** The provider changed what it can do (Bright Pattern `ON_PHONE_CAPABILITIES_CHANGE`). */
  | { type: 'capabilities'; capabilities: Partial<CallCapabilities> }
  /** The event stream dropped, is reconnecting, or is back. */
  | { type: 'connection'; status: ConnectionStatus; error?: CallErrorInfo }
  /** The provider switched the active interaction (Bright Pattern `ON_ACTIVE_INTERACTION_SWITCHED`). */
  | { type: 'activated'; interactionId: string | null }

/** Everything a client emits through `subscribe`. */
export type CallEvent = InteractionEvent | ClientEvent

/** True for the states a call never leaves. */
export function isTerminalStatus(status: CallStatus): status is 'ended' | 'failed' {
  return status === 'ended' || status === 'failed'
}

/**
 * True for a call that was placed (or came in) and is not over: initiating, dialing, ringing,
 * connected or held. A deferred call is only a number on a dialpad.
 */
export function isPlaced(call: { status: CallStatus }): boolean {
  return call.status !== 'deferred' && !isTerminalStatus(call.status)
}

/** True for an inbound call ringing the agent: it is answered or declined, not hung up. */
export function isIncoming(call: { direction?: string; status: CallStatus }): boolean {
  return call.direction === 'inbound' && call.status === 'ringing'
}

/** An interaction event without the fields a client stamps on it (id, time, sequence). */
export type InteractionEventInit = InteractionEvent extends infer E
  ? E extends InteractionEvent
    ? Omit<E, 'interactionId' | 'at' | 'seq'>
    : never
  : never
