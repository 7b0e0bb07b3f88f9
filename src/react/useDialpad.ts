import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { DialStringResult } from '../core/parseDialString.js'
import type { DialpadDraft } from '../core/reduceCallState.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from './CallContext.js'
import { useStartCall, type UseStartCallOptions, type UseStartCallResult } from './useStartCall.js'

/** Keeps only dialable characters (`0-9 * # +`, with `+` only in front). */
export function toDialable(input: string): string {
  const kept = input.replace(/[^0-9*#+]/g, '')
  return (kept.startsWith('+') ? '+' : '') + kept.replaceAll('+', '')
}

/** `useDialpad`'s options: the number's state (controlled or not) and the start mutation's options. */
export interface UseDialpadOptions extends UseStartCallOptions {
  /** The number, controlled. Pair with `onValueChange`. A deferred dial then arrives through `onValueChange`. */
  value?: string
  /** The number at mount, uncontrolled. */
  defaultValue?: string
  /** Called with the dialable number on every change: typing, keys, paste and a deferred dial's prefill. */
  onValueChange?: (value: string) => void
  /** Called when a deferred dial fills the dialpad (after mount), e.g. to move focus to Call. */
  onPrefill?: (value: string) => void
}

export interface UseDialpadResult extends DialpadDraft {
  /** How many deferred dials filled the dialpad since it mounted (a new one moves focus and is announced). */
  prefillCount: number
  /** Sets the number as typed or pasted; non-dialable characters are dropped. */
  setValue(value: string): void
  /** Adds one key (`0-9`, `*`, `#`, `+`). */
  append(key: string): void
  /** Removes the last character. */
  backspace(): void
  clear(): void
  /** Fills the number as a deferred dial does (announced, focus to Call). */
  prefill(value: string): void
  /** The number checked with the provider's rules; `null` while empty. */
  validation: DialStringResult | null
  /**
   * Places the call with the current number (a confirmed start: it dials even in prefill mode).
   * Without `associatedObject`, a prefilled number's own record goes with it.
   */
  submit(associatedObject?: InteractionAssociatedObject): void
  /** The start mutation behind `submit`. */
  start: UseStartCallResult
}

// Layout effects warn during server rendering; effects are the same there (neither runs).
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * A headless dialpad: the draft number lives in the provider's store, so a deferred dial from
 * any `CallButton` fills it. Controlled (`value` + `onValueChange`) or not (`defaultValue`).
 *
 * @example
 * const dialpad = useDialpad({ onPrefill: () => callButton.current?.focus() })
 * <input value={dialpad.value} onChange={(e) => dialpad.setValue(e.target.value)} />
 * <button onClick={() => dialpad.submit()} disabled={!dialpad.validation?.ok}>Call</button>
 */
export function useDialpad(options: UseDialpadOptions = {}): UseDialpadResult {
  const {
    value: controlledValue,
    defaultValue,
    onValueChange,
    onPrefill,
    ...startOptions
  } = options
  const { runtime } = useCallContext('useDialpad')
  const { store } = runtime
  const draft = useStore(store, (state) => state.dialpad)
  const start = useStartCall(startOptions)
  const controlled = controlledValue !== undefined
  const [seeded, setSeeded] = useState(defaultValue === undefined)
  const value = controlled ? controlledValue : seeded ? draft.value : toDialable(defaultValue ?? '')

  // The latest props, read by stable actions and effects without re-subscribing.
  const latest = useRef({ value, controlled, onValueChange, onPrefill })
  useIsomorphicLayoutEffect(() => {
    latest.current = { value, controlled, onValueChange, onPrefill }
  })

  useIsomorphicLayoutEffect(() => {
    if (seeded) return
    store.getState().setDraft(toDialable(defaultValue ?? ''), 'typed')
    setSeeded(true)
  }, [seeded, defaultValue, store])

  // Only deferred dials after mount count: a number filled before this dialpad existed is not
  // news. Each deferral is a new pending dial, so the same number deferred twice counts twice.
  const seenPendingDial = useRef(draft.pendingDial)
  const [prefillCount, setPrefillCount] = useState(0)
  // A layout effect: focus moves to Call in the same frame the number appears.
  useIsomorphicLayoutEffect(() => {
    const { pendingDial } = draft
    if (pendingDial === seenPendingDial.current) return
    seenPendingDial.current = pendingDial
    if (pendingDial === null) return
    setPrefillCount((count) => count + 1)
    latest.current.onValueChange?.(draft.value)
    latest.current.onPrefill?.(draft.value)
  }, [draft.pendingDial, draft.value])

  const actions = useMemo(() => {
    const set = (next: string) => {
      const dialable = toDialable(next)
      if (dialable === latest.current.value) return
      if (!latest.current.controlled) store.getState().setDraft(dialable, 'typed')
      latest.current.onValueChange?.(dialable)
    }
    return {
      setValue: set,
      append: (key: string) => set(latest.current.value + key),
      backspace: () => set(latest.current.value.slice(0, -1)),
      clear: () => set(''),
      prefill: (next: string) => store.getState().prefill(toDialable(next)),
    }
  }, [store])
  const validation = useMemo(() => (value === '' ? null : runtime.parse(value)), [runtime, value])
  const { startCall } = start
  return {
    ...draft,
    value,
    prefillCount,
    ...actions,
    validation,
    start,
    submit: (associatedObject) => {
      const number = latest.current.value
      const { pendingDial } = store.getState().dialpad
      // A deferred dial's record travels on with its number, unless the number was changed.
      const record =
        associatedObject ??
        (pendingDial?.phoneNumber === number ? pendingDial.associatedObject : undefined)
      startCall(number, record, { confirmed: true })
    },
  }
}
