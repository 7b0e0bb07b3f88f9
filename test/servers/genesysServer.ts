/**
 * A loopback Genesys Web Services (GWS API v2) peer: a real `node:http` server with the HTTP
 * endpoints the client uses (Basic auth, the `JSESSIONID` cookie, CSRF, `statusCode` replies), and
 * a real Bayeux server (`cometd-nodejs-server`) mounted at `/api/v2/notifications` on the same
 * port, publishing `CallStateChangeMessage`s on `/v2/me/calls`. Its notifications and call
 * resources are the published samples of test/fixtures/genesys, with each call's id, state and
 * numbers; a list request answers `uris` unless `fields` is given, as GWS documents.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCometDServer, type ServerSession } from 'cometd-nodejs-server'

export type GenesysCallState =
  'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released' | (string & {})

/** A call as the server holds it. */
export interface ServerCall {
  id: string
  state: GenesysCallState
  /** The other party: the dialed number, or the caller of an inbound call. */
  destination: string
  userData: Record<string, string>
  callType: 'Internal' | 'Outbound' | 'Inbound'
  /** The caller, on an inbound call (`ani`). */
  ani?: string
  /** DTMF digits sent so far. */
  dtmf: string
  /** An inbound call delivered through a queue: only those can be rejected. */
  viaQueue?: boolean
}

/** A request that reached the HTTP API. */
export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body?: Record<string, unknown>
}

/** What the next request for an operation answers instead of the normal reply. */
export interface Injection {
  /** A GWS `statusCode` reply (`{statusCode, statusMessage}`). */
  statusCode?: number
  statusMessage?: string
  /** The HTTP status of the injected reply. Default 200 (GWS puts the error in `statusCode`). */
  httpStatus?: number
  /** Answer this late (for time-outs). Without `statusCode` the normal reply follows the delay. */
  delayMs?: number
}

export interface GenesysServerOptions {
  /** The agent's Basic credentials. Default `{ username: 'agent', password: 'secret' }`. */
  credentials?: { username: string; password: string }
  /** Send `X-CSRF-HEADER`/`X-CSRF-TOKEN` on GET replies. Default true. POSTs always require the token. */
  csrfHeaders?: boolean
  /** Device ids of the agent. Default `['631608b3-ceb1-472b-ba05-2ae39555b0d1']` (the device in the GWS notification sample). */
  devices?: string[]
  /** Publish `Dialing` after a `Dial`. Default true; false makes the client's dial time out. */
  publishDialing?: boolean
  /** Echo the `Dial`'s `userData` in notifications and the call list. Default true. */
  echoUserData?: boolean
  /** How long the Bayeux server holds a `/meta/connect`. Default 1000 ms. */
  bayeuxTimeout?: number
}

export interface GenesysServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  readonly requests: RecordedRequest[]
  readonly calls: Map<string, ServerCall>
  /** The body of each `Dial` that reached the server. */
  dialRequests(): Record<string, unknown>[]
  /** POST requests for a call operation (`Hangup`, `Hold` …). */
  operations(name?: string): Record<string, unknown>[]
  /** The call whose `userData[key]` is `value` (the client's correlation key). */
  findCall(value: string, key?: string): ServerCall | undefined
  /** Moves a call to a state and publishes the notification, as GWS would. */
  setState(callId: string, state: GenesysCallState): void
  /** Publishes a notification with this state without changing the call (stale, out-of-order, unknown). */
  publishState(callId: string, state: GenesysCallState, notificationType?: string): void
  /** Publishes the call's current notification again (a duplicate). */
  republish(callId: string): void
  /** The next request for `operationName` (`Dial`, `Hangup` …, or `GET /api/v2/me`) gets this. */
  inject(operationName: string, injection: Injection): void
  /** An inbound call from `from` rings on the agent's device (`Ringing`, `ani` = `from`). Returns its id. */
  ring(from: string, options?: { viaQueue?: boolean }): string
  /** Invalidates every session's CSRF token: the next POST gets 403 until a GET refreshes it. */
  rotateCsrf(): void
  /** The agent's state on the voice channel (`Ready`, or `NotReady` with a work mode). */
  agentState(): { state: string; workMode?: string }
  /** The agent goes into after-call work, as the switch does after a call with a wrap-up time. */
  enterAfterCallWork(): void
  /** The bodies of the requests to the voice channel (`POST /api/v2/me/channels/voice`). */
  voiceChannelRequests(): Record<string, unknown>[]
  setCsrfHeaders(enabled: boolean): void
  /** Creates a logged-in HTTP session, as a login page would; returns its `JSESSIONID`. */
  createSession(): string
  /** Live Bayeux sessions. */
  bayeuxSessions(): number
  /** Bayeux sessions removed so far, with whether by time-out (false = the client disconnected). */
  readonly removedSessions: { timeout: boolean }[]
  /** Bayeux handshakes so far. */
  handshakes(): number
  /** Forgets every Bayeux session, as a GWS node restart would: clients must re-handshake. */
  dropBayeuxSessions(): void
  close(): Promise<void>
}

