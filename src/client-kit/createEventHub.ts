import type { ClientLogger } from './logger.js'

/** Fans a client's events out to its listeners (`CallClient.subscribe`). */
export interface EventHub<E> {
  /** Hands `event` to every listener, in subscription order. */
  emit(event: E): void
  /** Adds a listener; returns its unsubscribe function (calling it twice is harmless). */
  subscribe(listener: (event: E) => void): () => void
  /** Drops every listener (on `dispose`). */
  clear(): void
  /** How many listeners are subscribed. */
  readonly size: number
}

/**
 * The one listener fan-out of every client, with one error policy: a listener that throws is
 * isolated (the others still get the event, the client's timers and streams go on) and reported
 * once per listener through `logger.warn`, with the error.
 *
 * @example
 * const hub = createEventHub<CallEvent>(log)
 * return { subscribe: hub.subscribe, dispose: () => hub.clear() }
 */
export function createEventHub<E>(logger: Pick<ClientLogger, 'warn'>): EventHub<E> {
  const listeners = new Set<(event: E) => void>()
  const reported = new WeakSet<(event: E) => void>()
  return {
    emit(event) {
      // A copy: a listener may unsubscribe itself, or another, while we deliver.
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          if (reported.has(listener)) continue
          reported.add(listener)
          logger.warn('a subscriber threw; the other subscribers still get every event.', error)
        }
      }
    },
    subscribe(listener) {
      // Subscribing the same function twice still gives two unsubscribes that each remove one.
      const own = (event: E) => listener(event)
      listeners.add(own)
      return () => {
        listeners.delete(own)
      }
    },
    clear() {
      listeners.clear()
    },
    get size() {
      return listeners.size
    },
  }
}
