import {
  forwardRef,
  useId,
  type ComponentPropsWithoutRef,
  type MouseEvent,
  type ReactNode,
} from 'react'
import type { CallError } from '../core/CallError.js'
import { isTerminalStatus } from '../core/CallEvent.js'
import type { StartCallData } from '../core/createCallRuntime.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallStore, useInteraction, useInteractions } from '../react/useCallStore.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { useStartCall } from '../react/useStartCall.js'
import { useMessages } from '../react/useMessages.js'
import { composeHandlers, cx, describedBy } from './composeHandlers.js'
import { AlertIcon, InfoIcon, PhoneIcon } from './icons.js'

/**
 * What a `CallButton` is doing, as `data-status` on the button:
 * - `idle`: ready to call.
 * - `pending`: the start request is in flight (`[data-pending]`, `aria-busy`).
 * - `deferred`: the provider only put the number on the dialpad (Deferred Dial); it is still there.
 * - `active`: the call this button started is live (dialing, ringing, connected or held), also
 *   when its deferred number was dialed from the dialpad.
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
  /** The number to call, as the CRM stores it: E.164 (`+14165550199`), a local number or an extension. */
  phoneNumber: string
  /**
   * The CRM record that travels with the call. Its `displayName` names the button
   * ("Call Ada Lovelace"); without it the button is named after the formatted number.
   */
  associatedObject?: InteractionAssociatedObject
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
   * Disables the button (native `disabled`). The button also disables itself, focusably with
   * `aria-disabled`, when the number is invalid or the phone system cannot place calls: the
   * reason is then shown beside it (no hover needed) and is its accessible description.
   * Selector: `.rcc-CallButton[data-disabled]`.
   */
  disabled?: boolean
}

/**
 * A click-to-call button for a contact's number. It starts the call through the provider's
 * client (`useStartCall`), ignores further clicks while the start is pending, and shows and
 * announces a failed start.
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
  const start = useStartCall({
    onSuccess: (data) => onStarted?.(data),
    onError: (error) => onError?.(error),
  })
  const { result, display } = usePhoneNumber(phoneNumber)
  const connection = useCallStore((state) => state.connection.status)
  const call = useInteraction(start.data?.id)
  const deferredNumber = start.data?.deferred ? start.data.phoneNumber : null
  // A boolean, not the draft: typing on the dialpad must not re-render every CallButton.
  const deferred = useCallStore(
    (state) =>
      deferredNumber !== null &&
      state.dialpad.source === 'prefill' &&
      state.dialpad.value === deferredNumber,
  )
  // After a deferred dial, the call is placed from the dialpad: it is still this button's call.
  const dialedFromPad = useInteractions(
    (calls) =>
      deferredNumber !== null &&
      calls.some((c) => c.phoneNumber === deferredNumber && !isTerminalStatus(c.status)),
  )
  const messageId = useId()

  const name = (associatedObject?.displayName ?? '').trim() || display
  const reason = !result.ok
    ? messages.errorMessage(result.error)
    : connection === 'closed'
      ? messages.callUnavailable
      : null
  const unavailable = reason !== null
  const pending = start.isPending
  const status: CallButtonStatus = pending
    ? 'pending'
    : start.isError
      ? 'error'
      : (call && !isTerminalStatus(call.status)) || dialedFromPad
        ? 'active'
        : deferred
          ? 'deferred'
          : 'idle'
  const message = reason ?? (start.error ? messages.errorMessage(start.error) : null)

  const handleClick = composeHandlers<MouseEvent<HTMLButtonElement>>(onClick, () => {
    // aria-disabled keeps the button focusable, so the click must be refused here.
    if (disabled || unavailable || pending) return
    start.startCall(phoneNumber, associatedObject)
  })

  return (
    <span className="rcc-CallButton-root">
      <button
        aria-label={pending ? messages.callingWhom(name) : messages.callWhom(name)}
        {...rest}
        ref={ref}
        type="button"
        className={cx('rcc-CallButton', className)}
        disabled={disabled}
        aria-disabled={unavailable || undefined}
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
            {variant === 'link'
              ? (children ?? display)
              : pending
                ? messages.calling
                : (children ?? messages.call)}
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
    </span>
  )
})
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production') CallButton.displayName = 'CallButton'
