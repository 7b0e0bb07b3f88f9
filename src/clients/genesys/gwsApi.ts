import type { ClientLogger } from '../../client-kit/logger.js'
import { httpError, requestJson } from '../../client-kit/request.js'
import { isRecord } from '../../client-kit/text.js'
import { GWS_ERRORS, gwsErrors, PROVIDER } from './protocol/gwsErrors.js'

/** HTTP Basic credentials of the agent. */
export interface GenesysBasicAuth {
  /** The agent's GWS user name. */
  username: string
  /** The agent's own password: never a shared or service account in browser code. */
  password: string
}

export interface GwsApiOptions {
  baseUrl: string
  auth: GenesysBasicAuth | 'session'
  timeoutMs: number
  fetch?: typeof fetch
  log: ClientLogger
}

/** `/api/v2/me` over HTTP: JSON replies with `statusCode: 0`, anything else thrown as a `CallError`. */
export interface GwsApi {
  /** `Authorization` for Basic auth, for the CometD requests too; `undefined` with `'session'`. */
  readonly authorization: string | undefined
  /** GET `path` under `/api/v2/me`; caches the CSRF token GWS hands out on GETs. */
  get(path: string, signal?: AbortSignal): Promise<Record<string, unknown>>
  /** POST `body` to `path` under `/api/v2/me`, with the CSRF token; refreshes it once on a 403. */
  post(path: string, body: object, signal?: AbortSignal): Promise<Record<string, unknown>>
}

/**
 * GWS's HTTP API. Requests always send `credentials: 'include'`: GWS needs its `JSESSIONID`
 * cookie on every request (https://enu.docs.genesys.com/Documentation/GWS/8.5.2/API/CSRFProtection),
 * which a browser only sends to a GWS on the CRM's own site or behind its reverse proxy.
 */
export function createGwsApi({ baseUrl, auth, timeoutMs, fetch, log }: GwsApiOptions): GwsApi {
  // UTF-8 first: btoa alone throws on characters beyond Latin-1.
  const authorization =
    auth === 'session'
      ? undefined
      : `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${auth.username}:${auth.password}`)))}`
  let csrf: [string, string] | undefined

  async function request(
    path: string,
    body: object | undefined,
    signal: AbortSignal | undefined,
    retried = false,
  ): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (authorization) headers.Authorization = authorization
    if (body) {
      headers['Content-Type'] = 'application/json'
      if (csrf) headers[csrf[0]] = csrf[1]
    }
    const { response, body: data } = await requestJson(
      `${baseUrl}/api/v2/me${path}`,
      {
        method: body ? 'POST' : 'GET',
        headers,
        credentials: 'include',
        body: body && JSON.stringify(body),
      },
      { provider: PROVIDER, timeoutMs, signal, fetch },
    )
    const token = response.headers.get('X-CSRF-TOKEN')
    if (token) csrf = [response.headers.get('X-CSRF-HEADER') ?? 'X-CSRF-TOKEN', token]
    else if (!body && !csrf)
      log.once('no-csrf', 'debug', `no X-CSRF-TOKEN from GET /api/v2/me${path}`)
    const raw = typeof data === 'string' ? data : undefined
    const text = raw ?? JSON.stringify(data) ?? ''
    if (response.status === 403 && /csrf/i.test(text)) {
      if (body && !retried) {
        log.debug('403 CSRF, refreshing the token once')
        await request('', undefined, signal)
        return request(path, body, signal, true)
      }
      // A 403 that survives a fresh token is a deployment problem: most often the session cookie
      // does not reach GWS (another site, third-party cookies blocked).
      throw gwsErrors.error(
        'forbidden',
        'Genesys refused the security token (CSRF). Reload the page; if it persists, Genesys must be reachable on this site.',
        { status: 403, message: text },
      )
    }
    const reply = isRecord(data) ? data : {}
    const { statusCode, statusMessage } = reply
    if (typeof statusCode === 'number' && statusCode)
      throw gwsErrors.fromTable(
        GWS_ERRORS,
        statusCode,
        typeof statusMessage === 'string' ? statusMessage : undefined,
        { status: response.status },
      )
    if (!response.ok) throw httpError(PROVIDER, response, raw)
    return reply
  }

  return {
    authorization,
    get: (path, signal) => request(path, undefined, signal),
    post: (path, body, signal) => request(path, body, signal),
  }
}
