// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { createDialStackClient } from '../../../src/clients/dialstack/index.js'
import { createCallStore } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { waitForStatus } from '../contract.js'
import { dialStackTests, startCall, tick, type DialStackWithStore } from './setupDialStack.js'

const { polling } = dialStackTests()

describe('DialStack call-log polling (no events)', () => {
  it('finds the new call in the log, follows it to its end, then stops polling', async () => {
    const s = await polling()
    const { id, callId } = await startCall(s)
    await vi.waitFor(() =>
      expect(findInteraction(s.store.getState(), id)?.providerCallId).toBe(callId),
    )
    const list = s.fake.requests.find((r) => r.route === 'calls.list')
    expect(Object.fromEntries(list!.query)).toMatchObject({
      user_id: expect.stringMatching(/^user_/),
      direction: 'outbound',
    })
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
    s.fake.end(callId, 'busy')
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)?.outcome).toBe('busy')
    const polls = s.fake.count('calls.retrieve')
    await tick(120)
    expect(s.fake.count('calls.retrieve')).toBe(polls)
  })

  it('reads its call log naming the user, so the backend authorizes before DialStack is asked', async () => {
    const actions: { type: string; userId?: string; upstreamReads: number }[] = []
    const peer: { fake?: DialStackWithStore['fake'] } = {}
    const s = await polling({
      handler: {
        authorize: (_request, action) => {
          if (action.type === 'calls.retrieve')
            actions.push({ ...action, upstreamReads: peer.fake?.count('calls.retrieve') ?? 0 })
          return true
        },
      },
    })
    peer.fake = s.fake
    const { id, callId } = await startCall(s)
    await vi.waitFor(() =>
      expect(findInteraction(s.store.getState(), id)?.providerCallId).toBe(callId),
    )
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
    const first = actions[0]
    expect(first).toMatchObject({ type: 'calls.retrieve', userId: expect.stringMatching(/^user_/) })
    expect(first!.upstreamReads).toBe(0)
  })

  it('matches a local number to the normalized log entry', async () => {
    const s = await polling()
    const { id, callId } = await startCall(s, '555-123-4567')
    await vi.waitFor(() =>
      expect(findInteraction(s.store.getState(), id)?.providerCallId).toBe(callId),
    )
  })

  it('reports a failing backend as reconnecting and recovers to open', async () => {
    const s = await polling()
    const { id, callId } = await startCall(s)
    await vi.waitFor(() =>
      expect(findInteraction(s.store.getState(), id)?.providerCallId).toBe(callId),
    )
    s.fake.failNext('calls.retrieve', { status: 500, body: { error: 'Internal server error' } })
    const down = await s.waitForEvent((e) => e.type === 'connection' && e.status === 'reconnecting')
    expect(down).toMatchObject({ error: { code: 'provider_error', provider: { status: 500 } } })
    await s.waitForEvent((e) => e.type === 'connection' && e.status === 'open')
    expect(s.store.getState().connection.status).toBe('open')
    s.fake.end(callId, 'completed')
    await waitForStatus(s.store, id, ['ended'])
  })

  it('recovers live calls started elsewhere (another tab, a reload) through snapshot()', async () => {
    const s = await polling()
    const { callId } = await startCall(s)
    // A second client on the same backend, as after a page reload: it knows nothing of the call.
    const reloaded = createDialStackClient({
      endpoint: `${s.backend.url}/api/dialstack/calls`,
      userId: s.fake.latestCall()!.user,
      poll: { url: `${s.backend.url}/api/dialstack/calls`, intervalMs: 20 },
    })
    const store = createCallStore({ capabilities: reloaded.capabilities })
    reloaded.subscribe((event) => store.getState().dispatch(event))
    const snapshot = await reloaded.snapshot!()
    expect(snapshot).toEqual([
      expect.objectContaining({
        type: 'status',
        status: 'dialing',
        interactionId: callId,
        providerCallId: callId,
      }),
    ])
    for (const event of snapshot) store.getState().dispatch(event)
    s.fake.answer(callId)
    await waitForStatus(store, callId, ['connected'])
    s.fake.end(callId, 'completed')
    await waitForStatus(store, callId, ['ended'])
    reloaded.dispose()
  })

  it('leaves a call dialing and says why when neither events nor poll is set', async () => {
    const logger = { warn: vi.fn(), debug: vi.fn() }
    const s = await polling({ client: { poll: false, logger } })
    const { id } = await startCall(s)
    await tick()
    expect(findInteraction(s.store.getState(), id)?.status).toBe('dialing')
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('neither events nor poll'))
    expect(s.fake.count('calls.list')).toBe(0)
  })
})
