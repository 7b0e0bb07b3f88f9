import type { CallClient, ControlResult } from '../../core/CallClient.js'
import type { CallEvent } from '../../core/CallEvent.js'
import type { TetherInbound } from './inboundCalls.js'

/**
 * A `CallClient` for Tether. Every control is there: each resolves `not_supported` unless the
 * app passed the voice SDK callback it needs (`hangup`, `hold`, `mute`, `sendDtmf`).
 */
export interface TetherClient extends CallClient {
  incoming: TetherInbound['incoming']
  endIncoming: TetherInbound['endIncoming']
  answer(interactionId: string): Promise<ControlResult>
  decline(interactionId: string): Promise<ControlResult>
  hangup(interactionId: string): Promise<ControlResult>
  hold(interactionId: string): Promise<ControlResult>
  resume(interactionId: string): Promise<ControlResult>
  mute(interactionId: string, muted: boolean): Promise<ControlResult>
  sendDtmf(interactionId: string, digits: string): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
}
