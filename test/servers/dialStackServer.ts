/**
 * A loopback fake of `api.dialstack.ai` that answers with DialStack's published samples, kept in
 * test/fixtures/dialstack/ with their source URLs: `POST /v1/calls` (Bearer sk_… +
 * DialStack-Account, the click-to-call guide's error texts, 202 without a body),
 * `POST /v1/account_sessions` (`components` required, `{ client_secret, expires_at }` as the
 * sessions page shows them), the account-wide SSE stream `GET /v1/events` (Bearer
 * client_secret, `event:`/`data:` framing with flat JSON as DialStack's browser SDK reads it, a
 * `connected` event; `call.answered` carries only `call_id` and `call.end` only `call_id` and
 * `status`, as the events guide shows), and the call log `GET /v1/calls[?…]` /
 * `GET /v1/calls/{id}` in the SDK's `CallLog` shape. A click-to-call is call-first: the user's
 * phones ring and answer (`answerAgent`), then the customer's (`answer`). Tests drive calls
 * through it, script failures, drop streams and expire secrets.
 *
 * Also `serveFetchHandler`: mounts a Fetch handler on a loopback `node:http` server with the
 * library's `toNodeHandler`.
 */
import callIncomingFixture from '../fixtures/dialstack/call-incoming.json' with { type: 'json' }
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler } from '../../src/server/index.js'
import callLogFixture from '../fixtures/dialstack/call-log.json' with { type: 'json' }
import clickToCall from '../fixtures/dialstack/click-to-call.json' with { type: 'json' }

export const TEST_API_KEY = 'sk_test_51FakeSecretKeyForLoopbackTests000000'
export const TEST_ACCOUNT = 'acct_01h2xcejqtf2nbrexx3vqjhp41'
export const TEST_USER = 'user_01h2xcejqtf2nbrexx3vqjhp42'
/** A valid TypeID that this account does not have: 404 `User not found`. */
export const UNKNOWN_USER = 'user_01h2xcejqtf2nbrexx3vqjhp99'

export type FakeRoute =
  'calls.create' | 'account_sessions' | 'events' | 'calls.list' | 'calls.retrieve'

/** A scripted answer for the next request to a route. */
export interface ScriptedResponse {
  status: number
  /** An object is sent as JSON, a string as it is. */
  body?: unknown
  headers?: Record<string, string>
  /** Wait this long before answering (for time-outs). */
  delayMs?: number
  /** Writes the answer itself (huge, compressed, slow or redirecting bodies); wins over the rest. */
  raw?: (res: ServerResponse) => void
}

