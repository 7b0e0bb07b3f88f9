import { afterEach, describe, expect, it } from 'vitest'
import fixture from '../../fixtures/bright-pattern/inbound-and-caller-id.json' with { type: 'json' }
import { brightPatternCallerId } from '../../../src/clients/bright-pattern/index.js'
import { eventually, NUMBER, setup, type Setup } from './harness.js'

const CALLER = '+14165550123'

let s: Setup | undefined
afterEach(() => {
  s?.teardown()
  s = undefined
})

/** An inbound call from `CALLER` ringing the agent; resolves to its id in the store. */
async function ringing(): Promise<string> {
  const widgetId = s!.adApi.receiveInbound(CALLER)
  await eventually(() => expect(s!.call(widgetId)?.status).toBe('ringing'))
  return widgetId
}

/** Caller ID is opt-in: these clients choose the DID from here. */
const withCallerId = { callerId: brightPatternCallerId() }

describe('Bright Pattern inbound calls', () => {
  it('answers an offered call with acceptInteraction on its interaction, as the vendor sample does', async () => {
    s = await setup()
    expect(s.client.capabilities).toMatchObject({ answer: true, decline: true })
    const id = await ringing()
    expect(s.call(id)).toMatchObject({ direction: 'inbound', phoneNumber: CALLER })

    const result = await s.client.answer(id)

    expect(result).toEqual({ status: 'success', data: null })
    expect(s.adApi.requests.filter((r) => r.method === 'acceptInteraction')).toEqual([
      { method: 'acceptInteraction', args: [id] },
    ])
    await eventually(() => expect(s!.call(id)?.status).toBe('connected'))
  })

  it('turns an offered call down with rejectInteraction: it ends declined, not missed', async () => {
    s = await setup()
    const id = await ringing()

    const result = await s.client.decline(id)

    expect(result.status).toBe('success')
    expect(s.adApi.requests.filter((r) => r.method === 'rejectInteraction')).toEqual([
      { method: 'rejectInteraction', args: [id] },
    ])
    await eventually(() =>
      expect(s!.call(id)).toMatchObject({ status: 'ended', outcome: 'declined' }),
    )
  })

  it('keeps a refused decline from marking the call: if it then rings out, it is missed', async () => {
    s = await setup()
    const id = await ringing()
    s.adApi.failNext('rejectInteraction', 'not_suitable_state')

    const result = await s.client.decline(id)

    expect(result.status === 'error' && result.error.code).toBe('invalid_state')
    s.adApi.ringOut(CALLER)
    await eventually(() =>
      expect(s!.call(id)).toMatchObject({ status: 'ended', outcome: 'missed' }),
    )
  })

  it('says not_supported on a widget without acceptInteraction or rejectInteraction', async () => {
    s = await setup()
    const id = await ringing()
    Object.assign(s.adApi, { acceptInteraction: undefined, rejectInteraction: undefined })
    const answered = await s.client.answer(id)
    const declined = await s.client.decline(id)
    expect(answered.status === 'error' && answered.error.code).toBe('not_supported')
    expect(declined.status === 'error' && declined.error.code).toBe('not_supported')
  })
})

describe('Bright Pattern caller ID (the agent’s DIDs)', () => {
  it('lists the voice DIDs of getDIDNumbersList, the current getDIDNumber as the default', async () => {
    s = await setup({}, withCallerId)
    expect(s.client.capabilities.callerId).toBe(true)
    const voice = fixture.fakeDidNumbers.filter((did) => did.isVoice).map((did) => did.number)

    expect(await s.client.listCallerIds()).toEqual(voice.map((number) => ({ number })))

    await s.adApi.setDIDNumber(voice[1]!)
    expect(await s.client.listCallerIds()).toEqual([
      { number: voice[0] },
      { number: voice[1], default: true },
    ])
  })

  it("chooses a start's `from` with setDIDNumber right before startCall", async () => {
    s = await setup({}, withCallerId)
    const from = fixture.fakeDidNumbers[1]!.number

    const result = await s.client.startCall(NUMBER, undefined, { from })

    if (result.status === 'error') throw result.error
    const methods = s.adApi.requests.map((r) => r.method)
    expect(methods.slice(methods.indexOf('setDIDNumber'))).toEqual(['setDIDNumber', 'startCall'])
    expect(s.adApi.requests.find((r) => r.method === 'setDIDNumber')!.args).toEqual([from])
    expect(s.adApi.callerIds.get(result.data.id!)).toBe(from)
  })

  it('refuses a start from a DID the agent may not call from (19), and places no call', async () => {
    s = await setup({}, withCallerId)
    const smsOnly = fixture.fakeDidNumbers.find((did) => !did.isVoice)!.number

    const result = await s.client.startCall(NUMBER, undefined, { from: smsOnly })

    expect(result.status === 'error' && result.error).toMatchObject({
      code: 'forbidden',
      provider: { code: 19, name: 'no_permissions_did_call' },
    })
    expect(s.adApi.startRequests()).toBe(0)
  })

  it('rejects listCallerIds with not_supported on a widget without getDIDNumbersList', async () => {
    s = await setup({}, withCallerId)
    Object.assign(s.adApi, { getDIDNumbersList: undefined })
    await expect(s.client.listCallerIds()).rejects.toMatchObject({ code: 'not_supported' })
  })
  it('without the callerId option, calls from the widget’s number: refuses listCallerIds and a start `from`, naming the option', async () => {
    s = await setup()
    expect(s.client.capabilities.callerId).toBe(false)
    await expect(s.client.listCallerIds()).rejects.toMatchObject({
      code: 'not_supported',
      message: expect.stringMatching(/callerId: brightPatternCallerId\(\)/),
    })
    const from = fixture.fakeDidNumbers[1]!.number

    const result = await s.client.startCall(NUMBER, undefined, { from })

    expect(result.status === 'error' && result.error.code).toBe('not_supported')
    expect(s.adApi.requests.some((r) => r.method === 'setDIDNumber')).toBe(false)
    expect(s.adApi.startRequests()).toBe(0)
  })
})
