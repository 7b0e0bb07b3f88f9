import type { LiveCallStatus } from '../../core/CallEvent.js'
import type { InteractionState } from './AdApi.js'

/**
 * What a Bright Pattern state means in the library's lifecycle: a live status, `'ended'`, or
 * `'afterCallWork'` (ended, with the agent still in wrap-up).
 */
export type BrightPatternLifecycle =
  Exclude<LiveCallStatus, 'initiating' | 'deferred'> | 'ended' | 'afterCallWork'

/** Bright Pattern interaction states (and newer ones) to lifecycle steps. */
export type BrightPatternStateMap = Readonly<
  Partial<Record<InteractionState | (string & {}), BrightPatternLifecycle>>
>

/**
 * The default map onto the library's lifecycle. The meaning of each state is not documented, so this is an
 * assumption: override entries with the client's `stateMap` option after checking on a tenant.
 */
export const DEFAULT_STATE_MAP: BrightPatternStateMap = Object.freeze({
  unknown: 'dialing',
  queued: 'dialing',
  ivr: 'dialing',
  delivery_pending: 'ringing',
  delivered: 'connected',
  hold: 'held',
  wrap_up: 'afterCallWork',
  wrap_up_hold: 'afterCallWork',
  completed: 'ended',
})