export interface FakeRequest {
  route: FakeRoute | 'unknown'
  /** When it arrived (epoch ms). */
  at: number
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

/** A call log as DialStack's server SDK types it (`CallLog`), live or ended. */
export interface FakeCallLog {
  id: string
  user: string
  endpoint: string | null
  did: string | null
  direction: 'outbound'
  from_number: string
  from_label: string | null
  to_number: string
  to_label: string | null
  started_at: string
  answered_at: string | null
  connected_at: string | null
  ended_at: string | null
  duration_seconds: number | null
  status: 'completed' | 'no-answer' | 'busy' | 'failed' | 'voicemail' | null
  hangup_cause: number | null
  summary: string | null
  recording_url: string | null
  quality_metrics: unknown[]
}

/** The click-to-call guide's error text for a status, e.g. `User not found`. */
const guideError = (text: string) => {
  const found = clickToCall.errors.find((entry) => entry.error === text)
  if (!found) throw new Error(`The click-to-call guide has no error "${text}".`)
  return { status: found.status, body: { error: found.error } }
}

export interface FakeDialStackOptions {
  /** Users of the account. Default `[TEST_USER]`. */
  users?: string[]
  /** Which body keys `POST /v1/calls` accepts for the user. Default both (`user_id`, `user`). */
  acceptBodyKeys?: ('user_id' | 'user')[]
  /**
   * `flat` (default): the fields at the top, no id, as DialStack's browser SDK reads them;
   * `envelope`: the webhook envelope `{ id, type, account_id, data }`.
   */
  eventShape?: 'envelope' | 'flat'
  /**
   * `call.initiated` and `call.ringing` carry only `call_id` too (like `call.answered`), so a
   * client can tie them to its call only through the call log. Default false: they also carry
   * `direction`, `from_number`, `to_number`, `user` and `timestamp`.
   */
  sparseEvents?: boolean
  /** Send `call.initiated` and `call.ringing` right after a 202. Default true. */
  autoProgress?: boolean
  /** Also send each event's id as an SSE `id:` line. Default false (the documented framing has none). */
  sseIds?: boolean
  /** Lifetime of a client secret. Default 1 h. */
  secretTtlMs?: number
  /**
   * A hostile upstream: every answer of the secret-key routes echoes the key and the account
   * header it received, in plain, upper-case, base64, base64url and hex forms, into every body
   * field and header it can (`code`, `details` keys, `Retry-After`, `client_secret`,
   * `expires_at`, call-log fields, `Set-Cookie`, `Location` …), with this status: an error
   * status gives an error body, 2xx a success body of the route's shape.
   */
  echoKey?: { status: number }
}

export interface FakeDialStack {
  readonly url: string
  readonly requests: FakeRequest[]
  /** Requests that reached a route (scripted or not). */
  count(route: FakeRoute): number
  calls(): FakeCallLog[]
  latestCall(): FakeCallLog | undefined
  /** Answers the next request to `route` with this instead. Queued: each applies once. */
  failNext(route: FakeRoute, response: ScriptedResponse): void
  /** Every SSE request is refused with this status until `acceptStreams()`. */
  refuseStreams(status?: 401 | 403): void
  acceptStreams(): void
  /** SSE requests wait unanswered until `releaseStreams()` (a network that is down for a while). */
  holdStreams(): void
  releaseStreams(): void
  /** Marks every client secret issued so far as expired. */
  expireSecrets(): void
  readonly issuedSecrets: readonly string[]
  /** Events about calls stop reaching streams (they are lost, as on a dropped stream). */
  setDelivery(on: boolean): void
  ring(id: string): void
  /** The user's own phone picks up (leg 1): `call.answered`, `answered_at` set. */
  answerAgent(id: string): void
  /**
   * The customer picks up (leg 2): `call.answered`, `connected_at` set. The user's own pickup
   * comes first when it has not yet (call-first).
   */
  answer(id: string): void
  /**
   * Another user of the account places a click-to-call: its events reach every stream of the
   * account, as DialStack's stream is account-wide. Returns the call id.
   */
  placeCallFor(user: string, dialString: string): string
  end(id: string, status?: NonNullable<FakeCallLog['status']>, hangupCause?: number): void
  /**
   * A call rings a user: `call.incoming` with the documented fields (test/fixtures/dialstack/
   * call-incoming.json), from `from`, routed to `user` (none: a ring group). Returns its call id,
   * which the event does not carry.
   */
  incoming(from: string, options?: { user?: string | null }): string
  /** An event about an incoming call as webhook payloads carry it: `direction`, the caller, the call id. */
  inboundEvent(type: string, callId: string, from: string, extra?: Record<string, unknown>): void
  /** Sends a raw SSE frame to every open stream. */
  sendRaw(frame: string): void
  /** Sends an event (built like the others) to every open stream. */
  emit(type: string, data: Record<string, unknown>, options?: { id?: string }): void
  /** Sends the last event frame again (a duplicate delivery). */
  repeatLast(): void
  /** Closes every open SSE stream abruptly (the connection drops). */
  dropStreams(): void
  openStreams(): number
  /** SSE connections that got a 200, in total. */
  readonly streamConnections: number
  waitForStreams(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

function route(method: string, path: string): FakeRoute | 'unknown' {
  if (method === 'POST' && path === '/v1/calls') return 'calls.create'
  if (method === 'POST' && path === '/v1/account_sessions') return 'account_sessions'
  if (method === 'GET' && path === '/v1/events') return 'events'
  if (method === 'GET' && path === '/v1/calls') return 'calls.list'
  if (method === 'GET' && /^\/v1\/calls\/[^/]+$/.test(path)) return 'calls.retrieve'
  return 'unknown'
}

const TYPEID_USER = /^user_[0-7][0-9a-hjkmnp-tv-z]{25}$/
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

function typeId(prefix: string, n: number): string {
  let suffix = ''
  let value = n
  for (let i = 0; i < 25; i += 1) {
    suffix = ALPHABET[value % 32] + suffix
    value = Math.floor(value / 32)
  }
  return `${prefix}_0${suffix}`
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  if (res.writableEnded || res.destroyed) return
  const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    ...(payload !== '' && {
      'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json',
    }),
    ...headers,
  })
  res.end(payload)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (data += chunk))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startDialStackServer(
  options: FakeDialStackOptions = {},
): Promise<FakeDialStack> {
  const users = new Set(options.users ?? [TEST_USER])
  const acceptKeys = options.acceptBodyKeys ?? ['user_id', 'user']
  const shape = options.eventShape ?? 'flat'
  const autoProgress = options.autoProgress ?? true
  const ttl = options.secretTtlMs ?? 60 * 60 * 1000
  const requests: FakeRequest[] = []
  const scripted = new Map<FakeRoute, ScriptedResponse[]>()
  const secrets = new Map<string, number>()
  const issued: string[] = []
  const logs: FakeCallLog[] = []
  const streams = new Set<ServerResponse>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const waiters = new Set<() => void>()
  let refuse: 401 | 403 | undefined
  let held: (() => void)[] | undefined
  let delivery = true
  let eventCounter = 0
  let callCounter = 0
  let secretCounter = 0
  let streamConnections = 0
  let lastFrame: string | undefined

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
  }