const CAPABILITIES: Record<string, string[]> = {
  Dialing: [
    'SendDtmf',
    'DeleteUserData',
    'AttachUserData',
    'DeleteUserDataPair',
    'Hangup',
    'UpdateUserData',
  ],
  Ringing: [
    'SendDtmf',
    'DeleteUserData',
    'AttachUserData',
    'DeleteUserDataPair',
    'Hangup',
    'UpdateUserData',
  ],
  Established: [
    'SendDtmf',
    'DeleteUserData',
    'AttachUserData',
    'DeleteUserDataPair',
    'Hangup',
    'UpdateUserData',
    'Hold',
    'InitiateTransfer',
    'InitiateConference',
    'SingleStepTransfer',
  ],
  Held: [
    'Retrieve',
    'Hangup',
    'AttachUserData',
    'UpdateUserData',
    'DeleteUserData',
    'DeleteUserDataPair',
  ],
  Released: [],
}

const CSRF_MESSAGE = 'Missing or invalid Csrf token'
/** The agent's own number, as in the Dial samples' notifications. */
export const AGENT_NUMBER = '15000'

const SAMPLES = new Map(
  [
    'dialing-notification.json',
    'call-resource.json',
    'answer-response.json',
    'update-user-data-response.json',
    'after-call-work-notification.json',
    'ready-notification.json',
  ].map((name) => [
    name,
    readFileSync(new URL(`../fixtures/genesys/${name}`, import.meta.url), 'utf8'),
  ]),
)

/**
 * What a ringing inbound call allows beyond a dial's operations: `Answer` (on a device of a private
 * network, as here) and, for a call delivered through a queue, `Reject`.
 */
function capabilitiesOf(call: ServerCall, state: GenesysCallState): string[] {
  const base = CAPABILITIES[state] ?? []
  if (call.callType !== 'Inbound' || state !== 'Ringing') return base
  return [...base, 'Answer', ...(call.viaQueue ? ['Reject'] : [])]
}

/** A sample from test/fixtures/genesys, parsed afresh (callers change it). */
const sample = <T>(name: string): T => JSON.parse(SAMPLES.get(name)!) as T

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of header?.split(';') ?? []) {
    const [name, ...rest] = part.trim().split('=')
    if (name) cookies[name] = rest.join('=')
  }
  return cookies
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

