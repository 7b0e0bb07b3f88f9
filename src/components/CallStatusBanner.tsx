import {
  forwardRef,
  memo,
  useDeferredValue,
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react'
import { isIncoming, isTerminalStatus } from '../core/CallEvent.js'
import type { CallState } from '../core/reduceCallState.js'
import type { Interaction } from '../core/reduceInteraction.js'
import { useCallContext } from '../react/CallContext.js'
import type { CallMessages } from '../react/messages.js'
import { useMessages } from '../react/useMessages.js'
import { useCallControls } from '../react/useCallControls.js'
import { formatCallDuration, useCallDuration } from '../react/useCallDuration.js'
import { useActiveInteraction, useCallStore, useInteraction } from '../react/useCallStore.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { CallParty } from './CallParty.js'
import { cx } from './composeHandlers.js'
import { ControlButton } from './ControlButton.js'
import { IncomingCall } from './IncomingCall.js'
import { AlertIcon, CloseIcon } from './icons.js'
import { callStateText } from './callStateText.js'
import { liveControls } from './liveControls.js'
import { useFocusRescue } from './useFocusRescue.js'
import { mergeRefs } from './mergeRefs.js'

export interface CallStatusBannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * The call to show, alone. Default: the active call (the newest, or the one the provider or a
   * person activated), followed by every other live call.
   */
  interactionId?: string
  /**
   * How long an ended or failed call stays before the banner dismisses it, in milliseconds.
   * Default 5000; `null` keeps it until the person presses Dismiss.
   */
  dismissAfterMs?: number | null
}

// Marks where a message puts its duration, so the ticking part can sit in its own quiet region.
const DURATION_MARK = '\u0000'

/**
 * The live calls besides `shownId`, newest first. A deferred dial is a number waiting on the
 * dialpad, not a call, so it is not listed.
 */
const otherLiveCalls = (shownId: string | undefined) => (state: CallState) =>
  state.live
    .filter((call) => call.id !== shownId && call.status !== 'deferred')
    .sort((a, b) => b.createdAt - a.createdAt || (b.id > a.id ? 1 : -1))
    .map((call) => call.id)

const noCalls = (): string[] => []

/** "Connected 01:23" or "On hold 01:23": the state, with the quiet timer where it belongs. */
function StateLine({
  call,
  duration,
  messages,
}: {
  call: Interaction
  duration: number | null
  messages: CallMessages
}) {
  const { status } = call
  const [before, after] = callStateText(call, messages, messages.connected(DURATION_MARK)).split(
    DURATION_MARK,
  )
  const timer =
    duration !== null && (status === 'connected' || status === 'held') ? (
      <span className="rcc-CallStatusBanner-timer" aria-live="off">
        <time dateTime={`PT${Math.floor(duration / 1000)}S`}>{formatCallDuration(duration)}</time>
      </span>
    ) : null
  return (
    <p className="rcc-CallStatusBanner-state">
      {before}
      {/* The timer sits where "connected" puts the duration, or after "On hold". */}
      {after !== undefined ? timer : status === 'held' && timer && <> {timer}</>}
      {after}
    </p>
  )
}

/**
 * Another live call, in the banner's list: its state, who, its own controls, and Switch, which
 * makes it the banner's call.
 */
// Memoized: a row re-renders when its own call changes, not when another call comes or goes.
const OtherCall = memo(function OtherCall({
  id,
  messages,
}: {
  id: string
  messages: CallMessages
}) {
  const { store } = useCallContext('CallStatusBanner').runtime
  const call = useInteraction(id)
  const controls = useCallControls(id)
  const duration = useCallDuration(call)
  const { display: number } = usePhoneNumber(call?.phoneNumber ?? '')
  if (!call) return null
  const party = call.associatedObject?.displayName || number || call.id
  // A call ringing the agent reads as incoming here too, with Answer and Decline, never as a row
  // like the others: its ringing is not hidden behind the active call.
  const incoming = isIncoming(call)
  return (
    <li>
      <div
        role="group"
        aria-label={incoming ? messages.incomingCallFrom(party) : messages.callWith(party)}
        className="rcc-CallStatusBanner-call"
        data-status={call.status}
        data-direction={call.direction}
        data-incoming={incoming || undefined}
        data-muted={call.muted || undefined}
      >
        <div className="rcc-CallStatusBanner-text">
          <StateLine call={call} duration={duration} messages={messages} />
          <CallParty call={call} number={number} />
        </div>
        <div className="rcc-CallStatusBanner-controls" aria-live="off">
          <ControlButton
            kind="show"
            label={messages.switchTo}
            accessibleName={messages.switchToCall(party)}
            icon={null}
            onClick={() => store.getState().activate(id)}
            pending={null}
          />
          {liveControls(call, controls, messages)}
        </div>
        {controls.error ? (
          <p className="rcc-CallStatusBanner-error" role="alert">
            <AlertIcon />
            {messages.errorMessage(controls.error)}
          </p>
        ) : null}
      </div>
    </li>
  )
})