  function write(frame: string) {
    lastFrame = frame
    for (const stream of streams) stream.write(frame)
  }

  function emit(type: string, data: Record<string, unknown>, emitOptions: { id?: string } = {}) {
    eventCounter += 1
    const id = emitOptions.id ?? `evt_${eventCounter}`
    const payload = shape === 'envelope' ? { id, type, account_id: TEST_ACCOUNT, data } : data
    const idLine = options.sseIds ? `id: ${id}\n` : ''
    if (delivery) write(`${idLine}event: ${type}\ndata: ${JSON.stringify(payload)}\n\n`)
  }

  /** `call.initiated` / `call.ringing`: who and what, unless `sparseEvents`. */
  function eventData(log: FakeCallLog) {
    if (options.sparseEvents) return { call_id: log.id }
    return {
      call_id: log.id,
      direction: log.direction,
      from_number: log.from_number,
      to_number: log.to_number,
      user: log.user,
      timestamp: new Date().toISOString(),
    }
  }

  /** A new click-to-call in the log, progressing by itself when `autoProgress`. */
  function place(user: string, dial: string): FakeCallLog {
    callCounter += 1
    const log: FakeCallLog = {
      ...(callLogFixture.live as Omit<FakeCallLog, 'id' | 'user' | 'to_number' | 'started_at'>),
      id: typeId('call', 1000 + callCounter),
      user,
      // DialStack normalizes local numbers by the account's region (US here).
      to_number: /^\d{10}$/.test(dial) ? `+1${dial}` : dial,
      started_at: new Date().toISOString(),
      // Fields a backend must never pass to the browser.
      summary: 'SECRET SUMMARY',
      recording_url: 'https://recordings.invalid/secret',
      quality_metrics: [],
    }
    logs.push(log)
    if (autoProgress) {
      later(5, () => emit('call.initiated', eventData(log)))
      later(10, () => emit('call.ringing', eventData(log)))
    }
    return log
  }

  function find(id: string): FakeCallLog {
    const log = logs.find((l) => l.id === id)
    if (!log) throw new Error(`The fake has no call ${id}.`)
    return log
  }

  function bearer(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization
    return header?.startsWith('Bearer ') ? header.slice(7) : undefined
  }

