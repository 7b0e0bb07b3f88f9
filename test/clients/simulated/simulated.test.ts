/**
 * The simulated client's own behaviour, beyond the shared contract: its timeline, each outcome,
 * deferred dial, the controls and their state rules, and the control surface stories and tests
 * drive it with. Fake timers make every step exact.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createSimulatedClient,
  type SimulatedClient,
  type SimulatedClientOptions,
} from '../../../src/clients/simulated/index.js'
import {
  createCallStore,
  isCallError,
  type CallEvent,
  type CallStoreApi,
  type InteractionAssociatedObject,
} from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

const NUMBER = '+14165550199'

const contact: InteractionAssociatedObject = {
  id: 'contact-42',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { accountTier: 'Gold' },
}

interface Harness {
  client: SimulatedClient
  store: CallStoreApi
  events: CallEvent[]
}

let harness: Harness | undefined

/** A client whose ids a test can name: `sim-1`, `sim-2` … (the default prefix is random per load). */
function setup(options?: SimulatedClientOptions): Harness {
  const client = createSimulatedClient({ idPrefix: 'sim-', ...options })
  const store = createCallStore({ capabilities: client.capabilities })
  const events: CallEvent[] = []
  client.subscribe((event) => {
    events.push(event)
    store.getState().dispatch(event)
  })
  harness = { client, store, events }
  return harness
}

/** Starts a call and lets the simulated start delay (300 ms by default) pass. */
async function start(client: SimulatedClient, number = NUMBER) {
  const pending = client.startCall(number, contact)
  await vi.advanceTimersByTimeAsync(300)
  return pending
}

async function startedId(client: SimulatedClient): Promise<string> {
  const result = await start(client)
  if (result.status !== 'success' || result.data.id === null)
    throw new Error('expected a started call')
  return result.data.id
}

const statusOf = (store: CallStoreApi, id: string) => findInteraction(store.getState(), id)?.status

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  harness?.client.dispose()
  harness = undefined
  vi.useRealTimers()
})

describe('simulated client: timeline', () => {
  it('dials, rings after 1 s, connects 2 s later and stays connected', async () => {
    const { client, store, events } = setup()
    const result = await start(client)
    expect(result).toEqual({ status: 'success', data: { id: 'sim-1' } })
    expect(statusOf(store, 'sim-1')).toBe('dialing')
    expect(findInteraction(store.getState(), 'sim-1')).toMatchObject({
      phoneNumber: NUMBER,
      associatedObject: contact,
      direction: 'outbound',
    })

    await vi.advanceTimersByTimeAsync(999)
    expect(statusOf(store, 'sim-1')).toBe('dialing')
    await vi.advanceTimersByTimeAsync(1)
    expect(statusOf(store, 'sim-1')).toBe('ringing')

    await vi.advanceTimersByTimeAsync(1999)
    expect(statusOf(store, 'sim-1')).toBe('ringing')
    await vi.advanceTimersByTimeAsync(1)
    expect(statusOf(store, 'sim-1')).toBe('connected')
    expect(findInteraction(store.getState(), 'sim-1')?.connectedAt).toBe(Date.now())

    const count = events.length
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    expect(statusOf(store, 'sim-1')).toBe('connected')
    expect(events).toHaveLength(count)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stamps every event with a growing seq and the current time', async () => {
    const { client, events } = setup()
    await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    const seqs = events.map((event) => ('seq' in event ? event.seq : undefined))
    expect(seqs).toEqual([1, 2, 3])
    const times = events.map((event) => ('at' in event ? event.at : 0))
    expect(times[1]! - times[0]!).toBe(1000)
    expect(times[2]! - times[1]!).toBe(2000)
  })

  it('honours custom delays', async () => {
    const { client, store } = setup({ delays: { start: 10, ringing: 20, answer: 30 } })
    const pending = client.startCall(NUMBER)
    await vi.advanceTimersByTimeAsync(10)
    const result = await pending
    expect(result.status).toBe('success')
    await vi.advanceTimersByTimeAsync(20)
    expect(statusOf(store, 'sim-1')).toBe('ringing')
    await vi.advanceTimersByTimeAsync(30)
    expect(statusOf(store, 'sim-1')).toBe('connected')
  })

  it('gives each call its own id', async () => {
    const { client } = setup()
    const first = await start(client)
    const second = await start(client, '+442079460018')
    expect(first.status === 'success' && first.data.id).toBe('sim-1')
    expect(second.status === 'success' && second.data.id).toBe('sim-2')
    expect(client.control.calls().map((call) => call.phoneNumber)).toEqual([
      NUMBER,
      '+442079460018',
    ])
  })

  it('numbers the calls of each page load after an id of its own, so a persisted log never meets them', async () => {
    // Two clients stand for two page loads: each starts its numbering at 1 again.
    const earlier = createSimulatedClient()
    const later = createSimulatedClient()
    const ids = []
    for (const client of [earlier, later]) {
      const pending = client.startCall(NUMBER)
      await vi.advanceTimersByTimeAsync(300)
      const result = await pending
      ids.push(result.status === 'success' ? result.data.id : null)
      client.dispose()
    }
    for (const id of ids) expect(id).toMatch(/^sim-[a-z0-9]{4}-1$/)
    expect(ids[0]).not.toBe(ids[1])
  })
})

