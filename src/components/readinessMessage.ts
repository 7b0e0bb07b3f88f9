import type { CallReadiness } from '../core/callReadiness.js'
import type { CallMessages } from '../react/messages.js'

/** The words for why a call cannot be placed now, or `null` when it can. */
export function readinessMessage(messages: CallMessages, readiness: CallReadiness): string | null {
  switch (readiness.reason) {
    case undefined:
      return null
    case 'click-to-dial-off':
      return messages.clickToDialOff
    case 'signed-out':
      return messages.signInToCall
    case 'phone-not-ready':
      return messages.phoneNotReady
    case 'disconnected':
      return messages.callUnavailable
    case 'on-call':
      return messages.onAnotherCall(readiness.callWith ?? '')
  }
}
