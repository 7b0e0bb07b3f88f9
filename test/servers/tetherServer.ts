/**
 * A loopback Tether calls API (https://docs.tetherai.ca) on `node:http`, for tests and demos:
 * Bearer JWT auth, `POST /api/calls/sdk/initiate`, `GET /api/calls/{callId}`, and a control API
 * for tests to move calls along and break the network on purpose. It answers with Tether's
 * published samples (test/fixtures/tether), with ids, numbers and times of each call.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Which endpoint a fault applies to. */
export type TetherRoute = 'initiate' | 'getCall' | 'inbound' | 'answer' | 'reject' | 'any'

/** One request that reached the server. */
export interface TetherServerRequest {
  method: string
  path: string
  route: TetherRoute | 'other'
  /** The Bearer token, when one was sent. */
  token?: string
  body?: unknown
  /** When it arrived (server clock, epoch ms). */
  at: number
}

/** A call as the server stores it: the documented Call document plus a provider-specific extra. */
export type TetherServerCall = Record<string, unknown> & { callId: string; status: string }

export interface TetherServerOptions {
  /** Tokens that pass auth. Default `['token-ada']`. */
  tokens?: string[]
  /** Valid tokens whose role may not record calls (403). */
  forbiddenTokens?: string[]
  /** Contacts by ObjectId → phone number, for `contactId`. */
  contacts?: Record<string, string>
  /** Shifts the server's clock (ms) to test clock skew against the client. Default 0. */
  clockSkewMs?: number
  /** Status code of a successful initiate. Default 201. */
  initiateStatus?: 200 | 201
  /**
   * `'sample'` (default) answers initiate with the documented response sample's fields (no times);
   * `'full'` with the whole Call document plus provider-specific extras clients must tolerate.
   */
  initiateFields?: 'full' | 'sample'
}

/** A fault for the next request(s) on a route. */
export type TetherFault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }

export interface TetherServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Every request, oldest first (including refused ones). */
  readonly requests: readonly TetherServerRequest[]
  /** Requests on one route. */
  requestsTo(route: Exclude<TetherRoute, 'any'>): TetherServerRequest[]
  /** The stored call, or `undefined`. */
  call(callId: string): TetherServerCall | undefined
  /**
   * Moves a call to any status, as Tether would on a Sinch ACE/DiCE callback: `in-progress` sets
   * `answerTime`; `completed`, `no-answer`, `busy`, `failed`, `canceled` set `endTime` and
   * `duration`; anything else (`ringing`, `queued-x`) is stored as is.
   */
  setStatus(callId: string, status: string, extra?: Record<string, unknown>): void
  /** Tokens that pass auth from now on (e.g. after a refresh); the others get 401. */
  setTokens(tokens: string[]): void
  /** The next `times` requests on `route` get this fault (after auth for `status`, before it for `delay`/`drop`). */
  fault(route: TetherRoute, fault: TetherFault, times?: number): void
  /** Shorthand: the next request on `route` answers 500 `{ success:false, message }`. */
  failNext(route: TetherRoute, message?: string): void
  /** Stops the server and drops every open connection. */
  close(): Promise<void>
}

