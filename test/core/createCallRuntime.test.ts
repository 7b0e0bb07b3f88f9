import { describe, expect, it, vi } from 'vitest'
import { createSimulatedClient } from '../../src/clients/simulated/index.js'
import {
  CallError,
  createCallRuntime,
  success,
  type CallClient,
  type CallRuntimeOptions,
} from '../../src/core/index.js'
import { findInteraction } from '../../src/core/reduceCallState.js'

// A fixed id prefix: the ids (sim-1 …) are named below; the default prefix is random per load.
const fast = {
  idPrefix: 'sim-',
  delays: { start: 20, ringing: 1_000, answer: 1_000, noAnswer: 1_000 },
}

describe('createCallRuntime', () => {
  it('sends 100 rapid starts for the same number as one request, and none once it is live', async () => {
    const client = createSimulatedClient(fast)
    const runtime = createCallRuntime({ client })
    const starts = Array.from({ length: 100 }, () =>
      runtime.startCall({ phoneNumber: '+1 416 555 0199' }),
    )
    const results = await Promise.all(starts)
    expect(client.control.requests).toHaveLength(1)
    expect(new Set(results.map((r) => r.id))).toEqual(new Set(['sim-1']))
    // Once started, the call is live: a further start joins it and dials nothing.
    const again = await runtime.startCall({ phoneNumber: '+14165550199' })
    expect(again).toMatchObject({ id: 'sim-1', joined: true })
    expect(client.control.requests).toHaveLength(1)
    client.dispose()
  })

  it('refuses an invalid number before the client is called', async () => {
    const client = createSimulatedClient(fast)
    const startCall = vi.spyOn(client, 'startCall')
    const runtime = createCallRuntime({ client })
    await expect(runtime.startCall({ phoneNumber: 'tomorrow' })).rejects.toMatchObject({
      code: 'invalid_number',
    })
    expect(startCall).not.toHaveBeenCalled()
  })

  it('prefills the dialpad instead of dialing in prefill mode, and dials a confirmed start', async () => {
    const client = createSimulatedClient(fast)
    const runtime = createCallRuntime({ client, dialMode: 'prefill' })
    await expect(runtime.startCall({ phoneNumber: '+14165550199' })).resolves.toEqual({
      id: null,
      deferred: true,
      phoneNumber: '+14165550199',
      joined: false,
    })
    expect(client.control.requests).toHaveLength(0)
    expect(runtime.store.getState().dialpad).toMatchObject({
      value: '+14165550199',
      source: 'prefill',
      pendingDial: { phoneNumber: '+14165550199' },
    })
    const confirmed = await runtime.startCall({ phoneNumber: '+14165550199', confirmed: true })
    expect(confirmed.id).toBe('sim-1')
    client.dispose()
  })

  it('prefills the dialpad when the provider defers the dial', async () => {
    const client = createSimulatedClient({ ...fast, deferredDial: true })
    const runtime = createCallRuntime({ client })
    const result = await runtime.startCall({ phoneNumber: '+14165550199' })
    expect(result.deferred).toBe(true)
    expect(runtime.store.getState().dialpad.source).toBe('prefill')
    client.dispose()
  })

  it('turns a "Timeout error" inside a success into a timeout error', async () => {
    const client = createSimulatedClient({ ...fast, outcome: 'timeout' })
    const runtime = createCallRuntime({ client })
    await expect(runtime.startCall({ phoneNumber: '+14165550199' })).rejects.toMatchObject({
      code: 'timeout',
      provider: { provider: 'simulated', message: 'Timeout error' },
    })
  })

  it('turns a client that breaks its contract by throwing into a CallError', async () => {
    const client: CallClient = {
      ...createSimulatedClient(fast),
      startCall: () => Promise.reject(new TypeError('Failed to fetch')),
    }
    const runtime = createCallRuntime({ client })
    const error = await runtime.startCall({ phoneNumber: '+14165550199' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallError)
    expect(error).toMatchObject({ code: 'network_error' })
  })

  it('feeds events and the snapshot into the store while connected, and aborts pending starts on disconnect', async () => {
    let listener: Parameters<CallClient['subscribe']>[0] = () => {}
    let signal: AbortSignal | undefined
    const client: CallClient = {
      name: 'stub',
      capabilities: createSimulatedClient().capabilities,
      startCall: (_n, _o, options) =>
        new Promise((resolve) => {
          signal = options?.signal
          options?.signal?.addEventListener('abort', () =>
            resolve(success({ id: null, error: 'aborted' })),
          )
        }),
      subscribe: (l) => {
        listener = l
        return () => {
          listener = () => {}
        }
      },
      snapshot: async () => [{ type: 'status', status: 'connected', interactionId: 'old', at: 1 }],
      dispose: () => {},
    }
    // Beside the live calls of the snapshot, so that the start reaches the client.
    const runtime = createCallRuntime({ client, whileOnCall: 'allow' })
    const disconnect = runtime.connect()
    await Promise.resolve()
    await Promise.resolve()
    expect(findInteraction(runtime.store.getState(), 'old')?.status).toBe('connected')
    listener({ type: 'status', status: 'ringing', interactionId: 'new', at: 2 })
    expect(runtime.store.getState().activeId).toBe('new')
    const pending = runtime.startCall({ phoneNumber: '+14165550199' }).catch((e: unknown) => e)
    disconnect()
    expect(signal?.aborted).toBe(true)
    await pending
    listener({ type: 'status', status: 'ringing', interactionId: 'late', at: 3 })
    expect(findInteraction(runtime.store.getState(), 'late')).toBeUndefined()
  })

  it('cancels a start with its signal: nothing is placed, and the number can be called again', async () => {
    const client = createSimulatedClient(fast)
    const runtime = createCallRuntime({ client })
    const controller = new AbortController()
    const start = runtime.startCall({ phoneNumber: '+14165550199', signal: controller.signal })
    controller.abort()
    await expect(start).rejects.toMatchObject({
      code: 'aborted',
      message: 'The call was cancelled before it started.',
    })
    expect(client.control.calls()).toEqual([])
    await expect(runtime.startCall({ phoneNumber: '+14165550199' })).resolves.toMatchObject({
      id: 'sim-1',
      joined: false,
    })
    // A signal already aborted sends nothing.
    await expect(
      runtime.startCall({ phoneNumber: '+14165550100', signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'aborted' })
    expect(client.control.requests).toHaveLength(2)
    client.dispose()
  })

  it('changes the rules of a start without losing calls', async () => {
    const client = createSimulatedClient(fast)
    const runtime = createCallRuntime({ client })
    const { store } = runtime
    await runtime.startCall({ phoneNumber: '+14165550199' })
    runtime.configure({ dialMode: 'prefill' })
    expect(runtime.dialMode).toBe('prefill')
    expect(runtime.store).toBe(store)
    expect(runtime.parse('4165550199').ok).toBe(false)
    runtime.configure({ policy: { unnormalizedLocal: 'pass' } })
    expect(runtime.parse('4165550199').ok).toBe(true)
    client.dispose()
  })
})

describe('createCallRuntime configuration', () => {
  it('refuses allowedCountries without phone metadata where the rules are set', () => {
    const client = createSimulatedClient()
    const message = /allowedCountries needs phone metadata/
    expect(() => createCallRuntime({ client, policy: { allowedCountries: ['US'] } })).toThrow(
      message,
    )
    const runtime = createCallRuntime({ client })
    expect(() => runtime.configure({ policy: { allowedCountries: ['US'] } })).toThrow(message)
  })
})

describe('createCallRuntime: one live call per number', () => {
  const slow = { delays: { start: 1, ringing: 60_000, answer: 60_000, noAnswer: 60_000 } }
  const ada = {
    id: 'c-1',
    type: 'contact',
    displayName: 'Ada Lovelace',
    displayType: 'Contact',
    customFields: {},
  }
  const ADA = '+14165550199'
  const GRACE = '+14165550123'

  /** A runtime with a call to Ada that is connected. */
  async function onCallWithAda(options: Partial<CallRuntimeOptions> = {}) {
    const client = createSimulatedClient(slow)
    const runtime = createCallRuntime({ client, ...options })
    const disconnect = runtime.connect()
    const { id } = await runtime.startCall({ phoneNumber: ADA, associatedObject: ada })
    client.control.advance(id!)
    client.control.advance(id!)
    expect(findInteraction(runtime.store.getState(), id!)?.status).toBe('connected')
    return { client, runtime, id: id!, disconnect }
  }

  it('joins the live call of a number instead of dialing it again, and makes it the active call', async () => {
    const { client, runtime, id } = await onCallWithAda({ whileOnCall: 'allow' })
    await runtime.startCall({ phoneNumber: GRACE })
    expect(runtime.store.getState().activeId).not.toBe(id)
    for (const status of ['connected', 'held'] as const) {
      if (status === 'held') await client.hold(id)
      const again = await runtime.startCall({ phoneNumber: '+1 (416) 555-0199' })
      expect(again).toEqual({ id, deferred: false, phoneNumber: ADA, joined: true })
      expect(runtime.store.getState().activeId).toBe(id)
    }
    expect(client.control.requests.map((r) => r.phoneNumber)).toEqual([ADA, GRACE])
    client.dispose()
  })

  it('joins a call the client placed before its first event arrived', async () => {
    const client: CallClient = {
      ...createSimulatedClient(fast),
      startCall: vi.fn(async () => success({ id: 'quiet-1' })),
      subscribe: () => () => {},
    }
    const runtime = createCallRuntime({ client })
    const first = await runtime.startCall({ phoneNumber: ADA, associatedObject: ada })
    const second = await runtime.startCall({ phoneNumber: ADA })
    expect(first).toEqual({ id: 'quiet-1', deferred: false, phoneNumber: ADA, joined: false })
    expect(second).toMatchObject({ id: 'quiet-1', joined: true })
    expect(client.startCall).toHaveBeenCalledTimes(1)
    expect(findInteraction(runtime.store.getState(), 'quiet-1')).toMatchObject({
      status: 'initiating',
      phoneNumber: ADA,
      associatedObject: ada,
    })
    expect(runtime.store.getState().activeId).toBe('quiet-1')
  })

  it('lets the provider’s first event apply over the placed call whatever its clock', async () => {
    const client = createSimulatedClient(fast)
    const runtime = createCallRuntime({ client })
    runtime.store.getState().placed('x', ADA)
    runtime.store
      .getState()
      .dispatch({ type: 'status', status: 'ringing', interactionId: 'x', at: 5 })
    expect(findInteraction(runtime.store.getState(), 'x')?.status).toBe('ringing')
  })

  it('refuses a start to another number while a call is live, naming the call (whileOnCall="refuse", the default)', async () => {
    const { client, runtime, id } = await onCallWithAda()
    const error = await runtime.startCall({ phoneNumber: GRACE }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallError)
    expect(error).toMatchObject({
      code: 'invalid_state',
      message: 'You are on a call with Ada Lovelace. Hang up or put it on hold first.',
    })
    expect(client.control.requests).toHaveLength(1)
    // A held call does not stand in the way.
    await client.hold(id)
    await expect(runtime.startCall({ phoneNumber: GRACE })).resolves.toMatchObject({
      joined: false,
    })
    expect(client.control.requests).toHaveLength(2)
    client.dispose()
  })

  it('refuses a second number while the first one’s start is still in flight', async () => {
    const client = createSimulatedClient({ delays: { start: 50 } })
    const runtime = createCallRuntime({ client })
    const first = runtime.startCall({ phoneNumber: ADA, associatedObject: ada })
    await expect(runtime.startCall({ phoneNumber: GRACE })).rejects.toMatchObject({
      message: 'You are on a call with Ada Lovelace. Hang up or put it on hold first.',
    })
    await first
    expect(client.control.requests).toHaveLength(1)
    client.dispose()
  })

  it('puts the live call on hold first with whileOnCall="hold-and-dial"', async () => {
    const { client, runtime, id } = await onCallWithAda({ whileOnCall: 'hold-and-dial' })
    const grace = await runtime.startCall({ phoneNumber: GRACE })
    const { activeId } = runtime.store.getState()
    expect(findInteraction(runtime.store.getState(), id)?.status).toBe('held')
    expect(activeId).toBe(grace.id)
    expect(client.control.requests).toHaveLength(2)
    client.dispose()
  })

  it('refuses with whileOnCall="hold-and-dial" when the live call cannot be held', async () => {
    const client = createSimulatedClient(slow)
    const runtime = createCallRuntime({ client, whileOnCall: 'hold-and-dial' })
    runtime.connect()
    await runtime.startCall({ phoneNumber: ADA, associatedObject: ada })
    await expect(runtime.startCall({ phoneNumber: GRACE })).rejects.toMatchObject({
      code: 'invalid_state',
    })
    expect(client.control.requests).toHaveLength(1)
    client.dispose()
  })

  it('places calls side by side with whileOnCall="allow"', async () => {
    const { client, runtime } = await onCallWithAda({ whileOnCall: 'allow' })
    await runtime.startCall({ phoneNumber: GRACE })
    expect(client.control.requests).toHaveLength(2)
    client.dispose()
  })
})
