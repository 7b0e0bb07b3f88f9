import { afterEach, describe, expect, it } from 'vitest'
import { createBrightPatternClient } from '../../../src/clients/bright-pattern/index.js'
import { createCallRuntime, selectInteractions } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { createFakeAdApi } from '../../servers/fakeAdApi.js'
import {
  contact,
  durationAnswered,
  eventually,
  NUMBER,
  quietLogger,
  settle,
  setup,
  type Setup,
} from './harness.js'

let s: Setup
afterEach(() => s?.teardown())

async function start(number = NUMBER) {
  const result = await s.client.startCall(number, contact)
  if (result.status !== 'success' || !result.data.id)
    throw new Error(`no call: ${JSON.stringify(result)}`)
  return result.data.id
}

describe('live state', () => {
  it('walks queued → delivery_pending → delivered (at the agent: still dialing) → answered → hold ⇄ delivered → wrap_up → completed, with raw states', async () => {
    s = await setup({ afterCallWork: true })
    const id = await start()
    // The widget reported the interaction before answering startCall: it is already dialing.
    expect(s.call(id)).toMatchObject({
      status: 'dialing',
      rawState: 'queued',
      phoneNumber: NUMBER,
      associatedObject: contact,
      direction: 'outbound',
    })
    await eventually(() =>
      expect(s.call(id)).toMatchObject({ status: 'dialing', rawState: 'delivered' }),
    )
    s.adApi.answer(id)
    await eventually(() =>
      expect(s.call(id)).toMatchObject({ status: 'connected', rawState: 'delivered' }),
    )
    expect((await s.client.hold!(id)).status).toBe('success')
    await eventually(() => expect(s.call(id)).toMatchObject({ status: 'held', rawState: 'hold' }))
    expect((await s.client.resume!(id)).status).toBe('success')
    await eventually(() =>
      expect(s.call(id)).toMatchObject({ status: 'connected', rawState: 'delivered' }),
    )
    expect((await s.client.mute!(id, true)).status).toBe('success')
    await eventually(() => expect(s.call(id)?.muted).toBe(true))
    expect((await s.client.sendDtmf!(id, '12#')).status).toBe('success')
    expect(s.adApi.dtmf.get(id)).toBe('12#')
    expect((await s.client.hangup!(id)).status).toBe('success')
    await eventually(() =>
      expect(s.call(id)).toMatchObject({
        status: 'ended',
        afterCallWork: true,
        outcome: 'completed',
        rawState: 'wrap_up',
      }),
    )
    const statuses = s.events.flatMap((e) =>
      e.type === 'status' && e.interactionId === id ? [e.status] : [],
    )
    expect(statuses).toEqual(expect.arrayContaining(['dialing', 'connected', 'held']))
    expect(statuses).not.toContain('ringing')
  })

  it('never flips a held call back to connected when the widget’s event for an earlier mute arrives late', async () => {
    // Answers come back at once, callbacks 40 ms later: the mute's `delivered` event lands after
    // setCallHold resolved. The widget's own events, in order, decide the state.
    s = await setup({ delayMs: 0, eventDelayMs: 40 })
    const id = await start()
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
    const seen: string[] = ['connected']
    const unwatch = s.store.subscribe((state) => {
      const status = findInteraction(state, id)?.status
      if (status && status !== seen.at(-1)) seen.push(status)
    })
    expect((await s.client.mute!(id, true)).status).toBe('success')
    expect((await s.client.hold!(id)).status).toBe('success')
    await eventually(() => expect(s.call(id)).toMatchObject({ status: 'held', muted: true }))
    await settle(80)
    unwatch()
    expect(seen).toEqual(['connected', 'held'])
  })

  it('hangs up with leaveInteraction by default and leaveAndCompleteInteraction when asked', async () => {
    s = await setup()
    const first = await start()
    await s.client.hangup!(first)
    s.teardown()
    s = await setup({ afterCallWork: true }, { hangupMethod: 'leaveAndComplete' })
    const second = await start()
    await s.client.hangup!(second)
    await eventually(() =>
      expect(s.call(second)).toMatchObject({ status: 'ended', outcome: 'canceled' }),
    )
    expect(s.call(second)?.afterCallWork).toBeUndefined()
    expect(
      s.adApi.requests.filter((r) => r.method.startsWith('leave')).map((r) => r.method),
    ).toEqual(['leaveAndCompleteInteraction'])
    expect(s.adApi.requests.at(-1)?.args).toEqual([undefined, undefined, second])
  })

  it('updateAssociatedObject calls addInteractionAssociatedObject and shows the new record', async () => {
    s = await setup()
    const id = await start()
    const other = {
      ...contact,
      id: 'case-7',
      type: 'case',
      displayName: 'Case 7',
      displayType: 'Case',
    }
    expect((await s.client.updateAssociatedObject!(id, other)).status).toBe('success')
    expect(s.adApi.requests.at(-1)).toEqual({
      method: 'addInteractionAssociatedObject',
      args: [other, id],
    })
    expect(s.call(id)?.associatedObject).toEqual(other)
  })

  it('ends a call on ON_INTERACTION_REMOVED alone', async () => {
    s = await setup()
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    s.adApi.emitState(id, 'delivery_pending', 'ON_INTERACTION_REMOVED')
    await eventually(() =>
      expect(s.call(id)).toMatchObject({ status: 'ended', outcome: 'unknown' }),
    )
  })

  it('keeps the state and shows the raw value for a state it does not know', async () => {
    s = await setup()
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    s.adApi.setState(id, 'preview')
    await eventually(() =>
      expect(s.call(id)).toMatchObject({ status: 'dialing', rawState: 'preview' }),
    )
    expect(s.events.at(-1)).toMatchObject({ type: 'updated', rawState: 'preview' })
    expect(s.logger.debug).toHaveBeenCalledWith(expect.stringContaining('“preview”'))
  })

  it('follows a stateMap override', async () => {
    s = await setup({}, { stateMap: { delivery_pending: 'dialing', preview: 'ringing' } })
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivery_pending'))
    expect(s.call(id)?.status).toBe('dialing')
    s.adApi.setState(id, 'preview')
    await eventually(() => expect(s.call(id)?.status).toBe('ringing'))
  })

  it('ignores duplicate and out-of-order state changes', async () => {
    s = await setup()
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
    const connected = s.call(id)
    s.adApi.emitState(id, 'delivered')
    s.adApi.emitState(id, 'delivery_pending')
    s.adApi.emitState(id, 'queued')
    await settle()
    expect(s.call(id)).toBe(connected)
    s.adApi.remoteHangup(id)
    await eventually(() => expect(s.call(id)?.status).toBe('ended'))
    const ended = s.call(id)
    s.adApi.emit('ON_INTERACTION_STATE_CHANGE', {
      interactionId: id,
      state: 'delivered',
      type: 'voice',
    })
    await settle()
    expect(s.call(id)).toBe(ended)
  })

  it('does not lose the first events when the widget reports the interaction before answering startCall', async () => {
    s = await setup({ delayMs: 20 }, { firstEventTimeoutMs: 40 })
    const id = await start()
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    await settle(60)
    expect(s.call(id)?.status).toBe('dialing')
    // The early events were the call's own, not a start without a reply.
    expect(s.events.some((e) => e.type === 'status' && e.status === 'initiating')).toBe(false)
  })

  it('an abort while the widget is answering resolves aborted; a call it still places shows up', async () => {
    s = await setup({ delayMs: 30, eventDelayMs: 40 })
    const controller = new AbortController()
    const pending = s.client.startCall(NUMBER, contact, { signal: controller.signal })
    controller.abort()
    const result = await pending
    expect(result.status === 'error' && result.error.code).toBe('aborted')
    const [placed] = s.adApi.list()
    await eventually(() =>
      expect(['dialing', 'ringing']).toContain(s.call(placed!.interactionId!)?.status),
    )
  })

  it('fails the call with timeout when no event for data.id arrives within firstEventTimeoutMs', async () => {
    s = await setup({ autoEvents: false }, { firstEventTimeoutMs: 150 })
    const id = await start()
    expect(s.call(id)?.status).toBe('initiating')
    await eventually(() => expect(s.call(id)?.status).toBe('failed'))
    expect(s.call(id)?.error).toMatchObject({
      code: 'timeout',
      provider: { provider: 'bright-pattern', name: 'start_timeout' },
    })
    expect(s.logger.warn).toHaveBeenCalledWith(expect.stringContaining('no event for interaction'))
  })

  it('startCall answering the same id twice keeps one start timer: the live call is never failed after firstEventTimeoutMs', async () => {
    s = await setup({ autoEvents: false }, { firstEventTimeoutMs: 40 })
    const id = await start()
    s.adApi.succeedNextWith('startCall', { id })
    expect(await s.client.startCall(NUMBER, contact)).toEqual({ status: 'success', data: { id } })
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
    await settle(100)
    expect(s.call(id)?.status).toBe('connected')
    expect(s.events.filter((e) => e.type === 'failed')).toEqual([])
    expect(s.logger.warn).not.toHaveBeenCalledWith(
      expect.stringContaining('no event for interaction'),
    )
  })

  it('shows a mute done in the widget, and a new raw state within the same step', async () => {
    s = await setup({}, { stateMap: { ivr: 'dialing' } })
    const id = await start()
    s.adApi.setState(id, 'ivr')
    await eventually(() => expect(s.call(id)).toMatchObject({ status: 'dialing', rawState: 'ivr' }))
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
    // The agent clicks Mute in the widget itself: same state, callMuted flips.
    await s.adApi.setCallMute(true, id)
    await eventually(() => expect(s.call(id)?.muted).toBe(true))
    expect(s.call(id)?.status).toBe('connected')
  })

  it('falls back to `id` when payloads lack `interactionId` (the doc examples’ spelling), and says so once', async () => {
    s = await setup({ idField: 'id' })
    const id = await start()
    await eventually(() =>
      expect(s.call(id)).toMatchObject({ status: 'dialing', rawState: 'delivered' }),
    )
    s.adApi.answer(id)
    await eventually(() => expect(s.call(id)?.status).toBe('connected'))
    expect((await s.client.hangup!(id)).status).toBe('success')
    await eventually(() => expect(s.call(id)?.status).toBe('ended'))
    expect(
      s.logger.debug.mock.calls.filter(([line]) => String(line).includes('using `id`')),
    ).toHaveLength(1)
  })

  it('ignores a payload with neither id, with a warning', async () => {
    s = await setup()
    s.adApi.emit('ON_NEW_INTERACTION', { state: 'queued', type: 'voice' })
    await settle()
    expect(selectInteractions(s.store.getState())).toEqual([])
    expect(s.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('without interactionId or id'),
      expect.anything(),
    )
  })

  it('only follows voice interactions', async () => {
    s = await setup()
    s.adApi.emit('ON_NEW_INTERACTION', {
      interactionId: 'chat-1',
      state: 'delivered',
      type: 'chat',
    })
    s.adApi.emit('ON_NEW_INTERACTION', {
      interactionId: 'mail-1',
      state: 'delivered',
      type: 'email',
    })
    await settle()
    expect(selectInteractions(s.store.getState())).toEqual([])
  })

  it('ON_ACTIVE_INTERACTION_SWITCHED becomes an activated event', async () => {
    s = await setup()
    const first = await start()
    const second = s.adApi.receiveInbound('+14165550123')
    await eventually(() => expect(s.store.getState().activeId).toBe(second))
    s.adApi.switchActive(first)
    await eventually(() => expect(s.store.getState().activeId).toBe(first))
    expect(s.events).toContainEqual({ type: 'activated', interactionId: first })
    // No active interaction (a call just ended): the banner keeps the ended call until dismissed.
    s.adApi.remoteHangup(first)
    s.adApi.switchActive(null)
    await eventually(() => expect(s.call(first)?.status).toBe('ended'))
    await settle()
    expect(s.store.getState().activeId).toBe(first)
  })
})

