// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TetherEventEmitter } from '../../../src/clients/tether/index.js'
import type { CallEvent, CallOutcome } from '../../../src/core/index.js'
import { eventually, setupTether, sleep, startOk, teardownTether } from './harness.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

afterEach(teardownTether)

const connectionStatuses = (events: CallEvent[]) =>
  events.flatMap((e) => (e.type === 'connection' ? [e.status] : []))

describe('Tether live state by polling GET /api/calls/{callId}', () => {
  it('follows initiated → in-progress → completed, dated by answerTime and endTime', async () => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'in-progress')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
    expect(findInteraction(store.getState(), id)?.connectedAt).toBe(
      Date.parse(server.call(id)?.answerTime as string),
    )
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    const interaction = findInteraction(store.getState(), id)
    expect(interaction).toMatchObject({
      outcome: 'completed',
      rawState: 'completed',
      direction: 'outbound',
      phoneNumber: '+14165550199',
    })
    expect(interaction?.endedAt).toBe(Date.parse(server.call(id)?.endTime as string))
    for (const request of server.requestsTo('getCall')) expect(request.token).toBe('token-ada')
  })

  it.each<[string, CallOutcome]>([
    ['no-answer', 'no-answer'],
    ['busy', 'busy'],
    ['canceled', 'canceled'],
  ])('maps %s to ended with that outcome', async (status, outcome) => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, status)
    await eventually(() =>
      expect(findInteraction(store.getState(), id)).toMatchObject({ status: 'ended', outcome }),
    )
  })

  it('maps failed to a failed call with a provider_error a person can read', async () => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'failed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('failed'))
    expect(findInteraction(store.getState(), id)?.error).toMatchObject({
      code: 'provider_error',
      message: expect.stringMatching(/could not be completed/),
      provider: { provider: 'tether', code: 'failed' },
    })
  })

  it('maps ringing, if Tether sends it', async () => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'ringing')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ringing'))
  })

  it('passes an unknown status through as updated: the state is kept and the raw value shown', async () => {
    const { client, server, store, events, logger } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'queued-x')
    await eventually(() => expect(findInteraction(store.getState(), id)?.rawState).toBe('queued-x'))
    expect(findInteraction(store.getState(), id)?.status).toBe('dialing')
    expect(events.find((e) => e.type === 'updated')).toMatchObject({
      interactionId: id,
      rawState: 'queued-x',
    })
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringMatching(/queued-x.*not in the status map/),
    )
    server.setStatus(id, 'in-progress')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
  })

  it('follows a statusMap override merged over the defaults', async () => {
    const { client, server, store } = await setupTether({
      statusMap: { 'queued-x': 'ringing', voicemail: 'ended:voicemail' },
    })
    const id = await startOk(client)
    server.setStatus(id, 'queued-x')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ringing'))
    server.setStatus(id, 'voicemail')
    await eventually(() =>
      expect(findInteraction(store.getState(), id)).toMatchObject({
        status: 'ended',
        outcome: 'voicemail',
      }),
    )
  })

  it('emits one event per change, not one per poll', async () => {
    const { client, server, events } = await setupTether()
    const id = await startOk(client)
    await eventually(() => expect(server.requestsTo('getCall').length).toBeGreaterThanOrEqual(4))
    expect(events.filter((e) => e.type !== 'connection')).toHaveLength(1)
    server.setStatus(id, 'completed')
    await eventually(() => expect(events.filter((e) => e.type === 'ended')).toHaveLength(1))
  })

  it('stops polling once the call is over', async () => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'busy')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    const polls = server.requestsTo('getCall').length
    await sleep(100)
    expect(server.requestsTo('getCall')).toHaveLength(polls)
  })

  it('stops polling on dispose: no more requests reach the server, and the one in flight is cancelled', async () => {
    const { client, server, events } = await setupTether()
    await startOk(client)
    await eventually(() => expect(server.requestsTo('getCall').length).toBeGreaterThanOrEqual(2))
    server.fault('getCall', { kind: 'delay', ms: 300 })
    const polls = server.requestsTo('getCall').length
    await eventually(() => expect(server.requestsTo('getCall').length).toBe(polls + 1))
    const seen = events.length
    client.dispose()
    client.dispose()
    await sleep(400)
    expect(server.requestsTo('getCall')).toHaveLength(polls + 1)
    expect(events).toHaveLength(seen)
  })

  it('follows several calls independently', async () => {
    const { client, server, store } = await setupTether()
    const first = await startOk(client)
    const second = await startOk(client, '+14165550123')
    server.setStatus(first, 'in-progress')
    server.setStatus(second, 'no-answer')
    await eventually(() => {
      expect(findInteraction(store.getState(), first)?.status).toBe('connected')
      expect(findInteraction(store.getState(), second)?.status).toBe('ended')
    })
  })

  it.each([
    ['behind', -60_000],
    ['ahead of', 60_000],
  ])(
    'never loses a state when Tether’s clock is %s the browser’s and the record came without times',
    async (_case, clockSkewMs) => {
      // The documented initiate answer has no times, so the first event is dated by the browser's clock.
      const { client, server, store } = await setupTether(
        {},
        { clockSkewMs, initiateFields: 'sample' },
      )
      const id = await startOk(client)
      server.setStatus(id, 'in-progress')
      await eventually(() =>
        expect(findInteraction(store.getState(), id)?.status).toBe('connected'),
      )
      server.setStatus(id, 'completed')
      await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    },
  )

  it('snapshot() gives the last state of every call it follows', async () => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'in-progress')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
    expect(await client.snapshot()).toEqual([
      expect.objectContaining({ type: 'status', status: 'connected', interactionId: id }),
    ])
  })
})

