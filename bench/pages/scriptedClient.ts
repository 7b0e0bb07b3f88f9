/**
 * A `CallClient` whose events the page emits by hand, so a benchmark can push thousands of
 * events for one interaction without any provider timing in the way.
 */
import {
  success,
  type CallCapabilities,
  type CallClient,
  type CallEvent,
} from 'react-click-to-call/core'

export interface ScriptedClient extends CallClient {
  /** Sends one event to every subscriber, as a provider's stream would. */
  emit(event: CallEvent): void
}

const CAPABILITIES: CallCapabilities = {
  deferredDial: false,
  hangup: true,
  hold: true,
  mute: true,
  dtmf: true,
  updateAssociatedObject: true,
}

export function createScriptedClient(): ScriptedClient {
  const listeners = new Set<(event: CallEvent) => void>()
  let next = 1
  return {
    name: 'scripted',
    capabilities: CAPABILITIES,
    async startCall() {
      return success({ id: `scripted-${next++}` })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(event) {
      for (const listener of listeners) listener(event)
    },
    dispose() {
      listeners.clear()
    },
  }
}