describe('session', () => {
  it('logout mid-call then login: resyncs so the final state is not lost', async () => {
    s = await setup()
    const ended = await start()
    const live = await start('+14165550142')
    s.adApi.answer(ended)
    s.adApi.answer(live)
    await eventually(() => expect(s.call(live)?.status).toBe('connected'))
    s.adApi.logout()
    await eventually(() =>
      expect(s.store.getState().connection).toMatchObject({
        status: 'closed',
        error: { code: 'unauthorized' },
      }),
    )
    // While the widget is logged out its callbacks are lost: one call ends, the other is put on hold.
    s.adApi.remoteHangup(ended)
    s.adApi.setState(live, 'hold')
    await settle()
    expect(s.call(ended)?.status).toBe('connected')
    s.adApi.login()
    await eventually(() => expect(s.store.getState().connection.status).toBe('open'))
    await eventually(() =>
      expect(s.call(ended)).toMatchObject({ status: 'ended', outcome: 'completed' }),
    )
    await eventually(() => expect(s.call(live)).toMatchObject({ status: 'held', rawState: 'hold' }))
    expect(s.store.getState().activeId).not.toBeNull()
    expect(s.adApi.requests.filter((r) => r.method === 'getInteractionsState').length).toBe(2)
  })

  it('startCall while logged out fails; after login it works again', async () => {
    s = await setup()
    s.adApi.logout()
    const refused = await s.client.startCall(NUMBER)
    expect(refused.status === 'error' && refused.error.code).toBe('unauthorized')
    s.adApi.login()
    await eventually(() => expect(s.store.getState().connection.status).toBe('open'))
    expect((await s.client.startCall(NUMBER)).status).toBe('success')
  })

  it('a snapshot when the agent is signed out closes the connection with a sign-in message', async () => {
    s = await setup({ loggedIn: false })
    expect(s.store.getState().connection).toMatchObject({
      status: 'closed',
      error: { code: 'unauthorized' },
    })
  })

  it('snapshot() reports the widget’s calls on (re)load, dated from their startTime', async () => {
    const adApi = createFakeAdApi()
    const first = createBrightPatternClient({
      adApi,
      logger: quietLogger(),
      answerSignal: durationAnswered,
    })
    const result = await first.startCall(NUMBER, contact)
    const id = result.status === 'success' ? result.data.id! : ''
    adApi.answer(id)
    await settle()
    first.dispose()
    // A page reload: a new client and runtime on the same widget.
    const startTime = Date.now() - 60_000
    const original = adApi.getInteractionsState!
    adApi.getInteractionsState = async () => {
      const answer = await original()
      if (answer.status === 'success' && answer.data)
        for (const i of answer.data.interactions) i.startTime = startTime
      return answer
    }
    const client = createBrightPatternClient({
      adApi,
      logger: quietLogger(),
      answerSignal: durationAnswered,
    })
    const runtime = createCallRuntime({ client })
    const disconnect = runtime.connect()
    await eventually(() =>
      expect(findInteraction(runtime.store.getState(), id)).toMatchObject({
        status: 'connected',
        connectedAt: startTime,
      }),
    )
    expect(runtime.store.getState().activeId).toBe(id)
    disconnect()
    client.dispose()
    adApi.dispose()
  })

  it('reads startTime in seconds when told, and ignores a startTime that fits neither', async () => {
    const now = Date.now()
    const adApi = createFakeAdApi()
    const logger = quietLogger()
    adApi.getInteractionsState = async () => ({
      status: 'success',
      data: {
        activeInteractionId: null,
        interactions: [
          {
            interactionId: 'a',
            state: 'delivered',
            type: 'voice',
            startTime: Math.floor((now - 30_000) / 1000),
          },
          { interactionId: 'b', state: 'delivered', type: 'voice', startTime: 12 },
        ],
      },
    })
    const client = createBrightPatternClient({ adApi, logger, timeUnit: 's' })
    const [a, b] = (await client.snapshot!()) as { at: number }[]
    expect(a!.at).toBe(Math.floor((now - 30_000) / 1000) * 1000)
    expect(b!.at).toBeGreaterThanOrEqual(now)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('set the timeUnit option'))
    client.dispose()
  })

  it('ON_SERVER_ERROR becomes a connection error; a forced logout (100/101) closes it with not_ready', async () => {
    s = await setup()
    s.adApi.serverError('sip_server_error', 'SIP 503')
    await eventually(() =>
      expect(s.store.getState().connection).toEqual({
        status: 'open',
        error: expect.objectContaining({
          code: 'provider_error',
          provider: {
            provider: 'bright-pattern',
            code: 200,
            name: 'sip_server_error',
            message: 'SIP 503',
          },
        }),
      }),
    )
    s.adApi.serverError('forced_logout_by_supervisor')
    await eventually(() =>
      expect(s.store.getState().connection).toMatchObject({
        status: 'closed',
        error: { code: 'not_ready' },
      }),
    )
    expect(s.store.getState().connection.error?.message).toMatch(/supervisor/)
    // The logout that follows keeps the reason.
    s.adApi.logout()
    await settle()
    expect(s.store.getState().connection.error?.provider?.code).toBe(101)
    s.adApi.serverError(100)
    await eventually(() => expect(s.store.getState().connection.error?.provider?.code).toBe(100))
    expect(s.store.getState().connection.error?.code).toBe('not_ready')
  })

  it('ON_PHONE_CAPABILITIES_CHANGE turns hold and answer on and off', async () => {
    s = await setup()
    s.adApi.setPhoneCapabilities({
      canDial: true,
      canAnswer: true,
      canHold: false,
      canRetrieve: false,
    })
    await eventually(() => expect(s.store.getState().capabilities.hold).toBe(false))
    expect(s.client.capabilities.hold).toBe(false)
    expect(s.events).toContainEqual({
      type: 'capabilities',
      capabilities: { hold: false, answer: true },
    })
    // While held, hold is not offered but retrieve is: resume must stay possible.
    s.adApi.setPhoneCapabilities({
      canDial: true,
      canAnswer: true,
      canHold: false,
      canRetrieve: true,
    })
    await eventually(() => expect(s.store.getState().capabilities.hold).toBe(true))
    expect(s.client.capabilities.hold).toBe(true)
    // canAnswer gates Answer: the phone cannot take a call now.
    s.adApi.setPhoneCapabilities({
      canDial: true,
      canAnswer: false,
      canHold: true,
      canRetrieve: false,
    })
    await eventually(() => expect(s.store.getState().capabilities.answer).toBe(false))
    expect(s.client.capabilities.answer).toBe(false)
  })
})

describe('dispose', () => {
  it('removes every handler it registered (remove called for each on) and stops the start timer', async () => {
    s = await setup({ autoEvents: false }, { firstEventTimeoutMs: 20 })
    expect(s.adApi.onCalls).toBeGreaterThanOrEqual(8)
    expect(s.adApi.handlerCount()).toBe(s.adApi.onCalls)
    await start()
    s.client.dispose()
    s.client.dispose()
    expect(s.adApi.removeCalls).toBe(s.adApi.onCalls)
    expect(s.adApi.handlerCount()).toBe(0)
    const count = s.events.length
    await settle(40)
    expect(s.events.length).toBe(count)
  })

  it('needs an adApi or a scriptUrl', () => {
    expect(() => createBrightPatternClient({} as never)).toThrow(/adApi.*scriptUrl/)
  })
})
