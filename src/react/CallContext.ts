import { createContext, useContext } from 'react'
import type { CallReadinessRules } from '../core/callReadiness.js'
import type { CallRuntime } from '../core/createCallRuntime.js'
import type { TabSession } from '../core/tabs/sharedTabs.js'
import type { CallMessages } from './messages.js'

export interface CallContextValue {
  runtime: CallRuntime
  /** The app's replacements for the English strings (see `useMessages`). */
  messages: Partial<CallMessages> | undefined
  /** The provider's props that decide whether a call can be placed (see `useCallReadiness`). */
  readinessRules: Pick<CallReadinessRules, 'clickToDial' | 'whileOnCall'>
  /** This provider's place among the app's tabs; `null` when tabs are independent. */
  tabs: TabSession | null
  /** The provider's `asYouType` in its `defaultRegion`: formats a number as it is typed. */
  formatTyped: ((number: string) => string) | undefined
}

export const CallContext = createContext<CallContextValue | null>(null)
CallContext.displayName = 'CallContext'

/** The provider's context, or a clear error naming the component or hook used outside it. */
export function useCallContext(name: string): CallContextValue {
  const value = useContext(CallContext)
  if (!value) throw new Error(`\`${name}\` must be used within \`CallProvider\`.`)
  return value
}
