/**
 * `react-click-to-call/server`: backend helpers. Node and edge runtimes only (Fetch API);
 * never import this from browser code: it handles DialStack's secret key.
 */
export { createDialStackHandler } from './createDialStackHandler.js'
export type {
  AuthorizeResult,
  DialStackAction,
  DialStackHandlerOptions,
  DialStackSessionComponents,
  FetchHandler,
} from './DialStackHandlerOptions.js'
export { toNodeHandler } from './toNodeHandler.js'
export type { NodeHandler } from './toNodeHandler.js'
export type { HandlerErrorBody } from './sanitizeErrorBody.js'
export type { CallRequestRules } from '../clients/dialstack/protocol/validateCallRequest.js'
