import type { CallOutcome } from '../../core/CallEvent.js'
import type { Operate } from './callOperations.js'
import type { GenesysTracked } from './trackGenesysCalls.js'

/**
 * How a released call ended: `completed` once it was established; for an inbound call that never
 * was, `declined` when the agent rejected it here, else `missed` (the caller gave up, or it rang
 * out); `unknown` for an outbound call released before an answer (GWS does not say why).
 */
export function releasedOutcome(entry: GenesysTracked): CallOutcome {
  if (entry.established) return 'completed'
  if (entry.declined) return 'declined'
  return entry.inbound ? 'missed' : 'unknown'
}

/**
 * Answer and decline for a ringing inbound call. `Answer` ("Answers a ringing call") moves it to
 * `Established`: https://docs.genesys.com/Documentation/HTCC/latest/API/CallsAnswer . The decline
 * is GWS's `Reject`, which only calls delivered through a queue allow (they go back to the queue;
 * "you can't reject direct calls"): https://docs.genesys.com/Documentation/HTCC/latest/API/CallsReject .
 * Each is offered only while the call lists it in `capabilities`, so the UI shows Decline only
 * where GWS takes it.
 */
export function createInboundControls(
  operate: Operate,
  find: (id: string) => GenesysTracked | undefined,
) {
  return {
    answer: (id: string) => operate(id, 'Answer'),
    async decline(id: string) {
      const result = await operate(id, 'Reject')
      // The `Released` that follows says nothing of why: remember it was the agent's choice.
      const entry = find(id)
      if (result.status === 'success' && entry) entry.declined = true
      return result
    },
  }
}
