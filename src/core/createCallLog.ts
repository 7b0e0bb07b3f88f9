import { createStore, type StoreApi } from 'zustand/vanilla'
import { CallError, isCallError, type CallErrorInfo } from './CallError.js'
import type { CallClient } from './CallClient.js'
import { isTerminalStatus } from './CallEvent.js'
import { toCallLogEntry, withWrapUp, type CallLogEntry, type WrapUpDraft } from './CallLogEntry.js'
import { callLogStorageKey, resolveCallLogStorage, type CallLogStorage } from './CallLogStorage.js'
import type { CallStoreApi } from './createCallStore.js'
import { findInteraction } from './reduceCallState.js'
import type { Interaction } from './reduceInteraction.js'

/** `off`: log at the end of the call; `optional`: the agent may skip the wrap-up; `required`: may not. */
export type WrapUpMode = 'off' | 'optional' | 'required'

/** What `onCallLog` is told beside the entry. */
export interface CallLogWriteContext {
  /**
   * The same for every write of one call (its `interactionId`), across retries and reloads. Send it
   * to your CRM as an idempotency key, or dedupe on it: a write whose answer was lost is retried
   * with the same key.
   */
  idempotencyKey: string
  /** The id your `onCallLog` returned for this call's first write. Set means: update that record. */
  logId?: string
  /** 1 for the first try of this version of the entry, then 2, 3 … for retries. */
  attempt: number
}

/**
 * Writes one entry to the CRM. Resolve with the CRM's id of the record (kept, so a later edit
 * comes back with `logId`), or nothing; throw (reject) when the write failed: it is retried.
 */
export type OnCallLog = (
  entry: CallLogEntry,
  context: CallLogWriteContext,
) => Promise<{ id: string } | void> | { id: string } | void

/** One call in the log, as kept (and persisted) until the CRM has it. */
export interface CallLogRecord {
  /** The entry as last submitted (or as the call ended, before the wrap-up). */
  entry: CallLogEntry
  /** The wrap-up being typed: kept through errors, re-renders and reloads. */
  draft: WrapUpDraft
  /** The call waits for the agent's wrap-up; nothing is written before it is saved or skipped. */
  wrapUp: boolean
  /** How many versions of the entry were submitted (an edit after logging adds one). */
  revision: number
  /** The last version the CRM accepted; 0 before the first successful write. */
  written: number
  /** The CRM's id of the record, from the first successful write. */
  logId?: string
  /** Failed tries of the current version. */
  attempts: number
  /** The last failed write's error, until a write succeeds. */
  error?: CallErrorInfo
  /** When the next automatic try is due (epoch ms). */
  retryAt?: number
}

/** Where a call stands in the log. */
export type CallLogStatus = 'wrap-up' | 'pending' | 'logged'

/** `wrap-up` waits for the agent, `pending` for the CRM, `logged` is done. */
export function callLogStatus(record: CallLogRecord): CallLogStatus {
  if (record.wrapUp) return 'wrap-up'
  return record.revision > record.written ? 'pending' : 'logged'
}

/** The call log's state, read by the hooks through selectors. */
export interface CallLogState {
  /** Every call not yet logged, and the most recent logged ones, by interaction id. */
  records: Readonly<Record<string, CallLogRecord>>
  /** The call whose wrap-up is shown: the last call that ended here, or the one opened. */
  current: string | null
  /** Grows each time a wrap-up is opened on purpose (`open`), so a form can take focus. */
  opened: number
}

export interface CallLogOptions {
  /** The interaction store whose ended calls are logged. */
  store: CallStoreApi
  /** The provider client: its name keys the queue; its `completeWrapUp` ends after-call work. */
  client: CallClient
  /** Writes an entry to the CRM (see `OnCallLog`). */
  onCallLog: OnCallLog
  /**
   * The signed-in agent's id in your app. The queue is kept per client and per user, so two
   * agents sharing a browser never see each other's unlogged calls.
   */
  userId: string
  /** Default `'optional'`. */
  wrapUp?: WrapUpMode
  /** Default `localStorage` (memory only where there is none); `null` keeps the queue in memory. */
  storage?: CallLogStorage | null
  /** Logged calls kept for "Logged" marks and edits; older ones are dropped. Default 100. */
  keepLogged?: number
  /** Milliseconds before retry number `attempt` (1, 2 …). Default 1 s doubling to 1 min. */
  retryDelay?: (attempt: number) => number
}

