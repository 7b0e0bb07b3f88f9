// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TetherTokenContext } from '../../../src/clients/tether/index.js'
import { eventually, setupTether, startOk, teardownTether } from './harness.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

afterEach(teardownTether)

describe('Tether auth (Bearer JWT)', () => {
  it('after a 401, asks getToken once more for a fresh token and retries the request once', async () => {
    const getToken = vi.fn(async ({ refresh }: TetherTokenContext) =>
      refresh ? 'token-fresh' : 'token-expired',
    )
    const { client, server } = await setupTether({ getToken }, { tokens: ['token-fresh'] })
    const result = await client.startCall('+14165550199')
    expect(result.status).toBe('success')
    expect(getToken.mock.calls.map(([context]) => context)).toEqual([
      { refresh: false },
      { refresh: true },
    ])
    expect(server.requestsTo('initiate').map((r) => r.token)).toEqual([
      'token-expired',
      'token-fresh',
    ])
  })

  it('gives up after a second 401 with unauthorized, keeping Tether’s message, and sends no third request', async () => {
    const getToken = vi.fn(() => 'token-revoked')
    const { client, server } = await setupTether({ getToken })
    const result = await client.startCall('+14165550199')
    expect(result.status).toBe('error')
    if (result.status === 'error') {
      expect(result.error.code).toBe('unauthorized')
      expect(result.error.message).toContain('Invalid or expired token')
      expect(result.error.provider).toMatchObject({
        provider: 'tether',
        status: 401,
        message: 'Invalid or expired token',
      })
    }
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(server.requests).toHaveLength(2)
  })

  it.each([
    ['returns nothing (signed out)', () => null],
    [
      'throws',
      () => {
        throw new Error('session storage unavailable')
      },
    ],
  ])('fails with unauthorized and sends nothing when getToken %s', async (_case, getToken) => {
    const { client, server } = await setupTether({ getToken })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('unauthorized')
    expect(server.requests).toHaveLength(0)
  })

  it('says a throwing getToken could not get the sign-in, keeping the thrown text for support only', async () => {
    const { client } = await setupTether({
      getToken: () => {
        throw new Error('refresh endpoint returned 503')
      },
    })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error).toMatchObject({
      code: 'unauthorized',
      message: 'Could not get your Tether sign-in. Sign in again.',
      provider: { provider: 'tether', message: 'refresh endpoint returned 503' },
    })
  })

  it('refreshes the token while polling, without reporting the stream as down', async () => {
    let current = 'token-ada'
    const getToken = vi.fn(({ refresh }: TetherTokenContext) => {
      if (refresh) current = 'token-rotated'
      return current
    })
    const { client, server, store, events } = await setupTether({ getToken })
    const id = await startOk(client)
    server.setTokens(['token-rotated'])
    server.setStatus(id, 'in-progress')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
    expect(getToken).toHaveBeenCalledWith({ refresh: true })
    expect(events.some((e) => e.type === 'connection')).toBe(false)
  })

  it('reports a revoked session while polling as reconnecting/unauthorized and recovers once signed in again', async () => {
    let current = 'token-ada'
    const { client, server, store, events } = await setupTether({
      getToken: () => current,
      poll: { intervalMs: 15, maxIntervalMs: 40 },
    })
    const id = await startOk(client)
    server.setTokens([])
    await eventually(() => expect(store.getState().connection.status).toBe('reconnecting'))
    expect(store.getState().connection.error?.code).toBe('unauthorized')
    current = 'token-new'
    server.setTokens(['token-new'])
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    expect(store.getState().connection.status).toBe('open')
    expect(
      events.filter((e) => e.type === 'connection').map((e) => e.type === 'connection' && e.status),
    ).toEqual(['reconnecting', 'open'])
  })
})
