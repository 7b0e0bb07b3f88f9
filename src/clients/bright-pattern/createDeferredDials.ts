import type { InteractionEvent } from '../../core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { digitsOf, sameNumber } from './matchDialedNumber.js'

/** A start the widget deferred (Deferred Dial): the number waits in its dialpad. */
export interface DeferredDial {
  /** The client-side id the UI knows the call by until the agent dials. */
  trackingId: string
  phoneNumber: string
  digits: string
  associatedObject?: InteractionAssociatedObject
  createdAt: number
  /** Its `deferred` status event, replayed in snapshots. */
  event: InteractionEvent
}

export interface DeferredDialsOptions {
  /** How long a deferred dial waits for the agent (ms). */
  windowMs: number
  deliver(event: InteractionEvent): void
  /** A deferred dial ran out of time. */
  onExpired(dial: DeferredDial): void
}

export interface DeferredDials {
  /** Records a deferral and shows it as `deferred`. An earlier one for the same number is canceled. */
  add(phoneNumber: string, associatedObject: InteractionAssociatedObject | undefined): DeferredDial
  has(trackingId: string): boolean
  /** Ends a deferred dial as `canceled`. False when there is none by that id. */
  cancel(trackingId: string): boolean
  /** Takes the newest deferral for this number that is still in its window, if any. */
  take(number: string, at: number): DeferredDial | undefined
  /** The `deferred` events of the dials still waiting. */
  events(): InteractionEvent[]
  readonly size: number
  dispose(): void
}

/**
 * The deferred dials of one client. Deferred Dial is not documented: the interaction the agent
 * then dials does not carry the start's id, so it is matched later by number (see `take`).
 */
export function createDeferredDials(options: DeferredDialsOptions): DeferredDials {
  const { windowMs, deliver, onExpired } = options
  const waiting = new Map<string, { dial: DeferredDial; timer: ReturnType<typeof setTimeout> }>()
  let next = 1

  function end(trackingId: string) {
    const entry = waiting.get(trackingId)
    if (!entry) return false
    clearTimeout(entry.timer)
    waiting.delete(trackingId)
    deliver({
      type: 'ended',
      outcome: 'canceled',
      interactionId: trackingId,
      at: Date.now(),
      phoneNumber: entry.dial.phoneNumber,
    })
    return true
  }

  return {
    add(phoneNumber, associatedObject) {
      const digits = digitsOf(phoneNumber)
      // The widget's dialpad holds one number: the earlier deferral of this number is gone from it.
      for (const { dial } of [...waiting.values()]) if (sameNumber(dial.digits, digits)) end(dial.trackingId)
      const createdAt = Date.now()
      const trackingId = `bp-deferred-${createdAt.toString(36)}-${next++}`
      const event: InteractionEvent = {
        type: 'status',
        status: 'deferred',
        interactionId: trackingId,
        at: createdAt,
        phoneNumber,
        direction: 'outbound',
        ...(associatedObject && { associatedObject }),
      }
      const dial: DeferredDial = { trackingId, phoneNumber, digits, createdAt, event, ...(associatedObject && { associatedObject }) }
      const timer = setTimeout(() => {
        onExpired(dial)
        end(trackingId)
      }, windowMs)
      waiting.set(trackingId, { dial, timer })
      deliver(event)
      return dial
    },
    has: (trackingId) => waiting.has(trackingId),
    cancel: end,
    take(number, at) {
      const digits = digitsOf(number)
      let match: DeferredDial | undefined
      for (const { dial } of waiting.values()) {
        if (sameNumber(dial.digits, digits) && at - dial.createdAt <= windowMs) match = dial
      }
      if (!match) return undefined
      clearTimeout(waiting.get(match.trackingId)?.timer)
      waiting.delete(match.trackingId)
      return match
    },
    events: () => [...waiting.values()].map(({ dial }) => dial.event),
    get size() {
      return waiting.size
    },
    dispose() {
      for (const { timer } of waiting.values()) clearTimeout(timer)
      waiting.clear()
    },
  }
}
