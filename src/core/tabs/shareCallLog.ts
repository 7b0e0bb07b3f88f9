import { resolveCallLogStorage, type CallLogStorage } from '../CallLogStorage.js'
import type { CallLog, CallLogRecord, CallLogState } from '../createCallLog.js'
import type { WrapUpDraft } from '../CallLogEntry.js'
import type { TabLink } from './TabLink.js'

interface TabCallLogRequest {
  method: 'submit' | 'skip' | 'retry'
  interactionId: string
  draft?: WrapUpDraft
}

/**
 * The call log's storage as only the leading tab writes it: the leader's queue is the one kept
 * across reloads, so a follower's copy, a moment older, never overwrites a write it recorded.
 */
export function leaderOnlyStorage(
  link: TabLink,
  storage: CallLogStorage | null | undefined,
): CallLogStorage | null {
  const base = resolveCallLogStorage(storage)
  if (!base) return null
  return {
    getItem: (key) => base.getItem(key),
    setItem: (key, value) => {
      if (link.role === 'leader') base.setItem(key, value)
    },
    removeItem: (key) => {
      if (link.role === 'leader') base.removeItem(key)
    },
  }
}

/**
 * Shares a call log across tabs: only the leader watches for ended calls and calls `onCallLog`,
 * so each call is written once whichever tab is open; the others show its queue, and their Save,
 * Skip and Retry run in the leader. What a person types in a wrap-up stays in that tab's form
 * until it is saved. Returns the log the tab's components use and its connect function.
 */
export function shareCallLog(link: TabLink, log: CallLog) {
  let leaderCurrent: string | null | undefined

  function apply(value: Pick<CallLogState, 'records' | 'current'>) {
    const local = log.store.getState()
    const records: Record<string, CallLogRecord> = {}
    for (const [id, record] of Object.entries(value.records)) {
      const mine = local.records[id]
      records[id] = mine ? { ...record, draft: mine.draft } : record
    }
    let { current } = local
    if (value.current !== leaderCurrent) current = value.current
    leaderCurrent = value.current
    log.store.setState({ records, current })
  }

  const inLeader = (request: TabCallLogRequest) =>
    link.role === 'leader'
      ? run(request)
      : link.request<CallLogRecord>('call-log', {
          ...request,
          draft: request.draft ?? log.store.getState().records[request.interactionId]?.draft,
        })
  const run = ({ method, interactionId, draft }: TabCallLogRequest) =>
    method === 'submit' ? log.submit(interactionId, draft) : log[method](interactionId)

  const shared: CallLog = {
    store: log.store,
    get wrapUp() {
      return log.wrapUp
    },
    configure: (options) => log.configure(options),
    setDraft: (id, draft) => log.setDraft(id, draft),
    open: (id) => log.open(id),
    dispose: () => log.dispose(),
    submit: (interactionId, draft) =>
      inLeader({ method: 'submit', interactionId, ...(draft && { draft }) }),
    skip: (interactionId) => inLeader({ method: 'skip', interactionId }),
    retry: (interactionId) => inLeader({ method: 'retry', interactionId }),
    connect() {
      const stops = [
        link.handle('call-log', run),
        link.share<CallLogState>('call-log', {
          store: log.store,
          pick: ({ records, current }) => ({ records, current }),
          apply: (value) => apply(value as unknown as Pick<CallLogState, 'records' | 'current'>),
          lead: () => log.connect(),
        }),
      ]
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
  return shared
}
