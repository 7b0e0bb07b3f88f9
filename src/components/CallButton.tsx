import {
  forwardRef,
  useEffect,
  useId,
  useMemo,
  useRef,
  type ComponentPropsWithoutRef,
  type MouseEvent,
  type ReactNode,
} from 'react'
import type { CallError } from '../core/CallError.js'
import {
  callReadiness,
  type CallReadiness,
  type CallReadinessRules,
} from '../core/callReadiness.js'
import { isPlaced, type LiveCallStatus } from '../core/CallEvent.js'
import type { StartCallData } from '../core/createCallRuntime.js'
import type { CallState } from '../core/reduceCallState.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from '../react/CallContext.js'
import { formatCallDuration, useCallDuration } from '../react/useCallDuration.js'
import { useNumberStore } from '../react/useNumberStore.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { useSharedStart } from '../react/useSharedStart.js'
import { useMessages } from '../react/useMessages.js'
import { composeHandlers, cx, describedBy } from './composeHandlers.js'
import { AlertIcon, InfoIcon, PhoneIcon } from './icons.js'
import { readinessMessage } from './readinessMessage.js'

/**
 * What a `CallButton` is doing, as `data-status` on the button:
 * - `idle`: ready to call.
 * - `pending`: the start request is in flight (`[data-pending]`, `aria-busy`).
 * - `deferred`: the provider only put the number on the dialpad (Deferred Dial); it is still there.
 * - `active`: its number has a live call (dialing, ringing, connected or held), placed from this
 *   button or anywhere else in the UI; the label shows its state and timer, and pressing the
 *   button makes it the banner's active call instead of dialing again.
 * - `error`: the last start failed; the message is shown and announced.
 */
export type CallButtonStatus = 'idle' | 'pending' | 'deferred' | 'active' | 'error'

/**
 * How a `CallButton` looks, as `data-variant` on the button:
 * - `solid` (default): a filled call button.
 * - `soft`: a tinted button, for rows with many of them.
 * - `icon`: the phone icon only; the accessible name still says whom it calls.
 * - `link`: the number itself is the control, as CRMs usually show it.
 */
export type CallButtonVariant = 'solid' | 'soft' | 'icon' | 'link'

/** A `CallButton`'s size, as `data-size` on the button. */
export type CallButtonSize = 'small' | 'medium' | 'large'

export interface CallButtonProps extends Omit<
  ComponentPropsWithoutRef<'button'>,
  'children' | 'onError' | 'type' | 'value' | 'defaultValue'
> {
  /**
   * The number to call, as the CRM stores it: E.164 (`+14165550199`), a local number or an
   * extension. A missing one (`null`, `undefined`, `""`, or not text) renders a disabled button
   * saying so, and logs one warning in development; it never breaks the page.
   */
  phoneNumber: string
  /**
   * The CRM record that travels with the call. Its `displayName` names the button
   * ("Call Ada Lovelace"); without it the button is named after the formatted number.
   */
  associatedObject?: InteractionAssociatedObject
  /**
   * The caller ID this button calls from, where the provider can choose (capability `callerId`).
   * Default: the one chosen with `useCallerIds` / `CallerIdSelect`, else the provider's default.
   */
  from?: string
  /**
   * The visible label. Default: "Call" from `messages.call` ("Calling…" while pending); with
   * `variant="link"`, the formatted number. Not shown with `variant="icon"`.
   */
  children?: ReactNode
  /** How it looks. Default `'solid'`. Selector: `.rcc-CallButton[data-variant="solid|soft|icon|link"]`. */
  variant?: CallButtonVariant
  /** Default `'medium'`. Selector: `.rcc-CallButton[data-size="small|medium|large"]`. */
  size?: CallButtonSize
  /** Called when the provider accepted the start: `data.id` is the new interaction, or `null` for a deferred dial. */
  onStarted?: (data: StartCallData) => void
  /** Called when the start failed (the error is also shown under the button and announced). */
  onError?: (error: CallError) => void
  /**
   * Disables the button, focusably (`aria-disabled`, clicks refused): a button disabled while a
   * keyboard user is on it keeps their focus (a native `disabled` one would drop it to the page)
   * and is still reached with Tab, announced as disabled. The button also disables itself this
   * way when the number is invalid or a call cannot be placed now
   * (`useCallReadiness`: signed out of the phone system, phone not ready, disconnected, on another
   * call, click-to-dial off): the reason is then shown beside it (no hover needed) and is its
   * accessible description.
   * Selector: `.rcc-CallButton[data-disabled]`.
   */
  disabled?: boolean
}

