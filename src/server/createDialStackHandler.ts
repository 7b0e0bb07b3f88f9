import { messageOf } from '../client-kit/text.js'
import {
  callRequestRules,
  validateCallRequest,
  validateUserId,
} from '../clients/dialstack/protocol/validateCallRequest.js'
import { createRedactor, type Redactor } from './createRedactor.js'
import type {
  AuthorizeResult,
  DialStackAction,
  DialStackHandlerOptions,
  DialStackSessionComponents,
  FetchHandler,
} from './DialStackHandlerOptions.js'
import { fetchUpstream, type UpstreamResponse } from './fetchUpstream.js'
import { isCrossSiteRequest } from './isCrossSiteRequest.js'
import { readJsonBody } from './readJsonBody.js'
import { retryAfter } from './retryAfter.js'
import { ownerOf, sanitizeCallLog } from './sanitizeCallLog.js'
import { sanitizeErrorBody, type HandlerErrorBody } from './sanitizeErrorBody.js'
import { sessionResponse } from './sessionResponse.js'
import { uncheckableNumber } from './uncheckableNumber.js'

/** DialStack's API. */
export const DIALSTACK_API_URL = 'https://api.dialstack.ai'

/** What a client secret may use unless the app says otherwise: the call log only. */
const DEFAULT_SESSION_COMPONENTS: DialStackSessionComponents = { call_logs: { enabled: true } }

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

const errorResponse = (
  status: number,
  body: HandlerErrorBody,
  headers: Record<string, string> = {},
): Response => json(status, body, headers)

const BODY_REFUSALS = {
  415: {
    error: 'The body must be JSON (Content-Type: application/json).',
    code: 'unsupported_media_type',
  },
  413: { error: 'The request body is too large.', code: 'validation_error' },
  400: { error: 'The body must be JSON: { "user_id", "dial_string" }.', code: 'validation_error' },
} as const

const UPSTREAM_FAILURES = {
  timeout: [504, { error: 'DialStack did not answer in time.', code: 'upstream_timeout' }],
  unreachable: [502, { error: 'Could not reach DialStack.', code: 'upstream_unreachable' }],
  too_large: [502, { error: 'DialStack’s answer was too large.', code: 'upstream_too_large' }],
  redirect: [502, { error: 'DialStack answered with a redirect.', code: 'upstream_redirect' }],
} as const

const notFound = (what = 'Not found.') => errorResponse(404, { error: what, code: 'not_found' })
/** The same answer whether the call does not exist or is someone else's. */
const callNotFound = () => notFound('Call not found.')
const invalid = (error: string) => errorResponse(502, { error, code: 'upstream_invalid' })
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : undefined

function checkComponents(components: DialStackSessionComponents): void {
  const enabled = Object.values(components).some((component) => component?.enabled === true)
  if (!enabled) {
    throw new TypeError(
      'createDialStackHandler: `sessionComponents` needs at least one component with `enabled: true` (DialStack refuses a session without one).',
    )
  }
}

