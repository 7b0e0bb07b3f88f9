import { isRecord, messageOf } from '../client-kit/text.js'
import { isCallError } from '../core/CallError.js'
import { requestJson } from '../client-kit/request.js'
import {
  callRequestRules,
  validateCallRequest,
  validateUserId,
  type CallRequestRules,
} from '../clients/dialstack/protocol/validateCallRequest.js'
import { redact, sanitizeErrorBody, type HandlerErrorBody } from './sanitizeErrorBody.js'

/** DialStack's API. */
export const DIALSTACK_API_URL = 'https://api.dialstack.ai'

/** What a request to the handler asks for; `authorize` decides on it before anything reaches DialStack. */
export type DialStackAction =
  /** Start a click-to-call. `userId`/`dialString` are as sent (trimmed), not yet validated: compare `userId` with the signed-in person's. */
  | { type: 'call'; userId: string | undefined; dialString: string | undefined }
  /** Mint a client secret for the browser's SSE stream. */
  | { type: 'session' }
  /** List call logs of a user (the polling fallback). */
  | { type: 'calls.list'; userId: string | undefined }
  /** Read one call log. */
  | { type: 'calls.retrieve'; callId: string }

/** `true` allows; `false` refuses with 403; a `Response` (e.g. a 401) is sent as it is. */
export type AuthorizeResult = boolean | Response

export interface DialStackHandlerOptions extends Omit<CallRequestRules, 'logger'> {
  /** DialStack's platform secret key (`sk_live_…`). Read it from the environment; it never leaves the server. */
  apiKey: string
  /** The DialStack account (`acct_…`) calls are placed in, sent as the account header. */
  accountId?: string
  /** The account per request (multi-tenant apps). Wins over `accountId`. */
  resolveAccount?: (
    request: Request,
    action: DialStackAction,
  ) => string | undefined | Promise<string | undefined>
  /**
   * Decides who may do what, before any request to DialStack: return `true` to allow, `false`
   * to refuse with 403, or your own `Response` (e.g. a 401 for a missing session). Anything
   * else refuses. For `call`, check that `action.userId` is the signed-in person's DialStack user.
   */
  authorize: (
    request: Request,
    action: DialStackAction,
  ) => AuthorizeResult | Promise<AuthorizeResult>
  /** Default `https://api.dialstack.ai`. */
  baseUrl?: string
  /**
   * The body key of the user in `POST /v1/calls` (and the call-log filter). Default `'user_id'`
   * as DialStack's click-to-call guide; its server SDK v3 sends `'user'` (an assumption: the API
   * accepts both).
   */
  bodyKey?: 'user_id' | 'user'
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
  /** Give up on DialStack after this long with 504. Default 10000. */
  timeoutMs?: number
  /** Which routes besides starting calls are served. Default: both. */
  routes?: {
    /** `POST|GET …/session` mints a client secret (`POST /v1/account_sessions`). Default true. */
    session?: boolean
    /** `GET …/calls` and `GET …/calls/{id}` proxy the call log, for polling and resync. Default true. */
    callLogs?: boolean
  }
  /** Extra fields for `POST /v1/account_sessions` (e.g. `components`). */
  sessionParams?: Record<string, unknown>
  /** The largest request body accepted. Default 16384 bytes. */
  maxBodyBytes?: number
  /** Told about refusals and upstream failures (status and code only, never the key). Default: silent. */
  logger?: Pick<Console, 'warn' | 'debug'>
}

/** A standard Fetch handler: Next.js route handlers, Hono, Deno, Bun, Workers, or Express through an adapter. */
export type FetchHandler = (request: Request) => Promise<Response>

/** The call-log fields the browser needs; the rest (recordings, summaries) stays on the server. */
const LOG_FIELDS = [
  'id',
  'user',
  'user_id',
  'direction',
  'from_number',
  'to_number',
  'started_at',
  'answered_at',
  'connected_at',
  'ended_at',
  'duration_seconds',
  'status',
  'hangup_cause',
] as const

const LIST_FILTERS = [
  'direction',
  'to_number',
  'from_number',
  'status',
  'from_date',
  'to_date',
  'limit',
  'page',
] as const

