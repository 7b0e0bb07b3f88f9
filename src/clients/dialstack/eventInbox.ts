import type { EventRole } from './protocol/mapCallEvent.js'
import type { DialStackCallEvent } from './protocol/types.js'

/** Event ids kept to drop duplicates. */
const SEEN_KEPT = 1000
/** Unmatched events kept for a call whose 202 has not been read yet, and for how long. */
const EARLY_KEPT = 50
const EARLY_MS = 10_000

interface Held {
  event: DialStackCallEvent
  role: EventRole
  receivedAt: number
}

/**
 * What the stream said that the client could not use yet: ids of events already applied (events
 * may come more than once, as DialStack says of webhooks), and events that matched no call (the
 * stream can be faster than the 202 of their own call), replayed once their call is known.
 */
export interface EventInbox {
  /**
   * True when an event with this id came before. Frames without an id are never compared: the
   * user's and the customer's `call.answered` of one call are the same documented frame.
   */
  isDuplicate(event: DialStackCallEvent): boolean
  /** Keeps an event that matched no call, for a while. */
  hold(event: DialStackCallEvent, role: EventRole): void
  /** True when a held event carries a DialStack call id (the call log may say whose it is). */
  holdsCallIds(): boolean
  /** Hands `take` the held events, oldest first; those it takes (returns true for) leave the inbox. */
  replay(take: (event: DialStackCallEvent, role: EventRole) => boolean): void
}

export function createEventInbox(): EventInbox {
  const seen = new Set<string>()
  let held: Held[] = []
  return {
    isDuplicate({ id }) {
      if (id === undefined) return false
      if (seen.has(id)) return true
      seen.add(id)
      if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value!)
      return false
    },
    hold(event, role) {
      held.push({ event, role, receivedAt: Date.now() })
      if (held.length > EARLY_KEPT) held.shift()
    },
    holdsCallIds: () => held.some(({ event }) => event.callId),
    replay(take) {
      const now = Date.now()
      held = held.filter(
        ({ event, role, receivedAt }) => now - receivedAt < EARLY_MS && !take(event, role),
      )
    },
  }
}
