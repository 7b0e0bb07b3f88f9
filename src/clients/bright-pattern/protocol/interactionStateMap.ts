import type { LiveCallStatus } from '../../../core/CallEvent.js'
import type { InteractionState } from './AdApi.js'

/**
 * What a Bright Pattern state means in the library's lifecycle: a live status, `'ended'`, or
 * `'afterCallWork'` (ended, with the agent still in wrap-up).
 */
export type BrightPatternLifecycle =
  Exclude<LiveCallStatus, 'initiating' | 'deferred'> | 'ended' | 'afterCallWork'

/** One lifecycle step for every call, or one per direction. */
export type BrightPatternStep =
  BrightPatternLifecycle | { inbound: BrightPatternLifecycle; outbound: BrightPatternLifecycle }

/** Bright Pattern interaction states (and newer ones) to lifecycle steps. */
export type BrightPatternStateMap = Readonly<
  Partial<Record<InteractionState | (string & {}), BrightPatternStep>>
>

/**
 * The default map. Bright Pattern's states are routing states (queued, in IVR, offered to the
 * agent, at the agent, wrap-up), documented without a meaning per value, and none says the far
 * end answered: an agent-dialled call is `delivered` (at the agent) while the far end still
 * rings. So an outbound call stays dialing until the client's `answerSignal` says it was
 * answered (or it was put on hold, which only an answered call can be); an inbound call offered
 * to the agent rings and, once delivered, is connected. Override entries with the client's
 * `stateMap` option after checking on a tenant.
 */
export const DEFAULT_STATE_MAP: BrightPatternStateMap = Object.freeze<BrightPatternStateMap>({
  unknown: 'dialing',
  queued: 'dialing',
  ivr: 'dialing',
  delivery_pending: { inbound: 'ringing', outbound: 'dialing' },
  delivered: { inbound: 'connected', outbound: 'dialing' },
  hold: 'held',
  wrap_up: 'afterCallWork',
  wrap_up_hold: 'afterCallWork',
  completed: 'ended',
})
