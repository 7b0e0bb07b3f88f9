/**
 * react-click-to-call: components, headless hooks and the core types. Provider clients are
 * subpath imports (`react-click-to-call/clients/simulated` …) and the framework-free core is
 * `react-click-to-call/core`, so an app pays only for what it imports.
 */

// Components
export { CallButton } from './components/CallButton.js'
export type {
  CallButtonProps,
  CallButtonSize,
  CallButtonStatus,
  CallButtonVariant,
} from './components/CallButton.js'
export { Dialpad } from './components/Dialpad.js'
export type { DialpadMode, DialpadProps } from './components/Dialpad.js'
export { CallStatusBanner } from './components/CallStatusBanner.js'
export type { CallStatusBannerProps } from './components/CallStatusBanner.js'
export { Softphone } from './components/Softphone.js'
export type { SoftphoneProps } from './components/Softphone.js'
export { AssociatedObjectEditor } from './components/AssociatedObjectEditor.js'
export type {
  AssociatedObjectEditorMode,
  AssociatedObjectEditorProps,
} from './components/AssociatedObjectEditor.js'
export type {
  AssociatedObjectErrors,
  AssociatedObjectValidation,
} from './components/associatedObjectDraft.js'

// Provider and headless hooks
export { CallProvider } from './react/CallProvider.js'
export type { CallProviderProps } from './react/CallProvider.js'
export { defaultMessages } from './react/messages.js'
export type { AssociatedObjectTextField, CallMessages, DialpadKey } from './react/messages.js'
export { startCallMutationOptions } from './react/startCallMutationOptions.js'
export { useStartCall } from './react/useStartCall.js'
export type { UseStartCallOptions, UseStartCallResult } from './react/useStartCall.js'
export { useCallClient, useCallMessages, useCallRuntime } from './react/useCallRuntime.js'
export {
  liveInteractions,
  useActiveInteraction,
  useCallStore,
  useInteraction,
  useInteractions,
} from './react/useCallStore.js'
export { useDialpad } from './react/useDialpad.js'
export type { UseDialpadOptions, UseDialpadResult } from './react/useDialpad.js'
export { useCallReadiness } from './react/useCallReadiness.js'
export type { UseCallReadinessOptions } from './react/useCallReadiness.js'
export { useCallControls } from './react/useCallControls.js'
export type { CallControl, UseCallControlsResult } from './react/useCallControls.js'
export { DEFAULT_CALL_SHORTCUTS, useCallShortcuts } from './react/useCallShortcuts.js'
export type { CallShortcuts } from './react/useCallShortcuts.js'
export { usePhoneNumber } from './react/usePhoneNumber.js'
export type { UsePhoneNumberResult } from './react/usePhoneNumber.js'
export { formatCallDuration, useCallDuration } from './react/useCallDuration.js'
export type { TimedInteraction } from './react/useCallDuration.js'

// Core values and types a React app needs beside the hooks
export { CallError, isCallError } from './core/CallError.js'
export { describeError } from './core/describeError.js'
export type { CallErrorCode, CallErrorInfo, ProviderErrorInfo } from './core/CallError.js'
export type {
  CallCapabilities,
  CallClient,
  ControlResult,
  StartCallOptions,
  StartCallResult,
} from './core/CallClient.js'
export type {
  CallEvent,
  CallOutcome,
  CallStatus,
  ConnectionStatus,
  InteractionEvent,
} from './core/CallEvent.js'
export type { CallReadiness, CallReadinessReason } from './core/callReadiness.js'
export type {
  CallRuntime,
  DialMode,
  PlaceCallRequest,
  StartCallData,
  StartCallVariables,
  WhileOnCall,
} from './core/createCallRuntime.js'
export type {
  AsYouTypeFormatter,
  DialPolicy,
  DialString,
  DialStringResult,
  PhoneNumberParser,
} from './core/parseDialString.js'
export type { CallState, DialpadDraft, PendingDial } from './core/reduceCallState.js'
export type { Interaction } from './core/reduceInteraction.js'
export type {
  InitiateResult,
  InteractionAssociatedObject,
  OperationResult,
  ResultError,
} from './core/types.js'
