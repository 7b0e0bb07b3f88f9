import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import { useStore } from 'zustand'
import type { Disposition } from '../core/CallClient.js'
import { CallError, type CallErrorInfo } from '../core/CallError.js'
import type { CallLogEntry, WrapUpDraft } from '../core/CallLogEntry.js'
import {
  callLogStatus,
  type CallLogRecord,
  type CallLogStatus,
  type WrapUpMode,
} from '../core/createCallLog.js'
import { useCallLogContext } from './CallLogContext.js'
import { useDispositions } from './useDispositions.js'

/** What a save sends: the wrap-up, or a skip. */
export interface WrapUpVariables {
  /** `skip` logs the call without disposition or notes (`wrapUp: 'optional'` only). */
  skip?: boolean
  /** The wrap-up to save; default the draft kept by the call log. */
  draft?: WrapUpDraft
}

/** Where the wrap-up form stands: `data-status` of `WrapUpForm`. */
export type WrapUpStatus = 'editing' | 'saving' | 'saved' | 'error'

export type UseWrapUpResult = UseMutationResult<CallLogRecord, CallError, WrapUpVariables> & {
  /** The call this wrap-up is for: the one asked for, else the last call that ended (or was opened). */
  interactionId: string | null
  /** The call's entry as logged (or to be logged); `undefined` without a call. */
  entry: CallLogEntry | undefined
  /** The call's record in the log: tries, last error, CRM id. */
  record: CallLogRecord | undefined
  /** Where the call stands in the log: `wrap-up`, `pending` (written soon) or `logged`. */
  logStatus: CallLogStatus | undefined
  /** `editing`, `saving`, `saved` (the CRM has exactly what is shown) or `error`. */
  wrapUpStatus: WrapUpStatus
  /** The error to show: the failed save's, else the last failed write's (retried by itself). */
  lastError: CallErrorInfo | undefined
  disposition: string
  setDisposition: (value: string) => void
  notes: string
  setNotes: (value: string) => void
  /** The list to choose from (`CallLogProvider`'s, else the provider's own). */
  dispositions: readonly Disposition[]
  mode: WrapUpMode
  /** A disposition must be chosen before Save (`wrapUp: 'required'` with a list). */
  dispositionRequired: boolean
  /** Skip is offered: `wrapUp: 'optional'` and the call is still in its wrap-up. */
  canSkip: boolean
  /** Saves the wrap-up (the draft); an edit after logging updates the same CRM record. */
  save: () => void
  /** Logs the call without a wrap-up. */
  skip: () => void
}

const emptyDraft: WrapUpDraft = {}

/**
 * The headless wrap-up of a call: its entry, the disposition and notes being typed (kept by the
 * call log, so errors, re-renders and reloads keep them), and `save()` / `skip()` as a TanStack
 * Query mutation (`retry: false`: the call log itself retries a failed write with backoff). The
 * mutation's fields (`status`, `isPending`, `error`, `reset` …) pass through.
 *
 * @example
 * const wrapUp = useWrapUp()
 * <textarea value={wrapUp.notes} onChange={(e) => wrapUp.setNotes(e.target.value)} />
 * <button onClick={wrapUp.save} aria-disabled={wrapUp.isPending}>Save</button>
 */
export function useWrapUp(interactionId?: string | null): UseWrapUpResult {
  const { callLog, wrapUp: mode } = useCallLogContext('useWrapUp')
  const current = useStore(callLog.store, (state) => state.current)
  const id = interactionId ?? current
  const record = useStore(callLog.store, (state) => (id ? state.records[id] : undefined))
  const dispositions = useDispositions(id)
  const draft = record?.draft ?? emptyDraft
  const dispositionRequired = mode === 'required' && dispositions.length > 0

  const mutation = useMutation<CallLogRecord, CallError, WrapUpVariables>({
    mutationKey: ['react-click-to-call', 'wrapUp', id],
    mutationFn: async ({ skip, draft: sent }) => {
      if (!id) throw new CallError('not_found', 'There is no call to wrap up.')
      if (skip) return callLog.skip(id)
      const wrapUp = sent ?? callLog.store.getState().records[id]?.draft ?? emptyDraft
      if (dispositionRequired && !wrapUp.disposition)
        throw new CallError('invalid_argument', 'Choose a disposition to save this call.')
      return callLog.submit(id, wrapUp)
    },
    retry: false,
  })
  const { mutate, reset } = mutation

  // A wrap-up of another call starts clean: an old error is not this call's.
  useEffect(() => reset(), [id, reset])

  const setDisposition = useCallback(
    (value: string) => {
      if (id)
        callLog.setDraft(id, { ...callLog.store.getState().records[id]?.draft, disposition: value })
    },
    [callLog, id],
  )
  const setNotes = useCallback(
    (value: string) => {
      if (id) callLog.setDraft(id, { ...callLog.store.getState().records[id]?.draft, notes: value })
    },
    [callLog, id],
  )
  const save = useCallback(() => mutate({}), [mutate])
  const skip = useCallback(() => mutate({ skip: true }), [mutate])

  const logStatus = record && callLogStatus(record)
  const entry = record?.entry
  const dirty =
    (draft.notes ?? '').trim() !== (entry?.notes ?? '') ||
    (draft.disposition ?? '') !== (entry?.disposition ?? '')
  const lastError = mutation.error ?? record?.error
  let wrapUpStatus: WrapUpStatus = 'editing'
  if (mutation.isPending) wrapUpStatus = 'saving'
  else if (logStatus === 'pending') wrapUpStatus = record?.error ? 'error' : 'saving'
  else if (logStatus === 'logged') wrapUpStatus = dirty ? 'editing' : 'saved'
  else if (mutation.isError) wrapUpStatus = 'error'

  return {
    ...mutation,
    interactionId: id,
    entry,
    record,
    logStatus,
    wrapUpStatus,
    lastError: wrapUpStatus === 'error' ? lastError : undefined,
    disposition: draft.disposition ?? '',
    setDisposition,
    notes: draft.notes ?? '',
    setNotes,
    dispositions,
    mode,
    dispositionRequired,
    canSkip: mode === 'optional' && logStatus === 'wrap-up',
    save,
    skip,
  }
}