describe('simulated client: outcomes', () => {
  it('busy: rings, then ends with outcome busy', async () => {
    const { client, store } = setup({ outcome: 'busy' })
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(1000)
    expect(statusOf(store, id)).toBe('ringing')
    await vi.advanceTimersByTimeAsync(2000)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'busy',
    })
    expect(findInteraction(store.getState(), id)?.connectedAt).toBeUndefined()
  })

  it('no-answer: rings for 6 s, then ends with outcome no-answer', async () => {
    const { client, store } = setup({ outcome: 'no-answer' })
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(1000 + 5999)
    expect(statusOf(store, id)).toBe('ringing')
    await vi.advanceTimersByTimeAsync(1)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'no-answer',
    })
  })

  it('failed: rings, then a failed event with a provider_error', async () => {
    const { client, store, events } = setup({ outcome: 'failed' })
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    const failed = events.at(-1)
    expect(failed).toMatchObject({ type: 'failed', interactionId: id })
    const interaction = findInteraction(store.getState(), id)
    expect(interaction?.status).toBe('failed')
    expect(interaction?.error?.code).toBe('provider_error')
    expect(interaction?.error?.message).toMatch(/\w{5,}/)
    expect(interaction?.error?.provider?.provider).toBe('simulated')
  })

  it('timeout: the start succeeds with Bright Pattern\'s "Timeout error" and no call', async () => {
    const { client, events } = setup({ outcome: 'timeout' })
    const result = await start(client)
    expect(result).toEqual({ status: 'success', data: { id: null, error: 'Timeout error' } })
    expect(client.control.calls()).toEqual([])
    expect(events).toEqual([])
  })

  it('callDurationMs ends a connected call by itself with completed', async () => {
    const { client, store } = setup({ callDurationMs: 5000 })
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    expect(statusOf(store, id)).toBe('connected')
    await vi.advanceTimersByTimeAsync(4999)
    expect(statusOf(store, id)).toBe('connected')
    await vi.advanceTimersByTimeAsync(1)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'completed',
    })
  })

  it('setOptions changes the outcome of the next calls', async () => {
    const { client, store } = setup()
    client.control.setOptions({ outcome: 'busy' })
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    expect(findInteraction(store.getState(), id)?.outcome).toBe('busy')
  })
})

describe('simulated client: deferred dial', () => {
  it('answers { id: null } and dials nothing; a start for the deferred number then dials', async () => {
    const { client, store, events } = setup({ deferredDial: true })
    const deferred = await start(client)
    expect(deferred).toEqual({ status: 'success', data: { id: null } })
    expect(client.control.calls()).toEqual([])
    expect(events).toEqual([])
    expect(client.control.requests).toEqual([{ phoneNumber: NUMBER, initialObject: contact }])

    const confirmed = await start(client, NUMBER)
    expect(confirmed).toEqual({ status: 'success', data: { id: 'sim-1' } })
    expect(client.control.requests).toHaveLength(2)
    expect(statusOf(store, 'sim-1')).toBe('dialing')
  })
})

