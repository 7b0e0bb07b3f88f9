import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { CallCapabilities, CallClient, Disposition } from '../../core/CallClient.js'
import { isTerminalStatus } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import type { CallTimeline, SimulatedTracked } from './callTimeline.js'
import type { SimulatedClient } from './SimulatedClient.js'
import { simulatedErrors } from './simulatedErrors.js'

export type AfterCallWork = Pick<SimulatedClient, 'completeWrapUp'> &
  Pick<CallClient, 'listDispositions'>

export interface AfterCallWorkOptions {
  capabilities: CallCapabilities
  calls: CallRegistry<SimulatedTracked>
  timeline: CallTimeline
  /** The provider's own list; `listDispositions` exists only with one. */
  dispositions: readonly Disposition[] | undefined
}

/**
 * The agent's work after a call, like a contact-center provider's: an ended call stays in
 * after-call work (`ended` with `afterCallWork`) until `completeWrapUp`, which emits `completed`
 * once. Completing twice is harmless.
 */
export function createAfterCallWork({
  capabilities,
  calls,
  timeline,
  dispositions,
}: AfterCallWorkOptions): AfterCallWork {
  return {
    async completeWrapUp(id, result) {
      if (!capabilities.afterCallWork)
        return failure(simulatedErrors.notSupported('complete after-call work'))
      const call = calls.get(id)
      if (!call) return failure(simulatedErrors.error('not_found', `There is no call ${id}.`))
      if (!isTerminalStatus(call.status)) {
        return failure(
          simulatedErrors.error('invalid_state', 'The call is still live: hang up first.'),
        )
      }
      if (call.wrapUp) return success(null)
      call.wrapUp = { ...result }
      // News, not a state: a resync still replays how the call ended.
      timeline.note(call, { type: 'completed', rawState: 'completed' })
      return success(null)
    },
    ...(dispositions && { listDispositions: async () => success([...dispositions]) }),
  }
}