/**
 * A click-to-call button for a contact's number. It starts the call through the provider's
 * client as `useStartCall` does (a start mutation in the app's QueryClient, one shared by every
 * button), ignores further clicks while its start is pending, and shows and announces its failed
 * start. One live call per number: while its number is on a call, the button shows that call
 * ("Ada Lovelace, connected 01:23") and pressing it makes it the banner's active call; it never
 * dials twice.
 *
 * Parts and selectors (unstyled; `react-click-to-call/styles.css` gives the default look):
 * - `.rcc-CallButton-root`: a wrapper around the button and its message.
 * - `.rcc-CallButton`: the button. `[data-status="idle|pending|deferred|active|error"]`;
 *   `[data-variant="solid|soft|icon|link"]`, `[data-size="small|medium|large"]`;
 *   `[data-pending]` while the start is in flight; `[data-disabled]` when it cannot call;
 *   `[data-invalid]` when the number is not dialable.
 * - `.rcc-CallButton-icon`, `.rcc-CallButton-label`: its icon and label.
 * - `.rcc-CallButton-message`: the error (`[data-kind="error"]`, `role="alert"`) or the reason the
 *   button is disabled (`[data-kind="reason"]`, always shown, in the flow of the page so the
 *   viewport never clips it); linked to the button by `aria-describedby`.
 *
 * @example
 * <CallButton phoneNumber="+14165550199" associatedObject={contact} onStarted={logActivity} />
 */
export const CallButton = forwardRef<HTMLButtonElement, CallButtonProps>(function CallButton(
  {
    phoneNumber,
    associatedObject,
    from,
    children,
    onStarted,
    onError,
    disabled = false,
    variant = 'solid',
    size = 'medium',
    className,
    onClick,
    ...rest
  },
  ref,
) {
  const messages = useMessages('CallButton')
  const { runtime, readinessRules } = useCallContext('CallButton')
  // No mutation observer per button: a start makes one on the click (a list of 500 mounts none).
  const [start, startCall] = useSharedStart(runtime)
  // A bad prop (an app passing `null` or a number) disables the button; it must not break the page.
  const missing = typeof phoneNumber !== 'string' || phoneNumber.trim() === ''
  const { result, display } = usePhoneNumber(missing ? '' : phoneNumber)
  const dialed = result.ok ? result.dialString.value : null
  // The last start speaks for this button only while it is for the number the button shows now: a
  // button whose `phoneNumber` changed must not show the previous number's call, wait or error.
  const current = start.variables !== undefined && start.variables.phoneNumber === phoneNumber
  const ownId = (current && start.data?.id) || null
  const deferredNumber = current && start.data?.deferred ? start.data.phoneNumber : null
  // One store subscription, woken only by its own number's and calls' updates and by readiness:
  // an event for another call costs a list of 500 buttons nothing.
  const keys = useMemo(() => [dialed, ownId, deferredNumber], [dialed, ownId, deferredNumber])
  const view = useNumberStore(keys, (state) =>
    buttonView(state, { ...readinessRules, phoneNumber: dialed }, ownId, deferredNumber),
  )
  const { deferred } = view
  const readiness: CallReadiness = view
  const live =
    view.liveId === undefined
      ? undefined
      : { id: view.liveId, status: view.status, connectedAt: view.connectedAt }
  const duration = useCallDuration(live)
  const messageId = useId()

  const name = (associatedObject?.displayName ?? '').trim() || display
  const reason = missing
    ? messages.noPhoneNumber
    : !result.ok
      ? messages.errorMessage(result.error)
      : // Its own number's live call is shown, never a reason not to press (it shows that call).
        live && readiness.reason === 'on-call'
        ? null
        : readinessMessage(messages, readiness)
  const unavailable = reason !== null
  // A start of its own for its number: pending until it has data or an error.
  const pending = current && !start.data && !start.error
  const failed = current && !!start.error
  const status: CallButtonStatus = pending
    ? 'pending'
    : live
      ? 'active'
      : failed
        ? 'error'
        : deferred
          ? 'deferred'
          : 'idle'
  const message = reason ?? (status === 'error' ? messages.errorMessage(start.error!) : null)
  const timer = duration === null ? null : formatCallDuration(duration)
  // The live call's state and timer, e.g. "Connected 01:23", in place of "Call".
  const liveLabel = live
    ? `${messages.statuses[live.status]}${timer === null ? '' : ` ${timer}`}`
    : null

  const handleClick = composeHandlers<MouseEvent<HTMLButtonElement>>(onClick, () => {
    // aria-disabled keeps the button focusable, so the click must be refused here.
    if (disabled || unavailable || pending) return
    // The number is on a call: show that call, never dial it again.
    if (live) runtime.store.getState().activate(live.id)
    else startCall({ phoneNumber, associatedObject, from }, { onStarted, onError })
  })

  return (
    <span className="rcc-CallButton-root">
      <button
        aria-label={
          pending
            ? messages.callingWhom(name)
            : live
              ? messages.onCallWith(name, live.status, timer)
              : messages.callWhom(name)
        }
        {...rest}
        ref={ref}
        type="button"
        className={cx('rcc-CallButton', className)}
        aria-disabled={disabled || unavailable || undefined}
        aria-busy={pending || undefined}
        aria-describedby={describedBy(rest['aria-describedby'], message && messageId)}
        data-status={status}
        data-variant={variant}
        data-size={size}
        data-pending={pending || undefined}
        data-disabled={disabled || unavailable || undefined}
        data-invalid={!result.ok || undefined}
        onClick={handleClick}
      >
        <PhoneIcon className="rcc-CallButton-icon" />
        {variant === 'icon' ? null : (
          <span className="rcc-CallButton-label">
            {variant === 'link' ? (
              <>
                {/* The number keeps its left-to-right order in a right-to-left page. */}
                {children ?? <span dir="ltr">{display}</span>}
                {liveLabel === null ? null : ` · ${liveLabel}`}
              </>
            ) : pending ? (
              messages.calling
            ) : (
              (liveLabel ?? children ?? messages.call)
            )}
          </span>
        )}
      </button>
      {message !== null ? (
        <span
          id={messageId}
          className="rcc-CallButton-message"
          data-kind={unavailable ? 'reason' : 'error'}
          role={unavailable ? undefined : 'alert'}
        >
          {unavailable ? (
            <InfoIcon className="rcc-CallButton-messageIcon" />
          ) : (
            <AlertIcon className="rcc-CallButton-messageIcon" />
          )}
          {message}
        </span>
      ) : null}
      {/* Mounted only with a bad prop: a list of valid buttons runs no warning effect. */}
      {process.env.NODE_ENV !== 'production' && missing ? (
        <MissingNumberWarning phoneNumber={phoneNumber} />
      ) : null}
    </span>
  )
})
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production') CallButton.displayName = 'CallButton'

