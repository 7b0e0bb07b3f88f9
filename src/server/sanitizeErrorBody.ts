import { isRecord } from '../client-kit/text.js'
import type { Redactor } from './createRedactor.js'

/** What an error response of the handler carries: DialStack's documented error shape. */
export interface HandlerErrorBody {
  error: string
  code?: string
  details?: Record<string, string>
}

const MAX_TEXT = 500
const CODE = /^[a-z0-9_.-]{1,64}$/i
const DETAIL_KEY = /^[A-Za-z0-9_.[\]-]{1,64}$/

/**
 * Rebuilds an upstream error body from its documented fields only (`error`, `code`, `details`;
 * https://docs.dialstack.ai/guides/error-codes). Texts are redacted; a `code` or a `details` key
 * that holds a secret in any form is dropped rather than mangled, since the browser branches on
 * them. Whatever else DialStack or a proxy echoed back (headers, the request) never goes on.
 */
export function sanitizeErrorBody(
  body: unknown,
  status: number,
  redactor: Redactor,
): HandlerErrorBody {
  const record = isRecord(body) ? body : {}
  const nested = isRecord(record.error) ? record.error : {}
  const message =
    typeof record.error === 'string'
      ? record.error
      : typeof nested.message === 'string'
        ? nested.message
        : undefined
  const result: HandlerErrorBody = {
    error: message ? redactor.redact(message).slice(0, MAX_TEXT) : `DialStack answered ${status}.`,
  }
  const code =
    typeof record.code === 'string'
      ? record.code
      : typeof nested.code === 'string'
        ? nested.code
        : undefined
  if (code && CODE.test(code) && !redactor.finds(code)) result.code = code
  if (isRecord(record.details)) {
    const details: Record<string, string> = {}
    for (const [key, value] of Object.entries(record.details).slice(0, 20)) {
      if (typeof value === 'string' && DETAIL_KEY.test(key) && !redactor.finds(key))
        details[key] = redactor.redact(value).slice(0, MAX_TEXT)
    }
    if (Object.keys(details).length > 0) result.details = details
  }
  return result
}
