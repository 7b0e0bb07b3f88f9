/**
 * The simulated phone system kept in a storage (`simulatedCallStorage`): a simulator that adopts
 * another page's calls (the tab that takes over shared tabs) goes on with their script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createSimulatedClient,
  simulatedCallStorage,
  type SimulatedClient,
  type SimulatedClientOptions,
} from '../../../src/clients/simulated/index.js'
import { createMemoryCallLogStorage } from '../../../src/call-log/index.js'
import { createCallStore, type CallStoreApi } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

const NUMBER = '+14165550199'
const clients: SimulatedClient[] = []

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose()
  vi.useRealTimers()
})

/** One page's simulator on the shared storage, with a store fed by it. */
function page(
  storage: ReturnType<typeof createMemoryCallLogStorage>,
  options: SimulatedClientOptions = {},
) {
  const client = createSimulatedClient({
    idPrefix: 'sim-',
    delays: { start: 10, ringing: 1_000, answer: 2_000, noAnswer: 6_000 },
    callStorage: simulatedCallStorage(storage),
    ...options,
  })
  clients.push(client)
  const store: CallStoreApi = createCallStore({ capabilities: client.capabilities })
  client.subscribe((event) => store.getState().dispatch(event))
  const status = (id: string) => findInteraction(store.getState(), id)?.status
  return { client, store, status }
}

/** The page closes: its simulator stops, its calls stay in the storage. */
const close = (client: SimulatedClient) => client.dispose()

async function adopt(next: ReturnType<typeof page>) {
  for (const event of await next.client.snapshot!()) next.store.getState().dispatch(event)
}

/** The adopted call is still `status` 1 ms before it is due, `ms` from now, and ends then with `outcome`. */
async function expectEndsAt(
  next: ReturnType<typeof page>,
  id: string,
  ms: number,
  status: string,
  outcome: string,
) {
  await vi.advanceTimersByTimeAsync(ms - 1)
  expect(next.status(id)).toBe(status)
  await vi.advanceTimersByTimeAsync(1)
  expect(findInteraction(next.store.getState(), id)).toMatchObject({ status: 'ended', outcome })
}

describe('simulatedCallStorage: an adopted call goes on with its script', () => {
  it('a call dialing when its page closed rings and is answered on time in the page that adopts it', async () => {
    const storage = createMemoryCallLogStorage()
    const first = page(storage)
    const started = first.client.startCall(NUMBER)
    await vi.advanceTimersByTimeAsync(10)
    const result = await started
    const id = result.status === 'success' ? result.data.id! : ''
    await vi.advanceTimersByTimeAsync(400)
    close(first.client)

    const second = page(storage)
    await adopt(second)
    expect(second.status(id)).toBe('dialing')
    // Ringing was due 1 s after the dial: 600 ms from now.
    await vi.advanceTimersByTimeAsync(599)
    expect(second.status(id)).toBe('dialing')
    await vi.advanceTimersByTimeAsync(1)
    expect(second.status(id)).toBe('ringing')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(second.status(id)).toBe('connected')
  })

  it('a step that fell due while no page held the call runs at once; its outcome and duration hold', async () => {
    const storage = createMemoryCallLogStorage()
    const first = page(storage, { outcome: 'busy' })
    const started = first.client.startCall(NUMBER)
    await vi.advanceTimersByTimeAsync(1_010)
    const result = await started
    const id = result.status === 'success' ? result.data.id! : ''
    expect(first.status(id)).toBe('ringing')
    close(first.client)
    await vi.advanceTimersByTimeAsync(5_000)

    // The next page's own outcome is 'answered': the call keeps the one it was placed with.
    const second = page(storage)
    await adopt(second)
    await vi.advanceTimersByTimeAsync(0)
    expect(findInteraction(second.store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'busy',
    })
  })

  it('a connected call with a duration ends when it was due to', async () => {
    const storage = createMemoryCallLogStorage()
    const first = page(storage, { callDurationMs: 10_000 })
    const started = first.client.startCall(NUMBER)
    await vi.advanceTimersByTimeAsync(3_010)
    const result = await started
    const id = result.status === 'success' ? result.data.id! : ''
    expect(first.status(id)).toBe('connected')
    close(first.client)

    const second = page(storage)
    await adopt(second)
    await expectEndsAt(second, id, 10_000, 'connected', 'completed')
  })

  it('an inbound call adopted while ringing rings out when it was due to', async () => {
    const storage = createMemoryCallLogStorage()
    const first = page(storage)
    const id = first.client.control.ring({ from: '+14165550100' })
    await vi.advanceTimersByTimeAsync(1_000)
    close(first.client)

    const second = page(storage)
    await adopt(second)
    await expectEndsAt(second, id, 5_000, 'ringing', 'missed')
  })

  it('a call hung up, or moved on by hand, keeps no script to replay', async () => {
    const storage = createMemoryCallLogStorage()
    const first = page(storage)
    const started = first.client.startCall(NUMBER)
    await vi.advanceTimersByTimeAsync(10)
    const result = await started
    const id = result.status === 'success' ? result.data.id! : ''
    first.client.control.advance(id) // ringing now, by hand
    first.client.control.advance(id) // answered now, by hand
    expect(first.status(id)).toBe('connected')
    close(first.client)

    const second = page(storage)
    await adopt(second)
    await vi.advanceTimersByTimeAsync(60_000)
    // Connected without a duration: it waits to be hung up, as in the page that placed it.
    expect(second.status(id)).toBe('connected')
    await second.client.hangup(id)
    expect(second.status(id)).toBe('ended')
  })
})