describe('simulated client: start failures', () => {
  it('refuses bad numbers and bad associated objects before any request', async () => {
    const { client } = setup()
    const letters = await client.startCall('call me')
    expect(letters.status === 'error' && letters.error.code).toBe('invalid_number')
    const bad = { ...contact, customFields: { tier: 1 } } as unknown as InteractionAssociatedObject
    const object = await client.startCall(NUMBER, bad)
    expect(object.status === 'error' && object.error.code).toBe('invalid_argument')
    expect(client.control.requests).toEqual([])
  })

  it('failNextStart fails only the next start, as a CallError envelope', async () => {
    const { client } = setup()
    client.control.failNextStart('rate_limited', 'Slow down.')
    const failed = await start(client)
    expect(failed.status).toBe('error')
    if (failed.status === 'error') {
      expect(isCallError(failed.error)).toBe(true)
      expect(failed.error.code).toBe('rate_limited')
      expect(failed.error.message).toBe('Slow down.')
      expect(failed.error.provider?.provider).toBe('simulated')
    }
    expect(client.control.calls()).toEqual([])
    const next = await start(client)
    expect(next.status).toBe('success')
  })

  it('an aborted start resolves to aborted and creates no call', async () => {
    const { client } = setup()
    const controller = new AbortController()
    const pending = client.startCall(NUMBER, undefined, { signal: controller.signal })
    await vi.advanceTimersByTimeAsync(100)
    controller.abort()
    const result = await pending
    expect(result.status === 'error' && result.error.code).toBe('aborted')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(client.control.calls()).toEqual([])
  })
})

describe('simulated client: controls and their state rules', () => {
  it('hangup while ringing cancels; hangup while connected completes', async () => {
    const { client, store } = setup()
    const ringing = await startedId(client)
    await vi.advanceTimersByTimeAsync(1000)
    expect(await client.hangup(ringing)).toEqual({ status: 'success', data: null })
    expect(findInteraction(store.getState(), ringing)).toMatchObject({
      status: 'ended',
      outcome: 'canceled',
    })

    const connected = await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    expect(await client.hangup(connected)).toEqual({ status: 'success', data: null })
    expect(findInteraction(store.getState(), connected)).toMatchObject({
      status: 'ended',
      outcome: 'completed',
    })
    // The call's own timers stopped with it.
    await vi.advanceTimersByTimeAsync(10_000)
    expect(statusOf(store, connected)).toBe('ended')
  })

  it('hold and resume only where they make sense', async () => {
    const { client, store } = setup()
    const id = await startedId(client)
    const early = await client.hold(id)
    expect(early.status === 'error' && early.error.code).toBe('invalid_state')
    expect(early.status === 'error' && early.error.message).toMatch(/dialing/)
    const resumeEarly = await client.resume(id)
    expect(resumeEarly.status === 'error' && resumeEarly.error.code).toBe('invalid_state')

    await vi.advanceTimersByTimeAsync(3000)
    expect((await client.hold(id)).status).toBe('success')
    expect(statusOf(store, id)).toBe('held')
    const twice = await client.hold(id)
    expect(twice.status === 'error' && twice.error.code).toBe('invalid_state')
    expect((await client.resume(id)).status).toBe('success')
    expect(statusOf(store, id)).toBe('connected')

    await client.hangup(id)
    const afterEnd = await client.hold(id)
    expect(afterEnd.status === 'error' && afterEnd.error.code).toBe('invalid_state')
  })

  it('mute while connected or held updates the call; not before', async () => {
    const { client, store } = setup()
    const id = await startedId(client)
    const early = await client.mute(id, true)
    expect(early.status === 'error' && early.error.code).toBe('invalid_state')
    await vi.advanceTimersByTimeAsync(3000)
    expect((await client.mute(id, true)).status).toBe('success')
    expect(findInteraction(store.getState(), id)?.muted).toBe(true)
    expect(statusOf(store, id)).toBe('connected')
    await client.hold(id)
    expect((await client.mute(id, false)).status).toBe('success')
    expect(findInteraction(store.getState(), id)).toMatchObject({ muted: false, status: 'held' })
  })

  it('DTMF: digits 0-9 * # while connected; anything else is invalid_argument', async () => {
    const { client } = setup()
    const id = await startedId(client)
    const early = await client.sendDtmf(id, '1')
    expect(early.status === 'error' && early.error.code).toBe('invalid_state')
    await vi.advanceTimersByTimeAsync(3000)
    expect((await client.sendDtmf(id, '12*#')).status).toBe('success')
    expect((await client.sendDtmf(id, '0')).status).toBe('success')
    for (const digits of ['A', '1 2', '', '+1']) {
      const result = await client.sendDtmf(id, digits)
      expect(result.status === 'error' && result.error.code).toBe('invalid_argument')
    }
    expect(client.control.calls()[0]?.dtmf).toBe('12*#0')
  })

  it('a control on an unknown call is not_found', async () => {
    const { client } = setup()
    const result = await client.hangup('sim-404')
    expect(result.status === 'error' && result.error.code).toBe('not_found')
  })

  it('updateAssociatedObject replaces the object of a live call and validates it', async () => {
    const { client, store } = setup()
    const id = await startedId(client)
    const next = { ...contact, displayName: 'Grace Hopper' }
    expect((await client.updateAssociatedObject(id, next)).status).toBe('success')
    expect(findInteraction(store.getState(), id)?.associatedObject).toEqual(next)
    const bad = await client.updateAssociatedObject(id, {
      id: '',
    } as unknown as InteractionAssociatedObject)
    expect(bad.status === 'error' && bad.error.code).toBe('invalid_argument')
  })
})

