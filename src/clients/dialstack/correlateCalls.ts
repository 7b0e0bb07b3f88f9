import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import { digitsOf } from '../../client-kit/text.js'
import type { DialStackTracked } from './DialStackTracked.js'
import type { DialStackCorrelationOptions, DialStackTrackedCall } from './options.js'
import { parseTime } from './protocol/parseDialStackEvent.js'
import type { DialStackCallEvent, DialStackCallLog } from './protocol/types.js'

/** Ties DialStack's events and call logs to the calls started here (its 202 carries no call id). */
export interface Correlation {
  /**
   * The call an event belongs to (only `only`, when given); ties it to the event's call id. The
   * stream is account-wide (every user's calls) and DialStack's `call.answered` / `call.end` carry
   * only `call_id`: an event binds a call on a positive identifier only (its known call id, our
   * user, or the dialed number), never for lack of a contrary one. The call log ties the rest.
   */
  correlate(event: DialStackCallEvent, only?: DialStackTracked): DialStackTracked | undefined
  /** Of `logs`, the one of `call` (not yet tied to a DialStack id): the closest in time that fits. */
  closestLog(
    logs: readonly DialStackCallLog[],
    call: DialStackTracked,
  ): DialStackCallLog | undefined
}

export interface CorrelationOptions {
  calls: CallRegistry<DialStackTracked>
  windowMs: number
  clockSkewMs: number
  match?: DialStackCorrelationOptions['match']
}

/** The number DialStack reports matches the one dialed (local numbers come back normalized). */
function sameNumber(reported: string, call: DialStackTracked): boolean {
  const a = digitsOf(reported)!
  const b = digitsOf(call.dialString)!
  return (
    a === b ||
    ((call.dialKind === 'local' || call.dialKind === 'unknown') && b.length >= 7 && a.endsWith(b))
  )
}

/** What a custom `match` sees of a call: a copy, so it cannot change the client's own record. */
const publicView = (call: DialStackTracked): DialStackTrackedCall => ({
  id: call.id,
  userId: call.userId,
  dialString: call.dialString,
  dialKind: call.dialKind,
  startedAt: call.startedAt,
  ...(call.providerId !== undefined && { providerCallId: call.providerId }),
})

export function createCorrelation({
  calls,
  windowMs,
  clockSkewMs,
  match,
}: CorrelationOptions): Correlation {
  const inWindow = (time: number, call: DialStackTracked) =>
    time >= call.startedAt - clockSkewMs && time <= call.startedAt + windowMs

  return {
    correlate(event, only) {
      const known = event.callId && calls.byProvider(event.callId)
      if (known) return !only || known === only ? known : undefined
      if (event.direction && event.direction !== 'outbound') return undefined
      if (!match && event.user === undefined && event.toNumber === undefined) return undefined
      const time = event.at ?? Date.now()
      let chosen: DialStackTracked | undefined
      for (const call of only ? [only] : calls.live()) {
        if (call.ended || (event.callId && call.providerId) || !inWindow(time, call)) continue
        const matches = match
          ? match(event, publicView(call))
          : (!event.user || event.user === call.userId) &&
            (!event.toNumber || sameNumber(event.toNumber, call))
        if (matches && (!chosen || call.startedAt < chosen.startedAt)) chosen = call
      }
      if (chosen && event.callId) calls.bindProvider(chosen, event.callId)
      return chosen
    },
    closestLog(logs, call) {
      let best: DialStackCallLog | undefined
      let bestDistance = Infinity
      for (const log of logs) {
        const owner = calls.byProvider(log.id)
        const started = parseTime(log.started_at)
        if ((owner && owner !== call) || (log.direction && log.direction !== 'outbound')) continue
        if (
          (log.to_number && !sameNumber(log.to_number, call)) ||
          started === undefined ||
          !inWindow(started, call)
        )
          continue
        const distance = Math.abs(started - call.startedAt)
        if (distance < bestDistance) {
          best = log
          bestDistance = distance
        }
      }
      return best
    },
  }
}
