// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import type { CallEvent } from '../../../src/core/index.js'
import { contact, waitForStatus } from '../contract.js'
import { jar, setupGenesys, until, type GenesysSetup } from './harness.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

describe('Genesys client: calls over real HTTP and a real Bayeux server', { timeout: 8000 }, () => {
  let setup: GenesysSetup | undefined
  afterEach(async () => {
    await setup?.teardown()
    setup = undefined
  })

  async function start(number = '+14165550199', object = contact) {
    const result = await setup!.client.startCall(number, object)
    if (result.status === 'error') throw result.error
    const id = result.data.id!
    const call = setup!.server.findCall(id)
    if (!call) throw new Error('The Dial did not reach the server with the correlation key.')
    return { id, call }
  }

  it('dials from the first device with the correlation key and the flattened object, then follows Dialing → Established → Released', async () => {
    setup = await setupGenesys()
    const { server, store } = setup
    const { id, call } = await start()

    expect(server.dialRequests()).toEqual([
      {
        operationName: 'Dial',
        destination: { phoneNumber: '+14165550199' },
        userData: {
          'X-Client-Correlation': id,
          crm_id: 'contact-42',
          crm_type: 'contact',
          crm_displayName: 'Ada Lovelace',
          crm_displayType: 'Contact',
          crm_accountTier: 'Gold',
        },
      },
    ])
    const dial = server.requests.find((r) => r.body?.operationName === 'Dial')!
    expect(dial.path).toBe('/api/v2/me/devices/631608b3-ceb1-472b-ba05-2ae39555b0d1/calls')
    expect(dial.headers.authorization).toBe(
      `Basic ${Buffer.from('agent:secret').toString('base64')}`,
    )
    expect(dial.headers['x-csrf-token']).toMatch(/^[0-9a-f]{24}$/)
    expect(dial.headers.cookie).toContain('JSESSIONID=')

    await waitForStatus(store, id, ['dialing'])
    let interaction = findInteraction(store.getState(), id)!
    expect(interaction).toMatchObject({
      providerCallId: call.id,
      rawState: 'Dialing',
      phoneNumber: '+14165550199',
      direction: 'outbound',
      associatedObject: contact,
    })
    // Dialing allows hang-up and DTMF but not hold (the capabilities in the GWS Dialing notification sample).
    expect(interaction.capabilities).toEqual({
      hangup: true,
      hold: false,
      dtmf: true,
      updateAssociatedObject: true,
      mute: false,
      answer: false,
      decline: false,
    })

    server.setState(call.id, 'Established')
    await waitForStatus(store, id, ['connected'])
    expect(findInteraction(store.getState(), id)!.capabilities?.hold).toBe(true)

    server.setState(call.id, 'Released')
    await waitForStatus(store, id, ['ended'])
    interaction = findInteraction(store.getState(), id)!
    expect(interaction.outcome).toBe('completed')
    expect(interaction.capabilities).toEqual({
      hangup: false,
      hold: false,
      dtmf: false,
      updateAssociatedObject: false,
      mute: false,
      answer: false,
      decline: false,
    })
  })

  it('ends with an unknown outcome when the call is released before it was established', async () => {
    setup = await setupGenesys()
    const { id, call } = await start()
    await waitForStatus(setup.store, id, ['dialing'])
    setup.server.setState(call.id, 'Released')
    await waitForStatus(setup.store, id, ['ended'])
    expect(findInteraction(setup.store.getState(), id)!.outcome).toBe('unknown')
  })

  it('holds, retrieves, sends DTMF, updates the user data and hangs up through POST /api/v2/me/calls/{id}', async () => {
    setup = await setupGenesys()
    const { client, server, store } = setup
    const { id, call } = await start()
    await waitForStatus(store, id, ['dialing'])
    server.setState(call.id, 'Established')
    await waitForStatus(store, id, ['connected'])

    expect(await client.hold!(id)).toEqual({ status: 'success', data: null })
    await waitForStatus(store, id, ['held'])
    // Held offers Retrieve, not DTMF: the UI gates its controls on this.
    expect(findInteraction(store.getState(), id)!.capabilities).toMatchObject({
      hold: true,
      dtmf: false,
    })
    expect(await client.resume!(id)).toEqual({ status: 'success', data: null })
    await waitForStatus(store, id, ['connected'])

    expect((await client.sendDtmf!(id, '12#')).status).toBe('success')
    await until(() => server.calls.get(call.id)!.dtmf === '12#', 2000, 'DTMF at the server')

    const updated = {
      ...contact,
      displayName: 'Ada King',
      customFields: { accountTier: 'Platinum' },
    }
    expect((await client.updateAssociatedObject!(id, updated)).status).toBe('success')
    await until(
      () => server.calls.get(call.id)!.userData.crm_accountTier === 'Platinum',
      2000,
      'user data at the server',
    )
    expect(findInteraction(store.getState(), id)!.associatedObject).toEqual(updated)

    expect((await client.hangup!(id)).status).toBe('success')
    await waitForStatus(store, id, ['ended'])
    expect(server.operations().map((op) => op.operationName)).toEqual([
      'Hold',
      'Retrieve',
      'SendDtmf',
      'UpdateUserData',
      'Hangup',
    ])
    expect(server.operations('SendDtmf')[0]).toEqual({ operationName: 'SendDtmf', digits: '12#' })
  })

  it('refuses bad controls before any request: unknown call, bad DTMF, malformed object; has no mute', async () => {
    setup = await setupGenesys()
    const { client, server, store } = setup
    expect(client.capabilities.mute).toBe(false)
    expect(client.mute).toBeUndefined()
    const missing = await client.hangup!('gws-nope')
    expect(missing.status === 'error' && missing.error.code).toBe('not_found')

    const { id } = await start()
    await waitForStatus(store, id, ['dialing'])
    const dtmf = await client.sendDtmf!(id, '12a')
    expect(dtmf.status === 'error' && dtmf.error.code).toBe('invalid_argument')
    const object = await client.updateAssociatedObject!(id, { id: 'x' } as never)
    expect(object.status === 'error' && object.error.code).toBe('invalid_argument')
    expect(server.operations()).toHaveLength(0)
  })

  it('maps a GWS refusal of a control (statusCode 2: not valid in this state) to invalid_state', async () => {
    setup = await setupGenesys()
    const { id } = await start()
    await waitForStatus(setup.store, id, ['dialing'])
    const result = await setup.client.hold!(id)
    expect(result.status).toBe('error')
    if (result.status === 'error') {
      expect(result.error.code).toBe('invalid_state')
      expect(result.error.provider).toMatchObject({ provider: 'genesys', code: 2 })
      expect(result.error.message).toContain('Hold is not valid for a call in state Dialing')
    }
  })

  it('ignores duplicate and out-of-order notifications, and passes unknown states through', async () => {
    setup = await setupGenesys()
    const { server, store, events } = setup
    const { id, call } = await start()
    await waitForStatus(store, id, ['dialing'])
    server.setState(call.id, 'Established')
    await waitForStatus(store, id, ['connected'])
    const connected = findInteraction(store.getState(), id)

    server.republish(call.id) // duplicate Established
    server.publishState(call.id, 'Dialing') // stale
    server.publishState(call.id, 'Ringing') // stale
    server.publishState(call.id, 'Unknown') // undocumented state
    await until(
      () => events.some((e) => e.type === 'updated' && e.rawState === 'Unknown'),
      2000,
      'the Unknown state',
    )
    const after = findInteraction(store.getState(), id)!
    expect(after.status).toBe('connected')
    expect(after.rawState).toBe('Unknown')
    expect(after.connectedAt).toBe(connected!.connectedAt)

    server.setState(call.id, 'Released')
    await waitForStatus(store, id, ['ended'])
    const ended = findInteraction(store.getState(), id)
    server.republish(call.id) // duplicate Released
    server.publishState(call.id, 'Established') // after the end
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(findInteraction(store.getState(), id)).toBe(ended)
    // The client reports what GWS said; the core reducer kept the call connected through the stale
    // states (asserted above) and ended it once. A notification after the end reports nothing.
    expect(events.filter((e) => e.type === 'ended')).toHaveLength(1)
    expect(events.at(-1)).toMatchObject({ type: 'ended', interactionId: id })
  })

  it('passes a state named like an Object.prototype member ("constructor") through as unknown', async () => {
    setup = await setupGenesys()
    const { server, store, events } = setup
    const { id, call } = await start()
    await waitForStatus(store, id, ['dialing'])
    server.publishState(call.id, 'constructor')
    server.publishState(call.id, 'toString')
    await until(
      () => events.some((e) => e.type === 'updated' && e.rawState === 'toString'),
      2000,
      'the toString state',
    )
    // Before, `STATES["constructor"]` was Object itself: a `status` event with no status.
    expect(events.flatMap((e) => (e.type === 'status' ? [e.status] : []))).toEqual([
      'initiating',
      'dialing',
    ])
    expect(events.flatMap((e) => (e.type === 'updated' ? [e.rawState] : []))).toEqual([
      'constructor',
      'toString',
    ])
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'dialing',
      rawState: 'toString',
    })
  })

  it('resyncs from GET /api/v2/me/calls after the Bayeux session is lost, so the final state is not lost', async () => {
    setup = await setupGenesys()
    const { server, store, events } = setup
    const first = await start()
    const second = await start('1001', { ...contact, id: 'contact-43' })
    await waitForStatus(store, first.id, ['dialing'])
    await waitForStatus(store, second.id, ['dialing'])
    server.setState(first.call.id, 'Established')
    await waitForStatus(store, first.id, ['connected'])
    expect(server.handshakes()).toBe(1)

    // While the session is gone, the first call ends and the second is answered: nobody hears it.
    server.calls.get(first.call.id)!.state = 'Released'
    server.calls.get(second.call.id)!.state = 'Established'
    server.dropBayeuxSessions()

    await waitForStatus(store, first.id, ['ended'])
    await waitForStatus(store, second.id, ['connected'])
    expect(findInteraction(store.getState(), first.id)!.outcome).toBe('completed')
    expect(server.handshakes()).toBe(2)
    expect(server.bayeuxSessions()).toBe(1)
    const connection = events.filter(
      (e): e is Extract<CallEvent, { type: 'connection' }> => e.type === 'connection',
    )
    expect(connection.map((e) => e.status)).toEqual(['open', 'reconnecting', 'open'])
    expect(connection[1]!.error?.code).toBe('network_error')
    expect(store.getState().connection.status).toBe('open')

    // And the restored subscription delivers live notifications again.
    server.setState(second.call.id, 'Released')
    await waitForStatus(store, second.id, ['ended'])
  })

  it('snapshot() lists the live calls under the same interaction ids after a reload', async () => {
    setup = await setupGenesys()
    const { id, call } = await start()
    setup.server.setState(call.id, 'Established')
    await waitForStatus(setup.store, id, ['connected'])
    const url = setup.server.url

    // A reloaded page: a new client on the same cookie jar, the session cookie only.
    const { createGenesysClient } = await import('../../../src/clients/genesys/index.js')
    const reloaded = createGenesysClient({
      baseUrl: url,
      auth: 'session',
      fetch: jar.fetch,
      timeoutMs: 10_000,
    })
    try {
      const snapshot = await reloaded.snapshot!()
      expect(snapshot).toEqual([
        expect.objectContaining({
          type: 'status',
          status: 'connected',
          interactionId: id,
          providerCallId: call.id,
          rawState: 'Established',
        }),
      ])
      expect(setup.server.requests.at(-1)!.headers.authorization).toBeUndefined()
    } finally {
      reloaded.dispose()
    }
  })

  it('falls back to the dialed number when the notification carries no user data, and says so', async () => {
    setup = await setupGenesys({ echoUserData: false })
    const { id, call } = await start('15002', contact)
    await waitForStatus(setup.store, id, ['dialing'])
    expect(findInteraction(setup.store.getState(), id)!.providerCallId).toBe(call.id)
    expect(setup.logger.warnings.join('\n')).toMatch(/matched call .* by its number/)
  })

  it('sends the destination through formatDestination, location and outboundCallerId', async () => {
    setup = await setupGenesys(
      {},
      {
        formatDestination: (d) => (d.kind === 'e164' ? `9${d.value.slice(1)}` : d.value),
        location: 'SIP_Switch',
        outboundCallerId: '15000',
      },
    )
    await start('+14165550199')
    expect(setup.server.dialRequests()[0]).toMatchObject({
      destination: { phoneNumber: '914165550199' },
      location: 'SIP_Switch',
      outboundCallerId: '15000',
    })
  })

  it("sends a start's `from` as that call's outboundCallerId, over the client-wide default, and lists the configured caller IDs", async () => {
    const callerIds = [
      { number: '15000', label: 'Support line', default: true },
      { number: '15001', label: 'Sales line' },
    ]
    setup = await setupGenesys({}, { outboundCallerId: '15000', callerIds })
    expect(setup.client.capabilities.callerId).toBe(true)
    expect(await setup.client.listCallerIds!()).toEqual(callerIds)
    const result = await setup.client.startCall('15002', undefined, { from: '15001' })
    expect(result.status).toBe('success')
    await setup.client.startCall('15003')
    expect(setup.server.dialRequests().map((dial) => dial.outboundCallerId)).toEqual([
      '15001',
      '15000',
    ])
  })

  it('starts a contact-center session during bootstrap when asked, accepting a partial success', async () => {
    setup = await setupGenesys({}, { startContactCenterSession: true })
    setup.server.inject('StartContactCenterSession', {
      statusCode: 7,
      statusMessage: 'Partial success',
    })
    const { id } = await start()
    await waitForStatus(setup.store, id, ['dialing'])
    const posts = setup.server.requests
      .filter((r) => r.method === 'POST')
      .map((r) => r.body?.operationName)
    expect(posts).toEqual(['StartContactCenterSession', 'Dial'])
  })

  it('falls back from WebSocket to long-polling when GWS offers no WebSocket', async () => {
    setup = await setupGenesys({}, { transport: 'websocket' })
    const { id, call } = await start()
    await waitForStatus(setup.store, id, ['dialing'])
    setup.server.setState(call.id, 'Established')
    await waitForStatus(setup.store, id, ['connected'])
  })

  it('dials with the session cookie alone when auth is "session"', async () => {
    setup = await setupGenesys({}, { auth: 'session' })
    jar.set('JSESSIONID', setup.server.createSession())
    const { id } = await start()
    await waitForStatus(setup.store, id, ['dialing'])
    expect(setup.server.requests.every((r) => r.headers.authorization === undefined)).toBe(true)
  })
})