describe('simulated client: capabilities', () => {
  it('has every capability by default', () => {
    const { client } = setup()
    expect(client.capabilities).toEqual({
      deferredDial: true,
      hangup: true,
      hold: true,
      mute: true,
      dtmf: true,
      updateAssociatedObject: true,
      answer: true,
      decline: true,
    })
  })

  it('reflects capabilities turned off, and refuses those controls with not_supported', async () => {
    const { client, store } = setup({ capabilities: { hold: false, dtmf: false } })
    expect(client.capabilities).toMatchObject({
      hold: false,
      dtmf: false,
      hangup: true,
      mute: true,
    })
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    const hold = await client.hold(id)
    expect(hold.status === 'error' && hold.error.code).toBe('not_supported')
    const dtmf = await client.sendDtmf(id, '1')
    expect(dtmf.status === 'error' && dtmf.error.code).toBe('not_supported')
    expect(statusOf(store, id)).toBe('connected')
    expect((await client.mute(id, true)).status).toBe('success')
  })
})

describe('simulated client: after-call work', () => {
  it('keeps the agent in after-call work until the wrap-up is completed', async () => {
    const { client, store, events } = setup({ afterCallWork: true })
    expect(client.capabilities.afterCallWork).toBe(true)
    const id = await startedId(client)
    const live = await client.completeWrapUp(id, { notes: 'too early' })
    expect(live.status === 'error' && live.error.code).toBe('invalid_state')
    await vi.advanceTimersByTimeAsync(3000)
    await client.hangup(id)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      afterCallWork: true,
    })

    const done = await client.completeWrapUp(id, { disposition: 'sale', notes: 'Signed' })
    expect(done.status).toBe('success')
    expect(events.at(-1)).toMatchObject({ type: 'completed', interactionId: id })
    expect(findInteraction(store.getState(), id)).not.toHaveProperty('afterCallWork')
    expect(client.control.calls()[0]?.wrapUp).toEqual({ disposition: 'sale', notes: 'Signed' })
  })

  it('has no after-call work unless asked, and lists dispositions only when given some', async () => {
    const plain = createSimulatedClient()
    expect(plain.capabilities.afterCallWork).toBeUndefined()
    expect(plain.listDispositions).toBeUndefined()
    const refused = await plain.completeWrapUp('sim-1', {})
    expect(refused.status === 'error' && refused.error.code).toBe('not_supported')
    plain.dispose()

    const list = [{ value: 'sale', label: 'Sale' }]
    const withList = createSimulatedClient({ dispositions: list })
    await expect(withList.listDispositions?.()).resolves.toEqual({ status: 'success', data: list })
    withList.dispose()
  })
})