/**
 * The backend half of DialStack click-to-call: a Fetch `(request) => Promise<Response>` that
 * holds the secret key and faces the internet. In order, it refuses cross-site requests (403),
 * bodies that are not `application/json` (415) or are larger than `maxBodyBytes` (413, read as
 * a stream), asks your `authorize`, validates the body as the browser client does (plus a dial
 * rule that cannot be bypassed by spelling a number differently), and forwards to DialStack
 * with the key and the account header, reading its answer within a size and time limit and
 * never following a redirect. No form of the key or the account id reaches a response or a
 * log line, whatever DialStack echoes.
 *
 * Routes, by method and the end of the path (mount it on a catch-all route):
 * `POST …/session` → client secret for the event stream; `POST` anything else → start a call;
 * `GET …/calls/{id}` → one call log, the signed-in person's only; other `GET` → their call logs.
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
 *     // The event stream is account-wide: only for people who may see every user's calls.
 *     if (action.type === 'session') return me.maySeeAllCalls === true
 *     return action.userId === me.dialstackUserId
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
  const sessionComponents = options.sessionComponents ?? DEFAULT_SESSION_COMPONENTS
  checkComponents(sessionComponents)
  const { apiKey, logger } = options
  const baseUrl = (options.baseUrl ?? DIALSTACK_API_URL).replace(/\/+$/, '')
  const bodyKey = options.bodyKey ?? 'user_id'
  const limits = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxResponseBytes ?? 1_048_576,
  }
  const maxBodyBytes = options.maxBodyBytes ?? 16_384
  const serveSession = options.routes?.session ?? true
  const serveLogs = options.routes?.callLogs ?? true
  /** The key alone: what a client secret must not contain (it may name the account). */
  const keyRedactor = createRedactor([apiKey])
  const baseRedactor = createRedactor([apiKey, options.accountId])
  /** Every log line goes through this, whoever wrote it (the shared request rules too). */
  const safeLogger = logger && {
    warn: (message: string) => logger.warn(baseRedactor.redact(message)),
    debug: (message: string) => logger.debug(baseRedactor.redact(message)),
  }
  const rules = callRequestRules({ ...options, logger: safeLogger })

  /** One request's context: the account it runs in and what must not leave it. */
  interface Scope {
    accountId: string
    redactor: Redactor
  }

  /** The app's verdict; a throw refuses with 500 (logged without its message, which may quote a session). */
  async function decide(request: Request, action: DialStackAction): Promise<boolean | Response> {
    let verdict: AuthorizeResult
    try {
      verdict = await options.authorize(request, action)
    } catch {
      safeLogger?.warn(`[dialstack] authorize threw for ${action.type}; refused.`)
      return errorResponse(500, {
        error: 'Could not check who may call.',
        code: 'authorization_error',
      })
    }
    if (verdict === true || verdict instanceof Response) return verdict
    if (verdict !== false)
      safeLogger?.warn('[dialstack] authorize must return true to allow; refused.')
    return false
  }

  /** `undefined` when allowed, else the refusal to send. */
  async function gate(request: Request, action: DialStackAction): Promise<Response | undefined> {
    const verdict = await decide(request, action)
    if (verdict === true) return undefined
    return verdict === false
      ? errorResponse(403, { error: 'Forbidden', code: 'forbidden' })
      : verdict
  }

  async function scope(request: Request, action: DialStackAction): Promise<Scope | Response> {
    let resolved: string | undefined
    try {
      resolved = options.resolveAccount
        ? await options.resolveAccount(request, action)
        : options.accountId
    } catch {
      safeLogger?.warn('[dialstack] resolveAccount threw.')
    }
    if (typeof resolved === 'string' && resolved.trim() !== '') {
      const accountId = resolved.trim()
      const redactor =
        accountId === options.accountId ? baseRedactor : createRedactor([apiKey, accountId])
      return { accountId, redactor }
    }
    safeLogger?.warn('[dialstack] no DialStack account: set accountId or resolveAccount.')
    return errorResponse(500, {
      error: 'DialStack account is not configured.',
      code: 'configuration_error',
    })
  }

  /** One request to DialStack; failures to get a whole, bounded answer become 502/504. */
  async function upstream(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown },
    { accountId, redactor }: Scope,
  ): Promise<UpstreamResponse | Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${apiKey}`,
      'DialStack-Account': accountId,
      Accept: 'application/json',
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json'
    const result = await fetchUpstream(
      `${baseUrl}${path}`,
      {
        method: init.method,
        headers,
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      },
      limits,
    )
    if (typeof result !== 'string') return result
    // Only the kind of failure is told: a network error's own message may quote the request.
    logger?.warn(redactor.redact(`[dialstack] ${init.method} ${path.split('?')[0]}: ${result}.`))
    const [status, body] = UPSTREAM_FAILURES[result]
    return errorResponse(status, body)
  }

  function upstreamError(result: UpstreamResponse, what: string, { redactor }: Scope): Response {
    const status = result.status >= 400 && result.status <= 599 ? result.status : 502
    const sanitized = sanitizeErrorBody(result.body, status, redactor)
    logger?.debug(
      redactor.redact(
        `[dialstack] ${what}: DialStack answered ${result.status}${sanitized.code ? ` (${sanitized.code})` : ''}.`,
      ),
    )
    return errorResponse(status, sanitized, retryAfter(result))
  }

  const ok = (result: UpstreamResponse) => result.status >= 200 && result.status < 300

  async function startCall(request: Request): Promise<Response> {
    const body = await readJsonBody(request, maxBodyBytes)
    if (typeof body === 'number') return errorResponse(body, BODY_REFUSALS[body])
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
    const uncheckable = uncheckableNumber(checked.value.dialString, rules)
    if (uncheckable) {
      return errorResponse(400, {
        error: uncheckable,
        code: 'validation_error',
        details: { dial_string: uncheckable },
      })
    }
    const context = await scope(request, action)
    if (context instanceof Response) return context
    const result = await upstream(
      '/v1/calls',
      {
        method: 'POST',
        body: { [bodyKey]: checked.value.userId, dial_string: checked.value.dialString.value },
      },
      context,
    )
    if (result instanceof Response) return result
    if (!ok(result)) return upstreamError(result, 'POST /v1/calls', context)
    return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } })
  }

  async function session(request: Request): Promise<Response> {
    const action: DialStackAction = { type: 'session' }
    const refused = await gate(request, action)
    if (refused) return refused
    const context = await scope(request, action)
    if (context instanceof Response) return context
    const result = await upstream(
      '/v1/account_sessions',
      {
        method: 'POST',
        body: {
          ...options.sessionParams,
          account: context.accountId,
          components: sessionComponents,
        },
      },
      context,
    )
    if (result instanceof Response) return result
    if (!ok(result)) return upstreamError(result, 'POST /v1/account_sessions', context)
    const minted = sessionResponse(result.body, keyRedactor)
    if (!minted) {
      safeLogger?.warn('[dialstack] POST /v1/account_sessions: no usable client secret; refused.')
      return invalid('DialStack returned no client secret.')
    }
    return json(200, minted)
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
    const context = await scope(request, action)
    if (context instanceof Response) return context
    // `user_id` whatever the create body uses: DialStack ignores a filter it does not know.
    const query = new URLSearchParams({ user_id: checked.value })
    for (const key of LIST_FILTERS) {
      const value = url.searchParams.get(key)
      if (value !== null && value.length <= 64) query.set(key, value)
    }
    const result = await upstream(`/v1/calls?${query.toString()}`, { method: 'GET' }, context)
    if (result instanceof Response) return result
    if (!ok(result)) return upstreamError(result, 'GET /v1/calls', context)
    const data = (result.body as { data?: unknown } | undefined)?.data
    // If DialStack ever ignored the user filter, other people's calls stop here.
    const logs = (Array.isArray(data) ? data : []).flatMap((raw: unknown) => {
      const log = sanitizeCallLog(raw, context.redactor)
      return log && ownerOf(raw as Record<string, unknown>) === checked.value ? [log] : []
    })
    return json(200, { object: 'list', data: logs })
  }

  async function retrieveCall(request: Request, url: URL, callId: string): Promise<Response> {
    const named = text(url.searchParams.get('user_id') ?? url.searchParams.get('user') ?? undefined)
    // A request that names its user is authorized before DialStack is asked.
    if (named !== undefined) {
      const refused = await gate(request, { type: 'calls.retrieve', callId, userId: named })
      if (refused) return refused
    }
    if (!CALL_ID.test(callId))
      return errorResponse(400, { error: 'Invalid call id.', code: 'validation_error' })
    const context = await scope(request, { type: 'calls.retrieve', callId, userId: named })
    if (context instanceof Response) return context
    const result = await upstream(
      `/v1/calls/${encodeURIComponent(callId)}`,
      { method: 'GET' },
      context,
    )
    if (result instanceof Response) return result
    if (!ok(result)) {
      // Whether someone else's call exists is not told: DialStack's 404 and ours read the same.
      return result.status === 404
        ? callNotFound()
        : upstreamError(result, 'GET /v1/calls/{id}', context)
    }
    const log = sanitizeCallLog(result.body, context.redactor)
    if (!log) return invalid('DialStack returned no call log.')
    const owner = ownerOf(result.body as Record<string, unknown>)
    if (typeof owner !== 'string') return callNotFound()
    if (named !== undefined) return owner === named ? json(200, log) : callNotFound()
    const verdict = await decide(request, { type: 'calls.retrieve', callId, userId: owner })
    if (verdict === true) return json(200, log)
    // Someone else's call reads as no call at all; the app's own Response (a 401) goes as it is.
    return verdict === false ? callNotFound() : verdict
  }

  return async function handleDialStackRequest(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url)
      if (isCrossSiteRequest(request, options.allowedOrigins)) {
        safeLogger?.warn('[dialstack] a cross-site request was refused.')
        return errorResponse(403, { error: 'Cross-site requests are refused.', code: 'forbidden' })
      }
      const segments = url.pathname.split('/').filter(Boolean)
      const last = segments.at(-1)
      const method = request.method.toUpperCase()
      if (last === 'session') {
        if (!serveSession) return notFound()
        // Minting changes state: never on a GET, which links and images can trigger.
        if (method === 'POST') return await session(request)
        return errorResponse(
          405,
          { error: 'Method not allowed.', code: 'method_not_allowed' },
          { Allow: 'POST' },
        )
      }
      if (method === 'POST') return await startCall(request)
      if (method === 'GET' && serveLogs) {
        if (segments.at(-2) === 'calls' && last !== undefined)
          return await retrieveCall(request, url, last)
        return await listCalls(request, url)
      }
      return errorResponse(
        405,
        { error: 'Method not allowed.', code: 'method_not_allowed' },
        { Allow: serveLogs ? 'GET, POST' : 'POST' },
      )
    } catch (error) {
      // Last resort: nothing from the error goes out, and the log line is redacted.
      safeLogger?.warn(`[dialstack] handler failed: ${messageOf(error)}`)
      return errorResponse(500, { error: 'The call could not be started.', code: 'internal_error' })
    }
  }
}
