/** `react-click-to-call/clients/bright-pattern`: the Bright Pattern Communicator Widget (`adApi`) client. */
export { createBrightPatternClient } from './createBrightPatternClient.js'
export type {
  BrightPatternAdApiOptions,
  BrightPatternClient,
  BrightPatternClientOptions,
  BrightPatternCommonOptions,
  BrightPatternLogger,
  BrightPatternScriptOptions,
} from './BrightPatternClient.js'
export { DEFAULT_STATE_MAP } from './interactionStateMap.js'
export type {
  BrightPatternLifecycle,
  BrightPatternStateMap,
  BrightPatternStep,
} from './interactionStateMap.js'
export { loadAdApiScript } from './loadAdApiScript.js'
export type { LoadAdApiScriptOptions } from './loadAdApiScript.js'
export { RESULT_ERROR_CODES, SERVER_ERROR_CODES } from './AdApi.js'
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
  InteractionActivityData,
  InteractionData,
  InteractionsState,
  InteractionState,
  LoginStateData,
  PhoneCapabilities,
  ResultErrorName,
  ServerErrorData,
  ServerErrorName,
  StartCallData,
} from './AdApi.js'
