import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { digitsOf, formatDuration } from '../../client-kit/text.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import type { DialStackTracked } from './DialStackTracked.js'
import type { DialStackCallEvent } from './protocol/types.js'

/** The stream's event for a call ringing a user. */
export const INCOMING_EVENT = 'call.incoming'

export interface IncomingCallsOptions {
  calls: CallRegistry<DialStackTracked>
  /** The signed-in person: only calls routed to them pop here. */
  userId: string
  /** An incoming call nothing more is heard of ends after this long. */
  ringTimeoutMs: number
  report(call: DialStackTracked, init: InteractionEventInit, at?: number): void
  log: ClientLogger
}

/**
 * Incoming calls, as a screen pop. DialStack rings the user's own phones and offers no API to
 * answer or decline (https://docs.dialstack.ai/guides/events): a `call.incoming` whose `user` is
 * the signed-in person becomes an inbound call `ringing` with the caller's `from_number`, with no
 * answer control. The stream is account-wide and `user` is "Set only when the DID targets a
 * single user directly" (https://docs.dialstack.ai/sdk-reference/index/interfaces/IncomingCallEvent):
 * a call for another user or a ring group pops nothing here. The event has no `call_id`: a later
 * event binds it only on a positive identifier (`direction: 'inbound'` with the same caller, as
 * webhook payloads carry); without one, the call ends `unknown` after `ringTimeoutMs`, so nothing
 * stays ringing for ever.
 */
export function createIncomingCalls({
  calls,
  userId,
  ringTimeoutMs,
  report,
  log,
}: IncomingCallsOptions) {
  let counter = 0

  return {
    /** A `call.incoming` from the stream. */
    ring(event: DialStackCallEvent) {
      if (event.user !== userId || !event.fromNumber) {
        log.debug(
          event.user === undefined
            ? 'call.incoming without user (a ring group or a shared number): no screen pop.'
            : 'call.incoming for another user ignored.',
        )
        return
      }
      counter += 1
      const at = event.at ?? Date.now()
      const call: DialStackTracked = {
        id: `dialstack-in-${at.toString(36)}-${counter}`,
        at: 0,
        ended: false,
        inbound: true,
        userId,
        dialString: event.fromNumber,
        dialKind: 'unknown',
        startedAt: Date.now(),
      }
      calls.add(call)
      report(call, { type: 'status', status: 'ringing', rawState: event.type }, event.at)
      call.timer = setTimeout(() => {
        if (call.ended || call.providerId) return
        log.debug(
          `nothing more was heard of the incoming call ${call.id} in ${formatDuration(ringTimeoutMs)}; it ends unknown.`,
        )
        report(call, { type: 'ended', outcome: 'unknown', rawState: 'ring-timeout' })
      }, ringTimeoutMs)
    },

    /** The live incoming call an inbound event names by its caller (and user, when given). */
    match(event: DialStackCallEvent): DialStackTracked | undefined {
      const caller = digitsOf(event.fromNumber)
      if (event.direction !== 'inbound' || !caller) return undefined
      if (event.user !== undefined && event.user !== userId) return undefined
      return calls
        .live()
        .find(
          (call) =>
            call.inbound &&
            digitsOf(call.dialString) === caller &&
            (!event.callId || !call.providerId || call.providerId === event.callId),
        )
    },
  }
}

export type IncomingCalls = ReturnType<typeof createIncomingCalls>
