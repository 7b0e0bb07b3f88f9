import type { ClientWith } from '../../client-kit/ClientWith.js'
import type { LiveCallControl } from '../../core/CallClient.js'
import type { TetherInbound } from './inboundCalls.js'

/**
 * A `CallClient` for Tether. Every control is there: each resolves `not_supported` unless the
 * app passed the voice SDK callback it needs (`hangup`, `hold`, `mute`, `sendDtmf`).
 */
export interface TetherClient extends ClientWith<
  Exclude<LiveCallControl, 'updateAssociatedObject'> | 'snapshot'
> {
  incoming: TetherInbound['incoming']
  endIncoming: TetherInbound['endIncoming']
}