const CALL_ID = /^[A-Za-z0-9_-]{1,128}$/

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  })
}

function errorResponse(
  status: number,
  body: HandlerErrorBody,
  headers: Record<string, string> = {},
): Response {
  return json(status, body, headers)
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : undefined

function pickLog(log: unknown): Record<string, unknown> | undefined {
  if (typeof log !== 'object' || log === null) return undefined
  const record = log as Record<string, unknown>
  const picked: Record<string, unknown> = {}
  for (const key of LOG_FIELDS) if (key in record) picked[key] = record[key]
  return picked
}

/** A `Retry-After` worth passing on: seconds or an HTTP date, nothing else. */
function retryAfter(response: Response): Record<string, string> {
  const value = response.headers.get('Retry-After')
  return value && value.length < 64 && /^[\w ,:+-]+$/.test(value) ? { 'Retry-After': value } : {}
}

/**
 * The backend half of DialStack click-to-call: a Fetch `(request) => Promise<Response>` that
 * holds the secret key, asks your `authorize` first, validates the body exactly as the browser
 * client does, and forwards to `POST /v1/calls` with the key and the account header. Answers
 * 202, or DialStack's `{ error, code?, details? }` with DialStack's status (and `Retry-After`).
 * Also mints SSE client secrets (`…/session`) and proxies the call log (`GET …/calls[/id]`).
 * The key never appears in a response or a log line.
 *
 * Routes, by method and the end of the path (mount it on a catch-all route):
 * `POST …/session` (or `GET`) → client secret; `POST` anything else → start a call;
 * `GET …/calls/{id}` → one call log; other `GET` → the user's call logs.
 *
 * @example
 * // app/api/dialstack/[...path]/route.ts (Next.js)
 * import { createDialStackHandler } from 'react-click-to-call/server'
 * const handler = createDialStackHandler({
 *   apiKey: process.env.DIALSTACK_API_KEY!,
 *   accountId: process.env.DIALSTACK_ACCOUNT_ID,
 *   authorize: async (request, action) => {
 *     const me = await getSession(request)
 *     if (!me) return new Response(null, { status: 401 })
 *     return action.type !== 'call' && action.type !== 'calls.list' ? true : action.userId === me.dialstackUserId
 *   },
 * })
 * export { handler as GET, handler as POST }
 */
export function createDialStackHandler(options: DialStackHandlerOptions): FetchHandler {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError(
      'createDialStackHandler: `apiKey` (DialStack secret key, from the environment) is required.',
    )
  }
  if (typeof options.authorize !== 'function') {
    throw new TypeError(
      'createDialStackHandler: `authorize(request, action)` is required: decide who may place calls.',
    )
  }
  const { apiKey, logger } = options
  const baseUrl = (options.baseUrl ?? DIALSTACK_API_URL).replace(/\/+$/, '')
  const bodyKey = options.bodyKey ?? 'user_id'
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxBodyBytes = options.maxBodyBytes ?? 16_384
  const serveSession = options.routes?.session ?? true
  const serveLogs = options.routes?.callLogs ?? true
  const rules = callRequestRules({ ...options, logger })
  const secrets = [apiKey]

  async function gate(request: Request, action: DialStackAction): Promise<Response | undefined> {
    let verdict: AuthorizeResult
    try {
      verdict = await options.authorize(request, action)
    } catch {
      logger?.warn(`[dialstack] authorize threw for ${action.type}; refused.`)
      return errorResponse(500, {
        error: 'Could not check who may call.',
        code: 'authorization_error',
      })
    }
    if (verdict === true) return undefined
    if (verdict instanceof Response) return verdict
    if (verdict !== false) logger?.warn('[dialstack] authorize must return true to allow; refused.')
    return errorResponse(403, { error: 'Forbidden', code: 'forbidden' })
  }

  async function account(request: Request, action: DialStackAction): Promise<string | Response> {
    let resolved: string | undefined
    try {
      resolved = options.resolveAccount
        ? await options.resolveAccount(request, action)
        : options.accountId
    } catch {
      logger?.warn('[dialstack] resolveAccount threw.')
    }
    if (typeof resolved === 'string' && resolved.trim() !== '') return resolved.trim()
    logger?.warn('[dialstack] no DialStack account: set accountId or resolveAccount.')
    return errorResponse(500, {
      error: 'DialStack account is not configured.',
      code: 'configuration_error',
    })
  }

  /** One request to DialStack, body read within the time limit. Network failures become 502/504. */
  async function upstream(
    path: string,
    init: { method: 'GET' | 'POST'; accountId: string; body?: unknown },
  ): Promise<{ response: Response; body: unknown } | Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${apiKey}`,
      'DialStack-Account': init.accountId,
      Accept: 'application/json',
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json'
    try {
      const { response, body } = await requestJson(
        `${baseUrl}${path}`,
        {
          method: init.method,
          headers,
          ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
        },
        { provider: 'dialstack', timeoutMs, ...(options.fetch && { fetch: options.fetch }) },
      )
      // A body that is not JSON (an HTML error page) is never passed on.
      return { response, body: typeof body === 'string' ? undefined : body }
    } catch (error) {
      // Only the kind of failure goes on: a network error's own message may quote the request.
      if (isCallError(error) && error.code === 'timeout') {
        logger?.warn(`[dialstack] ${init.method} ${path}: no answer within ${timeoutMs} ms.`)
        return errorResponse(504, {
          error: 'DialStack did not answer in time.',
          code: 'upstream_timeout',
        })
      }
      logger?.warn(`[dialstack] ${init.method} ${path}: DialStack could not be reached.`)
      return errorResponse(502, {
        error: 'Could not reach DialStack.',
        code: 'upstream_unreachable',
      })
    }
  }

  function upstreamError(response: Response, body: unknown, what: string): Response {
    const status = response.status >= 400 && response.status <= 599 ? response.status : 502
    const sanitized = sanitizeErrorBody(body, status, secrets)
    logger?.debug(
      `[dialstack] ${what}: DialStack answered ${response.status}${sanitized.code ? ` (${sanitized.code})` : ''}.`,
    )
    return errorResponse(status, sanitized, retryAfter(response))
  }

  async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
    const invalid = () =>
      errorResponse(400, {
        error: 'The body must be JSON: { "user_id", "dial_string" }.',
        code: 'validation_error',
      })
    const length = Number(request.headers.get('Content-Length') ?? 0)
    if (length > maxBodyBytes)
      return errorResponse(413, {
        error: 'The request body is too large.',
        code: 'validation_error',
      })
    let raw: string
    try {
      raw = await request.text()
    } catch {
      return invalid()
    }
    if (raw.length > maxBodyBytes)
      return errorResponse(413, {
        error: 'The request body is too large.',
        code: 'validation_error',
      })
    try {
      const parsed: unknown = JSON.parse(raw)
      return isRecord(parsed) ? parsed : invalid()
    } catch {
      return invalid()
    }
  }

  async function startCall(request: Request): Promise<Response> {
    const body = await readBody(request)
    if (body instanceof Response) return body
    const userId = body.user_id ?? body.user
    const action: DialStackAction = {
      type: 'call',
      userId: text(userId),
      dialString: text(body.dial_string),
    }
    const refused = await gate(request, action)
    if (refused) return refused
    const checked = validateCallRequest({ userId, dialString: body.dial_string }, rules)
    if (!checked.ok) {
      return errorResponse(400, {
        error: checked.providerMessage,
        code: 'validation_error',
        details: { [checked.field]: checked.error.message },
      })
    }
    const accountId = await account(request, action)
    if (accountId instanceof Response) return accountId
    const result = await upstream('/v1/calls', {
      method: 'POST',
      accountId,
      body: { [bodyKey]: checked.value.userId, dial_string: checked.value.dialString.value },
    })
    if (result instanceof Response) return result
    if (!result.response.ok) return upstreamError(result.response, result.body, 'POST /v1/calls')
    return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } })
  }

  async function session(request: Request): Promise<Response> {
    const action: DialStackAction = { type: 'session' }
    const refused = await gate(request, action)
    if (refused) return refused
    const accountId = await account(request, action)
    if (accountId instanceof Response) return accountId
    const result = await upstream('/v1/account_sessions', {
      method: 'POST',
      accountId,
      body: { account: accountId, ...options.sessionParams },
    })
    if (result instanceof Response) return result
    if (!result.response.ok)
      return upstreamError(result.response, result.body, 'POST /v1/account_sessions')
    const minted = (result.body ?? {}) as Record<string, unknown>
    const secret = minted.client_secret ?? minted.clientSecret
    if (typeof secret !== 'string' || secret === '') {
      return errorResponse(502, {
        error: 'DialStack returned no client secret.',
        code: 'upstream_invalid',
      })
    }
    return json(200, {
      client_secret: secret,
      ...(minted.expires_at !== undefined && { expires_at: minted.expires_at }),
    })
  }

  async function listCalls(request: Request, url: URL): Promise<Response> {
    const userId = text(
      url.searchParams.get('user_id') ?? url.searchParams.get('user') ?? undefined,
    )
    const action: DialStackAction = { type: 'calls.list', userId }
    const refused = await gate(request, action)
    if (refused) return refused
    // Never the whole account's calls: a user is required, and checked as a start is.
    const checked = validateUserId(userId, rules)
    if (!checked.ok) {
      return errorResponse(400, {
        error: checked.providerMessage,
        code: 'validation_error',
        details: { user_id: checked.error.message },
      })
    }
    const accountId = await account(request, action)
    if (accountId instanceof Response) return accountId
    const query = new URLSearchParams({ [bodyKey]: checked.value })
    for (const key of LIST_FILTERS) {
      const value = url.searchParams.get(key)
      if (value !== null && value.length <= 64) query.set(key, value)
    }
    const result = await upstream(`/v1/calls?${query.toString()}`, { method: 'GET', accountId })
    if (result instanceof Response) return result
    if (!result.response.ok) return upstreamError(result.response, result.body, 'GET /v1/calls')
    const data = (result.body as { data?: unknown } | undefined)?.data
    // DialStack ignores unknown filters silently: if it ever ignored the user filter, other people's calls stop here.
    const logs = (Array.isArray(data) ? data : [])
      .map(pickLog)
      .filter(
        (log): log is Record<string, unknown> =>
          log !== undefined && (log.user ?? log.user_id ?? checked.value) === checked.value,
      )
    return json(200, { object: 'list', data: logs })
  }

  async function retrieveCall(request: Request, callId: string): Promise<Response> {
    const action: DialStackAction = { type: 'calls.retrieve', callId }
    const refused = await gate(request, action)
    if (refused) return refused
    if (!CALL_ID.test(callId))
      return errorResponse(400, { error: 'Invalid call id.', code: 'validation_error' })
    const accountId = await account(request, action)
    if (accountId instanceof Response) return accountId
    const result = await upstream(`/v1/calls/${encodeURIComponent(callId)}`, {
      method: 'GET',
      accountId,
    })
    if (result instanceof Response) return result
    if (!result.response.ok)
      return upstreamError(result.response, result.body, 'GET /v1/calls/{id}')
    const log = pickLog(result.body)
    return log
      ? json(200, log)
      : errorResponse(502, { error: 'DialStack returned no call log.', code: 'upstream_invalid' })
  }

  return async function handleDialStackRequest(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url)
      const segments = url.pathname.split('/').filter(Boolean)
      const last = segments.at(-1)
      const method = request.method.toUpperCase()
      if (last === 'session') {
        if (!serveSession) return errorResponse(404, { error: 'Not found.', code: 'not_found' })
        if (method === 'POST' || method === 'GET') return await session(request)
      }
      if (method === 'POST') return await startCall(request)
      if (method === 'GET' && serveLogs) {
        if (segments.at(-2) === 'calls' && last !== undefined)
          return await retrieveCall(request, last)
        return await listCalls(request, url)
      }
      return errorResponse(
        405,
        { error: 'Method not allowed.', code: 'method_not_allowed' },
        { Allow: serveLogs || serveSession ? 'GET, POST' : 'POST' },
      )
    } catch (error) {
      // Last resort: nothing from the error goes out, and the log line is redacted.
      logger?.warn(`[dialstack] handler failed: ${redact(messageOf(error), secrets)}`)
      return errorResponse(500, { error: 'The call could not be started.', code: 'internal_error' })
    }
  }
}
