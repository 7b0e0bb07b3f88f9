import type { CallErrorInfo } from '../../../core/CallError.js'
import type { CallOutcome, InteractionEventInit, LiveCallStatus } from '../../../core/CallEvent.js'
import { parseTime } from './parseDialStackEvent.js'
import type { DialStackCallLog } from './types.js'

/** What a `call.answered` event (and a log's `answered_at`) means; see `answeredMeans`. */
export type AnsweredMeans = 'agent' | 'destination'

/** A normalized event and the provider's time for it. */
export interface MappedState {
  init: InteractionEventInit
  at?: number
}

/** `status` → outcome, where they differ; `completed`, `no-answer`, `busy`, `voicemail`, `canceled` are the same. */
const OUTCOMES: Record<string, CallOutcome> = {
  // The webhook guide says `call.end` fires "answered, no-answer, busy, or failed".
  answered: 'completed',
  no_answer: 'no-answer',
  cancelled: 'canceled',
}
const SAME_OUTCOMES = ['completed', 'no-answer', 'busy', 'voicemail', 'canceled']

/** Q.850 causes a person can act on; the rest get the generic message. */
const CAUSES: Record<number, string> = {
  1: 'The number does not exist. Check it and try again.',
  3: 'The number cannot be reached from here.',
  21: 'The call was rejected.',
  27: 'The destination is out of order.',
  28: 'The number is incomplete or not valid. Check it and try again.',
  34: 'No line is free right now. Try again in a moment.',
  38: 'The phone network is out of order. Try again later.',
}

/** The normalized end of a call from DialStack's `status` (`call.end` or the call log). */
export function mapEndStatus(
  status: string | undefined | null,
  hangupCause?: number | null,
): InteractionEventInit {
  const rawState = status ?? 'ended'
  if (status === 'failed') {
    const cause = typeof hangupCause === 'number' ? hangupCause : undefined
    // The plain form of a `CallError`, as a failed event carries it.
    const error: CallErrorInfo = {
      code: 'provider_error',
      message: (cause !== undefined && CAUSES[cause]) || 'The call could not be connected.',
      provider: {
        provider: 'dialstack',
        name: 'failed',
        ...(cause !== undefined && { code: cause }),
      },
    }
    return { type: 'failed', error, rawState }
  }
  const outcome =
    OUTCOMES[rawState] ?? (SAME_OUTCOMES.includes(rawState) ? (rawState as CallOutcome) : 'unknown')
  return { type: 'ended', outcome, rawState }
}

/**
 * The normalized state a call log shows: `status` set → ended or failed; `connected_at` →
 * connected; `answered_at` → connected or, when it means the agent's leg, ringing; else dialing.
 * The call id and direction are the client's to add.
 */
export function mapCallLog(log: DialStackCallLog, answeredMeans: AnsweredMeans): MappedState {
  if (log.status != null)
    return { init: mapEndStatus(log.status, log.hangup_cause), at: parseTime(log.ended_at) }
  const [status, rawState, time]: [LiveCallStatus, string, string] = log.connected_at
    ? ['connected', 'connected', log.connected_at]
    : log.answered_at
      ? [answeredMeans === 'destination' ? 'connected' : 'ringing', 'answered', log.answered_at]
      : ['dialing', 'started', log.started_at]
  return { init: { type: 'status', status, rawState }, at: parseTime(time) }
}
