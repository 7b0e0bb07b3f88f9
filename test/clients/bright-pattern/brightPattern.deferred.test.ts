import { afterEach, describe, expect, it } from 'vitest'
import {
  createCallRuntime,
  type InteractionEvent,
  selectInteractions,
} from '../../../src/core/index.js'
import { contact, eventually, NUMBER, settle, setup, type Setup } from './harness.js'

let s: Setup
afterEach(() => s?.teardown())

/** Starts a deferred dial and returns the tracking id the client made for it. */
async function defer(number = NUMBER, object = contact) {
  const result = await s.client.startCall(number, object)
  expect(result).toEqual({ status: 'success', data: { id: null } })
  const deferred = s.events
    .filter((e): e is InteractionEvent => e.type === 'status' && e.status === 'deferred')
    .at(-1)
  if (!deferred) throw new Error('no deferred event')
  return deferred.interactionId
}

describe('Deferred Dial', () => {
  it('resolves { id: null }, prefills through the runtime, and shows a deferred call with the number', async () => {
    s = await setup({ deferredDial: true })
    const runtime = createCallRuntime({ client: s.client })
    const disconnect = runtime.connect()
    const data = await runtime.startCall({ phoneNumber: NUMBER, associatedObject: contact })
    expect(data).toEqual({ id: null, deferred: true, phoneNumber: NUMBER, joined: false })
    expect(runtime.store.getState().dialpad).toMatchObject({ value: NUMBER, source: 'prefill' })
    expect(s.adApi.dialpadNumber).toBe(NUMBER)
    const [call] = selectInteractions(runtime.store.getState())
    expect(call).toMatchObject({
      status: 'deferred',
      phoneNumber: NUMBER,
      direction: 'outbound',
      associatedObject: contact,
    })
    disconnect()
  })

  it('the agent pressing Dial in the widget moves the deferred call forward in place, keeping the real id', async () => {
    s = await setup({ deferredDial: true })
    const trackingId = await defer()
    const realId = s.adApi.dialFromDialpad()
    expect(realId).not.toBe(trackingId)
    await eventually(() => expect(s.call(trackingId)?.rawState).toBe('delivered'))
    expect(s.call(trackingId)).toMatchObject({
      providerCallId: realId,
      rawState: 'delivered',
      associatedObject: contact,
    })
    expect(s.call(realId)).toBeUndefined()

    s.adApi.answer(realId)
    await eventually(() => expect(s.call(trackingId)?.status).toBe('connected'))
    // Controls on the tracking id reach the real interaction.
    expect((await s.client.hold!(trackingId)).status).toBe('success')
    expect(s.adApi.state(realId)).toBe('hold')
    await eventually(() => expect(s.call(trackingId)?.status).toBe('held'))
    expect((await s.client.resume!(trackingId)).status).toBe('success')
    expect((await s.client.hangup!(trackingId)).status).toBe('success')
    await eventually(() =>
      expect(s.call(trackingId)).toMatchObject({ status: 'ended', outcome: 'completed' }),
    )
    expect(s.call(realId)).toBeUndefined()
  })

  it('attaches the CRM record to the interaction the agent dialed by hand', async () => {
    s = await setup({ deferredDial: true })
    await defer()
    const realId = s.adApi.dialFromDialpad()
    await eventually(() =>
      expect(
        s.adApi
          .list()
          .find((i) => i.interactionId === realId)
          ?.associatedObjects?.list.map((o) => o.id),
      ).toEqual([contact.id]),
    )
  })

  it('matches the same line with or without the country code', async () => {
    s = await setup({ deferredDial: true })
    const trackingId = await defer('+14165550199')
    s.adApi.dialFromDialpad('416-555-0199')
    await eventually(() => expect(s.call(trackingId)?.rawState).toBe('delivered'))
  })

  it('matches the id of the widget even when it reports interactions by `id` only', async () => {
    s = await setup({ deferredDial: true, idField: 'id' })
    const trackingId = await defer()
    const realId = s.adApi.dialFromDialpad()
    await eventually(() =>
      expect(s.call(trackingId)).toMatchObject({ status: 'dialing', providerCallId: realId }),
    )
  })

  it('does not take a call to another number: the deferred call ends canceled after the window', async () => {
    s = await setup({ deferredDial: true }, { deferredCorrelationMs: 300 })
    const trackingId = await defer()
    const otherId = s.adApi.dialFromDialpad('+14165550100')
    await eventually(() => expect(s.call(otherId)?.rawState).toBe('delivered'))
    expect(s.call(trackingId)?.status).toBe('deferred')
    await eventually(() =>
      expect(s.call(trackingId)).toMatchObject({ status: 'ended', outcome: 'canceled' }),
    )
    expect(s.call(otherId)?.status).toBe('dialing')
  })

  it('does not take an inbound call from the same number', async () => {
    s = await setup({ deferredDial: true }, { deferredCorrelationMs: 300 })
    const trackingId = await defer()
    const inboundId = s.adApi.receiveInbound(NUMBER)
    await eventually(() =>
      expect(s.call(inboundId)).toMatchObject({ status: 'ringing', direction: 'inbound' }),
    )
    expect(s.call(trackingId)?.status).toBe('deferred')
    await eventually(() =>
      expect(s.call(trackingId)).toMatchObject({ status: 'ended', outcome: 'canceled' }),
    )
  })

  it('does not take a call dialed after the window', async () => {
    s = await setup({ deferredDial: true }, { deferredCorrelationMs: 30 })
    const trackingId = await defer()
    await eventually(() =>
      expect(s.call(trackingId)).toMatchObject({ status: 'ended', outcome: 'canceled' }),
    )
    const lateId = s.adApi.dialFromDialpad(NUMBER)
    await eventually(() => expect(s.call(lateId)?.rawState).toBe('delivered'))
    expect(s.call(lateId)?.providerCallId).toBeUndefined()
    expect(s.call(trackingId)?.status).toBe('ended')
  })

  it('a second deferral of the same number replaces the first (the widget’s dialpad holds one number)', async () => {
    s = await setup({ deferredDial: true })
    const first = await defer()
    const second = await defer()
    expect(second).not.toBe(first)
    expect(s.call(first)).toMatchObject({ status: 'ended', outcome: 'canceled' })
    s.adApi.dialFromDialpad()
    await eventually(() => expect(s.call(second)?.rawState).toBe('delivered'))
  })

  it('a second start while the widget defers again leaves the number in the widget and warns', async () => {
    s = await setup({ deferredDial: true })
    const runtime = createCallRuntime({ client: s.client })
    const disconnect = runtime.connect()
    await runtime.startCall({ phoneNumber: NUMBER })
    const again = await runtime.startCall({ phoneNumber: NUMBER })
    expect(again.deferred).toBe(true)
    expect(s.adApi.startRequests()).toBe(2)
    expect(s.adApi.dialpadNumber).toBe(NUMBER)
    expect(s.logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/press(es)? Dial in the Bright Pattern widget/),
    )
    disconnect()
  })

  it('hang-up on a deferred call cancels it without asking the widget; other controls say it is not dialed yet', async () => {
    s = await setup({ deferredDial: true })
    const trackingId = await defer()
    const hold = await s.client.hold!(trackingId)
    expect(hold.status === 'error' && hold.error.code).toBe('invalid_state')
    expect(hold.status === 'error' && hold.error.message).toMatch(/Press Dial/)
    const before = s.adApi.requests.length
    expect((await s.client.hangup!(trackingId)).status).toBe('success')
    expect(s.adApi.requests.length).toBe(before)
    expect(s.call(trackingId)).toMatchObject({ status: 'ended', outcome: 'canceled' })
    // Dialed after the cancel: a call of its own.
    const realId = s.adApi.dialFromDialpad(NUMBER)
    await eventually(() => expect(s.call(realId)?.rawState).toBe('delivered'))
  })

  it('reads a success without data (an older widget) as a deferred dial', async () => {
    s = await setup()
    s.adApi.succeedNextWith('startCall', undefined)
    expect(await s.client.startCall(NUMBER)).toEqual({ status: 'success', data: { id: null } })
    expect(selectInteractions(s.store.getState())).toEqual([
      expect.objectContaining({ status: 'deferred', phoneNumber: NUMBER }),
    ])
    expect(s.logger.debug).toHaveBeenCalledWith(expect.stringContaining('without data'))
  })

  it('a snapshot while deferred still shows the deferred call', async () => {
    s = await setup({ deferredDial: true })
    const trackingId = await defer()
    const snapshot = await s.client.snapshot!()
    expect(snapshot).toContainEqual(
      expect.objectContaining({ interactionId: trackingId, status: 'deferred' }),
    )
  })

  it('updating the record of a dialed deferred call reaches the real interaction and keeps the tracking id', async () => {
    s = await setup({ deferredDial: true })
    const trackingId = await defer()
    const realId = s.adApi.dialFromDialpad()
    await eventually(() => expect(s.call(trackingId)?.rawState).toBe('delivered'))
    const other = {
      ...contact,
      id: 'case-7',
      type: 'case',
      displayName: 'Case 7',
      displayType: 'Case',
    }
    expect((await s.client.updateAssociatedObject!(trackingId, other)).status).toBe('success')
    expect(s.adApi.requests.at(-1)).toEqual({
      method: 'addInteractionAssociatedObject',
      args: [other, realId],
    })
    expect(s.events.at(-1)).toMatchObject({
      type: 'updated',
      interactionId: trackingId,
      providerCallId: realId,
      associatedObject: other,
    })
    s.adApi.emitState(realId, 'delivery_pending', 'ON_INTERACTION_REMOVED')
    await eventually(() =>
      expect(s.call(trackingId)).toMatchObject({ status: 'ended', outcome: 'unknown' }),
    )
  })

  it('updating the record of a call it never saw reports nothing and does not adopt the id: the agent dialing that id still takes over a deferral', async () => {
    s = await setup({ deferredDial: true })
    const unknownId = s.adApi.nextInteractionId()
    s.adApi.succeedNextWith('addInteractionAssociatedObject', null)
    const before = s.events.length
    expect((await s.client.updateAssociatedObject!(unknownId, contact)).status).toBe('success')
    // An event would make the store show a call that never ends.
    expect(s.events.length).toBe(before)
    expect(s.call(unknownId)).toBeUndefined()
    const trackingId = await defer()
    expect(s.adApi.dialFromDialpad()).toBe(unknownId)
    await eventually(() => expect(s.call(trackingId)?.rawState).toBe('delivered'))
    expect(s.call(trackingId)?.providerCallId).toBe(unknownId)
  })

  it('a deferred call that was hung up is not in later snapshots; one still waiting is, even without getInteractionsState', async () => {
    s = await setup({ deferredDial: true, interactionsState: false })
    const canceled = await defer('+14165550100')
    const waiting = await defer()
    await s.client.hangup!(canceled)
    const snapshot = (await s.client.snapshot!()) as InteractionEvent[]
    expect(snapshot.map((e) => [e.interactionId, e.type === 'status' && e.status])).toEqual([
      [waiting, 'deferred'],
    ])
  })

  it('the deferral timer stops on dispose', async () => {
    s = await setup({ deferredDial: true }, { deferredCorrelationMs: 20 })
    await defer()
    const count = s.events.length
    s.client.dispose()
    await settle(40)
    expect(s.events.length).toBe(count)
  })
})