/** The framework-free call log: an exactly-once queue of entries behind a wrap-up. */
export interface CallLog {
  readonly store: StoreApi<CallLogState>
  readonly wrapUp: WrapUpMode
  /** Follows new props (a new `onCallLog` function, another wrap-up mode); the queue stays. */
  configure(options: Pick<CallLogOptions, 'onCallLog' | 'wrapUp' | 'retryDelay'>): void
  /** Watches the store for ended calls and resumes pending writes. Returns the disconnect function. */
  connect(): () => void
  /** Keeps what the agent typed in the wrap-up (persisted, so a reload keeps it too). */
  setDraft(interactionId: string, draft: WrapUpDraft): void
  /**
   * Saves the wrap-up: ends the provider's after-call work, then writes the entry (an update when
   * it was logged before). Resolves once the CRM has it; rejects with a `CallError` when the
   * provider refused (nothing written) or the write failed (it is retried with backoff).
   * A second save with nothing changed writes nothing.
   */
  submit(interactionId: string, draft?: WrapUpDraft): Promise<CallLogRecord>
  /** Logs the call without a wrap-up (`wrapUp: 'optional'` only). */
  skip(interactionId: string): Promise<CallLogRecord>
  /** Tries a pending write now instead of waiting for its backoff. */
  retry(interactionId: string): Promise<CallLogRecord>
  /** Shows this call's wrap-up (e.g. "Log" in a recent-calls list). */
  open(interactionId: string): void
  /** Stops watching and retrying. */
  dispose(): void
}

const FORMAT = 1
/** Ids of logged calls remembered after their record is dropped, so a replayed end is not logged twice. */
const KEEP_LOGGED_IDS = 1_000

const defaultRetryDelay = (attempt: number) => Math.min(60_000, 1_000 * 2 ** (attempt - 1))

interface Persisted {
  format: typeof FORMAT
  records: Record<string, CallLogRecord>
  logged: string[]
}

function isRecord(value: unknown): value is CallLogRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<CallLogRecord>
  return (
    typeof record.entry?.interactionId === 'string' &&
    typeof record.revision === 'number' &&
    typeof record.written === 'number' &&
    typeof record.wrapUp === 'boolean'
  )
}

function read(storage: CallLogStorage | undefined, key: string): Persisted {
  const empty: Persisted = { format: FORMAT, records: {}, logged: [] }
  let parsed: Partial<Persisted>
  try {
    parsed = JSON.parse(storage?.getItem(key) ?? 'null') as Partial<Persisted>
  } catch {
    return empty
  }
  if (parsed?.format !== FORMAT) return empty
  const records: Record<string, CallLogRecord> = {}
  for (const [id, record] of Object.entries(parsed.records ?? {})) {
    if (isRecord(record) && record.entry.interactionId === id)
      records[id] = { ...record, draft: record.draft ?? {}, attempts: record.attempts ?? 0 }
  }
  const logged = Array.isArray(parsed.logged)
    ? parsed.logged.filter((id): id is string => typeof id === 'string')
    : []
  return { format: FORMAT, records, logged }
}

