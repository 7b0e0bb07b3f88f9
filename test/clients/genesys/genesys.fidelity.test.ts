// @vitest-environment node
/**
 * What GWS publishes: list requests answer URIs unless `fields` is given
 * (https://docs.genesys.com/Documentation:GWS:API:RequestParameters:8.5.0), the calls' state is read
 * with `GET /api/v2/me/calls?fields=*`
 * (https://docs.genesys.com/Documentation/GWS/8.6.0/API/RecoveringExistingState), and an inbound
 * call's caller is `ani` (https://docs.genesys.com/Documentation:HTCC:API:CallsAPI:8.5.0).
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createGenesysClient, type GenesysClient } from '../../../src/clients/genesys/index.js'
import { contact, waitForStatus } from '../contract.js'
import { jar, setupGenesys, until, type GenesysSetup } from './harness.js'
import { selectInteractions } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

describe('Genesys: recovering the calls’ state', { timeout: 10_000 }, () => {
  let setup: GenesysSetup | undefined
  afterEach(async () => {
    await setup?.teardown()
    setup = undefined
  })

  async function connectedCall(s: GenesysSetup) {
    const result = await s.client.startCall('+14165550199', contact)
    if (result.status === 'error') throw result.error
    const id = result.data.id!
    const call = s.server.findCall(id)!
    await waitForStatus(s.store, id, ['dialing'])
    s.server.setState(call.id, 'Established')
    await waitForStatus(s.store, id, ['connected'])
    return { id, call }
  }

  it('keeps live calls live after a CometD re-handshake (the list is read with fields=*)', async () => {
    setup = await setupGenesys()
    const { id } = await connectedCall(setup)
    setup.server.dropBayeuxSessions()
    await until(() => setup!.server.handshakes() === 2, 5000, 'the re-handshake')
    await until(
      () => setup!.server.requests.some((r) => r.path === '/api/v2/me/calls'),
      5000,
      'the resync',
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(findInteraction(store(setup), id)?.status).toBe('connected')
    const read = setup.server.requests.filter((r) => r.path === '/api/v2/me/calls')
    expect(read.length).toBeGreaterThan(0)
  })

  it('treats a reply without a calls array as unknown: nothing is ended, a warning is logged', async () => {
    // A GWS (or a proxy) that answers the list with URIs only.
    setup = await setupGenesys(
      {},
      {
        fetch: async (input, init) => {
          if (String(input).includes('/api/v2/me/calls?'))
            return Response.json({ statusCode: 0, uris: [] })
          return jar.fetch(input, init)
        },
      },
    )
    const { id } = await connectedCall(setup)
    setup.server.dropBayeuxSessions()
    await until(
      () => setup!.logger.warnings.some((w) => /without a calls array/.test(w)),
      5000,
      'the warning',
    )
    expect(findInteraction(store(setup), id)?.status).toBe('connected')
  })

  it('snapshot() after a reload recovers the live calls GWS lists', async () => {
    setup = await setupGenesys()
    const { call } = await connectedCall(setup)
    // A reload: a new client on the same session knows nothing of the call.
    const reloaded: GenesysClient = createGenesysClient({
      baseUrl: setup.server.url,
      auth: { username: 'agent', password: 'secret' },
      fetch: jar.fetch,
      timeoutMs: 10_000,
      logger: setup.logger,
    })
    try {
      const events = await reloaded.snapshot()
      expect(events).toEqual([
        expect.objectContaining({
          type: 'status',
          status: 'connected',
          providerCallId: call.id,
          rawState: 'Established',
        }),
      ])
      const read = setup.server.requests.filter((r) => r.path === '/api/v2/me/calls')
      expect(read.length).toBeGreaterThan(0)
    } finally {
      reloaded.dispose()
    }
  })
})

describe('Genesys: inbound calls', { timeout: 10_000 }, () => {
  let setup: GenesysSetup | undefined
  afterEach(async () => {
    await setup?.teardown()
    setup = undefined
  })

  it('shows the caller (ani), not the number the caller dialed', async () => {
    setup = await setupGenesys()
    await setup.client.snapshot() // opens the session and the notifications
    const callId = setup.server.ring('+14165550123')
    await until(
      () => selectInteractions(store(setup!)).some((i) => i.providerCallId === callId),
      5000,
      'the ringing call',
    )
    const ringing = selectInteractions(store(setup)).find((i) => i.providerCallId === callId)
    expect(ringing).toMatchObject({
      status: 'ringing',
      direction: 'inbound',
      phoneNumber: '+14165550123',
    })
  })

  it('answers with the documented Answer request; the call goes connected', async () => {
    setup = await setupGenesys()
    await setup.client.snapshot()
    const callId = setup.server.ring('+14165550123')
    const id = await inboundId(setup, callId)
    const result = await setup.client.answer!(id)
    expect(result.status).toBe('success')
    expect(setup.server.operations('Answer')).toEqual([answerRequest])
    await until(() => findInteraction(store(setup!), id)?.status === 'connected', 5000, 'connected')
  })

  it('offers Decline only for a call delivered through a queue (GWS rejects no direct call)', async () => {
    setup = await setupGenesys()
    await setup.client.snapshot()
    const direct = await inboundId(setup, setup.server.ring('+14165550123'))
    expect(findInteraction(store(setup), direct)!.capabilities).toMatchObject({
      answer: true,
      decline: false,
    })
    const queued = await inboundId(setup, setup.server.ring('+14165550124', { viaQueue: true }))
    expect(findInteraction(store(setup), queued)!.capabilities).toMatchObject({
      answer: true,
      decline: true,
    })
    const result = await setup.client.decline!(queued)
    expect(result.status).toBe('success')
    expect(setup.server.operations('Reject')).toEqual([{ operationName: 'Reject' }])
    await until(() => findInteraction(store(setup!), queued)?.status === 'ended', 5000, 'ended')
    expect(findInteraction(store(setup), queued)!.outcome).toBe('declined')
  })
})

/** The store id of the inbound call GWS knows as `callId`, once it rings. */
async function inboundId(s: GenesysSetup, callId: string): Promise<string> {
  const find = () =>
    selectInteractions(s.store.getState()).find((i) => i.providerCallId === callId)?.id
  await until(() => find() !== undefined, 5000, 'the ringing call')
  return find()!
}

const store = (s: GenesysSetup) => s.store.getState()
const answerRequest = JSON.parse(
  readFileSync(new URL('../../fixtures/genesys/answer-request.json', import.meta.url), 'utf8'),
) as Record<string, unknown>