  /** The secret-key requests: key and account header checked, as DialStack does. */
  function keyAuth(req: IncomingMessage, res: ServerResponse): boolean {
    if (bearer(req) !== TEST_API_KEY) {
      const { status, body } = guideError('Unauthorized')
      send(res, status, body)
      return false
    }
    if (req.headers['dialstack-account'] !== TEST_ACCOUNT) {
      send(res, 403, {
        error: 'You do not have access to this account. Check the DialStack-Account header.',
        code: 'account_access_denied',
      })
      return false
    }
    return true
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const body = await readBody(req)
    const which = route(method, url.pathname)
    requests.push({
      route: which,
      at: Date.now(),
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    })
    if (which === 'events' && held) await new Promise<void>((resolve) => held!.push(resolve))
    if (which === 'unknown') return send(res, 404, { error: 'Not found' })
    if (options.echoKey && which !== 'events')
      return echoKey(req, res, which, options.echoKey.status)

    const script = scripted.get(which)?.shift()
    if (script?.raw) return script.raw(res)
    if (script) {
      const answer = () => send(res, script.status, script.body, script.headers)
      if (script.delayMs) later(script.delayMs, answer)
      else answer()
      return
    }

    switch (which) {
      case 'calls.create': {
        if (!keyAuth(req, res)) return
        let parsed: Record<string, unknown>
        try {
          parsed = JSON.parse(body) as Record<string, unknown>
        } catch {
          return send(res, 400, { error: 'Invalid JSON body', code: 'validation_error' })
        }
        const user = acceptKeys.map((key) => parsed[key]).find((value) => value !== undefined)
        const refuse = (text: string) => {
          const { status, body } = guideError(text)
          send(res, status, body)
        }
        if (typeof user !== 'string' || user === '') return refuse('user_id is required')
        if (typeof parsed.dial_string !== 'string' || parsed.dial_string === '') {
          return refuse('dial_string is required')
        }
        if (!TYPEID_USER.test(user)) return refuse('Invalid user_id format')
        if (!users.has(user)) return refuse('User not found')
        place(user, parsed.dial_string)
        // "The API returns 202 Accepted immediately": no body, no call id.
        send(res, clickToCall.response.status)
        return
      }
      case 'account_sessions': {
        if (!keyAuth(req, res)) return
        // DialStack's server SDK: `components` is required, "At least one must be enabled".
        const components = (JSON.parse(body || '{}') as { components?: unknown }).components
        const enabled =
          typeof components === 'object' &&
          components !== null &&
          Object.values(components).some((c) => (c as { enabled?: unknown })?.enabled === true)
        if (!enabled) {
          return send(res, 400, {
            error: 'At least one component must be enabled.',
            code: 'validation_error',
            details: { components: 'At least one must be enabled' },
          })
        }
        secretCounter += 1
        // A signed JWT, as DialStack's session references describe `client_secret`; `expires_at`
        // an ISO 8601 date, as the sessions page shows it.
        const secret = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ acct: TEST_ACCOUNT, n: secretCounter })).toString('base64url')}.sig`
        const expiresAt = Date.now() + ttl
        secrets.set(secret, expiresAt)
        issued.push(secret)
        return send(res, 200, {
          account_id: TEST_ACCOUNT,
          client_secret: secret,
          expires_at: new Date(expiresAt).toISOString(),
        })
      }
      case 'events': {
        if (res.destroyed) return
        const secret = bearer(req)
        const expiresAt = secret === undefined ? undefined : secrets.get(secret)
        if (refuse)
          return send(res, refuse, { error: refuse === 401 ? 'Unauthorized' : 'Forbidden' })
        if (expiresAt === undefined || expiresAt <= Date.now())
          return send(res, 401, { error: 'Unauthorized' })
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-cache',
          Connection: 'keep-alive',
        })
        res.write(`event: connected\ndata: ${JSON.stringify({ account_id: TEST_ACCOUNT })}\n\n`)
        streams.add(res)
        streamConnections += 1
        res.on('close', () => streams.delete(res))
        for (const waiter of [...waiters]) waiter()
        return
      }
      case 'calls.list': {
        if (!keyAuth(req, res)) return
        const q = url.searchParams
        const user = q.get('user') ?? q.get('user_id')
        const from = q.get('from_date')
        const limit = Number(q.get('limit') ?? 10)
        const data = [...logs]
          .reverse()
          .filter((log) => !user || log.user === user)
          .filter((log) => !q.get('direction') || log.direction === q.get('direction'))
          .filter((log) => !q.get('to_number') || log.to_number === q.get('to_number'))
          .filter((log) => !from || Date.parse(log.started_at) >= Date.parse(from))
          .slice(0, limit)
        return send(res, 200, {
          object: 'list',
          url: '/v1/calls',
          next_page_url: null,
          previous_page_url: null,
          data,
        })
      }
      case 'calls.retrieve': {
        if (!keyAuth(req, res)) return
        const id = decodeURIComponent(url.pathname.split('/').at(-1) ?? '')
        const log = logs.find((l) => l.id === id)
        return log ? send(res, 200, log) : send(res, 404, { error: 'Call not found' })
      }
    }
  }

  /** The hostile answer: the key and the account, as received, in every field and header. */
  function echoKey(req: IncomingMessage, res: ServerResponse, which: FakeRoute, status: number) {
    const authorization = req.headers.authorization ?? ''
    const key = authorization.replace(/^Bearer /, '')
    const account = String(req.headers['dialstack-account'] ?? '')
    const base64 = (text: string) => Buffer.from(text).toString('base64')
    const forms = [
      authorization,
      key,
      account,
      key.toUpperCase(),
      account.toUpperCase(),
      base64(key),
      base64(`${key}:`),
      base64(`x${key}`),
      base64(authorization),
      Buffer.from(key).toString('base64url'),
      Buffer.from(key).toString('hex'),
      base64(account),
    ]
    const echo = forms.join(' | ')
    const headers = {
      'Retry-After': key,
      'X-Echo-Authorization': authorization,
      'X-Echo-Account': account,
      'WWW-Authenticate': `Bearer realm="${key}"`,
      'Set-Cookie': `echo=${base64(key)}`,
      Location: `https://echo.invalid/?key=${key}`,
      'X-Request-Id': base64(`${account}:${key}`),
    }
    if (status >= 400) {
      return send(
        res,
        status,
        {
          error: echo,
          code: key,
          details: Object.fromEntries([
            ...forms.map((form) => [form, 'echoed key']),
            ['dial_string', echo],
          ]),
          request: { headers: req.headers },
        },
        headers,
      )
    }
    const log = Object.fromEntries(
      [
        'id',
        'user_id',
        'direction',
        'from_number',
        'to_number',
        'started_at',
        'answered_at',
        'connected_at',
        'ended_at',
        'status',
        'summary',
      ].map((field, i) => [field, forms[i % forms.length]]),
    )
    const owned = { ...log, user: TEST_USER, duration_seconds: key, hangup_cause: { key } }
    switch (which) {
      case 'calls.create':
        return send(res, 202, { id: key, echo }, headers)
      case 'account_sessions':
        return send(
          res,
          status,
          { account_id: account, client_secret: key, expires_at: key },
          headers,
        )
      case 'calls.list':
        return send(res, status, { object: 'list', url: echo, data: [owned] }, headers)
      default:
        return send(res, status, owned, headers)
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: 'Fake server error' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const fake: FakeDialStack = {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (r) => requests.filter((request) => request.route === r).length,
    calls: () => logs.map((log) => ({ ...log })),
    latestCall: () => logs.at(-1),
    failNext(r, response) {
      scripted.set(r, [...(scripted.get(r) ?? []), response])
    },
    refuseStreams(status = 401) {
      refuse = status
    },
    acceptStreams() {
      refuse = undefined
    },
    holdStreams() {
      held ??= []
    },
    releaseStreams() {
      const waiting = held ?? []
      held = undefined
      for (const resolve of waiting) resolve()
    },
    expireSecrets() {
      for (const secret of secrets.keys()) secrets.set(secret, 0)
    },
    get issuedSecrets() {
      return issued
    },
    setDelivery(on) {
      delivery = on
    },
    ring(id) {
      emit('call.ringing', eventData(find(id)))
    },
    answerAgent(id) {
      const log = find(id)
      log.answered_at = new Date().toISOString()
      emit('call.answered', { call_id: log.id })
    },
    answer(id) {
      const log = find(id)
      // Call-first: the customer is dialed only once the user picked up.
      if (!log.answered_at) fake.answerAgent(id)
      log.connected_at = new Date().toISOString()
      emit('call.answered', { call_id: log.id })
    },
    placeCallFor(user, dialString) {
      users.add(user)
      return place(user, dialString).id
    },
    end(id, status = 'completed', hangupCause) {
      const log = find(id)
      log.status = status
      log.ended_at = new Date().toISOString()
      log.duration_seconds = log.connected_at
        ? Math.round((Date.now() - Date.parse(log.connected_at)) / 1000)
        : 0
      if (hangupCause !== undefined) log.hangup_cause = hangupCause
      emit('call.end', {
        call_id: log.id,
        status,
        ...(hangupCause !== undefined && { hangup_cause: hangupCause }),
      })
    },
    incoming(from, { user = TEST_USER } = {}) {
      callCounter += 1
      const sample = {
        ...callIncomingFixture.sample,
        from_number: from,
        timestamp: new Date().toISOString(),
      }
      if (user === null) delete (sample as { user?: string }).user
      else sample.user = user
      emit('call.incoming', sample)
      return typeId('call', 1000 + callCounter)
    },
    inboundEvent(type, callId, from, extra = {}) {
      emit(type, { call_id: callId, direction: 'inbound', from_number: from, ...extra })
    },
    sendRaw: write,
    emit,
    repeatLast() {
      if (lastFrame) write(lastFrame)
    },
    dropStreams() {
      for (const stream of streams) stream.destroy()
      streams.clear()
    },
    openStreams: () => streams.size,
    get streamConnections() {
      return streamConnections
    },
    waitForStreams(count, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (streams.size < count) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`Expected ${count} open SSE stream(s), have ${streams.size}.`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    async close() {
      fake.releaseStreams()
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const stream of streams) stream.destroy()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  return fake
}

export interface FetchHandlerServer {
  readonly url: string
  /** Requests that reached the handler, by method and path. */
  readonly requests: { method: string; path: string }[]
  close(): Promise<void>
}

/**
 * Serves a Fetch handler (`(Request) => Promise<Response>`) on a loopback `node:http` server
 * through the library's own Node adapter, `toNodeHandler`.
 */
export async function serveFetchHandler(
  handler: (request: Request) => Promise<Response>,
): Promise<FetchHandlerServer> {
  const requests: { method: string; path: string }[] = []
  const listener = toNodeHandler(handler)
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? 'GET',
      path: new URL(`http://127.0.0.1${req.url ?? '/'}`).pathname,
    })
    listener(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
