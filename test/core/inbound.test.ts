import { describe, expect, it } from 'vitest'
import {
  createCallStore,
  reduceInteraction,
  type Interaction,
  type InteractionEvent,
} from '../../src/core/index.js'
import { findInteraction } from '../../src/core/reduceCallState.js'
import { NO_CAPABILITIES } from '../../src/core/CallClient.js'

const id = 'in-1'
const ada = {
  id: 'c-ada',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: {},
}

function fold(events: InteractionEvent[]): Interaction {
  let state: Interaction | undefined
  for (const event of events) state = reduceInteraction(state, event)
  return state!
}

describe('an inbound call', () => {
  it('starts at ringing, whatever the provider first says', () => {
    for (const status of ['initiating', 'dialing', 'ringing'] as const) {
      const call = reduceInteraction(undefined, {
        type: 'status',
        status,
        direction: 'inbound',
        phoneNumber: '+14165550199',
        interactionId: id,
        at: 1,
      })
      expect(call).toMatchObject({ status: 'ringing', direction: 'inbound' })
    }
  })

  it('goes on through the same lifecycle once answered, and never back to dialing', () => {
    const call = fold([
      { type: 'status', status: 'ringing', direction: 'inbound', interactionId: id, at: 1 },
      { type: 'status', status: 'dialing', interactionId: id, at: 2 },
      { type: 'status', status: 'connected', interactionId: id, at: 3 },
      { type: 'status', status: 'held', interactionId: id, at: 4 },
      { type: 'status', status: 'connected', interactionId: id, at: 5 },
      { type: 'ended', outcome: 'completed', interactionId: id, at: 6 },
    ])
    expect(call).toMatchObject({ status: 'ended', outcome: 'completed', connectedAt: 3 })
  })

  it('ends declined when the agent turns it down', () => {
    const call = fold([
      { type: 'status', status: 'ringing', direction: 'inbound', interactionId: id, at: 1 },
      { type: 'ended', outcome: 'declined', interactionId: id, at: 2 },
    ])
    expect(call).toMatchObject({ status: 'ended', outcome: 'declined' })
  })

  it('is missed, not "no answer", when it rang out unanswered', () => {
    const call = fold([
      { type: 'status', status: 'ringing', direction: 'inbound', interactionId: id, at: 1 },
      { type: 'ended', outcome: 'no-answer', interactionId: id, at: 2 },
    ])
    expect(call.outcome).toBe('missed')
  })

  it('keeps an outbound no-answer as it is', () => {
    const call = fold([
      { type: 'status', status: 'dialing', direction: 'outbound', interactionId: id, at: 1 },
      { type: 'ended', outcome: 'no-answer', interactionId: id, at: 2 },
    ])
    expect(call.outcome).toBe('no-answer')
  })
})

describe('the store gives a call the record chosen for it', () => {
  const capabilities = { ...NO_CAPABILITIES, answer: true, decline: true }

  it('sets the record without touching the call’s clock, so the provider’s next event applies', () => {
    const store = createCallStore({ capabilities })
    const { dispatch } = store.getState()
    dispatch({
      type: 'status',
      status: 'ringing',
      direction: 'inbound',
      interactionId: id,
      at: 100,
    })
    const before = findInteraction(store.getState(), id)!
    store.getState().associate(id, ada)
    const after = findInteraction(store.getState(), id)!
    expect(after).toMatchObject({ status: 'ringing', associatedObject: ada })
    expect(after.updatedAt).toBe(before.updatedAt)
    dispatch({ type: 'status', status: 'connected', interactionId: id, at: 100 })
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'connected',
      associatedObject: ada,
    })
  })

  it('changes nothing for a call it does not know, or for the same record again', () => {
    const store = createCallStore({ capabilities })
    const empty = store.getState()
    store.getState().associate('nobody', ada)
    expect(store.getState()).toBe(empty)
    store.getState().dispatch({
      type: 'status',
      status: 'ringing',
      direction: 'inbound',
      interactionId: id,
      at: 1,
    })
    store.getState().associate(id, ada)
    const once = store.getState()
    store.getState().associate(id, ada)
    expect(store.getState()).toBe(once)
  })
})
