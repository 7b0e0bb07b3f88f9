import type { CallError } from './CallError.js'
import type { CallEvent } from './CallEvent.js'
import type { InitiateResult, InteractionAssociatedObject, OperationResult } from './types.js'

/** What a client (and so the UI) can do. The UI disables what is `false` instead of failing on click. */
export interface CallCapabilities {
  /** The provider may answer a start with a deferred dial (`id: null`, number prefilled). */
  deferredDial: boolean
  hangup: boolean
  hold: boolean
  mute: boolean
  dtmf: boolean
  /** The associated object can change during a call. */
  updateAssociatedObject: boolean
  /**
   * The provider keeps the agent in after-call work after a call and `completeWrapUp` ends it,
   * with the disposition and notes. Absent means `false`.
   */
  afterCallWork?: boolean
  /** A ringing inbound call can be answered from here (`answer`). Absent means `false`. */
  answer?: boolean
  /**
   * A ringing inbound call can be turned down from here (`decline`). Absent means `false`: a
   * provider that rings the agent's own phones (a screen pop only) has neither.
   */
  decline?: boolean
  /**
   * The person can choose the number a call comes from: `listCallerIds` lists them and a start's
   * `from` picks one. Absent means `false` (the provider's default number is used).
   */
  callerId?: boolean
}

/** A number a person may call from (a caller ID). */
export interface CallerId {
  /** What is sent as the call's caller ID: E.164 or the provider's own form (a Genesys DN). */
  number: string
  /** What a person reads, e.g. "Toronto office". */
  label?: string
  /** The provider's default for this person. */
  default?: boolean
}

/** What an agent records when a call's wrap-up is done. */
export interface WrapUpResult {
  /** The disposition's value (an id or code from the app's or the provider's list). */
  disposition?: string
  notes?: string
}

/** A disposition the provider offers for a call (Bright Pattern `getDispositionsList`). */
export interface Disposition {
  /** What is stored and sent back to the provider. */
  value: string
  /** What a person reads. */
  label: string
}

/** Options of one start. */
export interface StartCallOptions {
  /** Aborts the start; the result is then an `aborted` error. */
  signal?: AbortSignal
  /**
   * The caller ID the call comes from: one of `listCallerIds()`' numbers (capability
   * `callerId`). Without it, the provider's default.
   */
  from?: string
}

/** The controls of a live call, the methods of `CallClient` that act on one call. */
export type LiveCallControl =
  | 'answer'
  | 'decline'
  | 'hangup'
  | 'hold'
  | 'resume'
  | 'mute'
  | 'sendDtmf'
  | 'updateAssociatedObject'

/** Every control resolves to this envelope; it never rejects. */
export type ControlResult = OperationResult<null, CallError>

/** The result of a start: Bright Pattern's envelope with a `CallError` on failure. */
export type StartCallResult = OperationResult<InitiateResult, CallError>

/**
 * The contract every provider client implements. `startCall` and the controls resolve to an
 * envelope and never reject; live state arrives through `subscribe` as normalized events.
 */
export interface CallClient {
  /** The provider's name, e.g. `"simulated"`, `"genesys"`. */
  readonly name: string
  /** What this provider can do. May change at run time: the client then emits a `capabilities` event. */
  readonly capabilities: CallCapabilities
  /**
   * Starts an outbound call. `data.id === null` without `data.error` is a deferred dial.
   * Bad input resolves to an `invalid_number` / `invalid_argument` error before any request.
   */
  startCall(
    phoneNumber: string,
    initialObject?: InteractionAssociatedObject,
    options?: StartCallOptions,
  ): Promise<StartCallResult>
  /** Listens to normalized events. Returns the unsubscribe function. */
  subscribe(listener: (event: CallEvent) => void): () => void
  hangup?(interactionId: string): Promise<ControlResult>
  hold?(interactionId: string): Promise<ControlResult>
  resume?(interactionId: string): Promise<ControlResult>
  mute?(interactionId: string, muted: boolean): Promise<ControlResult>
  /** Sends DTMF tones: digits `0-9`, `*`, `#`. */
  sendDtmf?(interactionId: string, digits: string): Promise<ControlResult>
  /** Answers a ringing inbound call (capability `answer`); it then goes `connected`. */
  answer?(interactionId: string): Promise<ControlResult>
  /** Turns down a ringing inbound call (capability `decline`); it then ends `declined`. */
  decline?(interactionId: string): Promise<ControlResult>
  /** Replaces the associated object of a live call. */
  updateAssociatedObject?(
    interactionId: string,
    object: InteractionAssociatedObject,
  ): Promise<ControlResult>
  /**
   * Ends the provider's after-call work for a call, with its disposition and notes (capability
   * `afterCallWork`). Emits `completed` once the provider confirms.
   */
  completeWrapUp?(interactionId: string, result: WrapUpResult): Promise<ControlResult>
  /** The dispositions the provider offers for a call (its own list, when it keeps one). */
  listDispositions?(interactionId?: string): Promise<OperationResult<Disposition[], CallError>>
  /** The numbers the person may call from (capability `callerId`). */
  listCallerIds?(): Promise<CallerId[]>
  /** The provider's current calls as events, to resync after a (re)load. */
  snapshot?(): Promise<CallEvent[]>
  /** Stops timers, streams and listeners. The client is unusable afterwards. */
  dispose(): void
}

/** Every capability: a provider that can do it all (the simulator, the Bright Pattern widget). */
export const ALL_CAPABILITIES: CallCapabilities = Object.freeze({
  deferredDial: true,
  hangup: true,
  hold: true,
  mute: true,
  dtmf: true,
  updateAssociatedObject: true,
})

/** No capability: the starting point of a client's own set. */
export const NO_CAPABILITIES: CallCapabilities = Object.freeze({
  deferredDial: false,
  hangup: false,
  hold: false,
  mute: false,
  dtmf: false,
  updateAssociatedObject: false,
})
