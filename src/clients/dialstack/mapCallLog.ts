import { CallError } from '../../core/CallError.js'
import type { CallOutcome, InteractionEventInit } from '../../core/CallEvent.js'
import { parseTime } from './parseDialStackEvent.js'
import type { DialStackCallLog } from './types.js'

/** What a `call.answered` event (and a log's `answered_at`) means; see `answeredMeans`. */
export type AnsweredMeans = 'agent' | 'destination'

/** A normalized event and the provider's time for it. */
export interface MappedState {
  init: InteractionEventInit
  at?: number
}

const OUTCOMES: Record<string, CallOutcome> = {
  completed: 'completed',
  // The webhook guide says `call.end` fires "answered, no-answer, busy, or failed".
  answered: 'completed',
  'no-answer': 'no-answer',
  no_answer: 'no-answer',
  busy: 'busy',
  voicemail: 'voicemail',
  canceled: 'canceled',
  cancelled: 'canceled',
}

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
export function mapEndStatus(status: string | undefined | null, hangupCause?: number | null): InteractionEventInit {
  const rawState = status ?? 'ended'
  if (status === 'failed') {
    const cause = typeof hangupCause === 'number' ? hangupCause : undefined
    const error = new CallError('provider_error', (cause !== undefined && CAUSES[cause]) || 'The call could not be connected.', {
      provider: { provider: 'dialstack', name: 'failed', ...(cause !== undefined && { code: cause }) },
    })
    return { type: 'failed', error: error.toJSON(), rawState }
  }
  return { type: 'ended', outcome: (status && OUTCOMES[status]) || 'unknown', rawState }
}

/**
 * The normalized state a call log shows: `status` set → ended or failed; `connected_at` →
 * connected; `answered_at` → connected or, when it means the agent's leg, ringing; else dialing.
 */
export function mapCallLog(log: DialStackCallLog, answeredMeans: AnsweredMeans): MappedState {
  const meta = { providerCallId: log.id, direction: 'outbound' as const }
  if (log.status !== null && log.status !== undefined) {
    return { init: { ...mapEndStatus(log.status, log.hangup_cause), ...meta }, at: parseTime(log.ended_at) }
  }
  if (log.connected_at) {
    return { init: { type: 'status', status: 'connected', rawState: 'connected', ...meta }, at: parseTime(log.connected_at) }
  }
  if (log.answered_at) {
    const status = answeredMeans === 'destination' ? 'connected' : 'ringing'
    return { init: { type: 'status', status, rawState: 'answered', ...meta }, at: parseTime(log.answered_at) }
  }
  return { init: { type: 'status', status: 'dialing', rawState: 'started', ...meta }, at: parseTime(log.started_at) }
}
