import { describe, expect, it } from 'vitest'
import { createCallStore, type CallEvent, selectInteractions } from '../../src/core/index.js'
import { NO_CAPABILITIES } from '../../src/core/CallClient.js'
import { findInteraction } from '../../src/core/reduceCallState.js'

const capabilities = { ...NO_CAPABILITIES, hangup: true }

function call(store: ReturnType<typeof createCallStore>, id: string, at: number) {
  const dispatch = (event: CallEvent) => store.getState().dispatch(event)
  dispatch({ type: 'status', status: 'dialing', interactionId: id, at })
  dispatch({ type: 'status', status: 'connected', interactionId: id, at: at + 1 })
  dispatch({ type: 'ended', outcome: 'completed', interactionId: id, at: at + 2 })
}

describe('createCallStore: no call stuck live', () => {
  it('creates no call from an update for an unknown id, so a flood of them costs nothing', () => {
    const store = createCallStore({ capabilities })
    const before = store.getState()
    for (let i = 0; i < 20_000; i++) {
      store
        .getState()
        .dispatch({ type: 'updated', interactionId: `ghost-${i}`, at: i, rawState: 'queued' })
    }
    expect(store.getState()).toBe(before)
    expect(selectInteractions(store.getState())).toHaveLength(0)
    expect(store.getState().activeId).toBeNull()
  })

  it('treats ids such as constructor and __proto__ as ordinary calls on a fresh store', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const store = createCallStore({ capabilities })
      store.getState().dispatch({ type: 'status', status: 'ringing', interactionId: id, at: 1 })
      const call = findInteraction(store.getState(), id)
      expect(call).toMatchObject({ id, status: 'ringing' })
      expect(store.getState().activeId).toBe(id)
      expect(selectInteractions(store.getState()).map((call) => call.id)).toEqual([id])
      store.getState().dispatch({ type: 'ended', outcome: 'completed', interactionId: id, at: 2 })
      expect(findInteraction(store.getState(), id)?.status).toBe('ended')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  })
})

describe('createCallStore', () => {
  it('keeps 10,000 ended calls within the history bound', () => {
    const store = createCallStore({ capabilities, historyLimit: 50 })
    for (let i = 0; i < 10_000; i++) call(store, `call-${i}`, i * 10)
    const { live, ended, history } = store.getState()
    expect(live).toHaveLength(0)
    expect(Object.keys(ended)).toHaveLength(50)
    expect(history).toHaveLength(50)
    expect(history[0]).toBe('call-9950')
    expect(history.at(-1)).toBe('call-9999')
  })

  it('never makes a call appear from the end of an after-call work', () => {
    const store = createCallStore({ capabilities })
    const before = store.getState()
    store.getState().dispatch({ type: 'completed', interactionId: 'unknown', at: 1 })
    expect(store.getState()).toBe(before)
  })

  it('keeps live calls however many ended ones pass through', () => {
    const store = createCallStore({ capabilities, historyLimit: 3 })
    store.getState().dispatch({ type: 'status', status: 'connected', interactionId: 'live', at: 0 })
    for (let i = 0; i < 20; i++) call(store, `call-${i}`, 10 + i * 10)
    expect(findInteraction(store.getState(), 'live')?.status).toBe('connected')
    expect(selectInteractions(store.getState())).toHaveLength(4)
  })

  it('makes the newest call active, keeps an ended one shown until dismissed, then falls back to a live one', () => {
    const store = createCallStore({ capabilities })
    const { dispatch } = store.getState()
    dispatch({ type: 'status', status: 'connected', interactionId: 'a', at: 1 })
    dispatch({ type: 'status', status: 'dialing', interactionId: 'b', at: 2 })
    expect(store.getState().activeId).toBe('b')
    dispatch({ type: 'ended', outcome: 'busy', interactionId: 'b', at: 3 })
    expect(store.getState().activeId).toBe('b')
    store.getState().dismiss('b')
    expect(store.getState().activeId).toBe('a')
    expect(findInteraction(store.getState(), 'b')?.outcome).toBe('busy')
  })

  it('follows the provider when it switches the active call, ignoring unknown ids', () => {
    const store = createCallStore({ capabilities })
    const { dispatch } = store.getState()
    dispatch({ type: 'status', status: 'connected', interactionId: 'a', at: 1 })
    dispatch({ type: 'status', status: 'held', interactionId: 'b', at: 2 })
    dispatch({ type: 'activated', interactionId: 'a' })
    expect(store.getState().activeId).toBe('a')
    dispatch({ type: 'activated', interactionId: 'nope' })
    expect(store.getState().activeId).toBe('a')
  })

  it('does not notify subscribers for events that change nothing', () => {
    const store = createCallStore({ capabilities })
    const event: CallEvent = {
      type: 'status',
      status: 'ringing',
      interactionId: 'a',
      at: 5,
      seq: 2,
    }
    store.getState().dispatch(event)
    let notified = 0
    store.subscribe(() => notified++)
    store.getState().dispatch(event)
    store
      .getState()
      .dispatch({ type: 'status', status: 'dialing', interactionId: 'a', at: 4, seq: 1 })
    store.getState().dispatch({ type: 'capabilities', capabilities: { hangup: true } })
    store.getState().dispatch({ type: 'connection', status: 'open' })
    expect(notified).toBe(0)
  })

  it('merges capability changes and tracks the stream connection', () => {
    const store = createCallStore({ capabilities })
    store.getState().dispatch({ type: 'capabilities', capabilities: { hold: true } })
    store.getState().dispatch({ type: 'connection', status: 'reconnecting' })
    expect(store.getState().capabilities).toMatchObject({ hangup: true, hold: true })
    expect(store.getState().connection).toEqual({ status: 'reconnecting' })
  })

  it('keeps the dialpad draft and each deferred dial as its own pending dial', () => {
    const record = {
      id: 'c-1',
      type: 'contact',
      displayName: 'Ada',
      displayType: 'Contact',
      customFields: {},
    }
    const store = createCallStore({ capabilities })
    store.getState().setDraft('+1416')
    expect(store.getState().dialpad).toEqual({ value: '+1416', source: 'typed', pendingDial: null })
    store.getState().prefill('+14165550199')
    const first = store.getState().dialpad.pendingDial
    store.getState().prefill('+14165550199', record)
    expect(store.getState().dialpad).toEqual({
      value: '+14165550199',
      source: 'prefill',
      pendingDial: {
        phoneNumber: '+14165550199',
        associatedObject: record,
      },
    })
    // The same number deferred twice is two pending dials (a dialpad announces both).
    expect(store.getState().dialpad.pendingDial).not.toBe(first)
    // The store holds the dial, not a UI counter.
    expect(store.getState().dialpad).not.toHaveProperty('prefillCount')
    store.getState().setDraft('+1416555019')
    expect(store.getState().dialpad).toEqual({
      value: '+1416555019',
      source: 'typed',
      pendingDial: null,
    })
  })

  it('gives every store its own state', () => {
    const a = createCallStore({ capabilities })
    const b = createCallStore({ capabilities })
    a.getState().dispatch({ type: 'status', status: 'dialing', interactionId: 'x', at: 1 })
    expect(selectInteractions(b.getState())).toEqual([])
  })

  it('refuses a history limit below 1', () => {
    expect(() => createCallStore({ capabilities, historyLimit: 0 })).toThrow(
      'historyLimit must be a whole number of at least 1',
    )
  })
})
