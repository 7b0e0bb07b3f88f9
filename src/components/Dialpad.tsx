import {
  forwardRef,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type ComponentPropsWithoutRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react'
import type { CallError } from '../core/CallError.js'
import { isPlaced, isTerminalStatus } from '../core/CallEvent.js'
import { findInteraction } from '../core/reduceCallState.js'
import type { StartCallData } from '../core/createCallRuntime.js'
import { readPastedNumber, type PastedNumber } from '../core/readPastedNumber.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import type { CallMessages, DialpadKey } from '../react/messages.js'
import { useMessages } from '../react/useMessages.js'
import { useCallContext } from '../react/CallContext.js'
import { useCallControls } from '../react/useCallControls.js'
import { useCallReadiness } from '../react/useCallReadiness.js'
import { useCallStore } from '../react/useCallStore.js'
import { toDialable, useDialpad } from '../react/useDialpad.js'
import { usePhoneNumber } from '../react/usePhoneNumber.js'
import { composeHandlers, cx, describedBy } from './composeHandlers.js'
import { BackspaceIcon, PhoneIcon } from './icons.js'
import { readinessMessage } from './readinessMessage.js'
import { dialableBefore, positionAfter, showTypedNumber } from './typedNumber.js'
import { visuallyHidden } from './visuallyHidden.js'
import { mergeRefs } from './mergeRefs.js'
import { useFocusRescue } from './useFocusRescue.js'

/** The characters of a string literal type. */
type Chars<S extends string> = S extends `${infer C}${infer Rest}` ? C | Chars<Rest> : never
const KEY_ORDER = '123456789*0#'
// The keys in pad order, checked: a character that is not a `DialpadKey` does not compile.
const KEYS = [...KEY_ORDER] as Chars<typeof KEY_ORDER>[] satisfies readonly DialpadKey[]

/** Why a paste was refused, in the catalog's words. */
function pasteRefusal(read: Extract<PastedNumber, { ok: false }>, messages: CallMessages): string {
  return read.reason === 'character'
    ? messages.pasteNotANumber(read.character ?? '')
    : read.reason === 'uri-part'
      ? messages.pasteUriPart(read.part ?? '')
      : read.reason === 'plus'
        ? messages.pastePlus
        : messages.pasteEmpty
}

/** `dial`: a number is typed and called. `dtmf`: a call is connected and the keys send tones to it. */
export type DialpadMode = 'dial' | 'dtmf'

export interface DialpadProps extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children' | 'defaultValue' | 'onChange' | 'onError'
> {
  /**
   * The number, controlled (dialable characters only). Pair with `onValueChange`; a deferred
   * dial's number then arrives through `onValueChange` too. With `CallProvider`'s `asYouType`
   * the textbox shows it formatted; `value` and `onValueChange` stay dialable characters.
   */
  value?: string
  /** The number at mount, uncontrolled. Without `value`, the number lives in the provider's store. */
  defaultValue?: string
  /** Called with the dialable number on every change: typing, paste, keys, and a deferred dial's prefill. */
  onValueChange?: (value: string) => void
  /**
   * The CRM record that travels with the call the Call button places. Default: the record of the
   * deferred dial that filled the number, if the number was not changed since.
   */
  associatedObject?: InteractionAssociatedObject
  /** Called when the provider accepted the call placed with Call. */
  onStarted?: (data: StartCallData) => void
  /** Called when the call placed with Call failed to start (the error is also shown and announced). */
  onError?: (error: CallError) => void
  /** The call that receives DTMF tones while connected. Default: the active call. */
  interactionId?: string
  /** How long 0 must be held to type `+`, in milliseconds. Default 500. */
  longPressMs?: number
  /**
   * Disables every key, the textbox and Call. Call stays focusable (`aria-disabled`, as while it
   * cannot dial for its own reasons): focus that was on a key or in the textbox moves to it, never
   * to the page. Selector: `.rcc-Dialpad[data-disabled]`.
   */
  disabled?: boolean
}

/**
 * A phone dialpad: a `tel` textbox named "Phone number", keys 1–9, *, 0, # with their letters,
 * Delete and Call. Typing keeps only dialable characters; holding 0 types `+`. A paste is read
 * as a number (`tel:` URIs, keypad letters, Arabic-Indic, Persian and full-width digits; invisible
 * characters stripped), or refused with the reason: what is shown is what is dialed. A pasted
 * extension (`;ext=`, `ext.`, `x`, `#`) is sent as tones once the call connects, where the
 * provider has DTMF (the paste is refused otherwise). With `CallProvider`'s `asYouType` the number
 * is formatted as it is typed, pasted or prefilled (`(416) 555-0199`), the caret stays after the
 * digit being typed, and deleting a space or parenthesis deletes the digit beyond it.
 * Enter places the call, and Call stays locked until that call ends. A deferred dial fills it,
 * moves focus to Call and is announced. While a call is connected it becomes a DTMF keypad: keys
 * (and digit keys on the keyboard) send tones to the call; focus in the textbox or on Call moves
 * to the first key; on hold the keys are off and it says so.
 *
 * Parts and selectors (unstyled; `react-click-to-call/styles.css` gives the default look):
 * - `.rcc-Dialpad`: `role="group"`. `[data-mode="dial|dtmf"]`; `[data-pending]` while a call
 *   starts; `[data-invalid]` while the number's error is shown; `[data-prefilled]` while the
 *   number came from a deferred dial; `[data-held]` when the DTMF call is on hold;
 *   `[data-disabled]`; `[data-unavailable]` while a call cannot be placed now (the reason is
 *   shown).
 * - `.rcc-Dialpad-display`, `.rcc-Dialpad-input` (`[aria-invalid]`), `.rcc-Dialpad-message`
 *   (`[data-kind="invalid|refused|extension|reason|error"]`: `refused` says why a paste was
 *   refused, `extension` that a pasted extension goes as tones once connected, `reason` why Call
 *   cannot dial now, e.g. "Sign in to the phone system to call.", always shown and Call's
 *   description), `.rcc-Dialpad-tones`
 *   (DTMF digits sent).
 * - `.rcc-Dialpad-keys`; `.rcc-Dialpad-key` with `[data-key="0"]` …, its `.rcc-Dialpad-digit`
 *   and `.rcc-Dialpad-letters`.
 * - `.rcc-Dialpad-delete` (in the display; `[data-empty]` when there is nothing to delete),
 *   `.rcc-Dialpad-actions`, `.rcc-Dialpad-call` (`[data-pending]` while the start is in flight;
 *   `[aria-disabled]`, still focusable, while the call it placed is live, so it never dials
 *   twice, or while a call cannot be placed now).
 * - `.rcc-Dialpad-announcer`: the visually hidden live region for prefills.
 *
 * @example
 * <Dialpad associatedObject={contact} onStarted={(call) => log(call.id)} />
 */
export const Dialpad = forwardRef<HTMLDivElement, DialpadProps>(function Dialpad(
  {
    value,
    defaultValue,
    onValueChange,
    associatedObject,
    onStarted,
    onError,
    interactionId,
    longPressMs = 500,
    disabled = false,
    className,
    onKeyDown,
    ...rest
  },
  ref,
) {
  const messages = useMessages('Dialpad')
  const inputRef = useRef<HTMLInputElement>(null)
  const callRef = useRef<HTMLButtonElement>(null)
  const [prefill, setPrefill] = useState<{ value: string; count: number } | null>(null)
  const [touched, setTouched] = useState(false)
  // A pasted extension waits for Call; once the call it placed starts, it waits for that call to
  // connect and is sent as tones, once.
  const [extension, setExtension] = useState<string | null>(null)
  const [toneCall, setToneCall] = useState<{ id: string; digits: string } | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const dialpad = useDialpad({
    value,
    defaultValue,
    onValueChange,
    onPrefill: (number) => {
      setPrefill((previous) => ({ value: number, count: (previous?.count ?? 0) + 1 }))
      callRef.current?.focus()
    },
    onSuccess: (data) => {
      // A start that joined a call already live sends no extension into it.
      if (extension !== null && data.id !== null && !data.joined) {
        setToneCall({ id: data.id, digits: extension })
        setExtension(null)
      }
      onStarted?.(data)
    },
    onError: (error) => onError?.(error),
  })
  const { result } = usePhoneNumber(dialpad.value)
  const { formatTyped } = useCallContext('Dialpad')
  const shown = useMemo(
    () => (formatTyped ? showTypedNumber(dialpad.value, formatTyped) : dialpad.value),
    [formatTyped, dialpad.value],
  )
  // Where the caret goes after an edit, in dialable characters: formatting may add or remove
  // spaces around it, the digits before it stay the same.
  const [caret, setCaret] = useState<{ at: number } | null>(null)
  const prefilledDisplay = usePhoneNumber(prefill?.value ?? '').display
  // Only the call's id and state matter here, so its other updates (every tick of a provider's
  // events) never re-render the pad.
  const call = useCallStore((state) => {
    const found = findInteraction(state, interactionId ?? state.activeId ?? '')
    return found && { id: found.id, status: found.status }
  })
  const controls = useCallControls(call?.id)
  const canSendTones = useCallStore((state) => state.capabilities.dtmf === true)
  const toneCallStatus = useCallStore((state) =>
    toneCall === null ? undefined : findInteraction(state, toneCall.id)?.status,
  )
  // The tones go through the keypad's own controls when it shows that call, so they are listed.
  const toneControls = useCallControls(call?.id === toneCall?.id ? undefined : toneCall?.id)
  // The call this pad placed: Call stays locked from its start until it ends, so Enter twice (or
  // Call again while it dials or rings) never dials twice.
  const placedId = dialpad.start.data?.deferred ? null : (dialpad.start.data?.id ?? null)
  const placedLive = useCallStore((state) => {
    return placedId !== null && state.live.some((call) => call.id === placedId && isPlaced(call))
  })
  const rootRef = useRef<HTMLDivElement | null>(null)
  const firstKeyRef = useRef<HTMLButtonElement>(null)
  const id = useId()
  const longPress = useRef<{ timer?: ReturnType<typeof setTimeout>; fired?: boolean }>({})
  useEffect(() => () => clearTimeout(longPress.current.timer), [])

  const live = call?.status === 'connected' || call?.status === 'held'
  const dial = !(live && controls.capabilities.dtmf)
  const mode: DialpadMode = dial ? 'dial' : 'dtmf'
  const held = !dial && call?.status === 'held'
  const { start } = dialpad
  const pending = start.isPending
  const readiness = useCallReadiness({
    typed: true,
    phoneNumber: result.ok ? result.dialString.value : null,
  })
  // Why Call cannot dial now, shown under the pad; its own live call already locks Call.
  const notReady =
    dial && !(placedLive && readiness.reason === 'on-call')
      ? readinessMessage(messages, readiness)
      : null
  const locked = pending || placedLive || notReady !== null
  const invalid = dial && touched && !result.ok
  const validationMessage =
    refusal ?? (invalid && !result.ok ? messages.errorMessage(result.error) : null)
  // A failed start in dial mode, a refused tone in DTMF mode.
  const failure = dial ? start.error : controls.error
  const error = failure ? messages.errorMessage(failure) : null

  const edit = (change: () => void) => {
    if (disabled) return
    if (start.isError) start.reset()
    setRefusal(null)
    change()
  }

  useEffect(() => {
    if (toneCall === null || toneCallStatus === undefined) return
    if (toneCallStatus === 'connected') {
      setToneCall(null)
      void (call?.id === toneCall.id ? controls : toneControls).sendDtmf(toneCall.digits)
    } else if (isTerminalStatus(toneCallStatus)) {
      setToneCall(null)
    }
  }, [toneCall, toneCallStatus, call?.id, controls, toneControls])

  // What is pasted is what is dialed, or it is refused with the reason (nothing is dropped).
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault()
    if (disabled) return
    const read = readPastedNumber(event.clipboardData.getData('text'), messages.keyLetters)
    if (!read.ok) {
      setRefusal(pasteRefusal(read, messages))
      return
    }
    if (read.extension !== null && !canSendTones) {
      setRefusal(messages.extensionNoTones(read.extension))
      return
    }
    const { selectionStart, selectionEnd, value: text } = event.currentTarget
    const current = toDialable(dialpad.value)
    // A whole international number replaces the draft; anything else goes in at the caret.
    const whole = read.number.startsWith('+')
    const from = whole ? 0 : dialableBefore(text, selectionStart ?? text.length)
    const to = whole ? current.length : dialableBefore(text, selectionEnd ?? text.length)
    edit(() => dialpad.setValue(current.slice(0, from) + read.number + current.slice(to)))
    setExtension(read.extension)
    setCaret({ at: from + read.number.length })
  }
  const type = (event: ChangeEvent<HTMLInputElement>) => {
    const { value: text, selectionStart } = event.target
    let next = toDialable(text)
    let at = dialableBefore(text, selectionStart ?? text.length)
    if (next === dialpad.value && text.length < shown.length) {
      // Only a space or parenthesis of the formatting went: the person meant the digit beyond it
      // (else the formatting comes back and the caret is stuck before it).
      if ((event.nativeEvent as InputEvent).inputType === 'deleteContentForward') {
        next = next.slice(0, at) + next.slice(at + 1)
      } else if (at > 0) {
        next = next.slice(0, at - 1) + next.slice(at)
        at -= 1
      }
    }
    edit(() => dialpad.setValue(next))
    setCaret({ at })
  }
  // An emptied textbox has no number left for the extension.
  useEffect(() => {
    if (dialpad.value === '') setExtension(null)
  }, [dialpad.value])
  // The caret is set once the new (formatted) number is in the textbox.
  useLayoutEffect(() => {
    const input = inputRef.current
    if (caret === null || !input) return
    const position = positionAfter(input.value, caret.at)
    input.setSelectionRange(position, position)
  }, [caret])
  const press = (key: DialpadKey | '+') => {
    if (dial) edit(() => dialpad.append(key))
    else if (!disabled && !held && key !== '+') void controls.sendDtmf(key)
  }
  const placeCall = () => {
    if (disabled || pending || !dial) return
    if (!result.ok) {
      setTouched(true)
      // The error is the textbox's description: focusing it makes a screen reader say why.
      inputRef.current?.focus()
      return
    }
    if (locked) return
    dialpad.submit(associatedObject)
  }

  const handleKeyDown = composeHandlers<KeyboardEvent<HTMLDivElement>>(onKeyDown, (event) => {
    const { key } = event
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.target === inputRef.current) {
      if (key !== 'Enter') return
      placeCall()
    } else if (KEYS.includes(key as DialpadKey) || (dial && key === '+')) {
      // Digit keys work anywhere on the pad, so a keyboard user on a key (or in DTMF mode, where
      // there is no textbox) dials or sends tones without reaching for the mouse.
      press(key as DialpadKey)
    } else if (dial && key === 'Backspace') {
      edit(dialpad.backspace)
    } else {
      return
    }
    event.preventDefault()
  })

  const startLongPress = (event: PointerEvent<HTMLButtonElement>) => {
    if (!dial || event.button !== 0 || disabled) return
    const state = longPress.current
    state.fired = false
    clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.fired = true
      press('+')
    }, longPressMs)
  }
  const cancelLongPress = () => clearTimeout(longPress.current.timer)
  const clickKey = (key: DialpadKey) => {
    if (key === '0' && longPress.current.fired) {
      // The long press already typed "+": the click that ends it types nothing.
      longPress.current.fired = false
      return
    }
    press(key)
  }

  // The textbox, Delete and Call leave when the call connects (and come back when it ends): a
  // person focused on one of them lands on the first key of the new view, never on <body>. The
  // app's `disabled` leaves only Call focusable: focus on a key or the textbox goes there.
  useFocusRescue(rootRef, () => (dial ? callRef.current : firstKeyRef.current))

  const announcement = prefill
    ? // Alternate a trailing space so the same number prefilled twice is announced twice.
      messages.prefilled(prefilledDisplay) + (prefill.count % 2 === 0 ? '\u00a0' : '')
    : ''

  return (
    <div
      role="group"
      aria-label={dial ? messages.dialpad : messages.tonesKeypad}
      {...rest}
      ref={mergeRefs(rootRef, ref)}
      className={cx('rcc-Dialpad', className)}
      data-mode={mode}
      data-pending={pending || undefined}
      data-invalid={invalid || undefined}
      data-prefilled={(dial && dialpad.source === 'prefill' && dialpad.value !== '') || undefined}
      data-held={held || undefined}
      data-disabled={disabled || undefined}
      data-unavailable={notReady !== null || undefined}
      onKeyDown={handleKeyDown}
    >
      {dial ? (
        <div className="rcc-Dialpad-display">
          <input
            ref={inputRef}
            className="rcc-Dialpad-input"
            dir="ltr"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            aria-label={messages.phoneNumber}
            placeholder={messages.phoneNumberPlaceholder}
            value={shown}
            disabled={disabled}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(
              validationMessage && `${id}m`,
              extension !== null && dialpad.value !== '' && `${id}x`,
            )}
            onChange={type}
            onPaste={paste}
            onBlur={() => {
              if (dialpad.value !== '') setTouched(true)
            }}
          />
          <button
            type="button"
            className="rcc-Dialpad-delete"
            aria-label={messages.deleteDigit}
            disabled={disabled}
            data-empty={dialpad.value === '' || undefined}
            onClick={() => edit(dialpad.backspace)}
          >
            <BackspaceIcon />
          </button>
        </div>
      ) : (
        <output className="rcc-Dialpad-tones" aria-live="polite">
          {held
            ? messages.tonesHeld
            : controls.tones
              ? messages.tonesSent(controls.tones)
              : messages.tonesHint}
        </output>
      )}
      {validationMessage !== null && (
        <p
          id={`${id}m`}
          className="rcc-Dialpad-message"
          data-kind={refusal === null ? 'invalid' : 'refused'}
          role={refusal === null ? undefined : 'alert'}
        >
          {validationMessage}
        </p>
      )}
      {dial && extension !== null && dialpad.value !== '' && (
        <p id={`${id}x`} className="rcc-Dialpad-message" data-kind="extension">
          {messages.extensionLater(extension)}
        </p>
      )}
      {notReady !== null && (
        <p id={`${id}r`} className="rcc-Dialpad-message" data-kind="reason">
          {notReady}
        </p>
      )}
      {error !== null && (
        <p id={`${id}e`} className="rcc-Dialpad-message" data-kind="error" role="alert">
          {error}
        </p>
      )}
      <div className="rcc-Dialpad-keys">
        {KEYS.map((key) => {
          const letters = messages.keyLetters[key]
          return (
            <button
              key={key}
              ref={key === KEYS[0] ? firstKeyRef : undefined}
              type="button"
              className="rcc-Dialpad-key"
              data-key={key}
              disabled={disabled}
              aria-disabled={held || undefined}
              aria-keyshortcuts={key}
              onClick={() => clickKey(key)}
              {...(key === '0' && {
                onPointerDown: startLongPress,
                onPointerUp: cancelLongPress,
                onPointerLeave: cancelLongPress,
                onPointerCancel: cancelLongPress,
                onContextMenu: (event) => event.preventDefault(),
              })}
            >
              <span className="rcc-Dialpad-digit">{key}</span>
              {letters ? (
                <>
                  {' '}
                  <span className="rcc-Dialpad-letters">{letters}</span>
                </>
              ) : null}
            </button>
          )
        })}
      </div>
      {dial && (
        <div className="rcc-Dialpad-actions">
          <button
            ref={callRef}
            type="button"
            className="rcc-Dialpad-call"
            // Focusable while disabled, as for its own reasons: it keeps a keyboard user's focus.
            aria-disabled={disabled || ((placedLive || notReady !== null) && !pending) || undefined}
            aria-busy={pending || undefined}
            aria-describedby={describedBy(notReady !== null && `${id}r`, error && `${id}e`)}
            data-pending={pending || undefined}
            onClick={placeCall}
          >
            <PhoneIcon className="rcc-Dialpad-callIcon" />
            <span className="rcc-Dialpad-callLabel">
              {pending ? messages.calling : messages.call}
            </span>
          </button>
        </div>
      )}
      <span className="rcc-Dialpad-announcer" role="status" style={visuallyHidden}>
        {announcement}
      </span>
    </div>
  )
})
// Development only, so production bundles can drop it (and tree-shake an unused component).
if (process.env.NODE_ENV !== 'production') Dialpad.displayName = 'Dialpad'
