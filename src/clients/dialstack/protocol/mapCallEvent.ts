import type { InteractionEventInit, LiveCallStatus } from '../../../core/CallEvent.js'
import { mapEndStatus, type AnsweredMeans } from './mapCallLog.js'
import type { DialStackCallEvent, DialStackEventNames } from './types.js'

/** What an event name means to the client: one of the followed names. */
export type EventRole = keyof DialStackEventNames

/**
 * The normalized event of a followed call event. `call.ringing` is "a user's phones are about
 * to ring": the user's own leg, so still dialing. `call.answered` is the user's pickup (the
 * customer's phone now rings) unless `answeredMeans` is `'destination'` or the user already
 * answered (`agentAnswered`): then the customer picked up.
 */
export function mapCallEvent(
  role: EventRole,
  event: DialStackCallEvent,
  answeredMeans: AnsweredMeans,
  agentAnswered: boolean,
): InteractionEventInit {
  const rawState = event.type
  if (role === 'end') return mapEndStatus(event.status ?? rawState, event.hangupCause)
  let status: LiveCallStatus = 'dialing'
  if (role === 'answered')
    status = answeredMeans === 'destination' || agentAnswered ? 'connected' : 'ringing'
  return { type: 'status', status, rawState }
}
