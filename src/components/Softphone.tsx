import {
  forwardRef,
  useContext,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react'
// Built only from what the package exports (the same modules its root barrel names), so the
// panel is also the example of composing the public parts.
import { isIncoming, isTerminalStatus } from '../core/CallEvent.js'
import { useCallControls } from '../react/useCallControls.js'
import { formatCallDuration, useCallDuration } from '../react/useCallDuration.js'
import { ScreenPopContext } from '../react/ScreenPopContext.js'
import { useActiveInteraction } from '../react/useCallStore.js'
import { useMessages } from '../react/useMessages.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { useStartCall } from '../react/useStartCall.js'
import { cx } from './composeHandlers.js'
import { Dialpad } from './Dialpad.js'
import {
  CloseIcon,
  HangUpIcon,
  KeypadIcon,
  MicIcon,
  MicOffIcon,
  PauseIcon,
  PhoneIcon,
  PhoneOutgoingIcon,
} from './icons.js'
import { oneControlAtATime } from './oneControlAtATime.js'
import { callStateText } from './callStateText.js'
import { SaidOnce } from './SaidOnce.js'
import { useFocusRescue } from './useFocusRescue.js'
import { mergeRefs } from './mergeRefs.js'

export interface SoftphoneProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /**
   * What the panel shows under the call: `<RecentCalls />` from `react-click-to-call/call-log`, or
   * any list of the app's own. It keeps its place in every state and scrolls inside it; the
   * panel's own parts above it never change height.
   */
  recentCalls?: ReactNode
  /**
   * What the panel shows under the keypad while no call is live: `<CallerIdSelect />` from
   * `react-click-to-call/caller-id`, so a person picks the number they call from. A slot, not a
   * built-in, so an app that does not offer caller ID pays nothing for it; the select itself
   * renders nothing where the phone system has no `callerId` capability.
   */
  callerId?: ReactNode
}

/**
 * A softphone panel composed from the library's public parts: a call card (the name or the
 * formatted number, the state, a large timer, a "Muted" badge, "On hold"), in-call controls as a
 * grid (mute, keypad, hold) with hang-up as the largest target, the keypad behind a "Keypad"
 * toggle during a call and shown when idle, "Call ended" with its duration and "Call again", and
 * the app's recent calls below. Its parts keep their size in every state: no layout shift.
 *
 * Parts and selectors (unstyled; `react-click-to-call/styles.css` gives the default look):
 * - `.rcc-Softphone`: a `<section>` named "Softphone".
 *   `[data-status="idle|initiating|dialing|ringing|connected|held|ended|failed"]`;
 *   `[data-outcome="busy|no-answer|…"]` when ended; `[data-muted]`; `[data-keypad]` while the
 *   keypad is open during a call.
 * - `.rcc-Softphone-card` (a polite live region: state changes are announced, the timer is not)
 *   with `.rcc-Softphone-name`, `.rcc-Softphone-number`, `.rcc-Softphone-state`,
 *   `.rcc-Softphone-timer`, `.rcc-Softphone-badge[data-badge="muted|held"]`.
 * - `.rcc-Softphone-stage`: the keypad (a `Dialpad`) or the controls.
 * - `.rcc-Softphone-controls`; `.rcc-Softphone-control[data-control="mute|keypad|hold"]` (toggle
 *   buttons: `aria-pressed`); `.rcc-Softphone-hangup`; `.rcc-Softphone-again`,
 *   `.rcc-Softphone-dismiss` once the call is over.
 * - A call ringing the agent: "Incoming call", said once assertively, the records that match the
 *   caller (under `ScreenPopProvider`), and `.rcc-Softphone-answer` and `.rcc-Softphone-decline`
 *   (`[data-pending]`) in Hang up's place.
 * - `.rcc-Softphone-callerId`: the `callerId` slot, in Hang up's place while no call is live.
 * - `.rcc-Softphone-recent`: the `recentCalls` slot.
 *
 * @example
 * // With the call log (`react-click-to-call/call-log`): its RecentCalls, "Call again" and "Log".
 * <CallLogProvider userId={user.id} onCallLog={saveTask}>
 *   <Softphone recentCalls={<RecentCalls />} />
 * </CallLogProvider>
 */
