import { CallError, type CallErrorCode } from '../core/CallError.js'
import { abortedError } from './standardErrors.js'
import { formatDuration, messageOf } from './text.js'

/**
 * HTTP for the clients and the server helper: `fetch` with a time-out and an abort signal, JSON
 * bodies, and one mapping of HTTP statuses to `CallError`s.
 */

export interface RequestOptions {
  /** The client's name, kept on every error. */
  provider: string
  /** Give up after this long with a `timeout` error. */
  timeoutMs: number
  signal?: AbortSignal
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
}

export interface JsonResponse {
  response: Response
  /** The parsed JSON body; `undefined` when empty; the raw text when it is not JSON. */
  body: unknown
}

/** The `CallError` code of each HTTP status that has one; every other status is `provider_error`. */
const STATUS_CODES: Readonly<Record<number, CallErrorCode>> = {
  400: 'invalid_argument',
  422: 'invalid_argument',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  504: 'timeout',
  409: 'conflict',
  429: 'rate_limited',
}

/** The `CallError` code for an HTTP status. */
const statusToCode = (status: number): CallErrorCode => STATUS_CODES[status] ?? 'provider_error'

/** What a person reads for each code; the rest (`invalid_argument` …) read "The phone system refused the request." */
const MESSAGES: Partial<Record<CallErrorCode, string>> = {
  unauthorized: 'Your phone session has expired or is missing. Sign in again.',
  forbidden: 'You are not allowed to place this call.',
  not_found: 'The phone system could not find the user or call.',
  timeout: 'The phone system did not answer in time. Try again.',
  conflict: 'The phone system refused: a call is already in progress.',
  provider_error: 'The phone system had a problem. Try again in a moment.',
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds. */
function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * A `CallError` for a non-2xx response. `serverMessage` and `serverCode` are the provider's
 * words, kept in `error.provider` and appended to the message a person sees.
 */
export function httpError(
  provider: string,
  response: Response,
  serverMessage?: string,
  serverCode?: string | number,
): CallError {
  const code = statusToCode(response.status)
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'))
  let message =
    code === 'rate_limited'
      ? `Too many calls at once. ${retryAfterMs === undefined ? 'Wait a moment' : `Wait ${Math.ceil(retryAfterMs / 1000)} s`} and try again.`
      : (MESSAGES[code] ?? 'The phone system refused the request.')
  if (serverMessage && code !== 'rate_limited') message = `${message} (${serverMessage})`
  return new CallError(code, message, {
    provider: {
      provider,
      status: response.status,
      ...(serverCode !== undefined && { code: serverCode }),
      ...(serverMessage !== undefined && { message: serverMessage }),
    },
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  })
}

/**
 * `fetch` with a timeout and an abort signal, reading the body as JSON. Network failures,
 * time-outs and aborts become `CallError`s; HTTP errors are left to the caller (see `httpError`).
 */
export async function requestJson(
  url: string,
  init: RequestInit,
  options: RequestOptions,
): Promise<JsonResponse> {
  const { provider, timeoutMs, signal } = options
  const doFetch = options.fetch ?? globalThis.fetch
  const cancelled = (cause?: unknown) => abortedError(provider, cause)
  if (signal?.aborted) throw cancelled()
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = () => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const response = await doFetch(url, { ...init, signal: controller.signal })
    const text = await response.text()
    let body: unknown
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    return { response, body }
  } catch (error) {
    if (timedOut) {
      throw new CallError(
        'timeout',
        `The phone system did not answer within ${formatDuration(timeoutMs)}. Try again.`,
        {
          provider: { provider },
          cause: error,
        },
      )
    }
    if (signal?.aborted) throw cancelled(error)
    throw new CallError(
      'network_error',
      'Could not reach the phone system. Check the connection and try again.',
      {
        provider: { provider, message: messageOf(error) },
        cause: error,
      },
    )
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}
