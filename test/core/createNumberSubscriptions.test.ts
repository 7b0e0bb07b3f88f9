import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  callReadiness,
  createCallStore,
  type CallEvent,
  type CallState,
  type WhileOnCall,
} from '../../src/core/index.js'
import { ALL_CAPABILITIES } from '../../src/core/CallClient.js'
import { isPlaced } from '../../src/core/CallEvent.js'
import { createNumberSubscriptions } from '../../src/core/createNumberSubscriptions.js'

const NUMBERS = ['+14165550101', '+14165550102', '+14165550103'] as const

/** What a call button of `number` shows from the store. */
function view(state: CallState, number: string, whileOnCall: WhileOnCall) {
  const live = state.live.find((call) => call.phoneNumber === number && isPlaced(call))
  return {
    readiness: callReadiness(state, { whileOnCall, phoneNumber: number }),
    live: live && { id: live.id, status: live.status, connectedAt: live.connectedAt },
    onDialpad: state.dialpad.value === number,
  }
}

function watch(whileOnCall: WhileOnCall = 'refuse') {
  const store = createCallStore({ capabilities: ALL_CAPABILITIES })
  const numbers = createNumberSubscriptions(store, whileOnCall)
  const woken = new Set<string>()
  const stops = NUMBERS.map((number) => numbers.subscribe([number], () => woken.add(number)))
  return { store, woken, stop: () => stops.forEach((stop) => stop()) }
}

/** A contact record named `displayName`. */
const contact = (displayName: string) => ({
  id: displayName,
  type: 'Contact',
  displayType: 'Contact',
  displayName,
  customFields: {},
})

const status = (
  id: string,
  number: string,
  state: 'dialing' | 'ringing' | 'connected',
): Extract<CallEvent, { type: 'status' }> => ({
  type: 'status',
  status: state,
  interactionId: id,
  phoneNumber: number,
  at: 1,
})

describe('createNumberSubscriptions', () => {
  it('wakes only the buttons of the call’s number for a detail of a call in the way', () => {
    const { store, woken } = watch()
    store.getState().dispatch(status('a', NUMBERS[0], 'dialing'))
    // Going live puts the call in the way of every other number: everyone is woken.
    expect([...woken]).toEqual(NUMBERS)
    woken.clear()
    store.getState().dispatch(status('a', NUMBERS[0], 'ringing'))
    store.getState().dispatch({ type: 'updated', interactionId: 'a', at: 2, muted: true })
    expect([...woken]).toEqual([NUMBERS[0]])
  })

  it('wakes everyone when the call in the way gets its record’s name (buttons say whom)', () => {
    const { store, woken } = watch()
    store.getState().dispatch(status('a', NUMBERS[0], 'dialing'))
    woken.clear()
    store.getState().dispatch({
      ...status('a', NUMBERS[0], 'ringing'),
      associatedObject: contact('Ada Lovelace'),
    })
    expect([...woken]).toEqual(NUMBERS)
  })

  it('wakes nobody for a connection flip that leaves calls placeable, and everyone when it closes', () => {
    const { store, woken } = watch()
    store.getState().dispatch({ type: 'connection', status: 'reconnecting' })
    store.getState().dispatch({ type: 'connection', status: 'open' })
    expect(woken.size).toBe(0)
    store.getState().dispatch({ type: 'connection', status: 'closed' })
    expect([...woken]).toEqual(NUMBERS)
  })

  it('wakes the number typed on the dialpad and the one typed over', () => {
    const { store, woken } = watch()
    store.getState().setDraft(NUMBERS[1])
    store.getState().setDraft('+1')
    expect([...woken]).toEqual([NUMBERS[1]])
  })

  it('stops listening to the store when the last subscriber leaves', () => {
    const { store, woken, stop } = watch()
    stop()
    store.getState().dispatch(status('a', NUMBERS[0], 'dialing'))
    expect(woken.size).toBe(0)
  })

  const event = fc.oneof(
    fc
      .record({
        id: fc.constantFrom('a', 'b', 'c'),
        number: fc.constantFrom(...NUMBERS),
        status: fc.constantFrom('dialing', 'ringing', 'connected', 'held', 'ended'),
        name: fc.option(fc.constantFrom('Ada', 'Grace'), { nil: undefined }),
      })
      .map(({ id, number, status: state, name }, at = 0): CallEvent =>
        state === 'ended'
          ? { type: 'ended', interactionId: id, at, outcome: 'completed' }
          : {
              type: 'status',
              status: state,
              interactionId: id,
              phoneNumber: number,
              at,
              ...(name && { associatedObject: contact(name) }),
            },
      ),
    fc
      .record({ id: fc.constantFrom('a', 'b', 'c'), muted: fc.boolean() })
      .map(({ id, muted }): CallEvent => ({ type: 'updated', interactionId: id, at: 0, muted })),
    fc
      .constantFrom('open', 'reconnecting', 'closed')
      .map((state): CallEvent => ({ type: 'connection', status: state })),
  )

  it('wakes every button whose view changed, whatever the events (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<WhileOnCall>('refuse', 'hold-and-dial', 'allow'),
        fc.array(fc.oneof(event, fc.constantFrom<string>(...NUMBERS, '')), { maxLength: 20 }),
        (whileOnCall, steps) => {
          const { store, woken, stop } = watch(whileOnCall)
          for (const step of steps) {
            const before = NUMBERS.map((number) => view(store.getState(), number, whileOnCall))
            woken.clear()
            if (typeof step === 'string') store.getState().setDraft(step)
            else store.getState().dispatch(step)
            NUMBERS.forEach((number, index) => {
              const after = view(store.getState(), number, whileOnCall)
              if (JSON.stringify(after) !== JSON.stringify(before[index])) {
                expect(woken.has(number), `${number} after ${JSON.stringify(step)}`).toBe(true)
              }
            })
          }
          stop()
        },
      ),
      { numRuns: 100 },
    )
  })
})
