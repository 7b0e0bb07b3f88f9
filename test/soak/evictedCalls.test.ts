// @vitest-environment node
/** What the soak found: a late event for a call already dropped from history must not bring it back. */
import { describe, expect, it } from 'vitest'
import { createCallStore, type CallEvent } from '../../src/core/index.js'
import { NO_CAPABILITIES } from '../../src/core/CallClient.js'
import { findInteraction } from '../../src/core/reduceCallState.js'

const status = (
  id: string,
  value: 'dialing' | 'ringing' | 'connected',
  seq: number,
): CallEvent => ({
  type: 'status',
  status: value,
  interactionId: id,
  at: 1_000 + seq,
  seq,
})
const ended = (id: string, seq: number): CallEvent => ({
  type: 'ended',
  outcome: 'completed',
  interactionId: id,
  at: 1_000 + seq,
  seq,
})

describe('calls dropped from history', () => {
  it('ignores a late status for an evicted call instead of showing it live again', () => {
    const store = createCallStore({ capabilities: NO_CAPABILITIES, historyLimit: 2 })
    const { dispatch } = store.getState()
    for (const id of ['a', 'b', 'c']) {
      dispatch(status(id, 'dialing', 1))
      dispatch(ended(id, 2))
    }
    expect(findInteraction(store.getState(), 'a')).toBeUndefined()

    dispatch(status('a', 'ringing', 1))
    dispatch(ended('a', 2))

    const state = store.getState()
    expect(findInteraction(state, 'a')).toBeUndefined()
    expect(state.history).toEqual(['b', 'c'])
    expect(state.activeId).not.toBe('a')
  })

  it('still takes a new call whose id was never seen', () => {
    const store = createCallStore({ capabilities: NO_CAPABILITIES, historyLimit: 1 })
    const { dispatch } = store.getState()
    dispatch(ended('a', 1))
    dispatch(ended('b', 1))
    dispatch(status('c', 'ringing', 1))
    expect(findInteraction(store.getState(), 'c')?.status).toBe('ringing')
    expect(store.getState().activeId).toBe('c')
  })
})
