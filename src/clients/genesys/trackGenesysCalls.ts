import type { CallRegistry, TrackedCall } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { digitsOf, preview } from '../../client-kit/text.js'
import type { InteractionEvent } from '../../core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import type { GenesysCall } from './protocol/GenesysCall.js'
import { releasedOutcome } from './inboundCalls.js'
import { participantNumbers, readCallList, readGenesysCall } from './protocol/readGenesysCall.js'

/** A call the Genesys client knows: started here, or seen in a notification or a call list. */
export interface GenesysTracked extends TrackedCall {
  /** The number as parsed, for display (calls started here). */
  phone?: string
  /** The number as sent in `Dial`, for the fallback match. */
  dest?: string
  object?: InteractionAssociatedObject
  /** The last GWS state that moved the status. */
  state?: string
  established?: boolean
  /** The call rings the agent (an inbound call). */
  inbound?: boolean
  /** The agent rejected it here (`Reject`): its `Released` ends it `declined`. */
  declined?: boolean
  /** The wrap-up's disposition and notes reached the call's attached data (`attachWrapUp`). */
  wrapUpAttached?: boolean
  /** The wrap-up was completed (`completeWrapUp`): `completed` was emitted. */
  wrapUpDone?: boolean
  /** Which call-list read first saw the call id. */
  seen?: number
  /** Fails the dial when no notification reports it in time. */
  timer?: ReturnType<typeof setTimeout>
}

export interface GenesysTrackerOptions {
  calls: CallRegistry<GenesysTracked>
  log: ClientLogger
  correlationKey: string
  /** A released call that was established ends with `afterCallWork` (the wrap-up is pending). */
  afterCallWork?: boolean
}

/**
 * Matches GWS calls to the calls the client tracks (by GWS id, by the correlation key echoed in
 * `userData`, then by the dialed number) and turns each into an event. Ordering and finality are
 * the core reducer's: this reports what GWS said, a repeated state as `updated`.
 */
export function createGenesysTracker({
  calls,
  log,
  correlationKey,
  afterCallWork,
}: GenesysTrackerOptions) {
  let generation = 0

  /** How a call GWS released (or stopped listing) ends. */
  const released = (entry: GenesysTracked) => ({
    type: 'ended' as const,
    outcome: releasedOutcome(entry),
    ...(afterCallWork && entry.established && { afterCallWork: true }),
  })

  /** The fallback when the notification carries no correlation key: a pending dial to the same number. */
  function matchNumber(call: GenesysCall): GenesysTracked | undefined {
    const numbers = participantNumbers(call)
    const entry = calls
      .live()
      .find((e) => !e.providerId && e.dest && numbers.includes(digitsOf(e.dest)))
    if (entry) log.warn(`no ${correlationKey}; matched call ${call.id} by its number`)
    return entry
  }

  function entryOf(call: GenesysCall): GenesysTracked {
    const known = calls.byProvider(call.id)
    if (known) return known
    const key = call.userData?.[correlationKey]
    const entry =
      (typeof key === 'string'
        ? calls.get(key)
        : key === undefined && call.state === 'Dialing'
          ? matchNumber(call)
          : undefined) ??
      calls.add({ id: typeof key === 'string' ? key : call.id, at: 0, ended: false })
    calls.bindProvider(entry, call.id)
    entry.seen = generation
    clearTimeout(entry.timer)
    return entry
  }

  /** The event of one call resource; `undefined` for a call already ended. */
  function notify(call: GenesysCall, agentNumber?: string): InteractionEvent | undefined {
    const entry = entryOf(call)
    if (entry.ended) return undefined
    const facts = readGenesysCall(call, agentNumber)
    if (facts.fields.direction === 'inbound') entry.inbound = true
    const fields = {
      ...facts.fields,
      ...(entry.phone && { phoneNumber: entry.phone }),
      ...(entry.object && { associatedObject: entry.object }),
    }
    if (facts.released) return calls.record(entry, { ...fields, ...released(entry) })
    if (!facts.status) log.debug(`unknown state ${fields.rawState}; the state is kept`)
    if (!facts.status || call.state === entry.state)
      return calls.record(entry, { ...fields, type: 'updated' })
    entry.state = call.state
    if (call.state === 'Established') entry.established = true
    return calls.record(entry, { ...fields, type: 'status', status: facts.status })
  }

  /**
   * The events of a `GET /api/v2/me/calls?fields=*` reply: one per listed call, and `ended` for a
   * tracked live call the list lacks (`completed` once established, else as `releasedOutcome` says). A reply without a `calls` array
   * is unknown, never "no calls": it ends nothing and returns `undefined`.
   */
  function readList(reply: Record<string, unknown>, agentNumber?: string) {
    const list = readCallList(reply)
    if (!list) {
      log.warn(
        `the call list came without a calls array; nothing is ended on it: ${preview(reply)}`,
      )
      return undefined
    }
    const mark = ++generation
    const events = list.flatMap((call) => notify(call, agentNumber) ?? [])
    const listed = new Set(list.map((call) => call.id))
    for (const entry of calls.live()) {
      if (!entry.providerId || (entry.seen ?? 0) >= mark || listed.has(entry.providerId)) continue
      // Gone from the list: released while nobody listened, as a `Released` would say.
      const ended = calls.record(entry, { ...released(entry), providerCallId: entry.providerId })
      if (ended) events.push(ended)
    }
    return events
  }

  return { notify, readList }
}

/** The tracker of a Genesys client (see `createGenesysTracker`). */
export type GenesysTracker = ReturnType<typeof createGenesysTracker>
