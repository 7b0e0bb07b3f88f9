import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSimulatedClient } from '../../../src/clients/simulated/index.js'
import { createCallStore, selectInteractions } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

const CALLER = '+14165550199'
const ada = {
  id: 'c-1',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: {},
}

function setup(options: Parameters<typeof createSimulatedClient>[0] = {}) {
  const client = createSimulatedClient({ idPrefix: 'sim-', ...options })
  const store = createCallStore({ capabilities: client.capabilities })
  client.subscribe((event) => store.getState().dispatch(event))
  const call = (id: string) => findInteraction(store.getState(), id)
  return { client, store, call }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('simulated inbound calls (control.ring)', () => {
  it('rings the agent with the caller’s number and record, and returns the call’s id', () => {
    const { client, call } = setup()
    const id = client.control.ring({ from: CALLER, associatedObject: ada })
    expect(call(id)).toMatchObject({
      status: 'ringing',
      direction: 'inbound',
      phoneNumber: CALLER,
      associatedObject: ada,
    })
    expect(client.capabilities).toMatchObject({ answer: true, decline: true })
  })

  it('answers: connected; declines: ended declined', async () => {
    const { client, call } = setup()
    const answered = client.control.ring({ from: CALLER })
    expect(await client.answer(answered)).toEqual({ status: 'success', data: null })
    expect(call(answered)?.status).toBe('connected')
    const declined = client.control.ring({ from: '+14165550100' })
    await client.decline(declined)
    expect(call(declined)).toMatchObject({ status: 'ended', outcome: 'declined' })
  })

  it('rings out after delays.noAnswer: missed', () => {
    const { client, call } = setup({ delays: { noAnswer: 5000 } })
    const id = client.control.ring({ from: CALLER })
    vi.advanceTimersByTime(4999)
    expect(call(id)?.status).toBe('ringing')
    vi.advanceTimersByTime(1)
    expect(call(id)).toMatchObject({ status: 'ended', outcome: 'missed' })
  })

  it('answers by itself after answerAfterMs', () => {
    const { client, call } = setup()
    const id = client.control.ring({ from: CALLER, answerAfterMs: 1500 })
    vi.advanceTimersByTime(1500)
    expect(call(id)?.status).toBe('connected')
  })

  it('refuses to answer what is not a ringing inbound call, and a client without the capability', async () => {
    const { client } = setup()
    const started = client.startCall(CALLER)
    await vi.advanceTimersByTimeAsync(300)
    const result = await started
    const outbound = result.status === 'success' ? result.data.id! : ''
    const refused = await client.answer(outbound)
    expect(refused.status === 'error' && refused.error.code).toBe('invalid_state')
    const id = client.control.ring({ from: '+14165550100' })
    await client.answer(id)
    const twice = await client.answer(id)
    expect(twice.status === 'error' && twice.error.code).toBe('invalid_state')

    const limited = setup({ capabilities: { answer: false } })
    const ringing = limited.client.control.ring({ from: CALLER })
    const unsupported = await limited.client.answer(ringing)
    expect(unsupported.status === 'error' && unsupported.error.code).toBe('not_supported')
  })

  it('throws a clear error for a number no phone shows', () => {
    const { client } = setup()
    expect(() => client.control.ring({ from: 'call me' })).toThrow(/control\.ring/)
  })

  it('restores a ringing inbound call from a snapshot as inbound', async () => {
    const { client } = setup()
    client.control.ring({ from: CALLER })
    const fresh = createCallStore({ capabilities: client.capabilities })
    for (const event of await client.snapshot()) fresh.getState().dispatch(event)
    expect(selectInteractions(fresh.getState())[0]).toMatchObject({
      status: 'ringing',
      direction: 'inbound',
    })
  })
})
