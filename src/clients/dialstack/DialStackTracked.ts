import type { TrackedCall } from '../../client-kit/createCallRegistry.js'
import type { Poller } from '../../client-kit/createPoller.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import type { DialStringKind } from '../../core/parseDialString.js'
import type { InteractionAssociatedObject } from '../../core/types.js'

/** A call the DialStack client follows; `providerId` is DialStack's call id once tied. */
export interface DialStackTracked extends TrackedCall {
  userId: string
  /** A call ringing the user (`call.incoming`): `dialString` is then the caller's number. */
  inbound?: boolean
  /** The dial string sent. */
  dialString: string
  dialKind: DialStringKind | 'unknown'
  /** When the 202 came back (epoch ms, this machine's clock). */
  startedAt: number
  associatedObject?: InteractionAssociatedObject
  /** An `answered` event came: with `answeredMeans: 'agent'`, the user's own phone answered. */
  agentAnswered?: boolean
  /** The last state reported, so a poll that shows nothing new stays quiet. */
  reported?: string
  /** The wait for a first event on the stream. */
  timer?: ReturnType<typeof setTimeout>
  /** Polling the call log (no events, or the stream is silent about this call). */
  poller?: Poller
}

/** What a state report looks like, to tell a repeated poll from news. */
export const reportKey = (init: InteractionEventInit): string =>
  `${init.type}:${'status' in init ? init.status : ''}:${init.rawState ?? ''}`

/** `init` with what every event of a call carries: its number, direction, record and DialStack id. */
export const withCall = (
  call: DialStackTracked,
  init: InteractionEventInit,
): InteractionEventInit =>
  ({
    ...init,
    phoneNumber: call.dialString,
    direction: call.inbound ? 'inbound' : 'outbound',
    ...(call.providerId && { providerCallId: call.providerId }),
    ...(call.associatedObject && { associatedObject: call.associatedObject }),
  }) as InteractionEventInit
