/** Stable error codes. Branch on these, never on `message`. */
export type CallErrorCode =
  /** The number is not dialable (empty, letters, too long, blocked by the dial policy). */
  | 'invalid_number'
  /** Another argument is wrong (malformed associated object, bad user id, bad DTMF digits). */
  | 'invalid_argument'
  /** The operation is not possible in the call's current state (e.g. hold while ringing). */
  | 'invalid_state'
  /** The provider did not answer in time, or reported a timeout. */
  | 'timeout'
  /** Missing, expired or rejected credentials (HTTP 401, not logged in). */
  | 'unauthorized'
  /** Authenticated but not allowed (HTTP 403, no permission, CSRF). */
  | 'forbidden'
  /** The user, device or call does not exist (HTTP 404). */
  | 'not_found'
  /** The provider refused because of a conflicting state (HTTP 409, a call already in flight). */
  | 'conflict'
  /** Too many requests (HTTP 429). `retryAfterMs` tells when to try again; nothing retries by itself. */
  | 'rate_limited'
  /** The agent's phone or session is not ready (logged out, no registered device). */
  | 'not_ready'
  /** The provider reported a failure (HTTP 5xx, a provider error code, a failed call). */
  | 'provider_error'
  /** The request did not reach the provider (offline, connection refused, DNS). */
  | 'network_error'
  /** The caller aborted (unmount, AbortSignal). */
  | 'aborted'
  /** The provider cannot do this (e.g. hang up on DialStack). */
  | 'not_supported'

/** What the provider itself said, kept for logs and support tickets. */
export interface ProviderErrorInfo {
  /** The client's name, e.g. `"genesys"`. */
  provider: string
  /** The provider's own code: a number (Bright Pattern, Genesys `statusCode`) or a string (DialStack `code`). */
  code?: string | number
  /** The provider's error name, e.g. `"not_logged_in"`. */
  name?: string
  /** The provider's message, verbatim. */
  message?: string
  /** The HTTP status, for HTTP providers. */
  status?: number
}

/** A serializable error, as stored on a failed interaction. */
export interface CallErrorInfo {
  code: CallErrorCode
  message: string
  provider?: ProviderErrorInfo
  retryAfterMs?: number
}

export interface CallErrorOptions {
  provider?: ProviderErrorInfo
  retryAfterMs?: number
  cause?: unknown
}

/**
 * The one error type of the library: a stable `code`, a `message` a person can act on, and the
 * provider's own words in `provider`.
 */
export class CallError extends Error implements CallErrorInfo {
  override readonly name = 'CallError'
  readonly code: CallErrorCode
  readonly provider?: ProviderErrorInfo
  readonly retryAfterMs?: number

  constructor(code: CallErrorCode, message: string, options: CallErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    if (options.provider) this.provider = options.provider
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }

  /** A plain-object copy, safe to keep in a store or send over a wire. */
  toJSON(): CallErrorInfo {
    const info: CallErrorInfo = { code: this.code, message: this.message }
    if (this.provider) info.provider = this.provider
    if (this.retryAfterMs !== undefined) info.retryAfterMs = this.retryAfterMs
    return info
  }

  /** Rebuilds a `CallError` from its plain form. */
  static from(info: CallErrorInfo): CallError {
    return info instanceof CallError ? info : new CallError(info.code, info.message, info)
  }
}

/** True for a `CallError`, including one from another copy of the library. */
export function isCallError(value: unknown): value is CallError {
  return (
    value instanceof CallError ||
    (value instanceof Error && value.name === 'CallError' && 'code' in value)
  )
}

/**
 * Turns anything thrown (a `fetch` TypeError, an AbortError, a provider's exception) into a
 * `CallError`, so that callers only ever see one type.
 */
export function toCallError(error: unknown, provider?: string): CallError {
  if (isCallError(error)) return error
  const info = provider ? { provider } : undefined
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return error.name === 'TimeoutError'
      ? new CallError('timeout', 'The phone system did not answer in time. Try again.', {
          provider: info,
          cause: error,
        })
      : new CallError('aborted', 'The call was cancelled before it started.', {
          provider: info,
          cause: error,
        })
  }
  if (error instanceof TypeError) {
    return new CallError(
      'network_error',
      'Could not reach the phone system. Check the connection and try again.',
      {
        provider: info && { ...info, message: error.message },
        cause: error,
      },
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new CallError('provider_error', 'The phone system reported an error.', {
    provider: { provider: provider ?? 'unknown', message },
    cause: error,
  })
}