describe('Tether polling through failures', () => {
  it('survives a few 500s, reports reconnecting then open, and still delivers the final state', async () => {
    const { client, server, store, events } = await setupTether()
    const id = await startOk(client)
    server.fault(
      'getCall',
      { kind: 'status', status: 500, body: { success: false, message: 'Database unavailable' } },
      3,
    )
    await eventually(() => expect(store.getState().connection.status).toBe('reconnecting'))
    expect(store.getState().connection.error).toMatchObject({
      code: 'provider_error',
      provider: { status: 500, message: 'Database unavailable' },
    })
    server.setStatus(id, 'in-progress')
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    expect(store.getState().connection.status).toBe('open')
    expect(connectionStatuses(events)).toEqual(['reconnecting', 'open'])
    // "open" comes before the state it brings.
    const types = events.map((e) => (e.type === 'connection' ? e.status : e.type))
    expect(types.indexOf('open')).toBeLessThan(types.indexOf('ended'))
  })

  it('doubles the wait on each error up to the cap, and resets it on success', async () => {
    const { client, server, store } = await setupTether({
      poll: { intervalMs: 20, maxIntervalMs: 100 },
    })
    const id = await startOk(client)
    server.fault(
      'getCall',
      { kind: 'status', status: 503, body: { success: false, message: 'busy' } },
      5,
    )
    await eventually(
      () => expect(server.requestsTo('getCall').length).toBeGreaterThanOrEqual(10),
      3000,
    )
    const times = server.requestsTo('getCall').map((r) => r.at)
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t))
    // Polls 1-5 fail: waits of 40, 80, then 100 (the cap; 160, 320, 640 without it); 20 again after success.
    // Lower bounds are exact (a timer never fires early); upper bounds leave room for a loaded machine.
    const [g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, ...after] = gaps
    expect(g1).toBeGreaterThanOrEqual(35)
    expect(g2).toBeGreaterThanOrEqual(75)
    for (const capped of [g3, g4, g5]) expect(capped).toBeGreaterThanOrEqual(95)
    expect(g5).toBeLessThan(300)
    expect(Math.min(...after.slice(0, 3))).toBeLessThan(60)
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
  })

  it('treats a poll slower than timeoutMs as a timeout and recovers', async () => {
    const { client, server, store } = await setupTether({ timeoutMs: 250 })
    const id = await startOk(client)
    server.fault('getCall', { kind: 'delay', ms: 1000 })
    await eventually(() => expect(store.getState().connection.error?.code).toBe('timeout'))
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    expect(store.getState().connection.status).toBe('open')
  })

  it('recovers from dropped connections and a 404 while polling', async () => {
    const { client, server, store, events } = await setupTether()
    const id = await startOk(client)
    server.fault('getCall', { kind: 'drop' }, 2)
    await eventually(() => expect(store.getState().connection.error?.code).toBe('network_error'))
    server.setStatus(id, 'in-progress')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
    server.fault('getCall', {
      kind: 'status',
      status: 404,
      body: { success: false, message: 'Call not found' },
    })
    await eventually(() =>
      expect(connectionStatuses(events)).toEqual(['reconnecting', 'open', 'reconnecting']),
    )
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    expect(connectionStatuses(events)).toEqual(['reconnecting', 'open', 'reconnecting', 'open'])
  })
})

