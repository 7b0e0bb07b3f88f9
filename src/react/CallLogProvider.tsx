import { useEffect, useMemo, type ReactNode } from 'react'
import type { Disposition } from '../core/CallClient.js'
import type { CallLogStorage } from '../core/CallLogStorage.js'
import { createCallLog, type OnCallLog, type WrapUpMode } from '../core/createCallLog.js'
import { useCallContext } from './CallContext.js'
import { CallLogContext, type CallLogContextValue } from './CallLogContext.js'
import { defaultCallLogMessages, type CallLogMessages } from './callLogMessages.js'

export interface CallLogProviderProps {
  /**
   * Writes one call to your CRM. Called once per call, after its wrap-up (at the end of the call
   * with `wrapUp="off"`), with `{ idempotencyKey, logId?, attempt }`. Resolve with the CRM
   * record's `{ id }` so a later edit comes back with `logId` (an update); reject to have the
   * write retried with backoff. A new function each render is fine.
   */
  onCallLog: OnCallLog
  /**
   * The signed-in agent's id in your app. Unlogged calls are kept per client and per user, so two
   * agents sharing a browser never see each other's.
   */
  userId: string
  /** `'optional'` (default) shows the wrap-up with Skip; `'required'` without; `'off'` logs at the end. */
  wrapUp?: WrapUpMode
  /** The dispositions to choose from, as your CRM knows them. Default: the provider's own list, if it has one. */
  dispositions?: readonly Disposition[]
  /**
   * Where unlogged calls wait across reloads: `localStorage` by default, `null` for memory only,
   * or your own (the `getItem` / `setItem` / `removeItem` of Web Storage). Keep it stable.
   */
  storage?: CallLogStorage | null
  /** Logged calls kept for "Logged" marks and edits. Default 100. */
  keepLogged?: number
  /** Milliseconds before retry number `attempt`. Default 1 s doubling to 1 min. */
  retryDelay?: (attempt: number) => number
  /** Replaces some or all strings of `WrapUpForm` and `RecentCalls` (English by default). */
  messages?: Partial<CallLogMessages>
  children?: ReactNode
}

/**
 * Logs every call of the `CallProvider` above it to your CRM, exactly once: after the wrap-up
 * (`WrapUpForm`, `useWrapUp`) or at the end of the call, retried with backoff until it is
 * written, and kept in `storage` across reloads until then. Its own import
 * (`react-click-to-call/call-log`), so an app that does not log calls pays nothing for it.
 *
 * @example
 * <CallProvider client={client}>
 *   <CallLogProvider userId={user.id} onCallLog={(entry, { logId }) => saveTask(entry, logId)}>
 *     <WrapUpForm />
 *   </CallLogProvider>
 * </CallProvider>
 */
export function CallLogProvider({
  onCallLog,
  userId,
  wrapUp = 'optional',
  dispositions,
  storage,
  keepLogged,
  retryDelay,
  messages,
  children,
}: CallLogProviderProps) {
  const { runtime, tabs } = useCallContext('CallLogProvider')
  const callLog = useMemo(
    () => {
      const log = createCallLog({
        store: runtime.store,
        client: runtime.client,
        userId,
        // With shared tabs, the leading tab alone writes the queue and calls `onCallLog`.
        storage: tabs ? tabs.callLogStorage(storage) : storage,
        keepLogged,
        onCallLog,
        wrapUp,
        retryDelay,
      })
      return tabs ? tabs.shareCallLog(log) : log
    },
    // The queue is per store, user and storage; the handler and mode follow `configure` below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runtime, tabs, userId, storage, keepLogged],
  )
  // Follows the latest handler and mode without recreating the queue (idempotent, safe in render).
  callLog.configure({ onCallLog, wrapUp, retryDelay })
  useEffect(() => callLog.connect(), [callLog])

  const value = useMemo<CallLogContextValue>(
    () => ({
      callLog,
      wrapUp,
      dispositions,
      messages: messages ? { ...defaultCallLogMessages, ...messages } : defaultCallLogMessages,
    }),
    [callLog, wrapUp, dispositions, messages],
  )
  return <CallLogContext.Provider value={value}>{children}</CallLogContext.Provider>
}
