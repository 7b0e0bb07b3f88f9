/**
 * `react-click-to-call/core`: types, the client contract, the lifecycle reducer, the store and
 * dial-string rules. No React.
 */
export type {
  InitiateResult,
  InteractionAssociatedObject,
  OperationResult,
  ResultError,
} from './types.js'
export { CallError, isCallError } from './CallError.js'
export { describeError } from './describeError.js'
export type { ErrorMessages } from './describeError.js'
export type {
  CallErrorCode,
  CallErrorInfo,
  CallErrorOptions,
  ProviderErrorInfo,
} from './CallError.js'
export { NO_CAPABILITIES } from './CallClient.js'
export type {
  CallCapabilities,
  CallClient,
  ControlResult,
  Disposition,
  StartCallOptions,
  StartCallResult,
  WrapUpResult,
} from './CallClient.js'
export type {
  CallEvent,
  CallOutcome,
  CallStatus,
  ClientEvent,
  ConnectionStatus,
  InteractionEvent,
  InteractionEventBase,
  InteractionEventInit,
  LiveCallStatus,
} from './CallEvent.js'
export { failure, success } from './result.js'
export { reduceInteraction } from './reduceInteraction.js'
export type { Interaction } from './reduceInteraction.js'
export { reduceCallState } from './reduceCallState.js'
export type { CallState, DialpadDraft, DialpadSource, PendingDial } from './reduceCallState.js'
export {
  createCallStore,
  selectActiveInteraction,
  selectInteraction,
  selectInteractions,
} from './createCallStore.js'
export type {
  CallStore,
  CallStoreActions,
  CallStoreApi,
  CallStoreOptions,
} from './createCallStore.js'
export { parseDialString } from './parseDialString.js'
export { quoteInput } from './quoteInput.js'
export { readPastedNumber } from './readPastedNumber.js'
export type { KeypadLetters, PastedNumber } from './readPastedNumber.js'
export type {
  AsYouTypeFormatter,
  DialPolicy,
  DialString,
  DialStringKind,
  DialStringOptions,
  DialStringResult,
  ParsedPhoneNumber,
  PhoneNumberParser,
} from './parseDialString.js'
export { createCallRuntime } from './createCallRuntime.js'
export type {
  CallRuntime,
  CallRuntimeConfig,
  CallRuntimeOptions,
  CallRuntimeRoute,
  DialMode,
  PlaceCallRequest,
  StartCallData,
  StartCallVariables,
  WhileOnCall,
} from './createCallRuntime.js'
export { callReadiness } from './callReadiness.js'
export type { CallReadiness, CallReadinessReason, CallReadinessRules } from './callReadiness.js'
export { validateAssociatedObject } from './validateAssociatedObject.js'
export type {
  AssociatedObjectField,
  AssociatedObjectProblem,
  AssociatedObjectResult,
} from './validateAssociatedObject.js'
export { toCallLogEntry } from './CallLogEntry.js'
export type { CallLogEntry, WrapUpDraft } from './CallLogEntry.js'
export { createMemoryCallLogStorage } from './CallLogStorage.js'
export type { CallLogStorage } from './CallLogStorage.js'
export { callLogStatus, createCallLog } from './createCallLog.js'
export type {
  CallLog,
  CallLogOptions,
  CallLogRecord,
  CallLogState,
  CallLogStatus,
  CallLogWriteContext,
  OnCallLog,
  WrapUpMode,
} from './createCallLog.js'