describe('Tether hang-up', () => {
  it('has no hang-up without the voice SDK’s: capabilities say so and hangup() resolves not_supported', async () => {
    const { client } = await setupTether()
    expect(client.capabilities).toMatchObject({
      hangup: false,
      hold: false,
      mute: false,
      dtmf: false,
      deferredDial: false,
    })
    const id = await startOk(client)
    const result = await client.hangup(id)
    expect(result.status === 'error' && result.error.code).toBe('not_supported')
  })

  it('hangs up through the voice SDK and fetches the record at once', async () => {
    const hangup = vi.fn((callId: string) => server.setStatus(callId, 'completed'))
    // A slow poll: the final state must come from the immediate fetch after the hang-up.
    const { client, server, store } = await setupTether({ hangup, poll: { intervalMs: 5000 } })
    expect(client.capabilities.hangup).toBe(true)
    const id = await startOk(client)
    const result = await client.hangup(id)
    expect(result.status).toBe('success')
    expect(hangup).toHaveBeenCalledWith(id)
    await eventually(
      () =>
        expect(findInteraction(store.getState(), id)).toMatchObject({
          status: 'ended',
          outcome: 'completed',
        }),
      1000,
    )
  })

  it('reports a voice SDK hang-up failure, and refuses to hang up an ended call', async () => {
    let fail = true
    const { client, server, store } = await setupTether({
      hangup: () => {
        if (fail) throw new Error('no active call')
      },
    })
    const id = await startOk(client)
    const result = await client.hangup(id)
    expect(result.status === 'error' && result.error).toMatchObject({
      code: 'provider_error',
      message: expect.stringContaining('no active call'),
      provider: { provider: 'tether', name: 'hangup' },
    })
    fail = false
    server.setStatus(id, 'completed')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('ended'))
    const again = await client.hangup(id)
    expect(again.status === 'error' && again.error.code).toBe('invalid_state')
  })
})

describe('Tether live state from the app’s own socket (events)', () => {
  function socket() {
    const subscriptions = new Map<string, TetherEventEmitter>()
    const unsubscribed: string[] = []
    const events = vi.fn((callId: string, emit: TetherEventEmitter) => {
      subscriptions.set(callId, emit)
      return () => {
        unsubscribed.push(callId)
      }
    })
    return { events, subscriptions, unsubscribed }
  }

  it('applies socket updates at once, whether the payload is { call } or the Call document', async () => {
    const io = socket()
    const { client, server, store } = await setupTether({
      events: io.events,
      poll: { intervalMs: 5000 },
    })
    const id = await startOk(client)
    expect(io.events).toHaveBeenCalledWith(id, expect.any(Function))
    server.setStatus(id, 'in-progress')
    io.subscriptions.get(id)?.({ call: server.call(id) }, 'call_answered')
    expect(findInteraction(store.getState(), id)?.status).toBe('connected')
    server.setStatus(id, 'completed')
    io.subscriptions.get(id)?.(server.call(id), 'call_ended')
    expect(findInteraction(store.getState(), id)?.status).toBe('ended')
    // A terminal state ends the subscription and the polling.
    expect(io.unsubscribed).toEqual([id])
  })

  it('ignores another call’s update, and polls at once on an update without a status', async () => {
    const io = socket()
    const { client, server, store } = await setupTether({
      events: io.events,
      poll: { intervalMs: 5000 },
    })
    const id = await startOk(client)
    const emit = io.subscriptions.get(id)!
    emit({ callId: 'someone-else', status: 'completed' }, 'call_ended')
    expect(findInteraction(store.getState(), id)?.status).toBe('dialing')
    server.setStatus(id, 'no-answer')
    emit({ callId: id }, 'call_rejected')
    await eventually(
      () =>
        expect(findInteraction(store.getState(), id)).toMatchObject({
          status: 'ended',
          outcome: 'no-answer',
        }),
      1000,
    )
  })

  it('unsubscribes at once from a source that replays a final state while subscribing', async () => {
    const unsubscribe = vi.fn()
    const { client, server, store } = await setupTether({
      events: (callId, emit) => {
        emit({ call: { callId, status: 'busy' } }, 'call_ended')
        return unsubscribe
      },
    })
    const id = await startOk(client)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'busy',
    })
    expect(unsubscribe).toHaveBeenCalledTimes(1)
    await sleep(60)
    expect(server.requestsTo('getCall')).toHaveLength(0)
  })

  it('unsubscribes on dispose and ignores late socket updates', async () => {
    const io = socket()
    const { client, events } = await setupTether({ events: io.events })
    const id = await startOk(client)
    const seen = events.length
    client.dispose()
    expect(io.unsubscribed).toEqual([id])
    io.subscriptions.get(id)?.({ callId: id, status: 'completed' })
    expect(events).toHaveLength(seen)
  })
})