export async function startGenesysServer(
  options: GenesysServerOptions = {},
): Promise<GenesysServer> {
  const credentials = options.credentials ?? { username: 'agent', password: 'secret' }
  const devices = options.devices ?? ['631608b3-ceb1-472b-ba05-2ae39555b0d1']
  const echoUserData = options.echoUserData ?? true
  const publishDialing = options.publishDialing ?? true
  let csrfHeaders = options.csrfHeaders ?? true
  const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
  const sessions = new Map<string, { csrf: string }>()
  const requests: RecordedRequest[] = []
  const calls = new Map<string, ServerCall>()
  const injections = new Map<string, Injection[]>()
  const bayeux = new Set<ServerSession>()
  const removedSessions: { timeout: boolean }[] = []
  let handshakeCount = 0
  let url = ''

  const cometd = createCometDServer({ timeout: options.bayeuxTimeout ?? 1000 })
  cometd.addListener('sessionAdded', (session: ServerSession) => {
    handshakeCount++
    bayeux.add(session)
  })
  cometd.addListener('sessionRemoved', (session: ServerSession, timeout: boolean) => {
    bayeux.delete(session)
    removedSessions.push({ timeout })
  })
  const callsChannel = cometd.createServerChannel('/v2/me/calls')
  const devicesChannel = cometd.createServerChannel('/v2/me/devices')
  let agent: { state: string; workMode?: string } = { state: 'Ready' }

  /**
   * The agent's state as the documented `DeviceStateChangeMessage` of `AfterCallWork` or `Ready`
   * (its `data`), on this agent's device and number.
   */
  function publishAgentState(operationName: 'AfterCallWork' | 'Ready') {
    const notification = sample<{
      data: { devices: { id: string; phoneNumber: string; e164Number: string }[] }
    }>(operationName === 'Ready' ? 'ready-notification.json' : 'after-call-work-notification.json')
    const [device] = notification.data.devices
    Object.assign(device!, { id: devices[0], phoneNumber: AGENT_NUMBER, e164Number: AGENT_NUMBER })
    agent =
      operationName === 'Ready'
        ? { state: 'Ready' }
        : { state: 'NotReady', workMode: 'AfterCallWork' }
    devicesChannel.publish(null, notification.data)
  }

  const token = () => randomBytes(12).toString('hex')
  function createSession(): string {
    const id = token().toUpperCase()
    sessions.set(id, { csrf: token() })
    return id
  }

  /** A call resource: the documented Dial sample's `call`, with this call's id, state and numbers. */
  function resource(call: ServerCall, state = call.state) {
    const inbound = call.callType === 'Inbound'
    // Inbound calls take the revision whose participants are bare numbers with participantsInfo.
    const resourceCall = inbound
      ? sample<Record<string, unknown>>('call-resource.json')
      : sample<{ data: { call: Record<string, unknown> } }>('dialing-notification.json').data.call
    Object.assign(resourceCall, {
      id: call.id,
      state,
      callUuid: call.id,
      connId: call.id.slice(0, 16).toLowerCase(),
      deviceUri: `${url}/api/v2/devices/${devices[0]}`,
      participants: [
        {
          e164Number: call.destination.startsWith('+') ? call.destination : '',
          formattedPhoneNumber: call.destination,
          phoneNumber: call.destination,
          digits: call.destination.replace(/\D/g, ''),
        },
      ],
      // Inbound, `dnis` is the number the caller dialed (the agent's); outbound, the dialed one.
      dnis: inbound ? AGENT_NUMBER : call.destination,
      callType: call.callType,
      capabilities: capabilitiesOf(call, state),
      uri: `${url}/api/v2/me/calls/${call.id}`,
      path: `/calls/${call.id}`,
    })
    // The sample's own user data belongs to the sample's call, not to this one.
    delete resourceCall.userData
    if (inbound) {
      const digits = call.destination.replace(/\D/g, '')
      resourceCall.participants = [digits]
      resourceCall.participantsInfo = [
        { digits, e164Number: call.destination, formattedPhoneNumber: call.destination },
      ]
    }
    if (call.ani !== undefined) resourceCall.ani = call.ani
    if (echoUserData && Object.keys(call.userData).length > 0)
      resourceCall.userData = { ...call.userData }
    return resourceCall
  }

  /** Publishes the documented notification (its `data`) with this call's resource. */
  function publish(call: ServerCall, state = call.state, notificationType = 'StatusChange') {
    callsChannel.publish(null, {
      notificationType,
      call: resource(call, state),
      phoneNumber: AGENT_NUMBER,
      extensions: { BusinessCall: 0 },
      messageType: 'CallStateChangeMessage',
    })
  }

  function setState(callId: string, state: GenesysCallState) {
    const call = calls.get(callId)
    if (!call) throw new Error(`No call ${callId}`)
    call.state = state
    publish(call)
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
      'Access-Control-Expose-Headers': 'X-CSRF-HEADER, X-CSRF-TOKEN',
      ...headers,
    })
    response.end(text)
  }

  async function applyInjection(name: string, response: ServerResponse): Promise<boolean> {
    const injection = injections.get(name)?.shift()
    if (!injection) return false
    if (injection.delayMs) await new Promise((resolve) => setTimeout(resolve, injection.delayMs))
    if (injection.statusCode === undefined) return response.destroyed
    const body: Record<string, unknown> = { statusCode: injection.statusCode }
    if (injection.statusMessage !== undefined) body.statusMessage = injection.statusMessage
    if (!response.destroyed) send(response, injection.httpStatus ?? 200, body)
    return true
  }

  function callOperation(
    call: ServerCall,
    body: Record<string, unknown>,
  ): { statusCode: number; statusMessage?: string } {
    const name = String(body.operationName)
    if (!capabilitiesOf(call, call.state).includes(name)) {
      return {
        statusCode: 2,
        statusMessage: `Operation ${name} is not valid for a call in state ${call.state}`,
      }
    }
    setImmediate(() => {
      if (name === 'Hangup' || name === 'Reject') setState(call.id, 'Released')
      else if (name === 'Answer') setState(call.id, 'Established')
      else if (name === 'Hold') setState(call.id, 'Held')
      else if (name === 'Retrieve') setState(call.id, 'Established')
      else if (name === 'SendDtmf') {
        call.dtmf += String(body.digits ?? '')
        publish(call, call.state, 'DtmfSent')
      } else if (name === 'UpdateUserData' || name === 'AttachUserData') {
        Object.assign(call.userData, body.userData as Record<string, string>)
        publish(call, call.state, 'AttachedDataChanged')
      }
    })
    // The documented replies of Answer and UpdateUserData; the others reply the same `{statusCode: 0}`.
    if (name === 'Answer') return sample('answer-response.json')
    if (name === 'UpdateUserData') return sample('update-user-data-response.json')
    return { statusCode: 0 }
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, path: string) {
    const method = request.method ?? 'GET'
    const text = method === 'POST' ? await readBody(request) : ''
    let body: Record<string, unknown> | undefined
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>
      } catch {
        return send(response, 400, { statusCode: 1, statusMessage: 'Malformed JSON' })
      }
    }
    requests.push({ method, path, headers: request.headers, ...(body && { body }) })

    const cookies = parseCookies(request.headers.cookie)
    let sessionId =
      cookies.JSESSIONID && sessions.has(cookies.JSESSIONID) ? cookies.JSESSIONID : undefined
    const authorization = request.headers.authorization
    if (authorization !== undefined && authorization !== basic) {
      return send(
        response,
        401,
        { statusCode: 20, statusMessage: 'Bad credentials' },
        { 'WWW-Authenticate': 'Basic realm="GWS"' },
      )
    }
    if (!sessionId && authorization !== basic) {
      return send(
        response,
        401,
        { statusCode: 20, statusMessage: 'User not authenticated' },
        { 'WWW-Authenticate': 'Basic realm="GWS"' },
      )
    }
    const headers: Record<string, string> = {}
    if (!sessionId) {
      sessionId = createSession()
      headers['Set-Cookie'] = `JSESSIONID=${sessionId}; Path=/; HttpOnly`
    }
    const session = sessions.get(sessionId)!

    if (method === 'GET') {
      if (csrfHeaders)
        Object.assign(headers, { 'X-CSRF-HEADER': 'X-CSRF-TOKEN', 'X-CSRF-TOKEN': session.csrf })
      if (path === '/api/v2/me') {
        if (await applyInjection('GET /api/v2/me', response)) return
        return send(
          response,
          200,
          {
            statusCode: 0,
            user: {
              id: 'a1b2c3',
              userName: credentials.username,
              roles: ['ROLE_AGENT'],
              devices: devices.map((id) => ({
                id,
                deviceState: 'Active',
                phoneNumber: AGENT_NUMBER,
                telephonyNetwork: 'Private',
              })),
            },
          },
          headers,
        )
      }
      if (path === '/api/v2/me/calls') {
        if (await applyInjection('GET /api/v2/me/calls', response)) return
        const live = [...calls.values()].filter((call) => call.state !== 'Released')
        // A list request answers URIs unless `fields` asks for the objects (RequestParameters).
        if (!new URL(request.url ?? '/', 'http://localhost').searchParams.has('fields'))
          return send(
            response,
            200,
            { statusCode: 0, uris: live.map((call) => `${url}/api/v2/me/calls/${call.id}`) },
            headers,
          )
        return send(
          response,
          200,
          { statusCode: 0, calls: live.map((call) => resource(call)) },
          headers,
        )
      }
      return send(
        response,
        404,
        { statusCode: 6, statusMessage: `No resource at ${path}` },
        headers,
      )
    }

    // Every state-changing request needs the session cookie and its CSRF token.
    if (!cookies.JSESSIONID || request.headers['x-csrf-token'] !== session.csrf) {
      return send(response, 403, CSRF_MESSAGE, headers)
    }
    const operationName = String(body?.operationName ?? '')
    if (await applyInjection(operationName, response)) return

    if (path === '/api/v2/me') return send(response, 200, { statusCode: 0 }, headers)
    if (path === '/api/v2/me/channels/voice') {
      // Agent-state operations are "always available for use"; the state follows on /v2/me/devices.
      if (operationName !== 'AfterCallWork' && operationName !== 'Ready')
        return send(response, 200, { statusCode: 1, statusMessage: 'operationName is invalid' })
      send(response, 200, { statusCode: 0 }, headers)
      setImmediate(() => publishAgentState(operationName))
      return
    }

    const dial = /^\/api\/v2\/me\/devices\/([^/]+)\/calls$/.exec(path)
    if (dial) {
      if (!devices.includes(decodeURIComponent(dial[1]!))) {
        return send(response, 404, { statusCode: 6, statusMessage: 'Device not found' }, headers)
      }
      if (operationName !== 'Dial')
        return send(
          response,
          200,
          { statusCode: 1, statusMessage: 'operationName is invalid' },
          headers,
        )
      const destination = (body?.destination as { phoneNumber?: unknown } | undefined)?.phoneNumber
      if (typeof destination !== 'string' || destination === '') {
        return send(
          response,
          200,
          { statusCode: 1, statusMessage: 'destination.phoneNumber is required' },
          headers,
        )
      }
      const call: ServerCall = {
        id: randomBytes(16).toString('hex').toUpperCase(),
        state: 'Dialing',
        destination,
        userData: { ...(body?.userData as Record<string, string> | undefined) },
        callType: destination.replace(/\D/g, '').length > 6 ? 'Outbound' : 'Internal',
        dtmf: '',
      }
      calls.set(call.id, call)
      send(response, 200, { statusCode: 0 }, headers)
      if (publishDialing) setImmediate(() => publish(call))
      return
    }

    const operation = /^\/api\/v2\/me\/calls\/([^/]+)$/.exec(path)
    if (operation) {
      const call = calls.get(decodeURIComponent(operation[1]!))
      if (!call || call.state === 'Released')
        return send(response, 404, { statusCode: 6, statusMessage: 'Call not found' }, headers)
      return send(response, 200, callOperation(call, body ?? {}), headers)
    }
    return send(response, 404, { statusCode: 6, statusMessage: `No resource at ${path}` }, headers)
  }

  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path.startsWith('/api/v2/notifications')) {
      // GWS guards its Bayeux endpoint like the API: a session cookie or Basic credentials.
      const cookies = parseCookies(request.headers.cookie)
      const known = cookies.JSESSIONID !== undefined && sessions.has(cookies.JSESSIONID)
      if (!known && request.headers.authorization !== basic) {
        response.writeHead(401).end()
        return
      }
      cometd.handle(request, response)
      return
    }
    if (path.startsWith('/api/')) {
      handleApi(request, response, path).catch((error: unknown) => {
        if (!response.headersSent)
          send(response, 500, { statusCode: 4, statusMessage: String(error) })
      })
      return
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`

  return {
    url,
    requests,
    calls,
    removedSessions,
    dialRequests: () =>
      requests.filter((r) => r.body?.operationName === 'Dial').map((r) => r.body!),
    operations: (name) =>
      requests
        .filter(
          (r) =>
            r.path.startsWith('/api/v2/me/calls/') &&
            (name === undefined || r.body?.operationName === name),
        )
        .map((r) => r.body!),
    ring(from, { viaQueue = false } = {}) {
      const call: ServerCall = {
        viaQueue,
        id: randomBytes(16).toString('hex').toUpperCase(),
        state: 'Ringing',
        destination: from,
        ani: from,
        userData: {},
        callType: 'Inbound',
        dtmf: '',
      }
      calls.set(call.id, call)
      publish(call)
      return call.id
    },
    findCall: (value, key = 'X-Client-Correlation') =>
      [...calls.values()].find((call) => call.userData[key] === value),
    setState,
    publishState(callId, state, notificationType) {
      const call = calls.get(callId)
      if (!call) throw new Error(`No call ${callId}`)
      publish(call, state, notificationType)
    },
    republish(callId) {
      const call = calls.get(callId)
      if (!call) throw new Error(`No call ${callId}`)
      publish(call)
    },
    inject(operationName, injection) {
      const queue = injections.get(operationName) ?? []
      queue.push(injection)
      injections.set(operationName, queue)
    },
    agentState: () => ({ ...agent }),
    enterAfterCallWork: () => publishAgentState('AfterCallWork'),
    voiceChannelRequests: () =>
      requests.filter((r) => r.path === '/api/v2/me/channels/voice').map((r) => r.body!),
    rotateCsrf() {
      for (const session of sessions.values()) session.csrf = token()
    },
    setCsrfHeaders(enabled) {
      csrfHeaders = enabled
    },
    createSession,
    bayeuxSessions: () => bayeux.size,
    handshakes: () => handshakeCount,
    dropBayeuxSessions() {
      // cometd-nodejs-server has no public "forget this session"; its own sweeper does exactly this.
      const server = cometd as unknown as {
        _removeServerSession(session: ServerSession, timeout: boolean): void
      }
      for (const session of [...bayeux]) {
        server._removeServerSession(session, true)
        ;(session as unknown as { _flush(): void })._flush()
      }
    },
    async close() {
      cometd.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

/**
 * The browser's side of the loopback: one cookie jar shared by the client's `fetch` and by
 * CometD's `XMLHttpRequest` (pass `cometdCookies` to cometd-nodejs-client's `adapt`), as a
 * browser shares `JSESSIONID` between them.
 */
export interface CookieJar {
  fetch: typeof fetch
  cometdCookies: {
    storeCookie(
      uri: unknown,
      header: string,
      callback: (failure: Error | null, cookie: unknown) => void,
    ): void
    retrieveCookies(
      context: unknown,
      uri: unknown,
      callback: (failure: Error | null, cookies: string[]) => void,
    ): void
  }
  set(name: string, value: string): void
  get(name: string): string | undefined
  clear(): void
}

export function createCookieJar(): CookieJar {
  const cookies = new Map<string, string>()
  const store = (header: string) => {
    const [pair] = header.split(';')
    const equal = pair?.indexOf('=') ?? -1
    if (pair && equal > 0) cookies.set(pair.slice(0, equal).trim(), pair.slice(equal + 1).trim())
  }
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  return {
    async fetch(input, init) {
      const headers = new Headers(init?.headers)
      if (cookies.size > 0) headers.set('Cookie', header())
      const response = await globalThis.fetch(input, { ...init, headers })
      for (const setCookie of response.headers.getSetCookie()) store(setCookie)
      return response
    },
    cometdCookies: {
      storeCookie(_uri, setCookie, callback) {
        store(setCookie)
        callback(null, undefined)
      },
      retrieveCookies(_context, _uri, callback) {
        callback(
          null,
          [...cookies].map(([name, value]) => `${name}=${value}`),
        )
      },
    },
    set: (name, value) => void cookies.set(name, value),
    get: (name) => cookies.get(name),
    clear: () => cookies.clear(),
  }
}
