const SECONDS = /^\d{1,9}$/
/** An IMF-fixdate, the form HTTP dates are sent in (RFC 9110, section 5.6.7). */
const HTTP_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

/**
 * DialStack's `Retry-After`, rebuilt: a number of seconds or an HTTP date, written anew from the
 * parsed value, so nothing else an upstream puts in the header (an echoed key) goes on.
 */
export function retryAfter(response: { headers: Headers }): Record<string, string> {
  const value = response.headers.get('Retry-After')?.trim()
  if (!value) return {}
  if (SECONDS.test(value)) return { 'Retry-After': String(Number(value)) }
  const date = HTTP_DATE.test(value) ? Date.parse(value) : NaN
  return Number.isFinite(date) ? { 'Retry-After': new Date(date).toUTCString() } : {}
}
