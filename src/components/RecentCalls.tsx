import { forwardRef, useContext, useMemo, useRef, type ComponentPropsWithoutRef } from 'react'
import { useStore } from 'zustand'
import { isTerminalStatus } from '../core/CallEvent.js'
import { toCallLogEntry, type CallLogEntry } from '../core/CallLogEntry.js'
import {
  callLogStatus,
  type CallLog,
  type CallLogRecord,
  type CallLogStatus,
} from '../core/createCallLog.js'
import type { CallState } from '../core/reduceCallState.js'
import { useCallContext } from '../react/CallContext.js'
import { CallLogContext } from '../react/CallLogContext.js'
import { defaultCallLogMessages, type CallLogMessages } from '../react/callLogMessages.js'
import { formatCallDuration } from '../react/useCallDuration.js'
import { useCallStore } from '../react/useCallStore.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { useStartCall } from '../react/useStartCall.js'
import { cx } from './composeHandlers.js'
import { useFocusRescue } from './useFocusRescue.js'
import { mergeRefs } from './mergeRefs.js'

export interface RecentCallsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** How many calls to show, newest first. Default 20. */
  limit?: number
  /** Called after "Log" or "Logged" opened a call's wrap-up (e.g. to show a `WrapUpForm` panel). */
  onOpenWrapUp?: (interactionId: string) => void
}

interface Row {
  entry: CallLogEntry
  /** Absent without a `CallLogProvider` (no Log column then). */
  status?: CallLogStatus
}

type Records = Readonly<Record<string, CallLogRecord>>
const noRecords: Records = {}
const selectHistory = (state: CallState) => state.history.map((id) => state.ended[id])

function useRows(callLog: CallLog | undefined, limit: number): Row[] {
  const history = useCallStore(selectHistory)
  const records = useStore(callLog?.store ?? emptyStore, (state) => state.records)
  return useMemo(() => {
    const rows = new Map<string, Row>()
    for (const record of Object.values(records))
      rows.set(record.entry.interactionId, { entry: record.entry, status: callLogStatus(record) })
    for (const interaction of history) {
      if (interaction && isTerminalStatus(interaction.status) && !rows.has(interaction.id))
        rows.set(interaction.id, { entry: toCallLogEntry(interaction) })
    }
    return [...rows.values()].sort((a, b) => b.entry.startedAt - a.entry.startedAt).slice(0, limit)
  }, [history, records, limit])
}

// A store that never changes, so the hook order is the same with and without a call log.
const noLog = { records: noRecords, current: null, opened: 0 }
const emptyStore = {
  getState: () => noLog,
  getInitialState: () => noLog,
  subscribe: () => () => {},
  setState: () => {},
} as unknown as CallLog['store']

interface RecentCallProps {
  row: Row
  messages: CallLogMessages
  callLog: CallLog | undefined
  onOpenWrapUp: ((interactionId: string) => void) | undefined
}

function RecentCall({ row, messages, callLog, onOpenWrapUp }: RecentCallProps) {
  const { entry, status } = row
  const { display: number } = usePhoneNumber(entry.phoneNumber)
  const { startCall } = useStartCall()
  const name = entry.associatedObject?.displayName ?? (number || messages.unknownParty)
  const outcome = entry.error ? 'failed' : (entry.outcome ?? 'unknown')
  const duration = formatCallDuration(entry.durationMs)
  const time = messages.time(entry.startedAt)
  const label = [
    name,
    messages.directions[entry.direction],
    messages.outcomes[outcome],
    duration,
    time,
  ].join(', ')
  const open = () => {
    callLog?.open(entry.interactionId)
    onOpenWrapUp?.(entry.interactionId)
  }
  const logged = status === 'logged'
  return (
    <li
      className="rcc-RecentCalls-row"
      aria-label={label}
      data-direction={entry.direction}
      data-outcome={outcome}
      data-log-status={status}
    >
      <span className="rcc-RecentCalls-name">{name}</span>
      <span className="rcc-RecentCalls-details">
        {entry.associatedObject && number ? (
          <span className="rcc-RecentCalls-number" dir="ltr">
            {number}
          </span>
        ) : null}
        <span className="rcc-RecentCalls-direction">{messages.directions[entry.direction]}</span>
        <span className="rcc-RecentCalls-outcome">{messages.outcomes[outcome]}</span>
        <time
          className="rcc-RecentCalls-duration"
          dateTime={`PT${Math.floor(entry.durationMs / 1000)}S`}
        >
          {duration}
        </time>
        <time className="rcc-RecentCalls-time" dateTime={new Date(entry.startedAt).toISOString()}>
          {time}
        </time>
      </span>
      <span className="rcc-RecentCalls-actions">
        {entry.phoneNumber ? (
          <button
            type="button"
            className="rcc-RecentCalls-callAgain"
            aria-label={messages.callAgainWhom(name)}
            onClick={() => startCall(entry.phoneNumber, entry.associatedObject)}
          >
            {messages.callAgain}
          </button>
        ) : null}
        {status ? (
          <button
            type="button"
            className="rcc-RecentCalls-log"
            data-logged={logged || undefined}
            aria-label={logged ? messages.loggedWhom(name) : messages.logWhom(name)}
            onClick={open}
          >
            {logged ? messages.logged : messages.log}
          </button>
        ) : null}
      </span>
    </li>
  )
}

