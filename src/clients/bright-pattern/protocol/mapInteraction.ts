import type { CallOutcome, InteractionEventBase } from '../../../core/CallEvent.js'
import type { InteractionData } from './AdApi.js'
import type { BrightPatternLifecycle, BrightPatternStep } from './interactionStateMap.js'
import { dialedNumber } from './matchDialedNumber.js'

/** What the client knew of a call before this report. */
export interface KnownCall {
  /** The number it dialed or was dialed from. */
  phoneNumber?: string
  /** The far end answered (the answer signal, hold, or an inbound call delivered to the agent). */
  answered?: boolean
  /** The app hung up. */
  hungUp?: boolean
  /** The call rings the agent (`callDirection: 'inbound'`). */
  inbound?: boolean
  /** The agent turned the offered call down here (`rejectInteraction`). */
  declined?: boolean
  /** `delivered` was seen: the call reached the agent (outbound: the far end may still ring). */
  delivered?: boolean
}

/** How reports are read: the state map and the optional answer signal. */
export interface MappingRules {
  stateMap: ReadonlyMap<string, BrightPatternStep>
  answerSignal?: (interaction: InteractionData) => boolean
}

/** What one report says. */
export interface MappedInteraction {
  /** The event's fields (raw state, number, direction, mute); the record is the caller's. */
  fields: Omit<InteractionEventBase, 'interactionId' | 'at'>
  /** The lifecycle step, or `undefined` for a state in no entry (the call keeps its state). */
  step: BrightPatternLifecycle | undefined
  direction: 'inbound' | 'outbound'
  /** What is known of the call after this report. */
  answered: boolean
  delivered: boolean
  /** The answer signal said "answered" for the first time on this report. */
  signalled: boolean
}

/**
 * Reads one interaction report (a callback or a snapshot entry; `removed` for
 * `ON_INTERACTION_REMOVED`). Bright Pattern's states are routing states: an outbound call is
 * `delivered` (at the agent) while the far end still rings, so it is connected only once the
 * answer signal says so or it was held; an answered call `delivered` again is resumed.
 */
export function mapInteraction(
  data: InteractionData,
  known: KnownCall,
  rules: MappingRules,
  removed = false,
): MappedInteraction {
  const fields: MappedInteraction['fields'] = { rawState: data.state }
  const phoneNumber = dialedNumber(data) ?? known.phoneNumber
  if (phoneNumber) fields.phoneNumber = phoneNumber
  if (data.callDirection) fields.direction = data.callDirection
  if (typeof data.callMuted === 'boolean') fields.muted = data.callMuted

  const direction = data.callDirection ?? (known.phoneNumber ? 'outbound' : 'inbound')
  const mapped = removed ? 'ended' : rules.stateMap.get(data.state)
  let step = typeof mapped === 'object' ? mapped[direction] : mapped
  const delivered = Boolean(known.delivered) || data.state === 'delivered'
  const signalled =
    direction === 'outbound' && !known.answered && Boolean(rules.answerSignal?.(data))
  let answered = Boolean(known.answered) || signalled
  if (answered && data.state === 'delivered' && (step === 'dialing' || step === 'ringing'))
    step = 'connected'
  if (step === 'connected' || step === 'held') answered = true
  return { fields, step, direction, answered, delivered, signalled }
}

/**
 * How a call ended: `completed` once answered; `declined` when the agent turned it down here;
 * `missed` for an inbound call nobody answered; `canceled` when the app hung up before it even
 * reached the agent; otherwise `unknown` (no answer signal says whether the far end answered).
 */
export function endOutcome(known: KnownCall): CallOutcome {
  if (known.answered) return 'completed'
  if (known.declined) return 'declined'
  if (known.inbound) return 'missed'
  return known.hungUp && !known.delivered ? 'canceled' : 'unknown'
}
