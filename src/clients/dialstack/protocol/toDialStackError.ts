import { CallError, type CallErrorCode } from '../../../core/CallError.js'
import { createProviderErrors } from '../../../client-kit/createProviderErrors.js'
import { httpError } from '../../../client-kit/request.js'
import { isRecord } from '../../../client-kit/text.js'
import { text } from './parseDialStackEvent.js'
import { KNOWN_TEXTS, hinted } from './validateCallRequest.js'

/** The client's name, on its errors and log lines. */
export const PROVIDER = 'dialstack'

/** Every error the DialStack client makes, with `error.provider.provider === 'dialstack'`. */
export const dialStackErrors = createProviderErrors(PROVIDER)

/** DialStack's error body on every endpoint: `{ error, code?, details? }`. */
export interface DialStackErrorBody {
  error: string
  code?: string
  details?: Record<string, string>
}

/** Reads `{ error, code?, details? }` from whatever came back; `undefined` when it is not that shape. */
export function readErrorBody(body: unknown): DialStackErrorBody | undefined {
  if (!isRecord(body)) return undefined
  // `{ error: { message, code } }` too.
  const nested = isRecord(body.error) ? body.error : {}
  const error = typeof body.error === 'string' ? body.error : nested.message
  if (typeof error !== 'string') return undefined
  const result: DialStackErrorBody = { error }
  const code = text(body.code ?? nested.code)
  if (code) result.code = code
  // Field notes are strings, or lists of strings joined with spaces.
  const details = Object.entries(isRecord(body.details) ? body.details : {}).flatMap(
    ([key, value]) =>
      typeof value === 'string'
        ? [[key, value]]
        : Array.isArray(value)
          ? [[key, value.filter((v) => typeof v === 'string').join(' ')]]
          : [],
  )
  if (details.length > 0) result.details = Object.fromEntries(details)
  return result
}

/** Stable DialStack codes (and the handler's own) and what they mean here… */
const CODES: Record<string, CallErrorCode> = {
  invalid_sandbox_phone_number: 'invalid_number',
  sandbox_feature_unsupported: 'not_supported',
  invalid_pagination: 'invalid_argument',
  user_not_found: 'not_found',
  upstream_timeout: 'timeout',
  upstream_unreachable: 'network_error',
}
/** …and those named like ours. */
const SAME_CODES: string[] = ['unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited']

/** Messages for a `code` that says more than the HTTP status. */
const CODE_MESSAGES: Partial<Record<CallErrorCode, string>> = {
  invalid_number: 'DialStack cannot dial this number. Check it and try again.',
  not_supported: 'DialStack does not allow this here (sandbox account).',
  network_error: 'The phone system could not be reached. Try again in a moment.',
  forbidden: 'You are not allowed to place calls from this DialStack account.',
}

/**
 * The `CallError` for a non-2xx answer of DialStack (or of the app's handler, which passes
 * DialStack's body and status through): branches on `code`, then on DialStack's documented
 * texts, and falls back to the HTTP status. `retryAfterMs` comes from `Retry-After`.
 */
export function toDialStackError(response: Response, body: unknown): CallError {
  const parsed = readErrorBody(body)
  const base = httpError('dialstack', response, parsed?.error, parsed?.code)
  // No DialStack body (a proxy's HTML error page, nothing): keep the status only, never the page.
  if (!parsed) return base
  let { code, message } = base
  const { error, details } = parsed
  const known = KNOWN_TEXTS.get(error)
  const hint = known && hinted(error)
  const mapped =
    parsed.code &&
    (CODES[parsed.code] ??
      (SAME_CODES.includes(parsed.code) ? (parsed.code as CallErrorCode) : undefined))
  if (parsed.code === 'validation_error') {
    code = details?.dial_string !== undefined ? 'invalid_number' : 'invalid_argument'
    const [field, detail] = Object.entries(details ?? {})[0] ?? []
    // The handler's own refusals carry the sentence the browser would have shown; DialStack's
    // terse field notes ("must be E.164") read better after the generic message.
    message =
      hint ||
      (detail && /[.!?]$/.test(detail)
        ? detail
        : detail
          ? `${message.replace(/\)$/, '')}; ${field}: ${detail})`
          : message)
  } else if (mapped) {
    if (mapped !== code && mapped !== 'rate_limited')
      message = `${CODE_MESSAGES[mapped] ?? message} (${error})`
    code = mapped
  } else if (hint && (response.status === 400 || response.status === 404)) {
    // DialStack's documented texts: the user is unknown, the number is missing, or the user id is wrong.
    code = known.code
    message = hint
  }
  // Same status, provider details and `retryAfterMs` as `base`.
  return code === base.code && message === base.message ? base : new CallError(code, message, base)
}
