import {
  forwardRef,
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FocusEvent,
  type ReactNode,
  type Ref,
} from 'react'
import { isTerminalStatus } from '../core/CallEvent.js'
import type { Interaction } from '../core/reduceInteraction.js'
import type { CallMessages } from '../react/messages.js'
import { useMessages } from '../react/useMessages.js'
import { useCallControls } from '../react/useCallControls.js'
import { formatCallDuration, useCallDuration } from '../react/useCallDuration.js'
import { useActiveInteraction, useCallStore, useInteraction } from '../react/useCallStore.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { cx } from './composeHandlers.js'
import {
  AlertIcon,
  CloseIcon,
  HangUpIcon,
  MicIcon,
  MicOffIcon,
  PauseIcon,
  PlayIcon,
} from './icons.js'

export interface CallStatusBannerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The call to show. Default: the active call (the newest, or the one the provider activated). */
  interactionId?: string
  /**
   * How long an ended or failed call stays before the banner dismisses it, in milliseconds.
   * Default 5000; `null` keeps it until the person presses Dismiss.
   */
  dismissAfterMs?: number | null
}

// Marks where a message puts its duration, so the ticking part can sit in its own quiet region.
const DURATION_MARK = '\u0000'

function statusText(call: Interaction, messages: CallMessages): string {
  const { status } = call
  return status === 'connected'
    ? messages.connected(DURATION_MARK)
    : status === 'ended'
      ? messages.ended(call.outcome ?? 'unknown')
      : status === 'failed'
        ? messages.failed(call.error ? messages.errorMessage(call.error) : messages.statuses.failed)
        : messages[status]
}

