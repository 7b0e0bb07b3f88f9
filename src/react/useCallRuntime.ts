import type { CallClient } from '../core/CallClient.js'
import type { CallRuntime } from '../core/createCallRuntime.js'
import { useCallContext } from './CallContext.js'
import type { CallMessages } from './messages.js'
import { useMessages } from './useMessages.js'

/**
 * The provider's runtime: its client, store and start rules. For composing your own hooks.
 *
 * @example
 * const { store, client } = useCallRuntime()
 */
export function useCallRuntime(): CallRuntime {
  return useCallContext('useCallRuntime').runtime
}

/**
 * The provider's client, e.g. to reach a provider-specific control.
 *
 * @example
 * const client = useCallClient()
 * const canHold = client.capabilities.hold
 */
export function useCallClient(): CallClient {
  return useCallContext('useCallClient').runtime.client
}

/**
 * The provider's strings (English unless `messages` replaced some).
 *
 * @example
 * const messages = useCallMessages()
 * messages.callWhom('Ada Lovelace') // "Call Ada Lovelace"
 */
export function useCallMessages(): CallMessages {
  return useMessages('useCallMessages')
}
