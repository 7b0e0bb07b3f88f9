/** `react-click-to-call/clients/bright-pattern`: the Bright Pattern Communicator Widget (`adApi`) client. */
export { createBrightPatternClient } from './createBrightPatternClient.js'
export type { BrightPatternClient } from './BrightPatternClient.js'
export { brightPatternAfterCallWork } from './afterCallWork.js'
export { brightPatternCallerId } from './callerIds.js'
export type { BrightPatternCallerId, CallerIds } from './callerIds.js'
export type {
  AfterCallWork,
  AfterCallWorkParts,
  BrightPatternAfterCallWork,
  BrightPatternAfterCallWorkOptions,
} from './afterCallWork.js'
export type {
  BrightPatternAdApiOptions,
  BrightPatternClientOptions,
  BrightPatternCommonOptions,
  BrightPatternLogger,
  BrightPatternScriptOptions,
} from './options.js'
export type {
  BrightPatternLifecycle,
  BrightPatternStateMap,
  BrightPatternStep,
} from './protocol/interactionStateMap.js'
export type { ResultErrorName, ServerErrorName } from './protocol/errorCodes.js'
export type {
  ActivityRecordInfo,
  AdApi,
  AdApiAssociatedObject,
  AdApiConstructor,
  AdApiEventHandlers,
  AdApiEventName,
  AdApiInitOptions,
  AdApiResult,
  CallParty,
  DIDNumber,
  DispositionData,
  DispositionTarget,
  InteractionActivityData,
  InteractionData,
  InteractionsState,
  InteractionState,
  LoginStateData,
  PhoneCapabilities,
  ServerErrorData,
  AdApiStartCallData,
} from './protocol/AdApi.js'
