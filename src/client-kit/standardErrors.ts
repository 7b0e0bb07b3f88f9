import { quoteInput } from '../core/quoteInput.js'
import { CallError, type CallErrorOptions } from '../core/CallError.js'

/**
 * The errors every client can meet, each with one wording across the library: a start that was
 * cancelled, a client used after `dispose()`, a control the provider lacks, DTMF that is not
 * tones. `provider` goes into `error.provider.provider`.
 */

const withProvider = (provider: string, cause?: unknown): CallErrorOptions => ({
  provider: { provider },
  ...(cause !== undefined && { cause }),
})

/** `aborted`: the caller's signal (unmount, a second click) cancelled the start or request. */
export const abortedError = (provider: string, cause?: unknown): CallError =>
  new CallError(
    'aborted',
    'The call was cancelled before it started.',
    withProvider(provider, cause),
  )

/** `not_ready`: the client was disposed (the `CallProvider` unmounted or swapped clients). */
export const disposedError = (provider: string): CallError =>
  new CallError(
    'not_ready',
    'The phone connection was closed. Reload the page to call again.',
    withProvider(provider),
  )

/**
 * `not_supported`: the provider (or this setup of it) cannot do `action`, e.g. `'hang up'`. The
 * message says what a person can do instead: use their phone.
 */
export const notSupportedError = (provider: string, action: string): CallError =>
  new CallError(
    'not_supported',
    `This phone system cannot ${action} from here. Use your phone instead.`,
    withProvider(provider),
  )

/** DTMF tones a provider can send: `0-9`, `*`, `#`, at least one. */
export const isDtmf = (digits: unknown): digits is string =>
  typeof digits === 'string' && /^[0-9*#]+$/.test(digits)

/** `invalid_argument`: `digits` are not DTMF tones. */
export const badDtmfError = (provider: string, digits: unknown): CallError =>
  new CallError(
    'invalid_argument',
    `“${quoteInput(String(digits))}” is not a DTMF tone: use 0-9, * and #.`,
    withProvider(provider),
  )