/**
 * The calls of this session (and, with a `CallLogProvider`, every call still to be logged),
 * newest first: name or number, direction, outcome, duration and time, with "Call again" and
 * "Log" (the call is not logged yet) or "Logged" (opens the wrap-up to edit it).
 * Works without a `CallLogProvider`: then there is no Log button.
 *
 * Parts and selectors (unstyled):
 * - `.rcc-RecentCalls`; `.rcc-RecentCalls-list` (named "Recent calls"); `.rcc-RecentCalls-empty`.
 * - `.rcc-RecentCalls-row` (named by its call): `[data-direction="inbound|outbound"]`,
 *   `[data-outcome="completed|no-answer|busy|voicemail|canceled|declined|missed|unknown|failed"]`,
 *   `[data-log-status="wrap-up|pending|logged"]` (absent without a call log).
 * - `.rcc-RecentCalls-name`; `.rcc-RecentCalls-details` with `-number`, `-direction`, `-outcome`,
 *   `-duration`, `-time`.
 * - `.rcc-RecentCalls-actions` with `.rcc-RecentCalls-callAgain` and `.rcc-RecentCalls-log`
 *   (`[data-logged]`).
 *
 * @example
 * <RecentCalls limit={10} onOpenWrapUp={() => setPanel('wrap-up')} />
 */
export const RecentCalls = forwardRef<HTMLDivElement, RecentCallsProps>(function RecentCalls(
  { limit = 20, onOpenWrapUp, className, ...rest },
  ref,
) {
  useCallContext('RecentCalls')
  const context = useContext(CallLogContext)
  const messages = context?.messages ?? defaultCallLogMessages
  const rows = useRows(context?.callLog, limit)
  // A new call pushes the oldest row out of the list: focus on one of its buttons moves to the
  // same button of the row now last, never to the page.
  const rootRef = useRef<HTMLDivElement | null>(null)
  useFocusRescue(rootRef, (root, lost) => {
    const last = root.querySelector('.rcc-RecentCalls-row:last-child')
    return (
      (lost.className && last?.querySelector<HTMLElement>(`.${lost.classList[0]}`)) ||
      last?.querySelector<HTMLElement>('button')
    )
  })
  return (
    <div {...rest} ref={mergeRefs(rootRef, ref)} className={cx('rcc-RecentCalls', className)}>
      {rows.length > 0 ? (
        <ul className="rcc-RecentCalls-list" aria-label={messages.recentCalls}>
          {rows.map((row) => (
            <RecentCall
              key={row.entry.interactionId}
              row={row}
              messages={messages}
              callLog={context?.callLog}
              onOpenWrapUp={onOpenWrapUp}
            />
          ))}
        </ul>
      ) : (
        <p className="rcc-RecentCalls-empty">{messages.noRecentCalls}</p>
      )}
    </div>
  )
})
if (process.env.NODE_ENV !== 'production') RecentCalls.displayName = 'RecentCalls'
