// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { createCallStore, type CallEvent } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { waitForStatus } from '../contract.js'
import { TEST_USER } from '../../servers/dialStackServer.js'
import { dialStackTests, startCall, tick, type DialStackWithStore } from './setupDialStack.js'

const { connected, setup } = dialStackTests()

const statuses = (events: CallEvent[], id: string) =>
  events.flatMap((e) =>
    'interactionId' in e && e.interactionId === id ? [e.type === 'status' ? e.status : e.type] : [],
  )

/** The user's own phones ring (`call.ringing`, the first leg of a call-first click-to-call). */
const agentRinging = (s: DialStackWithStore, id: string) =>
  vi.waitFor(() => expect(findInteraction(s.store.getState(), id)?.rawState).toBe('call.ringing'), {
    timeout: 3000,
  })

describe('DialStack live state over SSE', () => {
  it('follows a call-first click-to-call: the user’s phones ring and answer (dialing), the customer rings (ringing), answers (connected), hangs up (ended)', async () => {
    const s = await connected()
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    expect(findInteraction(s.store.getState(), id)?.status).toBe('dialing')
    s.fake.answerAgent(callId)
    // The user picked up: now the customer's phone rings, and the banner says so.
    await waitForStatus(s.store, id, ['ringing'])
    await tick()
    expect(findInteraction(s.store.getState(), id)?.status).toBe('ringing')
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
    s.fake.end(callId, 'completed')
    await waitForStatus(s.store, id, ['ended'])
    const interaction = findInteraction(s.store.getState(), id)
    expect(interaction).toMatchObject({
      status: 'ended',
      outcome: 'completed',
      providerCallId: callId,
      rawState: 'completed',
    })
    expect(interaction?.connectedAt).toBeTypeOf('number')
    expect(statuses(s.events, id)).toEqual([
      'dialing', // accepted (202)
      'dialing', // call.initiated
      'dialing', // call.ringing: the user's own phones
      'ringing', // the user's call.answered: the customer is dialed
      'connected', // the customer's call.answered
      'ended',
    ])
  })

  it.each([
    ['no-answer', 'no-answer'],
    ['busy', 'busy'],
    ['voicemail', 'voicemail'],
  ] as const)('ends with outcome %s when call.end says %s', async (status, outcome) => {
    const s = await connected()
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.end(callId, status)
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)?.outcome).toBe(outcome)
  })

  it('fails when call.end says failed, with a message from the Q.850 cause', async () => {
    const s = await connected()
    const { id, callId } = await startCall(s)
    s.fake.end(callId, 'failed', 1)
    await waitForStatus(s.store, id, ['failed'])
    expect(findInteraction(s.store.getState(), id)?.error).toMatchObject({
      code: 'provider_error',
      message: 'The number does not exist. Check it and try again.',
      provider: { provider: 'dialstack', name: 'failed', code: 1 },
    })
  })

  it('keeps events that arrive before the 202 is read, and applies them to their call', async () => {
    const slowFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      // The backend's 202 reaches the browser after the stream already told of the call.
      if (init?.method === 'POST') await tick(150)
      return response
    }
    const s = await connected({ client: { fetch: slowFetch } })
    const { id, callId } = await startCall(s)
    expect(statuses(s.events, id)).toEqual(['dialing', 'dialing', 'dialing'])
    expect(findInteraction(s.store.getState(), id)).toMatchObject({
      status: 'dialing',
      rawState: 'call.ringing',
      providerCallId: callId,
    })
  })

  it('ties events to a local number that DialStack reports normalized (+1…)', async () => {
    const s = await connected()
    const { id, callId } = await startCall(s, '(555) 123-4567')
    expect(s.fake.latestCall()?.to_number).toBe('+15551234567')
    await agentRinging(s, id)
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
  })

  it('keeps two calls apart once each is tied to its DialStack call id', async () => {
    const s = await connected()
    const a = await startCall(s, '+15551234567')
    const b = await startCall(s, '+15559876543')
    await agentRinging(s, a.id)
    await agentRinging(s, b.id)
    s.fake.end(b.callId, 'busy')
    await waitForStatus(s.store, b.id, ['ended'])
    expect(findInteraction(s.store.getState(), a.id)?.status).toBe('dialing')
    expect(findInteraction(s.store.getState(), a.id)?.providerCallId).toBe(a.callId)
    expect(findInteraction(s.store.getState(), b.id)?.providerCallId).toBe(b.callId)
  })

  it('ignores events of other users, inbound calls, and `connected`', async () => {
    const s = await connected()
    const { id } = await startCall(s)
    await agentRinging(s, id)
    const other = 'user_01h2xcejqtf2nbrexx3vqjhp43'
    s.fake.emit('call.answered', {
      call_id: 'call_x',
      user: other,
      to_number: '+15551234567',
      direction: 'outbound',
    })
    s.fake.emit('call.answered', {
      call_id: 'call_y',
      user: TEST_USER,
      to_number: '+15551234567',
      direction: 'inbound',
    })
    s.fake.sendRaw('event: connected\ndata: {}\n\n')
    s.fake.sendRaw('event: call.answered\ndata: not json\n\n')
    await tick()
    expect(findInteraction(s.store.getState(), id)?.status).toBe('dialing')
  })

  it('drops duplicate deliveries (same event id)', async () => {
    const s = await connected({ fake: { eventShape: 'envelope' } })
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.answer(callId)
    s.fake.repeatLast()
    s.fake.end(callId, 'completed')
    s.fake.repeatLast()
    await waitForStatus(s.store, id, ['ended'])
    await tick()
    expect(statuses(s.events, id).filter((x) => x === 'connected')).toHaveLength(1)
    expect(statuses(s.events, id).filter((x) => x === 'ended')).toHaveLength(1)
  })

  it('reads two identical `{ call_id }` frames without id as two events: the user’s answer, then the customer’s', async () => {
    const s = await connected()
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.answerAgent(callId)
    await waitForStatus(s.store, id, ['ringing'])
    s.fake.repeatLast()
    await waitForStatus(s.store, id, ['connected'])
  })

  it('reads the event id from an SSE id: line too', async () => {
    const s = await connected({ fake: { sseIds: true, eventShape: 'flat' } })
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.answerAgent(callId)
    await waitForStatus(s.store, id, ['ringing'])
    s.fake.emit('call.answered', { call_id: callId }, { id: 'evt_same' })
    s.fake.emit(
      'call.answered',
      { call_id: callId, timestamp: 'different frame' },
      { id: 'evt_same' },
    )
    await waitForStatus(s.store, id, ['connected'])
    await tick()
    expect(statuses(s.events, id).filter((x) => x === 'connected')).toHaveLength(1)
  })

  it('follows custom event names', async () => {
    const s = await connected({ client: { events: { eventNames: { answered: 'call.bridged' } } } })
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.answer(callId) // call.answered: not followed any more
    await tick()
    expect(findInteraction(s.store.getState(), id)?.status).toBe('dialing')
    s.fake.emit('call.bridged', { call_id: callId })
    await waitForStatus(s.store, id, ['ringing'])
    s.fake.emit('call.bridged', { call_id: callId })
    await waitForStatus(s.store, id, ['connected'])
  })

  it("answeredMeans: 'destination' — every call.answered is the customer's: the first one connects", async () => {
    const logger = { warn: vi.fn(), debug: vi.fn() }
    const s = await connected({ client: { logger, events: { answeredMeans: 'destination' } } })
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.answerAgent(callId)
    await waitForStatus(s.store, id, ['connected'])
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining("answeredMeans: 'destination'"),
    )
  })

  it('reconnects after the stream drops mid-call and resyncs from the call log: the final state is not lost', async () => {
    const s = await connected()
    const { id, callId } = await startCall(s)
    await agentRinging(s, id)
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])

    s.fake.holdStreams()
    s.fake.dropStreams()
    await s.waitForEvent((e) => e.type === 'connection' && e.status === 'reconnecting')
    expect(s.store.getState().connection.status).toBe('reconnecting')
    s.fake.end(callId, 'completed') // sent to no stream: lost
    s.fake.releaseStreams()

    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)?.outcome).toBe('completed')
    expect(s.store.getState().connection.status).toBe('open')
    expect(s.fake.streamConnections).toBe(2)
    expect(s.fake.count('calls.retrieve')).toBeGreaterThanOrEqual(1)
  })

  it('resyncs a call whose events all came before the stream opened', async () => {
    const s = await setup({ subscribe: false, fake: { autoProgress: false } })
    s.fake.holdStreams()
    const store = createCallStore({ capabilities: s.client.capabilities })
    s.client.subscribe((event) => store.getState().dispatch(event))
    const { id, callId } = await startCall(s)
    s.fake.answer(callId)
    s.fake.end(callId, 'busy')
    s.fake.releaseStreams()
    await waitForStatus(store, id, ['ended'])
    expect(findInteraction(store.getState(), id)?.outcome).toBe('busy')
  })

  it('fetches a new client secret after a 401 on the stream', async () => {
    const s = await connected()
    expect(s.secretRequests()).toBe(1)
    s.fake.expireSecrets()
    s.fake.dropStreams()
    await s.fake.waitForStreams(1)
    expect(s.secretRequests()).toBe(2)
    expect(s.fake.streamConnections).toBe(2)
    const attempts = s.fake.requests.filter((r) => r.route === 'events')
    expect(attempts.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${s.fake.issuedSecrets[0]}`,
      `Bearer ${s.fake.issuedSecrets[0]}`,
      `Bearer ${s.fake.issuedSecrets[1]}`,
    ])
    expect(s.events.some((e) => e.type === 'connection' && e.status === 'closed')).toBe(false)
    // The new stream carries events.
    const { id, callId } = await startCall(s)
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
  })

  it('gives up after 3 consecutive auth failures with a closed, unauthorized connection, then polls', async () => {
    const s = await setup({ subscribe: false })
    s.fake.refuseStreams(403)
    const store = createCallStore({ capabilities: s.client.capabilities })
    const seen: CallEvent[] = []
    s.client.subscribe((event) => {
      seen.push(event)
      store.getState().dispatch(event)
    })
    await vi.waitFor(() => expect(store.getState().connection.status).toBe('closed'))
    const closed = seen.find((e) => e.type === 'connection' && e.status === 'closed')
    expect(closed).toMatchObject({
      error: { code: 'unauthorized', provider: { provider: 'dialstack', status: 403 } },
    })
    expect(store.getState().connection).toMatchObject({
      status: 'closed',
      error: { code: 'unauthorized' },
    })
    await tick(150)
    expect(s.fake.count('events')).toBe(3)
    expect(s.secretRequests()).toBe(3)

    // Live state still arrives, from the call log.
    const { id, callId } = await startCall(s)
    s.fake.answer(callId)
    await waitForStatus(store, id, ['connected'])
    s.fake.end(callId, 'completed')
    await waitForStatus(store, id, ['ended'])
    expect(s.fake.count('events')).toBe(3)
  })

  it('gives up too when the app’s session route refuses three times (signed out)', async () => {
    const s = await setup({
      subscribe: false,
      handler: {
        authorize: (_request, action) =>
          action.type === 'session' ? Response.json({ error: 'Sign in' }, { status: 401 }) : true,
      },
    })
    const store = createCallStore({ capabilities: s.client.capabilities })
    s.client.subscribe((event) => store.getState().dispatch(event))
    await vi.waitFor(() => expect(store.getState().connection.status).toBe('closed'))
    expect(store.getState().connection.error?.code).toBe('unauthorized')
    expect(s.secretRequests()).toBe(3)
    expect(s.fake.count('events')).toBe(0)
  })

  it('reconnects with doubling backoff, capped', async () => {
    const s = await setup({
      subscribe: false,
      client: { events: { backoff: { initialMs: 40, maxMs: 160 } } },
    })
    for (let i = 0; i < 5; i += 1)
      s.fake.failNext('events', { status: 503, body: { error: 'Service unavailable' } })
    s.client.subscribe(() => {})
    await s.fake.waitForStreams(1, 5000)
    const times = s.fake.requests.filter((r) => r.route === 'events').map((r) => r.at)
    expect(times).toHaveLength(6)
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    const expected = [40, 80, 160, 160, 160]
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(expected[i]! - 5))
    expect(gaps[4]!).toBeLessThan(400)
  })

  it('follows a call by polling when no event about it arrives (outbound calls missing from the stream)', async () => {
    const logger = { warn: vi.fn(), debug: vi.fn() }
    const s = await connected({
      fake: { autoProgress: false },
      client: { logger, firstEventTimeoutMs: 50 },
    })
    s.fake.setDelivery(false)
    const { id, callId } = await startCall(s)
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
    s.fake.end(callId, 'no-answer')
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)?.outcome).toBe('no-answer')
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('following it by polling'))
  })

  it('stops the first-event wait once an event arrives, so no timer runs on for nothing', async () => {
    const setTimer = vi.spyOn(globalThis, 'setTimeout')
    const clearTimer = vi.spyOn(globalThis, 'clearTimeout')
    try {
      const s = await connected({ client: { firstEventTimeoutMs: 43_210 } })
      const { id } = await startCall(s)
      await agentRinging(s, id)
      const index = setTimer.mock.calls.findIndex(([, delay]) => delay === 43_210)
      expect(index).toBeGreaterThanOrEqual(0)
      expect(clearTimer).toHaveBeenCalledWith(setTimer.mock.results[index]!.value)
    } finally {
      setTimer.mockRestore()
      clearTimer.mockRestore()
    }
  })

  it('dispose closes the stream and stops reconnecting', async () => {
    const s = await connected()
    s.client.dispose()
    s.client.dispose()
    await tick(100)
    expect(s.fake.openStreams()).toBe(0)
    expect(s.fake.streamConnections).toBe(1)
  })
})
