import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import type { CallEvent } from '../../core/CallEvent.js'
import type { GwsApi } from './gwsApi.js'
import type { GenesysSession } from './openSession.js'
import type { GenesysTracked } from './trackGenesysCalls.js'

/** What the start, the controls and the resync share: the factory assembles it once. */
export interface ClientParts {
  api: GwsApi
  calls: CallRegistry<GenesysTracked>
  log: ClientLogger
  /** The session (device, agent number), opened on first use. */
  ready(): Promise<GenesysSession>
  /** Hands an event to the subscribers (nothing once disposed). */
  emit(event: CallEvent | undefined): void
  disposed(): boolean
}
