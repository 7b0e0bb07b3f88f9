import type { ClientWith } from '../../client-kit/ClientWith.js'
import type { LiveCallControl, WrapUpResult } from '../../core/CallClient.js'
import type { CallErrorCode } from '../../core/CallError.js'
import type { CallOutcome, CallStatus, LiveCallStatus } from '../../core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import type { SimulatedRing } from './inboundCalls.js'
import type { SimulatedSettings } from './options.js'

/** A call as the simulator holds it. */
export interface SimulatedCall {
  id: string
  phoneNumber: string
  associatedObject?: InteractionAssociatedObject
  /** The caller ID an outbound call comes from, when its start chose one. */
  from?: string
  status: CallStatus
  muted: boolean
  /** `inbound` for a call that rang the agent (`control.ring`). */
  direction?: 'inbound' | 'outbound'
  /** DTMF digits sent so far. */
  dtmf: string
  /** The wrap-up the agent completed (`afterCallWork` only). */
  wrapUp?: WrapUpResult
}

/** One `startCall` that reached the simulator (valid input only). */
export interface SimulatedRequest {
  phoneNumber: string
  initialObject?: InteractionAssociatedObject
  /** The caller ID asked for. */
  from?: string
}

/** Drives simulated calls by hand, for stories and tests. */
export interface SimulatedControl {
  /** The last 1,000 starts that reached the simulator, oldest first (bounded like the calls). */
  readonly requests: readonly SimulatedRequest[]
  /** The simulator's calls, oldest first. */
  calls(): SimulatedCall[]
  /** Changes options for the next calls (the outcome toolbar of the CRM example). */
  setOptions(options: Partial<SimulatedSettings>): void
  /**
   * Rings the agent with an inbound call from `from`; returns its id. It rings until answered,
   * declined, or it rings out after `delays.noAnswer` (`missed`); `answerAfterMs` answers it.
   */
  ring(options: SimulatedRing): string
  /** Moves a call to its next state now: dialing → ringing → its outcome → ended. */
  advance(id: string): void
  /** Ends a call now with this outcome. */
  end(id: string, outcome?: CallOutcome): void
  /** Fails a call now. */
  fail(id: string, message?: string): void
  /** Makes the next start fail with this error, before any call exists. */
  failNextStart(code: CallErrorCode, message?: string): void
  /** Drops the event stream: events are lost until `restoreStream`. */
  dropStream(): void
  /** Restores the stream and resyncs every call from a snapshot, so no final state is lost. */
  restoreStream(): void
  /** Sends the last event of a call again. */
  emitDuplicate(id: string): void
  /** Sends an older event (an earlier state, an older time) for a call. */
  emitStale(id: string, status?: LiveCallStatus): void
}

/** The simulated client: every control is there (no `!` where a story or test calls one), plus `control`. */
export interface SimulatedClient extends ClientWith<
  LiveCallControl | 'snapshot' | 'completeWrapUp'
> {
  readonly control: SimulatedControl
}
