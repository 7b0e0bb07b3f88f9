// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDialStackClient } from '../../src/clients/dialstack/index.js'
import {
  createDialStackHandler,
  type DialStackAction,
  type DialStackHandlerOptions,
} from '../../src/server/index.js'
import {
  startDialStackServer,
  TEST_ACCOUNT,
  TEST_API_KEY,
  TEST_USER,
  type FakeDialStack,
} from '../servers/dialStackServer.js'
import { closedPortUrl } from '../servers/closedPortUrl.js'
import metadata from 'libphonenumber-js/min/metadata'
import { createPhoneNumberParser } from '../../src/phone/index.js'

let fake: FakeDialStack
beforeEach(async () => {
  fake = await startDialStackServer({ autoProgress: false })
})
afterEach(async () => {
  await fake.close()
})

const BASE = 'https://crm.example/api/dialstack'

function handlerWith(options: Partial<DialStackHandlerOptions> = {}) {
  return createDialStackHandler({
    apiKey: TEST_API_KEY,
    accountId: TEST_ACCOUNT,
    baseUrl: fake.url,
    authorize: () => true,
    ...options,
  })
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const call = (body: unknown = { user_id: TEST_USER, dial_string: '+15551234567' }) =>
  post('/calls', body)

/** Everything a browser could see of a response. */
async function visible(response: Response): Promise<string> {
  const headers: string[] = []
  response.headers.forEach((value, key) => headers.push(`${key}: ${value}`))
  return `${response.status}\n${headers.join('\n')}\n\n${await response.text()}`
}

describe('createDialStackHandler: starting a call', () => {
  it('forwards to POST /v1/calls with the key and the account header, and answers 202 without a body', async () => {
    const response = await handlerWith()(
      call({ user_id: ` ${TEST_USER} `, dial_string: '+1 (555) 123-4567' }),
    )
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const [upstream] = fake.requests
    expect(upstream).toMatchObject({ route: 'calls.create', method: 'POST' })
    expect(upstream?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`)
    expect(upstream?.headers['dialstack-account']).toBe(TEST_ACCOUNT)
    expect(upstream?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(upstream!.body)).toEqual({ user_id: TEST_USER, dial_string: '+15551234567' })
  })

  it("sends the user as `user` with bodyKey: 'user' (DialStack's server SDK v3)", async () => {
    await handlerWith({ bodyKey: 'user' })(call())
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      user: TEST_USER,
      dial_string: '+15551234567',
    })
  })

  it('passes DialStack’s 400 back when the API does not know the body key', async () => {
    await fake.close()
    fake = await startDialStackServer({ acceptBodyKeys: ['user_id'] })
    const response = await handlerWith({ bodyKey: 'user' })(call())
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'user_id is required' })
  })

  it('uses resolveAccount per request', async () => {
    const resolveAccount = vi.fn((request: Request) =>
      request.headers.get('x-tenant') === 'a' ? TEST_ACCOUNT : undefined,
    )
    const handler = handlerWith({ accountId: undefined, resolveAccount })
    expect(
      (
        await handler(
          post('/calls', { user_id: TEST_USER, dial_string: '911' }, { 'x-tenant': 'a' }),
        )
      ).status,
    ).toBe(202)
    expect(fake.requests[0]?.headers['dialstack-account']).toBe(TEST_ACCOUNT)
    const missing = await handler(call())
    expect(missing.status).toBe(500)
    expect(await missing.json()).toMatchObject({ code: 'configuration_error' })
    expect(fake.count('calls.create')).toBe(1)
  })

  it.each([
    ['false', () => false, 403, { error: 'Forbidden', code: 'forbidden' }],
    [
      'a 401 Response',
      () => Response.json({ error: 'Sign in first' }, { status: 401 }),
      401,
      { error: 'Sign in first' },
    ],
    [
      'a throw',
      () => {
        throw new Error('session store down')
      },
      500,
      { code: 'authorization_error' },
    ],
    [
      'undefined (not an explicit true)',
      () => undefined as unknown as boolean,
      403,
      { code: 'forbidden' },
    ],
  ])(
    'refuses when authorize returns %s, before any request to DialStack',
    async (_name, authorize, status, body) => {
      for (const request of [
        call(),
        post('/session', {}),
        new Request(`${BASE}/calls?user_id=${TEST_USER}`),
        new Request(`${BASE}/calls/call_1?user_id=${TEST_USER}`),
      ]) {
        const response = await handlerWith({ authorize })(request)
        expect(response.status).toBe(status)
        expect(await response.json()).toMatchObject(body)
      }
      expect(fake.requests).toHaveLength(0)
    },
  )

  it('asks authorize with what the request is for', async () => {
    const actions: DialStackAction[] = []
    const handler = handlerWith({ authorize: (_request, action) => (actions.push(action), true) })
    await handler(call({ user_id: ` ${TEST_USER}`, dial_string: '911' }))
    await handler(post('/session', {}))
    await handler(new Request(`${BASE}/calls?user_id=${TEST_USER}`))
    await handler(new Request(`${BASE}/calls/call_1?user_id=${TEST_USER}`))
    expect(actions).toEqual([
      { type: 'call', userId: TEST_USER, dialString: '911' },
      { type: 'session' },
      { type: 'calls.list', userId: TEST_USER },
      { type: 'calls.retrieve', callId: 'call_1', userId: TEST_USER },
    ])
  })

  it.each([
    ['{', 400],
    ['[1, 2]', 400],
    ['"text"', 400],
    [
      JSON.stringify({
        user_id: TEST_USER,
        dial_string: '+15551234567',
        padding: 'x'.repeat(20_000),
      }),
      413,
    ],
  ])('refuses the body %s with %i', async (body, status) => {
    const response = await handlerWith()(call(body.length > 100 ? JSON.parse(body) : body))
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ code: 'validation_error' })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('createDialStackHandler: the same validation as the browser client', () => {
  const cases: [string, unknown, unknown][] = [
    ['a missing user id', undefined, '+15551234567'],
    ['a blank user id', '   ', '+15551234567'],
    ['a short user id', 'user_123', '+15551234567'],
    ['an upper-case user id', 'USER_01H2XCEJQTF2NBREXX3VQJHP42', '+15551234567'],
    ['a missing dial string', TEST_USER, undefined],
    ['an empty dial string', TEST_USER, ''],
    ['letters', TEST_USER, 'call me'],
    ['+0…', TEST_USER, '+0123456789'],
    ['one digit', TEST_USER, '1'],
  ]

  it.each(cases)(
    'refuses %s with the client’s own message, and nothing reaches DialStack',
    async (_name, userId, dialString) => {
      const response = await handlerWith()(call({ user_id: userId, dial_string: dialString }))
      expect(response.status).toBe(400)
      const body = (await response.json()) as {
        error: string
        code: string
        details: Record<string, string>
      }
      expect(body.code).toBe('validation_error')

      const client = createDialStackClient({
        endpoint: 'http://127.0.0.1:9/never',
        userId: userId as string,
      })
      const local = await client.startCall(dialString as string)
      client.dispose()
      expect(local.status).toBe('error')
      if (local.status !== 'error') return
      const field = local.error.code === 'invalid_number' ? 'dial_string' : 'user_id'
      expect(body.details).toEqual({ [field]: local.error.message })
      expect(body.error).toBe(local.error.provider?.message)
      expect(fake.requests).toHaveLength(0)
    },
  )

  it('uses DialStack’s documented texts in `error`', async () => {
    const handler = handlerWith()
    const texts = []
    for (const body of [
      { dial_string: '+15551234567' },
      { user_id: TEST_USER },
      { user_id: 'user_123', dial_string: '+15551234567' },
    ]) {
      texts.push(((await (await handler(call(body))).json()) as { error: string }).error)
    }
    expect(texts).toEqual([
      'user_id is required',
      'dial_string is required',
      'Invalid user_id format',
    ])
  })

  it('says why it refuses a user id for its prefix alone, in production too (servers run with NODE_ENV=production)', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    try {
      const logger = { warn: vi.fn(), debug: vi.fn() }
      const response = await handlerWith({ logger })(
        call({ user_id: 'member_01h2xcejqtf2nbrexx3vqjhp42', dial_string: '+15551234567' }),
      )
      expect(response.status).toBe(400)
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('userIdPrefix: null'))
      expect(fake.requests).toHaveLength(0)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('normalizes every spelling of a local number with phone metadata before the dial rule sees it', async () => {
    const seen: string[] = []
    const handler = handlerWith({
      defaultRegion: 'US',
      phoneNumbers: createPhoneNumberParser(metadata),
      dialPolicy: {
        validate: (d) => {
          seen.push(d.value)
          return d.value.startsWith('+1900') ? 'Premium numbers are blocked.' : undefined
        },
      },
    })
    for (const spelling of ['1-900-555-0100', '19005550100', '01119005550100', '(900) 555-0100']) {
      const response = await handler(call({ user_id: TEST_USER, dial_string: spelling }))
      expect(await response.json()).toMatchObject({ error: 'Premium numbers are blocked.' })
    }
    // `00` is not the US international prefix: not a number there, refused before the rule.
    const foreignPrefix = await handler(call({ user_id: TEST_USER, dial_string: '0019005550100' }))
    expect(foreignPrefix.status).toBe(400)
    expect(seen).toEqual(Array(4).fill('+19005550100'))
    expect(fake.requests).toHaveLength(0)
  })

  it('applies server-side dial rules the browser may not have', async () => {
    const handler = handlerWith({
      dialPolicy: {
        validate: (d) => (d.value.startsWith('+1900') ? 'Premium numbers are blocked.' : undefined),
      },
    })
    const response = await handler(call({ user_id: TEST_USER, dial_string: '+19005550100' }))
    expect(await response.json()).toEqual({
      error: 'Premium numbers are blocked.',
      code: 'validation_error',
      details: { dial_string: 'Premium numbers are blocked.' },
    })
  })
})

describe('createDialStackHandler: DialStack’s errors', () => {
  it.each([
    [400, { error: 'Invalid user_id format' }],
    [401, { error: 'Unauthorized' }],
    [403, { error: 'Forbidden', code: 'account_access_denied' }],
    [404, { error: 'User not found' }],
    [409, { error: 'Conflict' }],
    [
      422,
      {
        error: 'Validation failed',
        code: 'validation_error',
        details: { dial_string: 'not allowed' },
      },
    ],
    [500, { error: 'Internal server error' }],
    [503, { error: 'Service unavailable' }],
  ])('passes %i and its {error, code?, details?} back', async (status, body) => {
    fake.failNext('calls.create', { status, body })
    const response = await handlerWith()(call())
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(body)
    expect(fake.count('calls.create')).toBe(1)
  })

  it('passes 429 and Retry-After back, and does not retry', async () => {
    fake.failNext('calls.create', {
      status: 429,
      body: { error: 'Rate limit exceeded', code: 'rate_limited' },
      headers: { 'Retry-After': '30' },
    })
    const response = await handlerWith()(call())
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe('30')
    expect(await response.json()).toEqual({ error: 'Rate limit exceeded', code: 'rate_limited' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fake.count('calls.create')).toBe(1)
  })

  it('answers 502 with its own text for a body that is not DialStack’s shape', async () => {
    fake.failNext('calls.create', { status: 502, body: '<html><h1>Bad gateway</h1></html>' })
    const response = await handlerWith()(call())
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({ error: 'DialStack answered 502.' })
  })

  it('answers 504 when DialStack is slower than timeoutMs', async () => {
    fake.failNext('calls.create', { status: 202, delayMs: 1000 })
    const response = await handlerWith({ timeoutMs: 80 })(call())
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({
      error: 'DialStack did not answer in time.',
      code: 'upstream_timeout',
    })
  })

  it('answers 504 when DialStack sends its headers in time but never finishes the body', async () => {
    fake.failNext('calls.create', {
      status: 500,
      raw(res) {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.write('{"error": "')
      },
    })
    const started = Date.now()
    const response = await handlerWith({ timeoutMs: 150 })(call())
    expect(response.status).toBe(504)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('answers 502 when DialStack refuses connections', async () => {
    const response = await handlerWith({ baseUrl: await closedPortUrl() })(call())
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      error: 'Could not reach DialStack.',
      code: 'upstream_unreachable',
    })
  })
})

describe('createDialStackHandler: the key never leaks', () => {
  const echo = `Bad request: Authorization: Bearer ${TEST_API_KEY}, DialStack-Account: ${TEST_ACCOUNT}`

  it.each([
    ['in error', { error: echo }],
    [
      'in details',
      {
        error: 'Bad request',
        code: 'validation_error',
        details: { authorization: `Bearer ${TEST_API_KEY}`, key: TEST_API_KEY },
      },
    ],
    [
      'in unknown fields',
      {
        error: 'Bad request',
        request: { headers: { authorization: `Bearer ${TEST_API_KEY}` } },
        key: TEST_API_KEY,
      },
    ],
    ['as a nested error', { error: { message: echo, code: 'bad' } }],
    ['in a text body', `500 ${echo}`],
  ])('not when DialStack echoes the request %s', async (_name, body) => {
    const logger = { warn: vi.fn(), debug: vi.fn() }
    for (const route of [
      'calls.create',
      'account_sessions',
      'calls.list',
      'calls.retrieve',
    ] as const) {
      fake.failNext(route, {
        status: 400,
        body,
        headers: { 'X-Echo-Authorization': `Bearer ${TEST_API_KEY}` },
      })
    }
    const handler = handlerWith({ logger })
    const responses = await Promise.all([
      handler(call()),
      handler(post('/session', {})),
      handler(new Request(`${BASE}/calls?user_id=${TEST_USER}`)),
      handler(new Request(`${BASE}/calls/call_1`)),
    ])
    for (const response of responses) {
      const seen = await visible(response)
      expect(response.status).toBe(400)
      expect(seen).not.toContain(TEST_API_KEY)
      expect(seen).not.toMatch(/sk_(test|live)_/)
    }
    const logged = JSON.stringify([...logger.warn.mock.calls, ...logger.debug.mock.calls])
    expect(logged).not.toContain(TEST_API_KEY)
  })

  it('not on time-outs, refused connections, or a handler crash', async () => {
    const logger = { warn: vi.fn(), debug: vi.fn() }
    fake.failNext('calls.create', { status: 202, delayMs: 500 })
    const crashing: typeof fetch = () => {
      throw new Error(`boom with ${TEST_API_KEY}`)
    }
    const responses = await Promise.all([
      handlerWith({ timeoutMs: 50, logger })(call()),
      handlerWith({ baseUrl: await closedPortUrl(), logger })(call()),
      handlerWith({ fetch: crashing, logger })(call()),
      handlerWith({
        logger,
        resolveAccount: () => {
          throw new Error(TEST_API_KEY)
        },
        accountId: undefined,
      })(call()),
    ])
    for (const response of responses) expect(await visible(response)).not.toContain(TEST_API_KEY)
    expect(JSON.stringify([...logger.warn.mock.calls, ...logger.debug.mock.calls])).not.toContain(
      TEST_API_KEY,
    )
  })

  it('refuses to be created without a key or an authorize function', () => {
    expect(() => createDialStackHandler({ apiKey: '', authorize: () => true })).toThrow(/apiKey/)
    expect(() =>
      createDialStackHandler({ apiKey: TEST_API_KEY } as DialStackHandlerOptions),
    ).toThrow(/authorize/)
  })
})

describe('createDialStackHandler: client secrets', () => {
  it.each(['POST'])('mints one with %s …/session (POST /v1/account_sessions)', async (method) => {
    const response = await handlerWith({
      sessionComponents: { call_logs: { enabled: true } },
    })(new Request(`${BASE}/session`, { method }))
    expect(response.status).toBe(200)
    const body = (await response.json()) as { client_secret: string; expires_at: number }
    expect(body).toEqual({ client_secret: fake.issuedSecrets[0], expires_at: expect.any(Number) })
    const [upstream] = fake.requests
    expect(upstream).toMatchObject({ route: 'account_sessions' })
    expect(upstream?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`)
    expect(upstream?.headers['dialstack-account']).toBe(TEST_ACCOUNT)
    expect(JSON.parse(upstream!.body)).toEqual({
      account: TEST_ACCOUNT,
      components: { call_logs: { enabled: true } },
    })
  })

  it('sends `components` even when the app names none (DialStack requires one enabled)', async () => {
    const response = await handlerWith()(post('/session', {}))
    expect(response.status).toBe(200)
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      account: TEST_ACCOUNT,
      components: { call_logs: { enabled: true } },
    })
    expect(() => handlerWith({ sessionComponents: { call_logs: { enabled: false } } })).toThrow(
      /at least one component/,
    )
  })

  it('keeps the account and components its own over sessionParams', async () => {
    await handlerWith({ sessionParams: { account: 'acct_other', components: {}, ttl: 60 } })(
      post('/session', {}),
    )
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      account: TEST_ACCOUNT,
      components: { call_logs: { enabled: true } },
      ttl: 60,
    })
  })

  it('serves no session route with routes.session: false', async () => {
    const response = await handlerWith({ routes: { session: false } })(post('/session', {}))
    expect(response.status).toBe(404)
    expect(fake.requests).toHaveLength(0)
  })

  it('answers 502 when DialStack returns no secret', async () => {
    fake.failNext('account_sessions', { status: 200, body: { object: 'account_session' } })
    const response = await handlerWith()(post('/session', {}))
    expect(response.status).toBe(502)
  })
})