/**
 * What a `CallButton` shows from the store: its readiness (`ready`, `reason`, `callWith`), the placed live call on its number (or
 * the call it started: only its id, state and connection time, so the call's other details never
 * re-render it) and whether its deferred dial is still on the dialpad. Flat, so the shallow
 * compare of `useNumberStore` sees when any of it changes.
 */
function buttonView(
  state: CallState,
  rules: CallReadinessRules & { phoneNumber: string | null },
  ownId: string | null,
  deferredNumber: string | null,
) {
  const dialed = rules.phoneNumber
  const live =
    dialed === null && ownId === null
      ? undefined
      : state.live.find(
          (call) => (call.phoneNumber === dialed || call.id === ownId) && isPlaced(call),
        )
  return {
    ...callReadiness(state, rules),
    liveId: live?.id,
    status: live?.status as LiveCallStatus,
    connectedAt: live?.connectedAt,
    // A boolean, not the draft: typing on the dialpad must not re-render every CallButton.
    deferred:
      deferredNumber !== null &&
      state.dialpad.pendingDial?.phoneNumber === deferredNumber &&
      state.dialpad.value === deferredNumber,
  }
}

/** Warns once, in development, about a button's `phoneNumber` that is missing or not text. */
function MissingNumberWarning({ phoneNumber }: { phoneNumber: unknown }) {
  const warned = useRef(false)
  useEffect(() => {
    if (warned.current) return
    warned.current = true
    const given =
      typeof phoneNumber === 'string'
        ? JSON.stringify(phoneNumber.slice(0, 40))
        : `${String(phoneNumber).slice(0, 40)} (${phoneNumber === null ? 'null' : typeof phoneNumber})`
    console.warn(
      `CallButton: \`phoneNumber\` must be a non-empty string, got ${given}. The button is disabled.`,
    )
  }, [phoneNumber])
  return null
}
