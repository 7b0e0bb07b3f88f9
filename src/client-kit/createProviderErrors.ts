import {
  CallError,
  isCallError,
  toCallError,
  type CallErrorCode,
  type ProviderErrorInfo,
} from '../core/CallError.js'
import { abortedError, badDtmfError, disposedError, notSupportedError } from './standardErrors.js'
import { messageOf } from './text.js'

/** What the provider said, without the provider's name (the factory adds it). */
export type ProviderDetails = Omit<ProviderErrorInfo, 'provider'>

/**
 * A provider's error table: its own codes → library codes, and what a person reads for each
 * library code. Codes missing from `codes` are `provider_error`.
 */
export interface ErrorTable {
  codes: Readonly<Record<string | number, CallErrorCode>>
  messages: Readonly<Partial<Record<CallErrorCode, string>>>
  /** The message of a code without its own. */
  fallback: string
}

/** How `fromThrown` words what the app's code (a voice SDK, a token getter) threw. */
export interface FromThrownOptions {
  /** `error.provider.name`: what threw, e.g. `placeCall`. */
  name?: string
  /** Default `provider_error`. */
  code?: CallErrorCode
  /**
   * Append the thrown message to the message a person sees, for an SDK's own words
   * ("Microphone permission denied"). Otherwise only `error.provider.message` keeps it.
   */
  appendThrown?: boolean
}

/** Every error a client makes, with `error.provider.provider` set to its name. */
export interface ProviderErrors {
  readonly provider: string
  /** A `CallError` with the provider's details. */
  error(code: CallErrorCode, message: string, details?: ProviderDetails, cause?: unknown): CallError
  /**
   * The error of a provider code through `table`; `providerMessage` is kept verbatim in
   * `error.provider.message` and appended to the message a person sees.
   */
  fromTable(
    table: ErrorTable,
    providerCode: string | number,
    providerMessage?: string,
    details?: ProviderDetails,
  ): CallError
  /** Anything the app's code threw: a `CallError` as it is, anything else as `code` with `message`. */
  fromThrown(thrown: unknown, message: string, options?: FromThrownOptions): CallError
  /** Anything thrown by the platform (a `fetch` TypeError, an AbortError) as a `CallError`. */
  normalize(thrown: unknown): CallError
  aborted(cause?: unknown): CallError
  disposed(): CallError
  notSupported(action: string): CallError
  badDtmf(digits: unknown): CallError
  /**
   * Throws for a developer mistake in the factory's options: `invalid_argument` with
   * `<factory>: <detail>.` The full text is kept in every build.
   */
  misconfigured(factory: string, detail: string): never
}

/**
 * The error factory of the client named `provider`.
 *
 * @example
 * const errors = createProviderErrors('genesys')
 * errors.fromTable(GWS_ERRORS, reply.statusCode, reply.statusMessage)
 * errors.notSupported('hang up')
 */
export function createProviderErrors(provider: string): ProviderErrors {
  const error: ProviderErrors['error'] = (code, message, details, cause) =>
    new CallError(code, message, { provider: { provider, ...details }, cause })
  return {
    provider,
    error,
    fromTable(table, providerCode, providerMessage, details) {
      const code = Object.hasOwn(table.codes, providerCode)
        ? table.codes[providerCode]!
        : 'provider_error'
      const text = table.messages[code] ?? table.fallback
      return error(code, providerMessage ? `${text} (${providerMessage})` : text, {
        code: providerCode,
        ...(providerMessage !== undefined && { message: providerMessage }),
        ...details,
      })
    },
    fromThrown(thrown, message, { name, code = 'provider_error', appendThrown } = {}) {
      if (isCallError(thrown)) return thrown
      const said = messageOf(thrown)
      return error(
        code,
        appendThrown ? `${message} (${said})` : message,
        { ...(name !== undefined && { name }), message: said },
        thrown,
      )
    },
    normalize: (thrown) => toCallError(thrown, provider),
    aborted: (cause) => abortedError(provider, cause),
    disposed: () => disposedError(provider),
    notSupported: (action) => notSupportedError(provider, action),
    badDtmf: (digits) => badDtmfError(provider, digits),
    misconfigured(factory, detail) {
      throw new CallError('invalid_argument', `${factory}: ${detail}.`)
    },
  }
}
