import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { isIncoming, isTerminalStatus } from '../core/CallEvent.js'
import { selectActiveInteraction } from '../core/createCallStore.js'
import type { CallState } from '../core/reduceCallState.js'
import { useCallContext } from './CallContext.js'
import { useCallControls } from './useCallControls.js'

/**
 * Keyboard shortcuts for the call controls: `"Alt+A"`, `"Ctrl+Shift+H"` … (modifiers `Alt`,
 * `Ctrl`, `Shift`, `Meta`, then a letter or a digit), or `false` to turn one off.
 */
export interface CallShortcuts {
  /** Answers the ringing inbound call. Default `Alt+A`. */
  answer?: string | false
  /** Declines the ringing inbound call. Default `Alt+D`. */
  decline?: string | false
  /** Hangs up the active call. Default `Alt+H`. */
  hangUp?: string | false
  /** Mutes or unmutes the active call. Default `Alt+M`. */
  mute?: string | false
  /** Holds or resumes the active call. Default `Alt+O`. */
  hold?: string | false
}

/**
 * The defaults. Alt with a letter leaves screen readers alone: NVDA and JAWS take Insert or Caps
 * Lock with a key, VoiceOver takes Control+Option, and the browse-mode quick keys (single letters
 * such as H for headings) have no modifier.
 */
export const DEFAULT_CALL_SHORTCUTS: Readonly<Required<CallShortcuts>> = Object.freeze({
  answer: 'Alt+A',
  decline: 'Alt+D',
  hangUp: 'Alt+H',
  mute: 'Alt+M',
  hold: 'Alt+O',
})

interface Chord {
  alt: boolean
  ctrl: boolean
  shift: boolean
  meta: boolean
  /** `KeyboardEvent.code`, e.g. `KeyA`: the key, whatever character Option+A types on a Mac. */
  code: string
}

function parseChord(text: string): Chord {
  const parts = text.split('+').map((part) => part.trim())
  const key = parts.pop() ?? ''
  const has = (name: string) => parts.some((part) => part.toLowerCase() === name)
  if (!/^[a-z0-9]$/i.test(key))
    throw new Error(`A call shortcut ends with a letter or a digit, got ${JSON.stringify(text)}.`)
  return {
    alt: has('alt') || has('option'),
    ctrl: has('ctrl') || has('control'),
    shift: has('shift'),
    meta: has('meta') || has('cmd'),
    code: /\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
  }
}

const matches = (chord: Chord, event: KeyboardEvent) =>
  event.code === chord.code &&
  event.altKey === chord.alt &&
  event.ctrlKey === chord.ctrl &&
  event.shiftKey === chord.shift &&
  event.metaKey === chord.meta

/** The inbound call that rings now, newest first: it is the one Answer and Decline act on. */
const selectRinging = (state: CallState) => {
  let ringing: string | null = null
  let newest = -Infinity
  for (const call of state.live) {
    if (isIncoming(call) && call.createdAt >= newest) {
      ringing = call.id
      newest = call.createdAt
    }
  }
  return ringing
}

/**
 * Opt-in keyboard shortcuts for the calls of the `CallProvider` above: answer or decline the
 * ringing inbound call, hang up, mute and hold the active call. A shortcut acts (and stops the
 * browser's own use of the keys) only when its control applies now, so Alt+D still reaches the
 * browser when no call rings. Say the shortcuts in your UI, e.g. with `aria-keyshortcuts`.
 *
 * @example
 * useCallShortcuts() // Alt+A answer, Alt+D decline, Alt+H hang up, Alt+M mute, Alt+O hold
 * useCallShortcuts({ hold: 'Alt+K', decline: false })
 */
export function useCallShortcuts(shortcuts: CallShortcuts = {}): void {
  const { store } = useCallContext('useCallShortcuts').runtime
  const ringingId = useStore(store, selectRinging)
  const active = useStore(store, selectActiveInteraction)
  const ringing = useCallControls(ringingId)
  const current = useCallControls(active?.id)
  const { answer, decline, hangUp, mute, hold } = { ...DEFAULT_CALL_SHORTCUTS, ...shortcuts }
  const keys = [answer, decline, hangUp, mute, hold].join('|')
  // The latest state, read when a key is pressed; the listener is bound once per set of keys.
  const latest = useRef({ ringingId, active, ringing, current })
  useEffect(() => {
    latest.current = { ringingId, active, ringing, current }
  })

  useEffect(() => {
    const chord = (text: string | false) => (text ? parseChord(text) : undefined)
    const bindings = {
      answer: chord(answer),
      decline: chord(decline),
      hangUp: chord(hangUp),
      mute: chord(mute),
      hold: chord(hold),
    }
    /** The action a key press runs now, if its control applies. */
    function actionFor(event: KeyboardEvent): (() => Promise<void>) | undefined {
      const { ringingId, active, ringing, current } = latest.current
      const is = (name: keyof typeof bindings) => {
        const binding = bindings[name]
        return binding !== undefined && matches(binding, event)
      }
      if (ringingId !== null && is('answer') && ringing.capabilities.answer) return ringing.answer
      if (ringingId !== null && is('decline') && ringing.capabilities.decline)
        return ringing.decline
      if (!active || isTerminalStatus(active.status)) return undefined
      const connected = active.status === 'connected' || active.status === 'held'
      if (is('hangUp') && current.capabilities.hangup) return current.hangup
      if (is('mute') && connected && current.capabilities.mute)
        return () => current.mute(!active.muted)
      if (is('hold') && connected && current.capabilities.hold)
        return active.status === 'held' ? current.resume : current.hold
      return undefined
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return
      const action = actionFor(event)
      if (!action) return
      event.preventDefault()
      void action()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
    // `keys` stands for the five bindings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys])
}
