import { isIncoming } from '../core/CallEvent.js'
import type { Interaction } from '../core/reduceInteraction.js'
import type { CallMessages } from '../react/messages.js'

/**
 * A call's state in words, as the banner and the Softphone say it: "Incoming call", the outcome
 * of an ended call, the reason of a failed one, else the status. `connected` is the caller's own
 * wording for a connected call (the banner puts the duration in it, the Softphone shows it apart).
 */
export function callStateText(call: Interaction, messages: CallMessages, connected: string) {
  const { status } = call
  if (isIncoming(call)) return messages.incomingCall
  if (status === 'connected') return connected
  if (status === 'ended') return messages.ended(call.outcome ?? 'unknown')
  if (status === 'failed')
    return messages.failed(
      call.error ? messages.errorMessage(call.error) : messages.statuses.failed,
    )
  return messages[status]
}
