import { messageOf } from '../../client-kit/text.js'
import {
  CallError,
  isCallError,
  toCallError,
  type CallErrorCode,
  type ProviderErrorInfo,
} from '../../core/CallError.js'

export const PROVIDER = 'tether'

/** A `CallError` from the Tether client: `error.provider` always names `tether`. */
export function tetherError(
  code: CallErrorCode,
  message: string,
  provider?: Omit<ProviderErrorInfo, 'provider'>,
  cause?: unknown,
): CallError {
  return new CallError(code, message, { provider: { provider: PROVIDER, ...provider }, cause })
}

/** Anything thrown (a `fetch` TypeError, an AbortError) as a `CallError` from Tether. */
export const toTetherError = (error: unknown): CallError => toCallError(error, PROVIDER)

/** A developer mistake in the options of `createTetherClient`; callers pass the detail in development builds only. */
export function misconfigured(detail: string): never {
  throw new CallError('invalid_argument', `createTetherClient: ${detail}.`)
}

/** A non-empty string. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** How `asCallError` words what was thrown. */
export interface AsCallErrorOptions {
  /** `error.provider.name`: what threw, e.g. `placeCall`. */
  name?: string
  /** Default `provider_error`. */
  code?: CallErrorCode
  /**
   * Append the thrown message to the message a person sees, for the voice SDK's own words
   * ("Microphone permission denied"). Otherwise only `error.provider.message` keeps it.
   */
  appendThrown?: boolean
}

/**
 * Anything thrown by the app's code (the voice SDK, `getToken`) as a `CallError`: a `CallError` as
 * it is, anything else as `code` with `message` a person can act on; `error.provider.message`
 * keeps the thrown message (see `appendThrown`).
 */
export function asCallError(
  error: unknown,
  message: string,
  { name, code = 'provider_error', appendThrown }: AsCallErrorOptions = {},
): CallError {
  if (isCallError(error)) return error
  const thrown = messageOf(error)
  return tetherError(
    code,
    appendThrown ? `${message} (${thrown})` : message,
    { name, message: thrown },
    error,
  )
}
