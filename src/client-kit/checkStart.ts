import type { StartCallResult } from '../core/CallClient.js'
import { isRecord } from './text.js'
import {
  parseDialString,
  type DialString,
  type DialStringOptions,
} from '../core/parseDialString.js'
import { failure } from '../core/result.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { validateAssociatedObject } from '../core/validateAssociatedObject.js'
import type { CallError } from '../core/CallError.js'
import type { ProviderErrors } from './createProviderErrors.js'

/** What `startCall` was given, as received: apps in plain JavaScript may pass anything. */
export interface StartInput {
  phoneNumber: unknown
  initialObject?: unknown
  /** `startCall`'s third argument (`{ signal }`), whatever it is. */
  options?: unknown
}

export interface StartCheckOptions {
  /** The client's errors (its name goes on each). */
  errors: ProviderErrors
  /** The client was disposed. */
  disposed: boolean
  /** Dial-string rules of this client (e.g. local numbers pass for a PBX). */
  dialString?: DialStringOptions
}

/** A start that may go on, with its inputs read and checked. */
export interface CheckedStart {
  ok: true
  dialString: DialString
  associatedObject: InteractionAssociatedObject | undefined
  /** The caller's abort signal, when it gave one. */
  signal: AbortSignal | undefined
  /** The start's caller ID (`{ from }`), when it is non-empty text. */
  from: string | undefined
}

/** A start refused before any request: resolve `startCall` with `result`. */
export interface RefusedStart {
  ok: false
  result: StartCallResult
}

/** The caller ID in `{ from }`, when it is non-empty text. */
function fromOf(options: unknown): string | undefined {
  const from = isRecord(options) ? options.from : undefined
  return typeof from === 'string' && from ? from : undefined
}

/** The caller's `AbortSignal` in `{ signal }`, or nothing (a missing or odd third argument). */
function signalOf(options: unknown): AbortSignal | undefined {
  const signal = isRecord(options) ? options.signal : undefined
  return typeof AbortSignal !== 'undefined' && signal instanceof AbortSignal ? signal : undefined
}

/**
 * The start preamble every client runs first, in this order: disposed → `not_ready`; a
 * `phoneNumber` that is not text, or no dialable number → `invalid_number`; a malformed
 * associated object → `invalid_argument`; an already aborted signal → `aborted`. It never throws,
 * so `startCall` resolves to an error envelope for any input, as the `CallClient` contract says.
 *
 * @example
 * const checked = checkStart({ phoneNumber, initialObject, options }, { errors, disposed })
 * if (!checked.ok) return checked.result
 * const { dialString, associatedObject, signal } = checked
 */
export function checkStart(
  input: StartInput,
  check: StartCheckOptions,
): CheckedStart | RefusedStart {
  const { errors } = check
  const refuse = (error: CallError): RefusedStart => ({ ok: false, result: failure(error) })
  if (check.disposed) return refuse(errors.disposed())
  const { phoneNumber, initialObject } = input
  if (typeof phoneNumber !== 'string') {
    return refuse(
      errors.error(
        'invalid_number',
        `The phone number must be text, got ${phoneNumber === null ? 'null' : typeof phoneNumber}.`,
      ),
    )
  }
  const parsed = parseDialString(phoneNumber, check.dialString)
  if (!parsed.ok) return refuse(parsed.error)
  let associatedObject: InteractionAssociatedObject | undefined
  if (initialObject !== undefined) {
    const checked = validateAssociatedObject(initialObject)
    if (!checked.ok) return refuse(checked.error)
    associatedObject = checked.value
  }
  const signal = signalOf(input.options)
  if (signal?.aborted) return refuse(errors.aborted(signal.reason))
  return {
    ok: true,
    dialString: parsed.dialString,
    associatedObject,
    signal,
    from: fromOf(input.options),
  }
}
