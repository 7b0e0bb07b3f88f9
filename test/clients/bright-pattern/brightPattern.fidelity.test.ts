import { afterEach, describe, expect, it, vi } from 'vitest'
import sdkTypes from '../../fixtures/bright-pattern/sdk-types.json' with { type: 'json' }
import { contact, eventually, NUMBER, settle, setup, type Setup } from './harness.js'

let s: Setup
afterEach(() => s?.teardown())

async function start(): Promise<string> {
  const result = await s.client.startCall(NUMBER, contact)
  if (result.status !== 'success' || !result.data.id) throw new Error(JSON.stringify(result))
  return result.data.id
}

describe('Bright Pattern states are routing states: no "connected" without an answer signal', () => {
  it('shows an agent-dialled call that reached the agent (delivered) as dialing, however long the far end rings', async () => {
    // The client as an app gets it: no answer signal configured.
    s = await setup({}, { answerSignal: undefined })
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    s.adApi.answer(id) // the far end picks up: nothing documented tells the client so
    await settle(30)
    expect(s.call(id)?.status).toBe('dialing')
    expect(s.events.some((e) => e.type === 'status' && e.status === 'connected')).toBe(false)
  })

  it('maps no documented InteractionState of an outbound call to connected by default', async () => {
    s = await setup({ autoEvents: false }, { answerSignal: undefined })
    const id = await start()
    for (const state of sdkTypes.interactionStates.filter((x) => x !== 'hold'))
      s.adApi.emitState(id, state)
    await settle(30)
    expect(s.events.some((e) => e.type === 'status' && e.status === 'connected')).toBe(false)
  })

  it('is connected once the configured answer signal says so, and again after hold', async () => {
    const answerSignal = vi.fn((i: { duration?: number }) => (i.duration ?? 0) > 0)
    s = await setup({}, { answerSignal })
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    expect(s.call(id)?.status).toBe('dialing')
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
    expect(answerSignal).toHaveBeenCalledWith(expect.objectContaining({ state: 'delivered' }))
    expect((await s.client.hold!(id)).status).toBe('success')
    await eventually(() => expect(s.call(id)?.status).toBe('held'))
    expect((await s.client.resume!(id)).status).toBe('success')
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
  })

  it('rings an inbound call offered to the agent, and connects it once delivered', async () => {
    s = await setup({}, { answerSignal: undefined })
    const id = s.adApi.receiveInbound('+14165550123')
    await eventually(() => expect(s.call(id)?.status).toBe('ringing'))
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
  })
})

describe('phone readiness', () => {
  it('closes the connection while the widget says canDial: false, with a reason, and reopens it', async () => {
    s = await setup()
    s.adApi.setPhoneCapabilities({
      canDial: false,
      canAnswer: true,
      canHold: true,
      canRetrieve: false,
    })
    await eventually(() => expect(s.store.getState().connection.status).toBe('closed'))
    expect(s.store.getState().connection.error).toMatchObject({
      code: 'not_ready',
      message: expect.stringContaining('cannot place calls'),
    })
    s.adApi.setPhoneCapabilities({
      canDial: true,
      canAnswer: true,
      canHold: true,
      canRetrieve: false,
    })
    await eventually(() => expect(s.store.getState().connection.status).toBe('open'))
  })

  it('closes the connection while the softphone is not ready, showing the widget’s error', async () => {
    s = await setup()
    s.adApi.setSoftphoneStatus(false, 'Microphone not found')
    await eventually(() => expect(s.store.getState().connection.status).toBe('closed'))
    expect(s.store.getState().connection.error?.message).toContain('Microphone not found')
    s.adApi.setSoftphoneStatus(true)
    await eventually(() => expect(s.store.getState().connection.status).toBe('open'))
  })
})

describe('records', () => {
  const other = { ...contact, id: 'contact-7', displayName: 'Grace Hopper' }

  it('reads the current field (ON_SAVE_ACTIVITY_RECORD) and answers the widget with the app’s record', async () => {
    const onSaveActivityRecord = vi.fn(() => ({ id: 'activity-1' }))
    s = await setup({ deprecatedFields: false }, { onSaveActivityRecord })
    const id = await start()
    // Without the deprecated field, the record given to startCall is the fallback.
    await eventually(() => expect(s.call(id)?.associatedObject).toEqual(contact))
    // The agent picks another record in the widget, then saves the activity.
    await s.adApi.addInteractionAssociatedObject(other, id)
    const answers = await s.adApi.saveActivity(id)
    expect(answers).toEqual([{ id: 'activity-1' }])
    expect(onSaveActivityRecord).toHaveBeenCalledWith(
      expect.objectContaining({ interactionId: id, associatedObjects: expect.anything() }),
    )
    await eventually(() => expect(s.call(id)?.associatedObject).toEqual(other))
  })

  it('does not answer ON_SAVE_ACTIVITY_RECORD for the app unless asked to', async () => {
    s = await setup()
    const id = await start()
    expect(await s.adApi.saveActivity(id)).toEqual([])
  })
})
