/**
 * `react-click-to-call/clients/tether`: Tether's calls API (record with
 * `POST /api/calls/sdk/initiate`, follow with `GET /api/calls/{callId}`), with your voice SDK
 * placing the audio leg.
 */
export { createTetherClient } from './createTetherClient.js'
export type {
  TetherClient,
  TetherClientOptions,
  TetherEventEmitter,
  TetherEventSource,
  TetherPlaceCallRequest,
} from './createTetherClient.js'
export type {
  TetherErrorDetails,
  TetherErrorReader,
  TetherLogger,
  TetherTokenContext,
  TetherTokenGetter,
} from './createTetherApi.js'
export { DEFAULT_TETHER_STATUS_MAP, mapTetherCall } from './mapTetherCall.js'
export type { MappedTetherCall, TetherStatusMap, TetherStatusTarget } from './mapTetherCall.js'
export type {
  TetherCall,
  TetherCallStatus,
  TetherGetCallResponse,
  TetherInitiateBody,
  TetherInitiateResponse,
} from './TetherCall.js'
