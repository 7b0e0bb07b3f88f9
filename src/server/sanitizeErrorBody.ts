import { isRecord } from '../client-kit/text.js'
/** What an error response of the handler carries: DialStack's documented error shape. */
export interface HandlerErrorBody {
  error: string
  code?: string
  details?: Record<string, string>
}

/** Secret-looking tokens: DialStack keys (`sk_live_…`, `sk_test_…`) and any bearer credential. */
const SECRET_PATTERNS = [
  /\b[sr]k_(?:live|test)_[A-Za-z0-9_-]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
]

/** Replaces the key and anything that looks like a credential in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]')
  }
  for (const pattern of SECRET_PATTERNS)
    result = result.replace(pattern, (match) =>
      /^bearer/i.test(match) ? 'Bearer [redacted]' : '[redacted]',
    )
  return result
}

const MAX_TEXT = 500

function clean(value: string, secrets: readonly string[]): string {
  return redact(value, secrets).slice(0, MAX_TEXT)
}

/**
 * Rebuilds an upstream error body from its known fields only (`error`, `code`, `details`),
 * with every secret-looking value redacted: whatever DialStack or a proxy echoed back
 * (headers, the request) never reaches the browser.
 */
export function sanitizeErrorBody(
  body: unknown,
  status: number,
  secrets: readonly string[],
): HandlerErrorBody {
  const record = isRecord(body) ? body : {}
  const nested =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : {}
  const message =
    typeof record.error === 'string'
      ? record.error
      : typeof nested.message === 'string'
        ? nested.message
        : undefined
  const result: HandlerErrorBody = {
    error: message ? clean(message, secrets) : `DialStack answered ${status}.`,
  }
  const code =
    typeof record.code === 'string'
      ? record.code
      : typeof nested.code === 'string'
        ? nested.code
        : undefined
  if (code && /^[a-z0-9_.-]{1,64}$/i.test(code)) result.code = code
  if (isRecord(record.details)) {
    const details: Record<string, string> = {}
    for (const [key, value] of Object.entries(record.details).slice(0, 20)) {
      if (typeof value === 'string' && /^[A-Za-z0-9_.[\]-]{1,64}$/.test(key))
        details[key] = clean(value, secrets)
    }
    if (Object.keys(details).length > 0) result.details = details
  }
  return result
}
