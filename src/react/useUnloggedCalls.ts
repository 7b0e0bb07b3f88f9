import { useStore } from 'zustand'
import { callLogStatus, type CallLogRecord } from '../core/createCallLog.js'
import { useCallLogContext } from './CallLogContext.js'
import { useShallow } from 'zustand/react/shallow'

const unlogged = (records: Readonly<Record<string, CallLogRecord>>) =>
  Object.values(records)
    .filter((record) => callLogStatus(record) !== 'logged')
    .sort((a, b) => b.entry.endedAt - a.entry.endedAt)

/**
 * The calls the CRM does not have yet, newest first: waiting for their wrap-up, or for a write
 * that failed (`error`, retried at `retryAt`). They survive reloads, for this client and user.
 *
 * @example
 * const calls = useUnloggedCalls()
 * calls.map((call) => <li key={call.entry.interactionId}>{call.error?.message}</li>)
 */
export function useUnloggedCalls(): CallLogRecord[] {
  const { callLog } = useCallLogContext('useUnloggedCalls')
  return useStore(
    callLog.store,
    useShallow((state) => unlogged(state.records)),
  )
}

/**
 * The framework-free call log of the `CallLogProvider` above: to retry a write now
 * (`retry(id)`), open a wrap-up (`open(id)`) or read its store.
 *
 * @example
 * const callLog = useCallLog()
 * <button onClick={() => callLog.retry(id)}>Retry now</button>
 */
export function useCallLog() {
  return useCallLogContext('useCallLog').callLog
}
