import { describe, expect, it, vi } from 'vitest'
import { createSimulatedClient } from '../../src/clients/simulated/index.js'
import { CallError, createCallRuntime, success, type CallClient } from '../../src/core/index.js'

const fast = { delays: { start: 20, ringing: 1_000, answer: 1_000, noAnswer: 1_000 } }

describe('createCallRuntime', () => {
  it('sends 100 rapid starts for the same number as one request while it is pending', async () => {
    const client = createSimulatedClient(fast)
    const runtime = createCallRuntime({ client })
    const starts = Array.from({ length: 100 }, () =>
      runtime.startCall({ phoneNumber: '+1 416 555 0199' }),
    )
    const results = await Promise.all(starts)
    expect(client.control.requests).toHaveLength(1)
    expect(new Set(results.map((r) => r.id))).toEqual(new Set(['sim-1']))
    await runtime.startCall({ phoneNumber: '+14165550199' })
    expect(client.control.requests).toHaveLength(2)
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
    })
    expect(client.control.requests).toHaveLength(0)
    expect(runtime.store.getState().dialpad).toMatchObject({
      value: '+14165550199',
      source: 'prefill',
      prefillCount: 1,
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
    const runtime = createCallRuntime({ client })
    const disconnect = runtime.connect()
    await Promise.resolve()
    await Promise.resolve()
    expect(runtime.store.getState().interactions.old?.status).toBe('connected')
    listener({ type: 'status', status: 'ringing', interactionId: 'new', at: 2 })
    expect(runtime.store.getState().activeId).toBe('new')
    const pending = runtime.startCall({ phoneNumber: '+14165550199' }).catch((e: unknown) => e)
    disconnect()
    expect(signal?.aborted).toBe(true)
    await pending
    listener({ type: 'status', status: 'ringing', interactionId: 'late', at: 3 })
    expect(runtime.store.getState().interactions.late).toBeUndefined()
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
