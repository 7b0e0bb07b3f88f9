// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { createTetherClient } from '../../../src/clients/tether/index.js'
import { isCallError, type CallErrorCode } from '../../../src/core/index.js'
import { closedPortUrl } from '../../servers/closedPortUrl.js'
import { contact, setupTether, teardownTether } from './harness.js'

afterEach(teardownTether)

const silent = { debug() {}, warn() {} }

describe('Tether errors on start', () => {
  it.each<[number, CallErrorCode, Record<string, unknown>, string]>([
    [
      400,
      'invalid_argument',
      { success: false, message: 'At least one of contactId or phoneNumber is required' },
      'At least one of contactId or phoneNumber is required',
    ],
    [
      403,
      'forbidden',
      { success: false, error: 'Access denied: insufficient role' },
      'Access denied: insufficient role',
    ],
    [404, 'not_found', { success: false, message: 'Contact not found' }, 'Contact not found'],
    [
      409,
      'conflict',
      { success: false, message: 'Call already in flight', code: 'OUTBOUND_IN_FLIGHT' },
      'Call already in flight',
    ],
    [
      500,
      'provider_error',
      { success: false, message: 'Database unavailable' },
      'Database unavailable',
    ],
    [
      503,
      'provider_error',
      { success: false, error: 'Voice provider not configured' },
      'Voice provider not configured',
    ],
  ])('maps %i to %s and keeps Tether’s own message', async (status, code, body, serverMessage) => {
    const { client, server } = await setupTether()
    server.fault('initiate', { kind: 'status', status, body })
    const result = await client.startCall('+14165550199')
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(isCallError(result.error)).toBe(true)
    expect(result.error.code).toBe(code)
    expect(result.error.message).toContain(serverMessage)
    expect(result.error.provider).toMatchObject({
      provider: 'tether',
      status,
      message: serverMessage,
    })
    if (body.code) expect(result.error.provider?.code).toBe(body.code)
    // No automatic retry of a failed start.
    expect(server.requestsTo('initiate')).toHaveLength(1)
  })

  it.each([
    [
      200,
      { success: false, message: 'Contact is on the do-not-call list', code: 'DNC' },
      'Tether refused the request. (Contact is on the do-not-call list)',
    ],
    [201, { success: false }, 'Tether refused the request.'],
  ])(
    'reports a %i answer with success: false as a refusal (provider_error), not as a fault to retry',
    async (status, body, message) => {
      const { client, server } = await setupTether()
      server.fault('initiate', { kind: 'status', status, body })
      const result = await client.startCall('+14165550199')
      expect(result.status === 'error' && result.error).toMatchObject({
        code: 'provider_error',
        message,
      })
      const { success: _, ...details } = body as { success: false; message?: string; code?: string }
      expect(result.status === 'error' && result.error.provider).toMatchObject({
        provider: 'tether',
        status,
        ...details,
      })
      expect(server.requestsTo('initiate')).toHaveLength(1)
    },
  )

  it('does not append what a throwing option threw to the message a person sees', async () => {
    const { client } = await setupTether({
      contactId: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'tetherId')")
      },
    })
    const result = await client.startCall('+14165550199', contact)
    expect(result.status === 'error' && result.error).toMatchObject({
      code: 'provider_error',
      message: 'Tether could not record the call. Try again.',
      provider: {
        provider: 'tether',
        message: "Cannot read properties of undefined (reading 'tetherId')",
      },
    })
  })

  it('maps a real 403 from a token without the role to forbidden, without asking for a new token', async () => {
    let asked = 0
    const { client, server } = await setupTether(
      { getToken: () => (asked++, 'token-viewer') },
      { tokens: ['token-viewer'], forbiddenTokens: ['token-viewer'] },
    )
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('forbidden')
    expect(result.status === 'error' && result.error.provider?.message).toBe(
      'Access denied: insufficient role',
    )
    expect(asked).toBe(1)
    expect(server.requests).toHaveLength(1)
  })

  it('reports 429 as rate_limited with Retry-After', async () => {
    const { client, server } = await setupTether()
    server.fault('initiate', {
      kind: 'status',
      status: 429,
      body: { success: false, code: 'OUTBOUND_IN_FLIGHT', message: 'Too many calls' },
      headers: { 'Retry-After': '3' },
    })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('rate_limited')
    expect(result.status === 'error' && result.error.retryAfterMs).toBe(3000)
  })

  it('keeps a short plain-text error body (a proxy’s 502 page)', async () => {
    const { client, server } = await setupTether()
    server.fault('initiate', { kind: 'status', status: 502, body: 'Bad Gateway' })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
    expect(result.status === 'error' && result.error.provider).toMatchObject({
      status: 502,
      message: 'Bad Gateway',
    })
  })

  it('reads other error shapes through readError', async () => {
    const { client, server } = await setupTether({
      readError: (body) => ({
        message: (body as { errors: { msg: string }[] }).errors[0]?.msg,
        code: 'E_VALIDATION',
      }),
    })
    server.fault('initiate', {
      kind: 'status',
      status: 422,
      body: { errors: [{ msg: 'phoneNumber must be E.164' }] },
    })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.provider).toMatchObject({
      message: 'phoneNumber must be E.164',
      code: 'E_VALIDATION',
    })
  })

  it('times out a response slower than timeoutMs', async () => {
    const { client, server } = await setupTether({ timeoutMs: 60 })
    server.fault('initiate', { kind: 'delay', ms: 1000 })
    const started = Date.now()
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(600)
  })

  it('reports connection refused as network_error', async () => {
    const client = createTetherClient({
      baseUrl: await closedPortUrl(),
      getToken: () => 'token-ada',
      logger: silent,
    })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('network_error')
    expect(result.status === 'error' && result.error.provider?.provider).toBe('tether')
    client.dispose()
  })

  it('reports a dropped connection as network_error', async () => {
    const { client, server } = await setupTether()
    server.fault('initiate', { kind: 'drop' })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('network_error')
  })

  it('the peer rejects a body with neither contactId nor phoneNumber (400), as documented', async () => {
    const { server } = await setupTether()
    const response = await fetch(`${server.url}/api/calls/sdk/initiate`, {
      method: 'POST',
      headers: { Authorization: 'Bearer token-ada', 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      success: false,
      message: 'At least one of contactId or phoneNumber is required',
    })
    const missing = await fetch(`${server.url}/api/calls/64f0a1b2c3d4e5f6a7b8cb00`, {
      headers: { Authorization: 'Bearer token-ada' },
    })
    expect(missing.status).toBe(404)
  })
})