describe('createDialStackHandler: the call log', () => {
  async function placeCalls() {
    const handler = handlerWith()
    await handler(call())
    await handler(call({ user_id: TEST_USER, dial_string: '911' }))
  }

  it('lists the user’s calls with the browser-safe fields only, passing known filters only', async () => {
    await placeCalls()
    const response = await handlerWith()(
      new Request(
        `${BASE}/calls?user_id=${TEST_USER}&direction=outbound&to_number=%2B15551234567&expand[]=did&secret=1`,
      ),
    )
    expect(response.status).toBe(200)
    const body = (await response.json()) as { object: string; data: Record<string, unknown>[] }
    expect(body.object).toBe('list')
    expect(body.data).toHaveLength(1)
    expect(body.data[0]).toMatchObject({
      user: TEST_USER,
      to_number: '+15551234567',
      status: null,
      connected_at: null,
    })
    expect(body.data[0]).not.toHaveProperty('summary')
    expect(body.data[0]).not.toHaveProperty('recording_url')
    const upstream = fake.requests.find((r) => r.route === 'calls.list')!
    expect(Object.fromEntries(upstream.query)).toEqual({
      user_id: TEST_USER,
      direction: 'outbound',
      to_number: '+15551234567',
    })
  })

  it("filters the call log by `user_id` even with bodyKey: 'user'", async () => {
    await handlerWith({ bodyKey: 'user' })(new Request(`${BASE}/calls?user_id=${TEST_USER}`))
    const upstream = fake.requests.find((r) => r.route === 'calls.list')!
    expect(Object.fromEntries(upstream.query)).toEqual({ user_id: TEST_USER })
  })

  it('never lists the whole account: a user id is required', async () => {
    const response = await handlerWith()(new Request(`${BASE}/calls`))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: 'user_id is required' })
    expect(fake.requests).toHaveLength(0)
  })

  it('drops other users’ calls if DialStack ignored the user filter', async () => {
    const other = 'user_01h2xcejqtf2nbrexx3vqjhp43'
    fake.failNext('calls.list', {
      status: 200,
      body: {
        object: 'list',
        data: [
          { id: 'call_a', user: other, status: null },
          { id: 'call_b', user: TEST_USER, status: null },
        ],
      },
    })
    const body = (await (
      await handlerWith()(new Request(`${BASE}/calls?user_id=${TEST_USER}`))
    ).json()) as { data: { id: string }[] }
    expect(body.data.map((log) => log.id)).toEqual(['call_b'])
  })

  it('reads one call log, and passes 404 back', async () => {
    await placeCalls()
    const id = fake.latestCall()!.id
    const response = await handlerWith()(new Request(`${BASE}/calls/${id}`))
    expect(await response.json()).toMatchObject({ id, status: null, to_number: '911' })
    const missing = await handlerWith()(new Request(`${BASE}/calls/call_nope`))
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: 'Call not found.', code: 'not_found' })
  })

  it('refuses a call id that is not one, and serves no log with routes.callLogs: false', async () => {
    const bad = await handlerWith()(new Request(`${BASE}/calls/..%2F..%2Fv1%2Faccounts`))
    expect(bad.status).toBe(400)
    const off = await handlerWith({ routes: { callLogs: false } })(
      new Request(`${BASE}/calls?user_id=${TEST_USER}`),
    )
    expect(off.status).toBe(405)
    expect(fake.requests).toHaveLength(0)
  })

  it('answers 405 with Allow for other methods', async () => {
    const response = await handlerWith()(new Request(`${BASE}/calls`, { method: 'DELETE' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('GET, POST')
  })
})