export const Softphone = forwardRef<HTMLElement, SoftphoneProps>(function Softphone(
  { recentCalls, callerId, className, ...rest },
  ref,
) {
  const messages = useMessages('Softphone')
  const call = useActiveInteraction()
  const controls = useCallControls(call?.id)
  const duration = useCallDuration(call)
  const { display } = usePhoneNumber(call?.phoneNumber ?? '')
  const again = useStartCall()
  const screenPop = useContext(ScreenPopContext)
  // The call whose keypad is open: a new call starts with it closed.
  const [keypadFor, setKeypadFor] = useState<string>()
  const againRef = useRef<HTMLButtonElement>(null)

  const status = call?.status ?? 'idle'
  const terminal = call !== undefined && isTerminalStatus(call.status)
  const live = call !== undefined && !terminal && call.status !== 'deferred'
  const talking = status === 'connected' || status === 'held'
  const incoming = call !== undefined && isIncoming(call)
  const { capabilities, pending } = controls
  const keypad = live ? keypadFor === call.id && talking : true
  const id = call?.id

  // The stage changes with the call (the keypad gives way to the controls, Hang up to "Call
  // again", Dismiss to the keypad, the caller's records to Answer once one is chosen): a keyboard
  // user's focus moves to what replaced it, never to the page.
  const panelRef = useRef<HTMLElement | null>(null)
  const hangupRef = useRef<HTMLButtonElement>(null)
  const answerRef = useRef<HTMLButtonElement>(null)
  const view = terminal ? 'over' : incoming ? 'incoming' : live ? 'live' : 'idle'
  useFocusRescue(panelRef, (panel) =>
    view === 'over'
      ? againRef.current
      : view === 'idle'
        ? panel.querySelector<HTMLElement>('input')
        : // Hang up, or Answer; else the first of the call's actions or controls.
          ((view === 'live' ? hangupRef : answerRef).current ??
          panel.querySelector<HTMLElement>(
            '.rcc-Softphone-actions button, .rcc-Softphone-controls button',
          )),
  )

  const run = oneControlAtATime(pending)
  const name = call?.associatedObject?.displayName?.trim()
  const stateText = call
    ? callStateText(call, messages, messages.statuses.connected)
    : messages.readyToCall

  const toggle = (
    kind: 'mute' | 'keypad' | 'hold',
    label: string,
    icon: ReactNode,
    pressed: boolean,
    available: boolean,
    onPress: () => void,
  ) => (
    <button
      type="button"
      className="rcc-Softphone-control"
      data-control={kind}
      aria-pressed={pressed}
      aria-disabled={!available || undefined}
      data-disabled={!available || undefined}
      onClick={() => {
        if (available) onPress()
      }}
    >
      {icon}
      <span className="rcc-Softphone-controlLabel">{label}</span>
    </button>
  )

  // The call's main actions: Answer and Decline while it rings the agent, else Hang up.
  const action = (
    kind: 'answer' | 'decline' | 'hangup',
    icon: ReactNode,
    label: string,
    onPress: () => Promise<unknown>,
    buttonRef?: Ref<HTMLButtonElement>,
  ) => (
    <button
      ref={buttonRef}
      type="button"
      className={`rcc-Softphone-${kind}`}
      data-pending={pending === kind || undefined}
      aria-busy={pending === kind || undefined}
      onClick={run(onPress)}
    >
      {icon}
      {label}
    </button>
  )

  return (
    <section
      aria-label={messages.softphone}
      {...rest}
      ref={mergeRefs(panelRef, ref)}
      className={cx('rcc-Softphone', className)}
      data-status={status}
      data-outcome={status === 'ended' ? (call?.outcome ?? 'unknown') : undefined}
      data-muted={(live && call?.muted) || undefined}
      data-keypad={(live && keypad) || undefined}
    >
      <div
        className="rcc-Softphone-card"
        role="status"
        aria-live="polite"
        aria-label={messages.callStatus}
      >
        <p className="rcc-Softphone-name">
          {/* A number alone keeps its left-to-right order in a right-to-left page. */}
          {name || (display ? <span dir="ltr">{display}</span> : messages.softphone)}
        </p>
        <p className="rcc-Softphone-number" dir="ltr">
          {name ? display : '\u00a0'}
        </p>
        <p className="rcc-Softphone-state">{stateText}</p>
        <p className="rcc-Softphone-timerRow" aria-live="off">
          <span className="rcc-Softphone-timer" role="timer" aria-label={messages.callDuration}>
            {duration !== null ? (
              <time dateTime={`PT${Math.floor(duration / 1000)}S`}>
                {formatCallDuration(duration)}
              </time>
            ) : (
              '\u00a0'
            )}
          </span>
          {live && call?.muted ? (
            <span className="rcc-Softphone-badge" data-badge="muted">
              <MicOffIcon />
              {messages.muted}
            </span>
          ) : null}
          {status === 'held' ? (
            <span className="rcc-Softphone-badge" data-badge="held">
              <PauseIcon />
              {messages.held}
            </span>
          ) : null}
        </p>
      </div>

      <div className="rcc-Softphone-stage">
        {terminal ? (
          <div className="rcc-Softphone-over">
            <button
              ref={againRef}
              type="button"
              className="rcc-Softphone-again"
              aria-busy={again.isPending || undefined}
              onClick={() => {
                if (call?.phoneNumber && !again.isPending)
                  again.startCall(call.phoneNumber, call.associatedObject)
              }}
            >
              <PhoneOutgoingIcon />
              {messages.callAgain}
            </button>
            <button type="button" className="rcc-Softphone-dismiss" onClick={controls.dismiss}>
              <CloseIcon />
              {messages.dismiss}
            </button>
          </div>
        ) : null}
        {live ? (
          <div className="rcc-Softphone-controls" role="group" aria-label={messages.callControls}>
            {toggle(
              'mute',
              messages.mute,
              call?.muted ? <MicOffIcon /> : <MicIcon />,
              Boolean(call?.muted),
              talking && capabilities.mute,
              run(() => controls.mute(!call?.muted)),
            )}
            {toggle(
              'keypad',
              messages.keypad,
              <KeypadIcon />,
              keypad,
              talking && capabilities.dtmf,
              () => setKeypadFor(keypadFor === id ? undefined : id),
            )}
            {toggle(
              'hold',
              messages.hold,
              <PauseIcon />,
              status === 'held',
              talking && capabilities.hold,
              run(status === 'held' ? controls.resume : controls.hold),
            )}
          </div>
        ) : null}
        {incoming && screenPop ? <screenPop.Matches interactionId={call.id} /> : null}
        {!terminal && keypad ? <Dialpad interactionId={live ? id : undefined} /> : null}
      </div>

      <div className="rcc-Softphone-actions">
        {!live && !terminal && callerId !== undefined ? (
          <div className="rcc-Softphone-callerId">{callerId}</div>
        ) : null}
        {incoming ? (
          <>
            <SaidOnce key={call.id} text={messages.incomingCallFrom(name || display)} />
            {capabilities.answer
              ? action('answer', <PhoneIcon />, messages.answer, controls.answer, answerRef)
              : null}
            {capabilities.decline
              ? action('decline', <HangUpIcon />, messages.decline, controls.decline)
              : null}
          </>
        ) : live && capabilities.hangup ? (
          action('hangup', <HangUpIcon />, messages.hangUp, controls.hangup, hangupRef)
        ) : null}
      </div>

      {recentCalls !== undefined ? <div className="rcc-Softphone-recent">{recentCalls}</div> : null}
    </section>
  )
})
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production') Softphone.displayName = 'Softphone'
