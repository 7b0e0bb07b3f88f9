import type { EventHub } from '../../client-kit/createEventHub.js'
import type { CallEvent } from '../../core/CallEvent.js'

/** The simulated provider's event stream, which a story or test can drop and restore. */
export interface SimulatedStream {
  /** Hands `event` to the listeners while the stream is up; loses it while dropped. */
  deliver(event: CallEvent): void
  /** Says `reconnecting`, then loses events until `restore`. */
  drop(): void
  /** Says `open` and replays `snapshot`, as a provider's resync would, so no final state is lost. */
  restore(snapshot: readonly CallEvent[]): void
}

/**
 * `afterDeliver` runs after every event, delivered or lost: the phone system's state changed
 * either way (the simulator saves its calls there).
 */
export function createSimulatedStream(
  hub: EventHub<CallEvent>,
  afterDeliver?: () => void,
): SimulatedStream {
  let up = true
  return {
    deliver(event) {
      if (up) hub.emit(event)
      afterDeliver?.()
    },
    drop() {
      if (!up) return
      hub.emit({ type: 'connection', status: 'reconnecting' })
      up = false
    },
    restore(snapshot) {
      if (up) return
      up = true
      hub.emit({ type: 'connection', status: 'open' })
      for (const event of snapshot) hub.emit(event)
    },
  }
}