/** A sample from test/fixtures/tether, parsed afresh (callers change it). */
const sample = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/tether/${name}`, import.meta.url), 'utf8')) as T

const TERMINAL = new Set(['completed', 'no-answer', 'busy', 'failed', 'canceled'])

function objectId(): string {
  return randomBytes(12).toString('hex')
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  })
  response.end(text)
}

/** Starts a Tether peer on 127.0.0.1 with a free port. */
export async function startTetherServer(options: TetherServerOptions = {}): Promise<TetherServer> {
  let tokens = new Set(options.tokens ?? ['token-ada'])
  const forbidden = new Set(options.forbiddenTokens ?? [])
  const contacts = options.contacts ?? {}
  const skew = options.clockSkewMs ?? 0
  const now = () => Date.now() + skew
  const iso = () => new Date(now()).toISOString()
  const calls = new Map<string, TetherServerCall>()
  const requests: TetherServerRequest[] = []
  const faults: { route: TetherRoute; fault: TetherFault; times: number }[] = []
  /** Releases delayed requests on close, so no timer outlives the server. */
  const delays = new Set<() => void>()
  let closed = false

  function takeFault(
    route: TetherRoute,
    kinds: readonly TetherFault['kind'][],
  ): TetherFault | undefined {
    const index = faults.findIndex(
      (f) => (f.route === route || f.route === 'any') && kinds.includes(f.fault.kind),
    )
    const entry = faults[index]
    if (!entry) return undefined
    entry.times -= 1
    if (entry.times <= 0) faults.splice(index, 1)
    return entry.fault
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    const inboundRoutes: Record<string, TetherRoute> = {
      '/api/calls/sdk/inbound': 'inbound',
      '/api/calls/sdk/answer': 'answer',
      '/api/calls/sdk/reject': 'reject',
    }
    const route: TetherRoute | 'other' =
      request.method === 'POST' && path === '/api/calls/sdk/initiate'
        ? 'initiate'
        : request.method === 'POST' && inboundRoutes[path]
          ? inboundRoutes[path]
          : request.method === 'GET' &&
              /^\/api\/calls\/[^/]+$/.test(path) &&
              path !== '/api/calls/history'
            ? 'getCall'
            : 'other'
    const text = await readBody(request)
    let body: unknown
    let malformed = false
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        malformed = true
      }
    }
    const header = request.headers.authorization
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    requests.push({
      method: request.method ?? 'GET',
      path,
      route,
      ...(token !== undefined && { token }),
      ...(body !== undefined && { body }),
      at: now(),
    })

    if (route !== 'other') {
      const transport = takeFault(route, ['delay', 'drop'])
      if (transport?.kind === 'drop') {
        request.socket.destroy()
        return
      }
      if (transport?.kind === 'delay') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            delays.delete(release)
            resolve()
          }, transport.ms)
          const release = () => {
            clearTimeout(timer)
            resolve()
          }
          delays.add(release)
        })
      }
      // The client may have given up (time-out, abort) while we waited.
      if (request.socket.destroyed || closed) return
    }

    // Documented: 401 { error } for a missing, expired or malformed token; 403 for a valid token without the role.
    if (token === undefined || !tokens.has(token))
      return send(response, 401, sample('unauthorized.json'))
    if (forbidden.has(token))
      return send(response, 403, { success: false, error: 'Access denied: insufficient role' })

    if (route !== 'other') {
      const injected = takeFault(route, ['status'])
      if (injected?.kind === 'status')
        return send(
          response,
          injected.status,
          injected.body ?? { success: false },
          injected.headers,
        )
    }

    if (route === 'initiate') {
      if (malformed || typeof body !== 'object' || body === null) {
        return send(response, 400, { success: false, message: 'Request body must be JSON' })
      }
      const { contactId, phoneNumber } = body as { contactId?: unknown; phoneNumber?: unknown }
      const hasContact = typeof contactId === 'string' && contactId !== ''
      const hasPhone = typeof phoneNumber === 'string' && phoneNumber !== ''
      if (!hasContact && !hasPhone) {
        return send(response, 400, {
          success: false,
          message: 'At least one of contactId or phoneNumber is required',
        })
      }
      const contactPhone = hasContact ? contacts[contactId as string] : undefined
      if (hasContact && contactPhone === undefined && !hasPhone) {
        return send(response, 404, { success: false, message: 'Contact not found' })
      }
      const id = objectId()
      const at = iso()
      // The documented Call document, as this call: new ids and times, not answered or ended yet.
      const call: TetherServerCall = {
        ...sample<TetherServerCall>('call-document.json'),
        _id: id,
        callId: id,
        providerCallId: id,
        status: 'initiated',
        to: contactPhone ?? (phoneNumber as string),
        startTime: at,
        createdAt: at,
        updatedAt: at,
        // Provider-specific extras clients must tolerate.
        sinch: { cli: '+14165550100', domain: 'pstn' },
        __v: 0,
      }
      for (const unset of ['answerTime', 'endTime', 'duration', 'conversationId'])
        delete call[unset]
      if (contactPhone === undefined) delete call.contactId
      else call.contactId = contactId
      calls.set(id, call)
      const answer = sample<{ call: Record<string, unknown> }>('initiate-response.json')
      if (options.initiateFields === 'full') answer.call = call
      else for (const key of Object.keys(answer.call)) if (key in call) answer.call[key] = call[key]
      return send(response, options.initiateStatus ?? 201, answer)
    }

    if (route === 'inbound') {
      const { callerNumber } = (body ?? {}) as { callerNumber?: unknown }
      if (typeof callerNumber !== 'string' || callerNumber === '')
        return send(response, 400, { success: false, message: 'callerNumber is required' })
      const id = objectId()
      const at = iso()
      calls.set(id, {
        ...sample<TetherServerCall>('call-document.json'),
        _id: id,
        callId: id,
        providerCallId: id,
        direction: 'inbound',
        status: 'initiated',
        from: callerNumber,
        startTime: at,
        createdAt: at,
        updatedAt: at,
      })
      for (const unset of ['answerTime', 'endTime', 'duration', 'contactId', 'conversationId'])
        delete calls.get(id)![unset]
      const answer = sample<{ call: Record<string, unknown> }>('inbound-response.json')
      answer.call._id = id
      answer.call.callId = id
      return send(response, 200, answer)
    }

    if (route === 'answer' || route === 'reject') {
      const { callId } = (body ?? {}) as { callId?: unknown }
      const call = typeof callId === 'string' ? calls.get(callId) : undefined
      // Documented: "Returns success even when no record is found (best-effort)".
      if (call) {
        const at = iso()
        call.status = route === 'answer' ? 'in-progress' : 'no-answer'
        call.updatedAt = at
        if (route === 'answer') call.answerTime = at
        else call.endTime = at
      }
      if (route === 'reject') return send(response, 200, { success: true, call: call ?? {} })
      const answer = sample<{ call: Record<string, unknown> }>('answer-response.json')
      if (call)
        for (const key of Object.keys(answer.call)) if (key in call) answer.call[key] = call[key]
      return send(response, 200, answer)
    }

    if (route === 'getCall') {
      const callId = decodeURIComponent(path.slice('/api/calls/'.length))
      const call = calls.get(callId)
      if (!call) return send(response, 404, { success: false, message: 'Call not found' })
      return send(response, 200, { success: true, call })
    }

    return send(response, 404, { success: false, message: `Cannot ${request.method} ${path}` })
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { success: false, message: String(error) })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests
    },
    requestsTo: (route) => requests.filter((r) => r.route === route),
    call: (callId) => calls.get(callId),
    setStatus(callId, status, extra = {}) {
      const call = calls.get(callId)
      if (!call) throw new Error(`tetherServer: no call ${callId}`)
      const at = iso()
      call.status = status
      call.updatedAt = at
      if (status === 'in-progress') call.answerTime = at
      if (TERMINAL.has(status)) {
        call.endTime = at
        const answered =
          typeof call.answerTime === 'string' ? Date.parse(call.answerTime) : undefined
        call.duration = answered === undefined ? 0 : Math.round((now() - answered) / 1000)
      }
      Object.assign(call, extra)
    },
    setTokens(next) {
      tokens = new Set(next)
    },
    fault(route, fault, times = 1) {
      faults.push({ route, fault, times })
    },
    failNext(route, message = 'Internal server error') {
      faults.push({
        route,
        fault: { kind: 'status', status: 500, body: { success: false, message } },
        times: 1,
      })
    },
    close() {
      if (closed) return Promise.resolve()
      closed = true
      for (const release of delays) release()
      delays.clear()
      return new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
    },
  }
}
