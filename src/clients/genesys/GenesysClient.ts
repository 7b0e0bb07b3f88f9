import type { CallClient, ControlResult } from '../../core/CallClient.js'
import type { CallEvent } from '../../core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../core/types.js'

/** A `CallClient` for Genesys, with every control GWS offers (each gated by `call.capabilities`). */
export interface GenesysClient extends CallClient {
  answer(interactionId: string): Promise<ControlResult>
  decline(interactionId: string): Promise<ControlResult>
  hangup(interactionId: string): Promise<ControlResult>
  hold(interactionId: string): Promise<ControlResult>
  resume(interactionId: string): Promise<ControlResult>
  sendDtmf(interactionId: string, digits: string): Promise<ControlResult>
  updateAssociatedObject(
    interactionId: string,
    object: InteractionAssociatedObject,
  ): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
}
