import { isPlaced } from './CallEvent.js'
import type { WhileOnCall } from './createCallRuntime.js'
import type { CallState } from './reduceCallState.js'
import type { Interaction } from './reduceInteraction.js'

/**
 * Why calls cannot be placed now, most fundamental first:
 * - `click-to-dial-off`: the app turned click-to-dial off (`CallProvider` `clickToDial={false}`).
 * - `signed-out`: the phone system says the person is not signed in (a closed connection with an
 *   `unauthorized` error, e.g. Bright Pattern `ON_LOGOUT`).
 * - `phone-not-ready`: signed in, but the phone cannot dial (a closed connection with a
 *   `not_ready` error, e.g. Bright Pattern `canDial: false` or a softphone that is not ready).
 * - `disconnected`: the phone system's connection is closed for another reason.
 * - `on-call`: another call is live and the live-call rule (`whileOnCall`) would refuse a start.
 */
export type CallReadinessReason =
  'click-to-dial-off' | 'signed-out' | 'phone-not-ready' | 'disconnected' | 'on-call'

/** Whether a call can be placed now, and if not, why (and with whom the person is on a call). */
export type CallReadiness =
  | { ready: true; reason?: undefined; callWith?: undefined }
  | {
      ready: false
      reason: CallReadinessReason
      /** For `on-call`: the live call's name (its record's display name, else its number). */
      callWith?: string
    }

/** What decides readiness besides the store. */
export interface CallReadinessRules {
  /** `false` turns click-to-dial off. Default `true`. */
  clickToDial?: boolean
  /** The live-call rule. Default `'refuse'`. */
  whileOnCall?: WhileOnCall
  /**
   * A number typed by a person (a dialpad), not a click on a number: click-to-dial being off does
   * not stop it.
   */
  typed?: boolean
  /** The number about to be dialed: its own live call never stands in the way (pressing shows it). */
  phoneNumber?: string | null
}

const READY: CallReadiness = Object.freeze({ ready: true })

/**
 * Whether a call can be placed now, from the store's connection, its live calls and the rules.
 * Mirrors the runtime's own refusals, so a button can say why before it is pressed.
 *
 * @example
 * const readiness = callReadiness(runtime.store.getState(), { whileOnCall: 'refuse' })
 * if (!readiness.ready) console.log(readiness.reason) // 'signed-out'
 */
export function callReadiness(state: CallState, rules: CallReadinessRules = {}): CallReadiness {
  const { clickToDial = true, whileOnCall = 'refuse', typed = false, phoneNumber = null } = rules
  if (!clickToDial && !typed) return { ready: false, reason: 'click-to-dial-off' }
  const closed = closedReason(state)
  if (closed !== null) return { ready: false, reason: closed }
  for (const call of state.live) {
    if (call.phoneNumber === phoneNumber || !blocksStart(state, call, whileOnCall)) continue
    return { ready: false, reason: 'on-call', callWith: callWith(call) }
  }
  return READY
}

/** Why a closed connection stops every call, or `null` while the connection is not closed. */
export function closedReason({ connection }: CallState): CallReadinessReason | null {
  if (connection.status !== 'closed') return null
  const code = connection.error?.code
  return code === 'unauthorized'
    ? 'signed-out'
    : code === 'not_ready'
      ? 'phone-not-ready'
      : 'disconnected'
}

/**
 * True when this live call stands in the way of a start to another number under the live-call
 * rule (a start to its own number shows it instead).
 */
export function blocksStart(
  state: CallState,
  call: Interaction,
  whileOnCall: WhileOnCall,
): boolean {
  if (whileOnCall === 'allow' || !isPlaced(call) || call.status === 'held') return false
  // `hold-and-dial` holds a connected call first where the provider can hold.
  const canHold = { ...state.capabilities, ...call.capabilities }.hold
  return !(whileOnCall === 'hold-and-dial' && call.status === 'connected' && canHold)
}

/** The name a person knows a live call by: its record's display name, else its number. */
export function callWith(call: Interaction): string {
  return call.associatedObject?.displayName || call.phoneNumber || call.id
}
