/**
 * `react-click-to-call/clients/dialstack`: DialStack click-to-call through your backend
 * (`react-click-to-call/server`), live state over DialStack's SSE stream and the call log.
 * Browser-safe: holds no secret key.
 */
export { createDialStackClient } from './createDialStackClient.js'
export type { DialStackClient } from './DialStackClient.js'
export { dialStackInboundCalls } from './incomingCalls.js'
export type {
  DialStackInboundCalls,
  DialStackInboundOptions,
  IncomingCalls,
  InboundCallsParts,
} from './incomingCalls.js'
export type {
  BackoffOptions,
  DialStackClientOptions,
  DialStackCorrelationOptions,
  DialStackEventsOptions,
  DialStackPollOptions,
  DialStackTrackedCall,
} from './options.js'
export type { AnsweredMeans } from './protocol/mapCallLog.js'
export type { DialStackErrorBody } from './protocol/toDialStackError.js'
export type { CallRequestRules } from './protocol/validateCallRequest.js'
export type {
  DialStackCallEvent,
  DialStackCallLog,
  DialStackCallLogList,
  DialStackCallStatus,
  DialStackClientSecret,
  DialStackEventNames,
} from './protocol/types.js'
