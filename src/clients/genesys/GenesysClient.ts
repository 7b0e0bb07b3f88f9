import type { ClientWith } from '../../client-kit/ClientWith.js'
import type { ControlResult, LiveCallControl, WrapUpResult } from '../../core/CallClient.js'

/**
 * A `CallClient` for Genesys, with every control GWS offers (each gated by `call.capabilities`).
 * GWS has no per-call mute, so `mute` is absent.
 */
export interface GenesysClient extends ClientWith<Exclude<LiveCallControl, 'mute'> | 'snapshot'> {
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
