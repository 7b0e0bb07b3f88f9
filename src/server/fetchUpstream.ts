import { readCapped } from './readCapped.js'

/** What came back from DialStack, read within the limits. */
export interface UpstreamResponse {
  status: number
  headers: Headers
  /** The parsed JSON body; `undefined` when empty or not JSON (an HTML error page is never passed on). */
  body: unknown
}

/** Why there is no response to pass on. */
export type UpstreamFailure =
  /** No whole response within `timeoutMs` (headers and body together). */
  | 'timeout'
  /** The connection failed, or `fetch` threw. */
  | 'unreachable'
  /** The body grew past `maxBytes` (counted after decompression, so a gzip bomb stops there). */
  | 'too_large'
  /** A redirect: never followed, since it would carry the key and the account header elsewhere. */
  | 'redirect'

export interface UpstreamLimits {
  fetch: typeof fetch
  timeoutMs: number
  maxBytes: number
}

function parseJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * One request to DialStack with the limits a proxy facing the internet needs: redirects are not
 * followed (`redirect: 'manual'`), the time limit covers the whole response, not only its
 * headers, and the body is read as a stream and dropped at `maxBytes`.
 */
export async function fetchUpstream(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  limits: UpstreamLimits,
): Promise<UpstreamResponse | UpstreamFailure> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, limits.timeoutMs)
  try {
    const response = await limits.fetch(url, {
      ...init,
      redirect: 'manual',
      signal: controller.signal,
    })
    // `opaqueredirect` (status 0) is what a browser-like fetch makes of a manual redirect.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => {})
      return 'redirect'
    }
    const declared = Number(response.headers.get('Content-Length'))
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => {})
      return 'too_large'
    }
    const bytes = response.body
      ? await readCapped(response.body, limits.maxBytes)
      : new Uint8Array()
    if (!bytes) return 'too_large'
    return { status: response.status, headers: response.headers, body: parseJson(bytes) }
  } catch {
    return timedOut ? 'timeout' : 'unreachable'
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}
