import { createContext, useContext } from 'react'
import type { Disposition } from '../core/CallClient.js'
import type { CallLog, WrapUpMode } from '../core/createCallLog.js'
import type { CallLogMessages } from './callLogMessages.js'

export interface CallLogContextValue {
  callLog: CallLog
  wrapUp: WrapUpMode
  /** The app's dispositions; `undefined` lets the provider's own list (if any) apply. */
  dispositions: readonly Disposition[] | undefined
  messages: CallLogMessages
}

export const CallLogContext = createContext<CallLogContextValue | null>(null)
CallLogContext.displayName = 'CallLogContext'

/** The call log's context, or a clear error naming the component or hook used outside it. */
export function useCallLogContext(name: string): CallLogContextValue {
  const value = useContext(CallLogContext)
  if (!value) throw new Error(`\`${name}\` must be used within \`CallLogProvider\`.`)
  return value
}
