// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { createDialStackClient } from '../../../src/clients/dialstack/index.js'
import { createCallRuntime, isCallError, type CallErrorCode } from '../../../src/core/index.js'
import {
  TEST_ACCOUNT,
  TEST_API_KEY,
  TEST_USER,
  UNKNOWN_USER,
  type ScriptedResponse,
} from '../../servers/dialStackServer.js'
import { setupDialStack, type DialStackSetup, type SetupOptions } from './setupDialStack.js'
import { closedPortUrl } from '../../servers/closedPortUrl.js'

let setup: DialStackSetup | undefined
afterEach(async () => {
  await setup?.teardown()
  setup = undefined
})

async function start(options: SetupOptions = {}) {
  setup = await setupDialStack({
    subscribe: true,
    ...options,
    client: { events: false, poll: false, ...options.client },
  })
  return setup
}

describe('DialStack startCall', () => {
  it('starts a call through the backend: 202 → a tracking id and a dialing event', async () => {
    const { client, fake, events } = await start()
    const result = await client.startCall('+1 (555) 123-4567')
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.data.id).toMatch(/^ds-[0-9a-f-]{36}$/)
    expect(result.data.error).toBeUndefined()
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'status',
        status: 'dialing',
        interactionId: result.data.id,
        phoneNumber: '+15551234567',
        direction: 'outbound',
      }),
    )
    const [upstream] = fake.requests.filter((r) => r.route === 'calls.create')
    expect(upstream?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`)
    expect(upstream?.headers['dialstack-account']).toBe(TEST_ACCOUNT)
    expect(JSON.parse(upstream?.body ?? '')).toEqual({
      user_id: TEST_USER,
      dial_string: '+15551234567',
    })
  })

  it('sends local, extension and emergency dial strings as typed (DialStack normalizes local ones)', async () => {
    const { client, fake } = await start()
    for (const number of ['(555) 123-4567', '1001', '911']) {
      expect((await client.startCall(number)).status).toBe('success')
    }
    const sent = fake.requests
      .filter((r) => r.route === 'calls.create')
      .map((r) => JSON.parse(r.body).dial_string)
    expect(sent).toEqual(['5551234567', '1001', '911'])
  })

  it('never sends the secret key or the account header from the browser, and sends the app’s headers only to the backend', async () => {
    const seen: { url: string; headers: Headers }[] = []
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) })
      return fetch(input, init)
    }
    const { client } = await start({
      client: { fetch: recordingFetch, headers: () => ({ 'X-CSRF-Token': 'csrf-1' }) },
    })
    await client.startCall('+15551234567')
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request?.url).toContain('/api/dialstack/calls')
    expect(request?.headers.get('X-CSRF-Token')).toBe('csrf-1')
    expect(request?.headers.get('Authorization')).toBeNull()
    expect([...(request?.headers.keys() ?? [])].some((key) => key.includes('account'))).toBe(false)
  })

  it('refuses a bad user id before any request, with DialStack’s own text', async () => {
    const { client } = await start({ client: { userId: 'user_123' } })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('invalid_argument')
    expect(result.status === 'error' && result.error.message).toContain('Invalid user_id format')
    expect(setup!.startRequests()).toBe(0)
  })

  it('refuses an empty user id with “user_id is required” before any request', async () => {
    const { client } = await start({ client: { userId: '  ' } })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.message).toContain('user_id is required')
    expect(setup!.startRequests()).toBe(0)
  })

  it('maps 404 “User not found” for a user the account does not have', async () => {
    const { client } = await start({ client: { userId: UNKNOWN_USER } })
    const result = await client.startCall('+15551234567')
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error.code).toBe('not_found')
    expect(result.error.message).toContain('User not found')
    expect(result.error.provider).toMatchObject({
      provider: 'dialstack',
      status: 404,
      message: 'User not found',
    })
  })

  it('maps 403 when the backend’s account is not the key’s (DialStack-Account checked upstream)', async () => {
    const { client } = await start({ handler: { accountId: 'acct_01h2xcejqtf2nbrexx3vqjhp00' } })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('forbidden')
    expect(result.status === 'error' && result.error.provider?.code).toBe('account_access_denied')
  })

  it('maps 401 “Unauthorized” when the backend’s key is wrong', async () => {
    const { client } = await start({ handler: { apiKey: 'sk_test_wrong' } })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('unauthorized')
    expect(result.status === 'error' && result.error.provider).toMatchObject({
      status: 401,
      message: 'Unauthorized',
    })
  })

  const table: [string, ScriptedResponse, CallErrorCode, string?][] = [
    [
      '400 user_id is required',
      { status: 400, body: { error: 'user_id is required' } },
      'invalid_argument',
      'user_id is required',
    ],
    [
      '400 dial_string is required',
      { status: 400, body: { error: 'dial_string is required' } },
      'invalid_number',
      'dial_string is required',
    ],
    [
      '400 Invalid user_id format',
      { status: 400, body: { error: 'Invalid user_id format' } },
      'invalid_argument',
      'Invalid user_id format',
    ],
    [
      '400 validation_error on dial_string',
      {
        status: 400,
        body: {
          error: 'Validation failed',
          code: 'validation_error',
          details: { dial_string: 'must be a valid number' },
        },
      },
      'invalid_number',
      'dial_string: must be a valid number',
    ],
    [
      '422 semantic validation',
      { status: 422, body: { error: 'Destination not allowed for this account' } },
      'invalid_argument',
      'Destination not allowed',
    ],
    [
      '422 invalid_sandbox_phone_number',
      {
        status: 422,
        body: {
          error: 'Sandbox accounts can only call verified numbers',
          code: 'invalid_sandbox_phone_number',
        },
      },
      'invalid_number',
      'verified numbers',
    ],
    [
      '400 sandbox_feature_unsupported',
      {
        status: 400,
        body: {
          error: 'Click-to-call is not available in sandbox',
          code: 'sandbox_feature_unsupported',
        },
      },
      'not_supported',
    ],
    ['409 conflict', { status: 409, body: { error: 'A call is already in progress' } }, 'conflict'],
    [
      '500 server error',
      { status: 500, body: { error: 'Internal server error' } },
      'provider_error',
    ],
    [
      '503 with an HTML page',
      { status: 503, body: '<html><body>Service Unavailable</body></html>' },
      'provider_error',
    ],
  ]

  it.each(table)(
    'maps %s from the {error, code?, details?} body',
    async (_name, response, code, text) => {
      const { client, fake } = await start()
      fake.failNext('calls.create', response)
      const result = await client.startCall('+15551234567')
      expect(result.status).toBe('error')
      if (result.status !== 'error') return
      expect(isCallError(result.error)).toBe(true)
      expect(result.error.code).toBe(code)
      expect(result.error.provider).toMatchObject({
        provider: 'dialstack',
        status: response.status,
      })
      if (text) expect(result.error.message).toContain(text)
      expect(result.error.message).not.toContain('<html>')
      // Never retried automatically: the person decides.
      expect(fake.count('calls.create')).toBe(1)
    },
  )

  it('surfaces 429 Retry-After as retryAfterMs and does not retry', async () => {
    const { client, fake } = await start()
    fake.failNext('calls.create', {
      status: 429,
      body: { error: 'Too many requests', code: 'rate_limited' },
      headers: { 'Retry-After': '7' },
    })
    const result = await client.startCall('+15551234567')
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error.code).toBe('rate_limited')
    expect(result.error.retryAfterMs).toBe(7000)
    expect(result.error.message).toMatch(/Wait 7 s/)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(fake.count('calls.create')).toBe(1)
    expect(setup!.startRequests()).toBe(1)
  })

  it('times out when the backend answers slower than timeoutMs', async () => {
    const { client, fake } = await start({ client: { timeoutMs: 150 } })
    fake.failNext('calls.create', { status: 202, delayMs: 1500 })
    const began = Date.now()
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('timeout')
    expect(Date.now() - began).toBeLessThan(1000)
  })

  it('maps the backend’s 504 when DialStack is slower than the handler’s timeout', async () => {
    const { client, fake } = await start({ handler: { timeoutMs: 100 } })
    fake.failNext('calls.create', { status: 202, delayMs: 1500 })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('timeout')
    expect(result.status === 'error' && result.error.provider).toMatchObject({
      status: 504,
      code: 'upstream_timeout',
    })
  })

  it('maps a backend that cannot reach DialStack (connection refused) to network_error', async () => {
    const { client } = await start({ handler: { baseUrl: await closedPortUrl() } })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('network_error')
    expect(result.status === 'error' && result.error.provider).toMatchObject({
      status: 502,
      code: 'upstream_unreachable',
    })
  })

  it('maps a backend that refuses connections to network_error', async () => {
    const client = createDialStackClient({
      endpoint: `${await closedPortUrl()}/api/dialstack/calls`,
      userId: TEST_USER,
      timeoutMs: 2000,
    })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('network_error')
    expect(result.status === 'error' && result.error.provider?.provider).toBe('dialstack')
    client.dispose()
  })

  it('resolves an abort during the request to aborted', async () => {
    const { client, fake } = await start()
    fake.failNext('calls.create', { status: 202, delayMs: 1000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const result = await client.startCall('+15551234567', undefined, { signal: controller.signal })
    expect(result.status === 'error' && result.error.code).toBe('aborted')
  })

  it('maps the handler’s authorize refusal, and nothing reaches DialStack', async () => {
    const { client, fake } = await start({
      handler: {
        authorize: () => new Response(JSON.stringify({ error: 'Sign in first' }), { status: 401 }),
      },
    })
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('unauthorized')
    expect(fake.count('calls.create')).toBe(0)
  })

  it('cannot hang up (the person hangs up on their phone) and declares no capability', async () => {
    const { client } = await start()
    expect(Object.values(client.capabilities).every((value) => value === false)).toBe(true)
    const result = await client.hangup!('ds-anything')
    expect(result.status === 'error' && result.error.code).toBe('not_supported')
    expect(result.status === 'error' && result.error.message).toMatch(/hang up on your phone/)
  })

  it('says a person cannot choose the caller ID, and refuses a `from` before any request', async () => {
    const { client, fake } = await start()
    // `POST /v1/calls` takes no caller ID: the account's default outbound number is used.
    expect(client.capabilities.callerId).toBeFalsy()
    expect(client.listCallerIds).toBeUndefined()
    const runtime = createCallRuntime({ client })
    await expect(
      runtime.startCall({ phoneNumber: '+15551234567', from: '+15551230000' }),
    ).rejects.toMatchObject({ code: 'not_supported' })
    expect(fake.count('calls.create')).toBe(0)
  })

  it('refuses to start after dispose', async () => {
    const { client, fake } = await start()
    client.dispose()
    const result = await client.startCall('+15551234567')
    expect(result.status === 'error' && result.error.code).toBe('not_ready')
    expect(fake.count('calls.create')).toBe(0)
  })
})
