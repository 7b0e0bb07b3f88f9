// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createGenesysClient } from '../../../src/clients/genesys/index.js'
import { isCallError, type CallErrorCode } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { contact, waitForStatus } from '../contract.js'
import { jar, setupGenesys, until, type GenesysSetup } from './harness.js'

describe(
  'Genesys client: failures over real HTTP and a real Bayeux server',
  { timeout: 8000 },
  () => {
    let setup: GenesysSetup | undefined
    afterEach(async () => {
      await setup?.teardown()
      setup = undefined
    })

    const gets = () =>
      setup!.server.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/me').length

    describe('CSRF', () => {
      it('refreshes a rejected token once from GET /api/v2/me and dials', async () => {
        setup = await setupGenesys()
        const { client, server } = setup
        expect((await client.startCall('1001')).status).toBe('success')
        server.rotateCsrf()
        const result = await client.startCall('1002')
        expect(result.status).toBe('success')
        expect(gets()).toBe(2)
        expect(
          server.dialRequests().map((d) => (d.destination as { phoneNumber: string }).phoneNumber),
        ).toEqual(['1001', '1002', '1002'])
      })

      it('fails with forbidden after one refresh when GWS never hands out a token', async () => {
        setup = await setupGenesys({ csrfHeaders: false })
        const result = await setup.client.startCall('+14165550199', contact)
        expect(result.status).toBe('error')
        if (result.status === 'error') {
          expect(result.error.code).toBe('forbidden')
          expect(result.error.message).toMatch(/CSRF/)
          expect(result.error.provider).toMatchObject({
            provider: 'genesys',
            status: 403,
            message: 'Missing or invalid Csrf token',
          })
        }
        // Bootstrap GET, the 403 POST, one refresh GET, the second 403 POST: no more.
        expect(gets()).toBe(2)
        expect(setup.server.dialRequests()).toHaveLength(2)
      })
    })

    describe('statusCode ≠ 0 on Dial', () => {
      const expected: [number, CallErrorCode][] = [
        [1, 'invalid_argument'],
        [2, 'invalid_state'],
        [3, 'forbidden'],
        [4, 'provider_error'],
        [5, 'forbidden'],
        [6, 'not_found'],
        [7, 'provider_error'],
        [8, 'provider_error'],
        [9, 'provider_error'],
        [10, 'invalid_argument'],
        [11, 'invalid_argument'],
        [12, 'provider_error'],
        [13, 'provider_error'],
        [14, 'provider_error'],
        [15, 'provider_error'],
        [16, 'provider_error'],
        [17, 'provider_error'],
        [18, 'provider_error'],
        [19, 'provider_error'],
        [20, 'unauthorized'],
      ]
      it.each(expected)('statusCode %i → %s, keeping statusMessage', async (statusCode, code) => {
        setup = await setupGenesys()
        setup.server.inject('Dial', { statusCode, statusMessage: `GWS says ${statusCode}` })
        const result = await setup.client.startCall('+14165550199', contact)
        expect(result.status).toBe('error')
        if (result.status === 'error') {
          expect(isCallError(result.error)).toBe(true)
          expect(result.error.code).toBe(code)
          expect(result.error.message).toContain(`(GWS says ${statusCode})`)
          expect(result.error.provider).toMatchObject({
            provider: 'genesys',
            code: statusCode,
            message: `GWS says ${statusCode}`,
            status: 200,
          })
        }
        // No interaction was created for a refused dial.
        expect(setup.events.filter((e) => e.type !== 'connection')).toEqual([])
      })

      it('reads statusCode from a non-2xx reply too (404 with statusCode 6)', async () => {
        setup = await setupGenesys()
        setup.server.inject('Dial', {
          statusCode: 6,
          statusMessage: 'Device not found',
          httpStatus: 404,
        })
        const result = await setup.client.startCall('+14165550199')
        expect(result.status === 'error' && result.error.code).toBe('not_found')
        expect(result.status === 'error' && result.error.provider?.status).toBe(404)
      })

      it('maps a bare HTTP 500 without a GWS body to provider_error', async () => {
        setup = await setupGenesys()
        const result = await setup.client.startCall('not a number')
        expect(result.status === 'error' && result.error.code).toBe('invalid_number')
        setup.server.inject('GET /api/v2/me', { statusCode: 4, httpStatus: 500 })
        const failed = await setup.client.startCall('+14165550199')
        expect(failed.status === 'error' && failed.error.code).toBe('provider_error')
        expect(setup.server.dialRequests()).toHaveLength(0)
        // Bootstrap is retried on the next call.
        const retried = await setup.client.startCall('+14165550199')
        expect(retried.status).toBe('success')
        expect(gets()).toBe(2)
      })
    })

    it('fails the interaction with timeout when no Dialing arrives within firstEventTimeoutMs', async () => {
      setup = await setupGenesys({ publishDialing: false }, { firstEventTimeoutMs: 150 })
      const started = Date.now()
      const result = await setup.client.startCall('+14165550199', contact)
      expect(result.status).toBe('success')
      const id = result.status === 'success' ? result.data.id! : ''
      expect(findInteraction(setup.store.getState(), id)?.status).toBe('initiating')
      await waitForStatus(setup.store, id, ['failed'])
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      expect(findInteraction(setup.store.getState(), id)!.error).toMatchObject({
        code: 'timeout',
        provider: { provider: 'genesys' },
      })
      expect(setup.logger.warnings.join('\n')).toContain('no Dialing notification')
    })

    it('times out an HTTP request slower than timeoutMs', async () => {
      setup = await setupGenesys({}, { timeoutMs: 200 })
      expect((await setup.client.startCall('1001')).status).toBe('success')
      setup.server.inject('Dial', { delayMs: 600 })
      const result = await setup.client.startCall('1002')
      expect(result.status === 'error' && result.error.code).toBe('timeout')
    })

    it('fails with unauthorized when GWS rejects the Basic credentials, before any Dial', async () => {
      setup = await setupGenesys({}, { auth: { username: 'agent', password: 'wrong' } })
      const result = await setup.client.startCall('+14165550199', contact)
      expect(result.status).toBe('error')
      if (result.status === 'error') {
        expect(result.error.code).toBe('unauthorized')
        expect(result.error.provider).toMatchObject({ provider: 'genesys', code: 20, status: 401 })
      }
      expect(setup.server.dialRequests()).toHaveLength(0)
      expect(setup.server.handshakes()).toBe(0)
    })

    it('fails with unauthorized when auth is "session" and there is no session cookie', async () => {
      setup = await setupGenesys({}, { auth: 'session' })
      const result = await setup.client.startCall('+14165550199')
      expect(result.status === 'error' && result.error.code).toBe('unauthorized')
    })

    it('fails with not_ready when the agent has no device', async () => {
      setup = await setupGenesys({ devices: [] })
      const result = await setup.client.startCall('+14165550199')
      expect(result.status === 'error' && result.error.code).toBe('not_ready')
      expect(result.status === 'error' && result.error.message).toMatch(/device/)
    })

    it('fails with network_error when the port refuses connections', async () => {
      const probe = createServer()
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
      const { port } = probe.address() as AddressInfo
      await new Promise<void>((resolve) => probe.close(() => resolve()))
      const client = createGenesysClient({
        baseUrl: `http://127.0.0.1:${port}`,
        auth: 'session',
        fetch: jar.fetch,
        timeoutMs: 1000,
      })
      try {
        const result = await client.startCall('+14165550199')
        expect(result.status === 'error' && result.error.code).toBe('network_error')
        await expect(client.snapshot!()).rejects.toMatchObject({ code: 'network_error' })
      } finally {
        client.dispose()
      }
    })

    it('fails the start with network_error when the Bayeux endpoint never connects', async () => {
      setup = await setupGenesys({}, { timeoutMs: 300, notificationsPath: '/api/v2/nowhere' })
      const result = await setup.client.startCall('+14165550199')
      expect(result.status === 'error' && result.error.code).toBe('network_error')
      expect(result.status === 'error' && result.error.message).toMatch(/live call updates/)
      expect(setup.server.dialRequests()).toHaveLength(0)
    })

    it('dispose disconnects CometD, stops the dial timer, and is idempotent', async () => {
      setup = await setupGenesys({ publishDialing: false }, { firstEventTimeoutMs: 100 })
      const { client, server, events } = setup
      const result = await client.startCall('+14165550199')
      expect(result.status).toBe('success')
      expect(server.bayeuxSessions()).toBe(1)
      client.dispose()
      client.dispose()
      await until(() => server.bayeuxSessions() === 0, 2000, 'the Bayeux session to end')
      expect(server.removedSessions).toEqual([{ timeout: false }])
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(events.some((e) => e.type === 'failed')).toBe(false)
      expect(events.at(-1)).toEqual({ type: 'connection', status: 'closed' })
      const after = await client.startCall('+14165550199')
      expect(after.status === 'error' && after.error.code).toBe('not_ready')
    })
  },
)