describe('simulated client: control surface', () => {
  it('advance steps a call through dialing → ringing → connected → ended', async () => {
    const { client, store } = setup()
    const id = await startedId(client)
    client.control.advance(id)
    expect(statusOf(store, id)).toBe('ringing')
    client.control.advance(id)
    expect(statusOf(store, id)).toBe('connected')
    client.control.advance(id)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'completed',
    })
    client.control.advance(id)
    expect(statusOf(store, id)).toBe('ended')
  })

  it('advance replaces the pending timer: no second ringing later', async () => {
    const { client, events } = setup()
    const id = await startedId(client)
    client.control.advance(id)
    const count = events.length
    await vi.advanceTimersByTimeAsync(1000)
    expect(events).toHaveLength(count)
    await vi.advanceTimersByTimeAsync(1000)
    expect(statusOf(harness!.store, id)).toBe('connected')
  })

  it('end and fail finish a call now', async () => {
    const { client, store } = setup()
    const a = await startedId(client)
    const b = await startedId(client)
    client.control.end(a, 'voicemail')
    expect(findInteraction(store.getState(), a)).toMatchObject({
      status: 'ended',
      outcome: 'voicemail',
    })
    client.control.fail(b, 'Carrier down.')
    expect(findInteraction(store.getState(), b)).toMatchObject({
      status: 'failed',
      error: { code: 'provider_error', message: 'Carrier down.' },
    })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(statusOf(store, a)).toBe('ended')
    expect(statusOf(store, b)).toBe('failed')
  })

  it('dropStream loses events and says reconnecting; restoreStream resyncs the final state', async () => {
    const { client, store, events } = setup()
    const id = await startedId(client)
    client.control.dropStream()
    expect(store.getState().connection.status).toBe('reconnecting')
    const before = events.length

    await vi.advanceTimersByTimeAsync(3000) // rings and connects while nobody listens
    client.control.end(id, 'completed')
    expect(events).toHaveLength(before)
    expect(statusOf(store, id)).toBe('dialing')

    client.control.restoreStream()
    expect(store.getState().connection.status).toBe('open')
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'completed',
    })
  })

  it('restoreStream resyncs a live call to where it is now', async () => {
    const { client, store } = setup()
    const id = await startedId(client)
    client.control.dropStream()
    await vi.advanceTimersByTimeAsync(1000)
    client.control.restoreStream()
    expect(statusOf(store, id)).toBe('ringing')
    await vi.advanceTimersByTimeAsync(2000)
    expect(statusOf(store, id)).toBe('connected')
  })

  it('emitDuplicate and emitStale reach listeners but change nothing in a store', async () => {
    const { client, store, events } = setup()
    const id = await startedId(client)
    await vi.advanceTimersByTimeAsync(3000)
    const state = store.getState()
    const count = events.length

    client.control.emitDuplicate(id)
    client.control.emitStale(id)
    client.control.emitStale(id, 'ringing')
    expect(events).toHaveLength(count + 3)
    expect(events.at(-3)).toEqual(events.at(count - 1))
    expect(store.getState()).toBe(state)
    expect(statusOf(store, id)).toBe('connected')
  })

  it('dispose stops every timer: no event after it, and later starts say not_ready', async () => {
    const { client, events } = setup({ callDurationMs: 60_000 })
    await startedId(client)
    const pending = client.startCall('+442079460018')
    await vi.advanceTimersByTimeAsync(100)
    const count = events.length

    client.dispose()
    expect(vi.getTimerCount()).toBe(0)
    expect(() => client.dispose()).not.toThrow()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(events).toHaveLength(count)
    expect(vi.getTimerCount()).toBe(0)
    const late = await pending
    expect(late.status === 'error' && late.error.code).toBe('not_ready')
    expect(client.control.calls().map((call) => call.id)).toEqual(['sim-1'])

    const after = await client.startCall(NUMBER)
    expect(after.status === 'error' && after.error.code).toBe('not_ready')
  })
})

describe('simulated client memory', () => {
  it('forgets the oldest ended calls past historyLimit, so a long run holds constant memory', async () => {
    const client = createSimulatedClient({
      idPrefix: 'sim-',
      delays: { start: 0 },
      historyLimit: 3,
    })
    for (let i = 0; i < 10; i++) {
      const pending = client.startCall('+14165550199')
      await vi.advanceTimersByTimeAsync(1)
      const result = await pending
      if (result.status === 'success' && result.data.id) client.control.end(result.data.id)
    }
    expect(client.control.calls().map((call) => call.id)).toEqual(['sim-8', 'sim-9', 'sim-10'])
    expect(await client.snapshot()).toHaveLength(3)
    client.dispose()
  })
})