/**
 * The live call: "Dialing…", "Ringing…", "Connected 01:23" with a running timer, "On hold",
 * "Call ended: line busy", "Call failed: <reason>", with the number and the associated object's
 * name, and hang up, hold/resume and mute controls when the provider has them. It is a polite
 * live region, so each state change is announced; the ticking timer is not.
 *
 * Parts and selectors (unstyled; `react-click-to-call/styles.css` gives the default look):
 * - `.rcc-CallStatusBanner`: `role="status"`, named "Call status". `[data-status="initiating|dialing|ringing|connected|held|ended|failed"]`
 *   (absent, and the banner empty, without a call); `[data-outcome="busy|no-answer|…"]` when ended;
 *   `[data-muted]`; `[data-connection="reconnecting"]` while the event stream is down.
 * - `.rcc-CallStatusBanner-indicator`, `.rcc-CallStatusBanner-text`, `.rcc-CallStatusBanner-state`,
 *   `.rcc-CallStatusBanner-timer`, `.rcc-CallStatusBanner-party` with `.rcc-CallStatusBanner-name`,
 *   `.rcc-CallStatusBanner-type` and `.rcc-CallStatusBanner-number`.
 * - `.rcc-CallStatusBanner-controls`; `.rcc-CallStatusBanner-control` with
 *   `[data-control="hangup|hold|resume|mute|dismiss"]`, `[aria-pressed]` on mute, `[data-pending]` (not on dismiss).
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
    const controls = useCallControls(call?.id)
    const connection = useCallStore((state) => state.connection.status)
    const duration = useCallDuration(call)
    const { display: number } = usePhoneNumber(call?.phoneNumber ?? '')
    const controlsRef = useRef<HTMLDivElement>(null)
    const dismissRef = useRef<HTMLButtonElement>(null)
    const focusInControls = useRef(false)

    const status = call?.status
    const terminal = status !== undefined && isTerminalStatus(status)
    const { dismiss, pending } = controls
    const id = call?.id

    useEffect(() => {
      if (!terminal || dismissAfterMs === null) return
      const timer = setTimeout(() => {
        setDismissedId(id)
        dismiss()
      }, dismissAfterMs)
      return () => clearTimeout(timer)
    }, [terminal, id, dismissAfterMs, dismiss])

    useEffect(() => {
      // Hang up vanishes when the call ends: keep a keyboard user's focus in the banner.
      if (
        terminal &&
        focusInControls.current &&
        !controlsRef.current?.contains(document.activeElement)
      ) {
        dismissRef.current?.focus()
      }
    }, [terminal])

    const control = (
      kind: 'hangup' | 'hold' | 'resume' | 'mute' | 'dismiss',
      label: string,
      icon: ReactNode,
      onClick: () => void,
      extra?: { 'aria-pressed'?: boolean; ref?: Ref<HTMLButtonElement> },
    ) => {
      // Dismiss sends nothing, so it is never pending; the mute toggle is pending for unmute too.
      const busy =
        (kind !== 'dismiss' && (pending === kind || (kind === 'mute' && pending === 'unmute'))) ||
        undefined
      return (
        <button
          type="button"
          className="rcc-CallStatusBanner-control"
          data-control={kind}
          data-pending={busy}
          aria-busy={busy}
          onClick={onClick}
          {...extra}
        >
          {icon}
          <span className="rcc-CallStatusBanner-controlLabel">{label}</span>
        </button>
      )
    }
    // One control at a time: a press while another is in flight does nothing.
    const run = (action: () => Promise<void>) => () => {
      if (pending === null) void action()
    }

    let body: ReactNode = null
    if (call) {
      const [before, after] = statusText(call, messages).split(DURATION_MARK)
      const connected = status === 'connected' || status === 'held'
      const timer =
        duration !== null && connected ? (
          <span className="rcc-CallStatusBanner-timer" aria-live="off">
            <time dateTime={`PT${Math.floor(duration / 1000)}S`}>
              {formatCallDuration(duration)}
            </time>
          </span>
        ) : null
      const { displayName: name, displayType } = call.associatedObject ?? {}
      const live = !terminal
      const { capabilities } = controls
      body = (
        <>
          <span className="rcc-CallStatusBanner-indicator" aria-hidden="true" />
          <div className="rcc-CallStatusBanner-text">
            <p className="rcc-CallStatusBanner-state">
              {before}
              {/* The timer sits where "connected" puts the duration, or after "On hold". */}
              {after !== undefined ? timer : status === 'held' && timer && <> {timer}</>}
              {after}
            </p>
            <p className="rcc-CallStatusBanner-party">
              {name ? <span className="rcc-CallStatusBanner-name">{name}</span> : null}
              {name && displayType ? (
                <span className="rcc-CallStatusBanner-type">{displayType}</span>
              ) : null}
              {number ? (
                <span className="rcc-CallStatusBanner-number" dir="ltr">
                  {number}
                </span>
              ) : null}
            </p>
          </div>
          <div
            ref={controlsRef}
            className="rcc-CallStatusBanner-controls"
            role="group"
            aria-label={messages.callControls}
            aria-live="off"
            onFocus={() => {
              focusInControls.current = true
            }}
            onBlur={(event: FocusEvent<HTMLDivElement>) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                focusInControls.current = false
            }}
          >
            {live && connected && capabilities.mute
              ? control(
                  'mute',
                  messages.mute,
                  call.muted ? <MicOffIcon /> : <MicIcon />,
                  run(() => controls.mute(!call.muted)),
                  { 'aria-pressed': call.muted },
                )
              : null}
            {live && connected && capabilities.hold
              ? status === 'held'
                ? control('resume', messages.resume, <PlayIcon />, run(controls.resume))
                : control('hold', messages.hold, <PauseIcon />, run(controls.hold))
              : null}
            {live && capabilities.hangup
              ? control('hangup', messages.hangUp, <HangUpIcon />, run(controls.hangup))
              : null}
            {terminal
              ? control(
                  'dismiss',
                  messages.dismiss,
                  <CloseIcon />,
                  () => {
                    setDismissedId(id)
                    dismiss()
                  },
                  { ref: dismissRef },
                )
              : null}
          </div>
          {controls.error && live ? (
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
        ref={ref}
        className={cx('rcc-CallStatusBanner', className)}
        data-status={status}
        data-outcome={status === 'ended' ? (call?.outcome ?? 'unknown') : undefined}
        data-muted={(call?.muted && !terminal) || undefined}
        data-connection={connection === 'open' ? undefined : connection}
      >
        {body}
        {connection === 'reconnecting' ? (
          <p className="rcc-CallStatusBanner-connection">{messages.reconnecting}</p>
        ) : null}
      </div>
    )
  },
)
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production') CallStatusBanner.displayName = 'CallStatusBanner'
