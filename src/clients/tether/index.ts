/**
 * `react-click-to-call/clients/tether`: Tether's calls API (record with
 * `POST /api/calls/sdk/initiate`, follow with `GET /api/calls/{callId}`), with your voice SDK
 * placing the audio leg.
 */
export { createTetherClient } from './createTetherClient.js'
export type { TetherClient } from './TetherClient.js'
export type {
  TetherClientOptions,
  TetherEventEmitter,
  TetherEventSource,
  TetherPlaceCallRequest,
} from './options.js'
export type { TetherTokenContext, TetherTokenGetter } from './tetherApi.js'
export { tetherInboundCalls } from './inboundCalls.js'
export type {
  InboundCallsParts,
  TetherInbound,
  TetherInboundCalls,
  TetherInboundOptions,
  TetherIncomingCall,
} from './inboundCalls.js'
export type { TetherErrorDetails, TetherErrorReader } from './protocol/tetherErrors.js'
export type { TetherStatusMap, TetherStatusTarget } from './protocol/mapTetherCall.js'
export type {
  TetherCall,
  TetherCallStatus,
  TetherGetCallResponse,
  TetherInboundBody,
  TetherInitiateBody,
  TetherInitiateResponse,
} from './protocol/TetherCall.js'
