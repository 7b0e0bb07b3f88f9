import type { CallError } from '../core/CallError.js'

// A start that joined another one fails with that start's very error: it is reported once, by
// whichever start (a `useStartCall` or a `CallButton`) sees it first.
const reported = new WeakSet<object>()

/** `true` the first time `error` is seen: its owner's `onError` runs; later joiners' do not. */
export function firstReport(error: CallError): boolean {
  if (reported.has(error)) return false
  reported.add(error)
  return true
}
