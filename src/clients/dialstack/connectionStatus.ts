import type { EventHub } from '../../client-kit/createEventHub.js'
import type { CallError } from '../../core/CallError.js'
import type { CallEvent, ConnectionStatus } from '../../core/CallEvent.js'

/** The client's connection as the store shows it: the events stream's, or the polls' without one. */
export interface ConnectionReporter {
  readonly status: ConnectionStatus
  report(status: ConnectionStatus, error?: CallError): void
}

export function createConnectionReporter(hub: EventHub<CallEvent>): ConnectionReporter {
  let status: ConnectionStatus = 'open'
  return {
    get status() {
      return status
    },
    report(next, error) {
      // Open and open again is no news (every successful poll says it).
      if (next === status && next === 'open') return
      status = next
      hub.emit({ type: 'connection', status: next, ...(error && { error: error.toJSON() }) })
    },
  }
}
