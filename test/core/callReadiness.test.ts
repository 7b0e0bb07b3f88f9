import { describe, expect, it } from 'vitest'
import {
  callReadiness,
  createCallStore,
  type CallCapabilities,
  type LiveCallStatus,
} from '../../src/core/index.js'
import { ALL_CAPABILITIES, NO_CAPABILITIES } from '../../src/core/CallClient.js'

function stateWith(status: LiveCallStatus, capabilities: CallCapabilities = ALL_CAPABILITIES) {
  const store = createCallStore({ capabilities })
  store.getState().dispatch({
    type: 'status',
    status,
    interactionId: 'a',
    at: 1,
    phoneNumber: '+14165550199',
  })
  return store.getState()
}

describe('callReadiness', () => {
  it('follows the live-call rule the runtime applies to a start', () => {
    expect(callReadiness(stateWith('dialing'))).toEqual({
      ready: false,
      reason: 'on-call',
      callWith: '+14165550199',
    })
    // Its own number's call is shown, not in the way.
    expect(callReadiness(stateWith('dialing'), { phoneNumber: '+14165550199' }).ready).toBe(true)
    expect(callReadiness(stateWith('held')).ready).toBe(true)
    expect(callReadiness(stateWith('dialing'), { whileOnCall: 'allow' }).ready).toBe(true)
    // hold-and-dial holds a connected call first, where the provider can hold; never a dialing one.
    expect(callReadiness(stateWith('connected'), { whileOnCall: 'hold-and-dial' }).ready).toBe(true)
    expect(callReadiness(stateWith('dialing'), { whileOnCall: 'hold-and-dial' }).reason).toBe(
      'on-call',
    )
    expect(
      callReadiness(stateWith('connected', NO_CAPABILITIES), { whileOnCall: 'hold-and-dial' })
        .reason,
    ).toBe('on-call')
  })

  it('puts click-to-dial off before everything, except for a typed number', () => {
    const state = stateWith('dialing')
    expect(callReadiness(state, { clickToDial: false }).reason).toBe('click-to-dial-off')
    expect(callReadiness(state, { clickToDial: false, typed: true }).reason).toBe('on-call')
  })
})
