import { CallError, type CallErrorCode } from '../../core/CallError.js'
import { httpError } from '../shared/request.js'
import { DIALSTACK_ERROR_TEXT } from './validateCallRequest.js'

/** DialStack's error body on every endpoint: `{ error, code?, details? }`. */
export interface DialStackErrorBody {
  error: string
  code?: string
  details?: Record<string, string>
}

/** Reads `{ error, code?, details? }` from whatever came back; `undefined` when it is not that shape. */
export function readErrorBody(body: unknown): DialStackErrorBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const record = body as Record<string, unknown>
  const error = typeof record.error === 'string' ? record.error : undefined
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : undefined
  const message = error ?? (typeof nested?.message === 'string' ? nested.message : undefined)
  if (message === undefined) return undefined
  const result: DialStackErrorBody = { error: message }
  const code = record.code ?? nested?.code
  if (typeof code === 'string' && code !== '') result.code = code
  if (typeof record.details === 'object' && record.details !== null && !Array.isArray(record.details)) {
    const details: Record<string, string> = {}
    for (const [key, value] of Object.entries(record.details)) {
      if (typeof value === 'string') details[key] = value
      else if (Array.isArray(value)) details[key] = value.filter((v) => typeof v === 'string').join(' ')
    }
    if (Object.keys(details).length > 0) result.details = details
  }
  return result
}

/** Stable DialStack codes (and the handler's own) and what they mean here. */
const CODES: Record<string, CallErrorCode> = {
  invalid_sandbox_phone_number: 'invalid_number',
  sandbox_feature_unsupported: 'not_supported',
  invalid_pagination: 'invalid_argument',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  user_not_found: 'not_found',
  conflict: 'conflict',
  rate_limited: 'rate_limited',
  upstream_timeout: 'timeout',
  upstream_unreachable: 'network_error',
}

/** Messages a person can act on, for the texts DialStack documents and the codes above. */
const TEXTS: Record<string, { code: CallErrorCode; message: string }> = {
  [DIALSTACK_ERROR_TEXT.userIdRequired]: {
    code: 'invalid_argument',
    message: `${DIALSTACK_ERROR_TEXT.userIdRequired}: calling is not set up for your account (no DialStack user). Ask an administrator.`,
  },
  [DIALSTACK_ERROR_TEXT.invalidUserId]: {
    code: 'invalid_argument',
    message: `${DIALSTACK_ERROR_TEXT.invalidUserId}: your DialStack user id is not valid. Ask an administrator to check it.`,
  },
  [DIALSTACK_ERROR_TEXT.dialStringRequired]: {
    code: 'invalid_number',
    message: `${DIALSTACK_ERROR_TEXT.dialStringRequired}: enter a phone number.`,
  },
  [DIALSTACK_ERROR_TEXT.userNotFound]: {
    code: 'not_found',
    message: `${DIALSTACK_ERROR_TEXT.userNotFound}: DialStack does not know your user in this account. Ask an administrator to check your DialStack user.`,
  },
}

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
  if (!parsed) {
    // A proxy's HTML error page or an empty body: keep the status only, never the page.
    return base
  }
  let code: CallErrorCode = base.code
  let message = base.message
  const known = TEXTS[parsed.error]
  const detailField = parsed.details && Object.keys(parsed.details)[0]
  if (parsed.code === 'validation_error') {
    code = parsed.details?.dial_string !== undefined ? 'invalid_number' : 'invalid_argument'
    const detail = detailField ? parsed.details?.[detailField] : undefined
    // The handler's own refusals carry the sentence the browser would have shown; DialStack's
    // terse field notes ("must be E.164") read better after the generic message.
    const sentence = detail !== undefined && /[.!?]$/.test(detail) ? detail : undefined
    message = known?.message ?? sentence ?? (detail ? `${base.message.replace(/\)$/, '')}; ${detailField}: ${detail})` : base.message)
  } else if (parsed.code && CODES[parsed.code]) {
    code = CODES[parsed.code] as CallErrorCode
    if (code !== base.code && code !== 'rate_limited') message = `${CODE_MESSAGES[code] ?? base.message} (${parsed.error})`
  } else if (known && (response.status === 400 || response.status === 404)) {
    code = known.code
    message = known.message
  }
  if (code === base.code && message === base.message) return base
  return new CallError(code, message, {
    ...(base.provider && { provider: base.provider }),
    ...(base.retryAfterMs !== undefined && { retryAfterMs: base.retryAfterMs }),
  })
}