/**
 * The live call: "Dialing…", "Ringing…", "Connected 01:23" with a running timer, "On hold",
 * "Call ended: line busy", "Call failed: <reason>", with the number and the associated object's
 * name, and hang up, hold/resume and mute controls when the provider has them. It is a polite
 * live region, so each state change is announced; the ticking timer is not.
 *
 * It never hides a live call: with several, the active one comes first and every other live call
 * follows in a list ("Other calls"), each with its own controls and a Switch button that makes it
 * the active call. With `interactionId` it shows that call alone.
 *
 * Parts and selectors (unstyled; `react-click-to-call/styles.css` gives the default look):
 * - `.rcc-CallStatusBanner`: `role="status"`, named "Call status". `[data-status="initiating|dialing|ringing|connected|held|ended|failed"]`
 *   (absent, and the banner empty, without a call); `[data-outcome="busy|no-answer|declined|missed|…"]` when ended;
 *   `[data-direction="inbound|outbound"]`; a ringing inbound call shows "Incoming call" with
 *   Answer and Decline (`[data-control="answer|decline"]`) and, under `ScreenPopProvider`, the
 *   records that match the caller;
 *   `[data-muted]`; `[data-connection="reconnecting"]` while the event stream is down;
 *   `[data-calls]`, the number of live calls listed after the active one (absent when none).
 * - `.rcc-CallStatusBanner-indicator`, `.rcc-CallStatusBanner-text`, `.rcc-CallStatusBanner-state`,
 *   `.rcc-CallStatusBanner-timer`, `.rcc-CallStatusBanner-party` with `.rcc-CallStatusBanner-name`,
 *   `.rcc-CallStatusBanner-type` and `.rcc-CallStatusBanner-number`.
 * - `.rcc-CallStatusBanner-controls`; `.rcc-CallStatusBanner-control` with
 *   `[data-control="hangup|hold|resume|mute|dismiss|show"]`, `[aria-pressed]` on mute,
 *   `[data-pending]` (not on dismiss or show).
 * - `.rcc-CallStatusBanner-calls` (the list, named "Other calls"), each `.rcc-CallStatusBanner-call`
 *   with its own `[data-status]`, `[data-direction]` and `[data-muted]`, the text and controls
 *   parts above. A call ringing the agent there is `[data-incoming]`, named "Incoming call from
 *   …", and has Answer and Decline.
 * - `.rcc-CallStatusBanner-error` (a control failed), `.rcc-CallStatusBanner-connection` (reconnecting).
 *
 * @example
 * <CallStatusBanner dismissAfterMs={8000} />
 */
