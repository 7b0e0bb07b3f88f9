/**
 * `react-click-to-call/call-log`: log each call to your CRM exactly once, after a wrap-up. Its own
 * import, so an app that does not log calls pays nothing for it.
 */

// Components
export { WrapUpForm } from '../components/WrapUpForm.js'
export type { WrapUpFormProps } from '../components/WrapUpForm.js'
export { RecentCalls } from '../components/RecentCalls.js'
export type { RecentCallsProps } from '../components/RecentCalls.js'

// Provider and headless hooks
export { CallLogProvider } from '../react/CallLogProvider.js'
export type { CallLogProviderProps } from '../react/CallLogProvider.js'
export { useWrapUp } from '../react/useWrapUp.js'
export type { UseWrapUpResult, WrapUpStatus, WrapUpVariables } from '../react/useWrapUp.js'
export { useCallLog, useUnloggedCalls } from '../react/useUnloggedCalls.js'
export { useDispositions } from '../react/useDispositions.js'
export { defaultCallLogMessages } from '../react/callLogMessages.js'
export type { CallLogMessages } from '../react/callLogMessages.js'

// The framework-free log
export { toCallLogEntry } from '../core/CallLogEntry.js'
export type { CallLogEntry, WrapUpDraft } from '../core/CallLogEntry.js'
export { createMemoryCallLogStorage } from '../core/CallLogStorage.js'
export type { CallLogStorage } from '../core/CallLogStorage.js'
export { callLogStatus, createCallLog } from '../core/createCallLog.js'
export type {
  CallLog,
  CallLogOptions,
  CallLogRecord,
  CallLogState,
  CallLogStatus,
  CallLogWriteContext,
  OnCallLog,
  WrapUpMode,
} from '../core/createCallLog.js'
export type { Disposition, WrapUpResult } from '../core/CallClient.js'
