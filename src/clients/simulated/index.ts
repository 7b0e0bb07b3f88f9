/** `react-click-to-call/clients/simulated`: an in-memory, timer-driven client. */
export { createSimulatedClient } from './createSimulatedClient.js'
export type {
  SimulatedCall,
  SimulatedClient,
  SimulatedControl,
  SimulatedRequest,
} from './SimulatedClient.js'
export type {
  SimulatedClientOptions,
  SimulatedDelays,
  SimulatedOutcome,
  SimulatedSettings,
} from './options.js'
export type { SimulatedRing } from './inboundCalls.js'
export { simulatedCallStorage } from './storedCalls.js'
export type { SimulatedCallStorage, SimulatedCallStorageOption } from './storedCalls.js'
