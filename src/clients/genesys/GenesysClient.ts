import type { CallClient, ControlResult, WrapUpResult } from '../../core/CallClient.js'
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
  /**
   * Writes a wrap-up's disposition and notes to a live call's attached data (`UpdateUserData`,
   * under the `afterCallWork` keys): GWS takes attached data only before the call is released.
   * `not_supported` without the `afterCallWork` option.
   */
  attachWrapUp(interactionId: string, result: WrapUpResult): Promise<ControlResult>
  /**
   * Ends the wrap-up of an ended call: `Ready` when GWS has the agent in `AfterCallWork`, then
   * `completed`. `not_supported` without the `afterCallWork` option.
   */
  completeWrapUp(interactionId: string, result: WrapUpResult): Promise<ControlResult>
}
