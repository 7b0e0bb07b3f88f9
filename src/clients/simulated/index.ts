/** `react-click-to-call/clients/simulated`: an in-memory, timer-driven client. */
export { createSimulatedClient } from './createSimulatedClient.js'
export type {
  SimulatedCall,
  SimulatedClient,
  SimulatedClientOptions,
  SimulatedControl,
  SimulatedDelays,
  SimulatedOutcome,
  SimulatedRequest,
} from './createSimulatedClient.js'
