import type { CallClient, ControlResult } from '../../core/CallClient.js'
import type { CallEvent } from '../../core/CallEvent.js'

/**
 * A `CallClient` for DialStack. `hangup` is always there and always resolves `not_supported`:
 * DialStack has no hang-up, the person hangs up on their phone.
 */
export interface DialStackClient extends CallClient {
  hangup(interactionId: string): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
}