export const CallStatusBanner = forwardRef<HTMLDivElement, CallStatusBannerProps>(
  function CallStatusBanner({ interactionId, dismissAfterMs = 5000, className, ...rest }, ref) {
    const messages = useMessages('CallStatusBanner')
    const active = useActiveInteraction()
    const named = useInteraction(interactionId)
    const [dismissedId, setDismissedId] = useState<string>()
    const found = interactionId === undefined ? active : named
    const call = found && found.id !== dismissedId ? found : undefined
    // The list follows at a lower priority than the active call: a burst of calls coming and going
    // re-renders it once, and never holds back the active call's state.
    const others = useDeferredValue(
      useCallStore(interactionId === undefined ? otherLiveCalls(call?.id) : noCalls),
    )
    const controls = useCallControls(call?.id)
    const connection = useCallStore((state) => state.connection.status)
    const duration = useCallDuration(call)
    const { display: number } = usePhoneNumber(call?.phoneNumber ?? '')
    const rootRef = useRef<HTMLDivElement | null>(null)

    const status = call?.status
    const terminal = status !== undefined && isTerminalStatus(status)
    const { dismiss } = controls
    const id = call?.id

    useEffect(() => {
      if (!terminal || dismissAfterMs === null) return
      const timer = setTimeout(() => {
        setDismissedId(id)
        dismiss()
      }, dismissAfterMs)
      return () => clearTimeout(timer)
    }, [terminal, id, dismissAfterMs, dismiss])

    // The view changes under a keyboard user: Answer gives way to Hang up, Hang up to Dismiss, a
    // row's Switch makes its call the banner's own, a row goes when its call ends, a record is
    // chosen for a ringing call. Focus that was on what left moves to what replaced it, never to
    // the page: to the banner's Hang up or Dismiss (else its first control) when it was on the
    // banner's call or on a row whose call became the banner's; to the row now in its place (its
    // Switch, else the banner's first control) when a row went; back where it came from when no
    // call is left.
    const focusedIn = useRef<{ row: number; bannerCall: string | undefined } | null>(null)
    useFocusRescue(rootRef, (root) => {
      const own = ':scope > .rcc-CallStatusBanner-controls'
      const first = root.querySelector<HTMLElement>(`${own} button`)
      const was = focusedIn.current
      if (!was || was.row < 0 || was.bannerCall !== id)
        return (
          root.querySelector<HTMLElement>(
            `${own} [data-control="hangup"], ${own} [data-control="dismiss"]`,
          ) ?? first
        )
      // Not the banner's Hang up: a second press meant for the row's call must not end that one.
      const rows = root.querySelectorAll<HTMLElement>('.rcc-CallStatusBanner-calls > li')
      const row = rows[Math.min(was.row, rows.length - 1)]
      return row?.querySelector<HTMLElement>('[data-control="show"]') ?? first
    })

    let body: ReactNode = null
    // A ringing inbound call has its own view: who calls, Answer and Decline (keyed: said once per call).
    if (call && isIncoming(call)) {
      body = <IncomingCall key={call.id} call={call} />
    } else if (call) {
      body = (
        <>
          <span className="rcc-CallStatusBanner-indicator" aria-hidden="true" />
          <div className="rcc-CallStatusBanner-text">
            <StateLine call={call} duration={duration} messages={messages} />
            <CallParty call={call} number={number} />
          </div>
          <div
            className="rcc-CallStatusBanner-controls"
            role="group"
            aria-label={messages.callControls}
            aria-live="off"
          >
            {terminal ? (
              <ControlButton
                kind="dismiss"
                label={messages.dismiss}
                icon={<CloseIcon />}
                onClick={() => {
                  setDismissedId(id)
                  dismiss()
                }}
                pending={null}
              />
            ) : (
              liveControls(call, controls, messages)
            )}
          </div>
          {controls.error && !terminal ? (
            <p className="rcc-CallStatusBanner-error" role="alert">
              <AlertIcon />
              {messages.errorMessage(controls.error)}
            </p>
          ) : null}
        </>
      )
    }

    return (
      <div
        role="status"
        aria-live="polite"
        aria-atomic="false"
        aria-label={messages.callStatus}
        {...rest}
        ref={mergeRefs(rootRef, ref)}
        // Where focus is only decides where it goes when the view changes: the app's own
        // handler runs first and is never stopped.
        onFocus={(event) => {
          rest.onFocus?.(event)
          const row = (event.target as Element).closest('.rcc-CallStatusBanner-calls > li')
          const rows = row?.parentElement?.children
          focusedIn.current = { row: rows ? [...rows].indexOf(row!) : -1, bannerCall: id }
        }}
        className={cx('rcc-CallStatusBanner', className)}
        data-status={status}
        data-outcome={status === 'ended' ? (call?.outcome ?? 'unknown') : undefined}
        data-direction={call?.direction}
        data-muted={(call?.muted && !terminal) || undefined}
        data-connection={connection === 'open' ? undefined : connection}
        data-calls={others.length || undefined}
      >
        {body}
        {others.length > 0 ? (
          <ul className="rcc-CallStatusBanner-calls" aria-label={messages.otherCalls}>
            {others.map((otherId) => (
              <OtherCall key={otherId} id={otherId} messages={messages} />
            ))}
          </ul>
        ) : null}
        {connection === 'reconnecting' ? (
          <p className="rcc-CallStatusBanner-connection">{messages.reconnecting}</p>
        ) : null}
      </div>
    )
  },
)
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production') CallStatusBanner.displayName = 'CallStatusBanner'