function toLogError(error: unknown): CallError {
  if (isCallError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new CallError('provider_error', message || 'The call could not be logged.', {
    cause: error,
  })
}

const sameText = (a = '', b = '') => a === b

/**
 * Creates the call log behind `CallLogProvider`, without React: every call that ends in `store`
 * gets an entry, written once through `onCallLog` after its wrap-up (or at once with
 * `wrapUp: 'off'`). Unwritten entries persist per client and user, are retried with backoff, and
 * are never written twice: a replayed end, a double save or a reload finds the same record.
 *
 * @example
 * const log = createCallLog({ store: runtime.store, client, userId: 'agent-7', onCallLog: saveTask })
 * const disconnect = log.connect()
 */
export function createCallLog(options: CallLogOptions): CallLog {
  const { store: calls, client, userId } = options
  if (typeof userId !== 'string' || userId === '') {
    throw new CallError(
      'invalid_argument',
      'The call log needs the signed-in user’s id (`userId`), so that agents sharing a browser keep separate queues.',
    )
  }
  let settings = {
    onCallLog: options.onCallLog,
    wrapUp: options.wrapUp ?? 'optional',
    retryDelay: options.retryDelay ?? defaultRetryDelay,
  }
  const storage = resolveCallLogStorage(options.storage)
  const key = callLogStorageKey(client.name, userId)
  const keepLogged = options.keepLogged ?? 100
  const saved = read(storage, key)
  let loggedIds = saved.logged
  // After a reload, the wrap-up left open comes back by itself.
  const waiting = Object.values(saved.records)
    .filter((record) => record.wrapUp)
    .sort((a, b) => b.entry.endedAt - a.entry.endedAt)[0]
  const state = createStore<CallLogState>()(() => ({
    records: saved.records,
    current: waiting?.entry.interactionId ?? null,
    opened: 0,
  }))
  const sending = new Map<string, Promise<CallLogRecord>>()
  const submitting = new Map<string, Promise<unknown>>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  let disconnect: (() => void) | null = null

  function persist() {
    if (!storage) return
    const data: Persisted = {
      format: FORMAT,
      records: { ...state.getState().records },
      logged: loggedIds,
    }
    try {
      storage.setItem(key, JSON.stringify(data))
    } catch {
      // Full or refused: the queue still works in memory for this page.
    }
  }
  state.subscribe((next, previous) => {
    if (next.records !== previous.records) persist()
  })

  const get = (id: string) => state.getState().records[id]

  function put(id: string, record: CallLogRecord) {
    state.setState((s) => ({ records: { ...s.records, [id]: record } }))
  }

  function require(id: string): CallLogRecord {
    const record = get(id)
    if (!record) throw new CallError('not_found', `The call ${id} is not in the call log.`)
    return record
  }

  /** Drops the oldest logged records past `keepLogged`, remembering their ids. */
  function trim() {
    const { records } = state.getState()
    const logged = Object.values(records)
      .filter((record) => callLogStatus(record) === 'logged')
      .sort((a, b) => a.entry.endedAt - b.entry.endedAt)
    if (logged.length <= keepLogged) return
    const dropped = logged.slice(0, logged.length - keepLogged).map((r) => r.entry.interactionId)
    loggedIds = [...loggedIds, ...dropped].slice(-KEEP_LOGGED_IDS)
    const rest = { ...records }
    for (const id of dropped) delete rest[id]
    state.setState({ records: rest })
  }

  function markCompleted(id: string) {
    if (findInteraction(calls.getState(), id))
      calls.getState().dispatch({ type: 'completed', interactionId: id, at: Date.now() })
  }

  /** Ends the provider's after-call work; a refusal rejects and nothing is logged yet. */
  async function completeAtProvider(id: string, draft: WrapUpDraft) {
    if (!client.capabilities.afterCallWork || !client.completeWrapUp) return
    if (findInteraction(calls.getState(), id)?.completedAt !== undefined) return
    const result = await client.completeWrapUp(id, {
      ...(draft.disposition && { disposition: draft.disposition }),
      ...(draft.notes?.trim() && { notes: draft.notes }),
    })
    if (result.status === 'error') throw CallError.from(result.error)
  }

  function schedule(id: string) {
    clearTimeout(timers.get(id))
    timers.delete(id)
    const record = get(id)
    if (!disconnect || !record || record.retryAt === undefined) return
    const timer = setTimeout(
      () => {
        timers.delete(id)
        flush(id).catch(() => {
          // The record keeps the error; the next try is scheduled.
        })
      },
      Math.max(0, record.retryAt - Date.now()),
    )
    timers.set(id, timer)
  }

  /**
   * Writes the record until the CRM has its latest version. One loop per call: a save during a
   * write joins it, and the loop sends the newer version next (as an update).
   */
  function flush(id: string): Promise<CallLogRecord> {
    const running = sending.get(id)
    if (running) return running
    const loop = (async () => {
      for (;;) {
        const record = require(id)
        if (record.wrapUp || record.revision <= record.written) return record
        const { revision, entry, logId } = record
        clearTimeout(timers.get(id))
        timers.delete(id)
        try {
          const result = await settings.onCallLog(entry, {
            idempotencyKey: id,
            attempt: record.attempts + 1,
            ...(logId !== undefined && { logId }),
          })
          const now = require(id)
          const { error: _e, retryAt: _r, ...rest } = now
          put(id, {
            ...rest,
            written: Math.max(now.written, revision),
            attempts: 0,
            ...((result?.id ?? now.logId) !== undefined && { logId: result?.id ?? now.logId }),
          })
        } catch (thrown) {
          const error = toLogError(thrown)
          const now = require(id)
          const attempts = now.attempts + 1
          put(id, {
            ...now,
            attempts,
            error: error.toJSON(),
            retryAt: Date.now() + settings.retryDelay(attempts),
          })
          schedule(id)
          throw error
        }
      }
    })().finally(() => {
      sending.delete(id)
      trim()
    })
    sending.set(id, loop)
    return loop
  }

  /** Runs one save at a time per call, so a double click waits for the first and finds nothing new. */
  function serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = submitting.get(id) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(task)
    submitting.set(id, next)
    void next
      .catch(() => undefined)
      .then(() => {
        if (submitting.get(id) === next) submitting.delete(id)
      })
    return next
  }

  function submit(id: string, draft?: WrapUpDraft): Promise<CallLogRecord> {
    return serial(id, async () => {
      const record = require(id)
      const wrapUp = draft ?? record.draft
      if (record.wrapUp) await completeAtProvider(id, wrapUp)
      const now = require(id)
      const entry = withWrapUp(now.entry, wrapUp)
      const changed =
        now.wrapUp ||
        !sameText(entry.disposition, now.entry.disposition) ||
        !sameText(entry.notes, now.entry.notes)
      if (changed) {
        const { error: _e, retryAt: _r, ...rest } = now
        put(id, {
          ...rest,
          entry,
          draft: wrapUp,
          wrapUp: false,
          revision: now.revision + 1,
          attempts: 0,
        })
      }
      if (now.wrapUp) markCompleted(id)
      return flush(id)
    })
  }

  /** Starts the log of a call that just ended (or that the store replays); once per call. */
  function track(interaction: Interaction) {
    const id = interaction.id
    if (get(id) || loggedIds.includes(id)) return
    const wrapUp = settings.wrapUp !== 'off'
    put(id, {
      entry: toCallLogEntry(interaction),
      draft: {},
      wrapUp,
      revision: wrapUp ? 0 : 1,
      written: 0,
      attempts: 0,
    })
    if (wrapUp) {
      state.setState({ current: id })
      return
    }
    completeAtProvider(id, {})
      .catch(() => {
        // Logging does not wait on the provider's after-call work.
      })
      .finally(() => markCompleted(id))
    flush(id).catch(() => {
      // Kept with its error and retried.
    })
  }

  function scan(history: readonly string[]) {
    const { ended } = calls.getState()
    for (const id of history) {
      const interaction = ended[id]
      if (interaction && isTerminalStatus(interaction.status)) track(interaction)
    }
  }

  return {
    store: state,
    get wrapUp() {
      return settings.wrapUp
    },
    configure(next) {
      settings = {
        onCallLog: next.onCallLog,
        wrapUp: next.wrapUp ?? 'optional',
        retryDelay: next.retryDelay ?? defaultRetryDelay,
      }
    },
    connect() {
      disconnect?.()
      const unsubscribe = calls.subscribe((next, previous) => {
        if (next.history !== previous.history) scan(next.history)
      })
      const stop = () => {
        unsubscribe()
        for (const timer of timers.values()) clearTimeout(timer)
        timers.clear()
        if (disconnect === stop) disconnect = null
      }
      disconnect = stop
      scan(calls.getState().history)
      // Pending writes from before a reload go out again, with the same idempotency key.
      for (const [id, record] of Object.entries(state.getState().records)) {
        if (callLogStatus(record) === 'pending')
          flush(id).catch(() => {
            // Kept with its error and retried.
          })
      }
      return stop
    },
    setDraft(id, draft) {
      const record = get(id)
      if (!record) return
      if (
        sameText(record.draft.notes, draft.notes) &&
        sameText(record.draft.disposition, draft.disposition)
      )
        return
      put(id, { ...record, draft: { ...draft } })
    },
    submit,
    skip(id) {
      if (settings.wrapUp === 'required') {
        return Promise.reject(
          new CallError('invalid_state', 'This call needs a wrap-up before it can be logged.'),
        )
      }
      return submit(id, {})
    },
    async retry(id) {
      require(id)
      return flush(id)
    },
    open(id) {
      require(id)
      state.setState((s) => ({ current: id, opened: s.opened + 1 }))
    },
    dispose() {
      disconnect?.()
    },
  }
}
