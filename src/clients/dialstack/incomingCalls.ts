import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { digitsOf, formatDuration } from '../../client-kit/text.js'
import { positiveMs } from '../../client-kit/timeOptions.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import type { DialStackTracked } from './DialStackTracked.js'
import type { DialStackCallEvent } from './protocol/types.js'

/** The stream's event for a call ringing a user. */
export const INCOMING_EVENT = 'call.incoming'

/** Options of `dialStackInboundCalls`. */
export interface DialStackInboundOptions {
  /**
   * An incoming call (`call.incoming`, a screen pop) that no later event names ends `unknown`
   * after this long, in ms: the documented event has no call id, so nothing may follow it.
   * @default 60000
   */
  ringTimeoutMs?: number
}

/** What the client hands its inbound calls. */
export interface InboundCallsParts {
  calls: CallRegistry<DialStackTracked>
  /** The signed-in person: only calls routed to them pop here. */
  userId: string
  report(call: DialStackTracked, init: InteractionEventInit, at?: number): void
  log: ClientLogger
}

/** The inbound calls of a DialStack client: `createDialStackClient({ inbound: dialStackInboundCalls() })`. */
export interface DialStackInboundCalls {
  /** Builds the inbound calls of one client. */
  create(parts: InboundCallsParts): IncomingCalls
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
 *
 * Its own export, so that an app that wants no screen pop for incoming calls pays nothing for it.
 *
 * @example
 * createDialStackClient({ endpoint, userId, events, inbound: dialStackInboundCalls() })
 */
export function dialStackInboundCalls(
  options: DialStackInboundOptions = {},
): DialStackInboundCalls {
  const ringTimeoutMs = positiveMs(
    'dialStackInboundCalls',
    'ringTimeoutMs',
    options.ringTimeoutMs,
    60_000,
  )
  return { create: (parts) => createIncomingCalls(ringTimeoutMs, parts) }
}

/** What the live events use of the inbound calls. */
export interface IncomingCalls {
  /** A `call.incoming` from the stream. */
  ring(event: DialStackCallEvent): void
  /** The live incoming call an inbound event names by its caller (and user, when given). */
  match(event: DialStackCallEvent): DialStackTracked | undefined
}

function createIncomingCalls(
  ringTimeoutMs: number,
  { calls, userId, report, log }: InboundCallsParts,
): IncomingCalls {
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
