import { afterEach, describe, expect, it } from 'vitest'
import {
  RESULT_ERROR_CODES,
  SERVER_ERROR_CODES,
  type ResultErrorName,
} from '../../../src/clients/bright-pattern/protocol/errorCodes.js'
import {
  createCallRuntime,
  isCallError,
  type CallErrorCode,
  selectInteractions,
} from '../../../src/core/index.js'
import { contact, eventually, NUMBER, setup, type Setup } from './harness.js'

let s: Setup
afterEach(() => s?.teardown())

/** Every documented `ResultError`, and what a person gets for it. */
const EXPECTED: Record<ResultErrorName, CallErrorCode> = {
  not_enough_privileges: 'forbidden',
  not_logged_in: 'unauthorized',
  invalid_args: 'invalid_argument',
  logged_without_phone: 'not_ready',
  banned: 'provider_error',
  api_not_answer: 'provider_error',
  invalid_request: 'provider_error',
  timeout: 'timeout',
  no_chat_in_service: 'provider_error',
  empty_number: 'invalid_number',
  no_service: 'provider_error',
  self_call: 'invalid_number',
  no_interaction: 'not_found',
  api_method_not_implemented: 'not_supported',
  not_suitable_state: 'invalid_state',
  no_disposition: 'provider_error',
  object_not_found: 'provider_error',
  no_permissions_did_sms: 'provider_error',
  no_permissions_did_call: 'forbidden',
  no_channel_in_service: 'provider_error',
  unknown_error: 'provider_error',
}

describe('error code tables', () => {
  // Exactly as the SDK numbers them (its API methods page, cited in errorCodes.ts): a changed line
  // changes what the widget's codes mean.
  it('RESULT_ERROR_CODES names every ResultError code', () => {
    expect(RESULT_ERROR_CODES).toStrictEqual({
      not_enough_privileges: 1,
      not_logged_in: 2,
      invalid_args: 3,
      logged_without_phone: 4,
      banned: 5,
      api_not_answer: 6,
      invalid_request: 7,
      timeout: 8,
      no_chat_in_service: 9,
      empty_number: 10,
      no_service: 11,
      self_call: 12,
      no_interaction: 13,
      api_method_not_implemented: 14,
      not_suitable_state: 15,
      no_disposition: 16,
      object_not_found: 17,
      no_permissions_did_sms: 18,
      no_permissions_did_call: 19,
      no_channel_in_service: 20,
      unknown_error: 99,
    })
  })

  it('SERVER_ERROR_CODES names every ON_SERVER_ERROR code', () => {
    expect(SERVER_ERROR_CODES).toStrictEqual({
      forced_logout_by_other_client: 100,
      forced_logout_by_supervisor: 101,
      invalid_request: 102,
      phone_not_registered: 103,
      phone_not_in_dial_plan: 104,
      tenant_disabled: 105,
      destination_user_not_logged: 106,
      user_disabled_or_deleted: 107,
      user_already_logged_in: 108,
      invalid_credentials: 109,
      other_user_logged_with_phone: 110,
      invalid_token: 111,
      logged_users_limit_reached: 112,
      already_logged_in_with_the_same_session: 113,
      not_enough_privileges: 114,
      sip_server_error: 200,
      unknown_error: 300,
    })
  })
})

describe('startCall errors', () => {
  for (const envelope of ['latest', 'legacy'] as const) {
    it.each(Object.entries(EXPECTED) as [ResultErrorName, CallErrorCode][])(
      `maps ResultError %s to %s (${envelope} envelope), keeping the widget's words`,
      async (name, code) => {
        s = await setup({ envelope })
        s.adApi.failNext('startCall', name, `widget says ${name}`)
        const result = await s.client.startCall(NUMBER, contact)
        expect(result.status).toBe('error')
        if (result.status !== 'error') return
        expect(isCallError(result.error)).toBe(true)
        expect(result.error.code).toBe(code)
        expect(result.error.message).toMatch(/\w{4,}.*\./)
        expect(result.error.message).not.toContain(name)
        expect(result.error.provider).toEqual({
          provider: 'bright-pattern',
          code: RESULT_ERROR_CODES[name],
          name,
          message: `widget says ${name}`,
        })
        expect(selectInteractions(s.store.getState()).map((call) => call.id)).toEqual([])
      },
    )
  }

  it('reads an unknown code as a provider error and keeps the code', async () => {
    s = await setup()
    s.adApi.failNext('startCall', 4242)
    const result = await s.client.startCall(NUMBER)
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
    expect(result.status === 'error' && result.error.provider?.code).toBe(4242)
  })

  it('fails with not_logged_in → unauthorized when the agent is signed out, and says what to do', async () => {
    s = await setup({ loggedIn: false })
    const result = await s.client.startCall(NUMBER, contact)
    expect(result.status === 'error' && result.error.code).toBe('unauthorized')
    expect(result.status === 'error' && result.error.message).toMatch(/sign in/i)
  })

  it('treats "Timeout error" inside a success envelope as a timeout failure', async () => {
    s = await setup()
    s.adApi.succeedNextWith('startCall', { id: null, error: 'Timeout error' })
    const result = await s.client.startCall(NUMBER, contact)
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error.code).toBe('timeout')
    expect(result.error.provider).toMatchObject({
      provider: 'bright-pattern',
      message: 'Timeout error',
    })
    // Not a deferred dial: nothing was prefilled and no deferred call appears.
    expect(selectInteractions(s.store.getState()).map((call) => call.id)).toEqual([])
  })

  it('treats another data.error as a provider error', async () => {
    s = await setup({ envelope: 'legacy' })
    s.adApi.succeedNextWith('startCall', { id: null, error: 'Line busy' })
    const result = await s.client.startCall(NUMBER)
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
    expect(result.status === 'error' && result.error.provider?.message).toBe('Line busy')
  })

  it('resolves a thrown SDK error to an envelope, never a rejection', async () => {
    s = await setup()
    s.adApi.throwNext(
      'startCall',
      new Error('Cannot read properties of null (reading postMessage)'),
    )
    const result = await s.client.startCall(NUMBER)
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error.code).toBe('provider_error')
    expect(result.error.provider).toMatchObject({
      provider: 'bright-pattern',
      name: 'startCall',
      message: expect.stringContaining('postMessage'),
    })
  })

  it('reads an answer that is no envelope at all as a provider error', async () => {
    s = await setup()
    s.adApi.startCall = (async () => undefined) as unknown as typeof s.adApi.startCall
    const result = await s.client.startCall(NUMBER)
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
  })

  it('passes the number (formatting stripped) and the associated object straight to the widget', async () => {
    s = await setup()
    await s.client.startCall(' +1 (416) 555-0199 ', contact)
    await s.client.startCall('4165550199')
    expect(s.adApi.requests.filter((r) => r.method === 'startCall').map((r) => r.args)).toEqual([
      ['+14165550199', contact],
      // A national number passes as typed: the widget dials what it gets.
      ['4165550199', undefined],
    ])
  })

  it('an error through the runtime reaches the person as a rejected CallError with the same code', async () => {
    s = await setup()
    const runtime = createCallRuntime({ client: s.client })
    s.adApi.failNext('startCall', 'no_permissions_did_call')
    await expect(runtime.startCall({ phoneNumber: NUMBER })).rejects.toMatchObject({
      code: 'forbidden',
    })
  })
})

describe('control errors', () => {
  async function connectedCall() {
    s = await setup()
    const result = await s.client.startCall(NUMBER, contact)
    if (result.status !== 'success' || !result.data.id) throw new Error('no call')
    const id = result.data.id
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivered'))
    return id
  }

  it('hold before the call reached the agent is an invalid_state error from the widget', async () => {
    s = await setup({ deliveredAfterMs: 60_000 })
    const result0 = await s.client.startCall(NUMBER, contact)
    const id = result0.status === 'success' ? result0.data.id! : ''
    await eventually(() => expect(s.call(id)?.rawState).toBe('delivery_pending'))
    const result = await s.client.hold!(id)
    expect(result.status === 'error' && result.error.code).toBe('invalid_state')
    expect(result.status === 'error' && result.error.provider?.name).toBe('not_suitable_state')
  })

  it('a control on a call the widget no longer has is not_found', async () => {
    s = await setup()
    const result = await s.client.hangup!('no-such-call')
    expect(result.status === 'error' && result.error.code).toBe('not_found')
  })

  it('a thrown control resolves to an envelope', async () => {
    const id = await connectedCall()
    s.adApi.throwNext('setCallMute')
    const result = await s.client.mute!(id, true)
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
  })

  it('a widget without the method says not_supported', async () => {
    const id = await connectedCall()
    ;(s.adApi as unknown as Record<string, unknown>).sendDtmf = undefined
    const result = await s.client.sendDtmf!(id, '1')
    expect(result.status === 'error' && result.error.code).toBe('not_supported')
  })

  it('refuses bad DTMF digits and a malformed object before asking the widget', async () => {
    const id = await connectedCall()
    const before = s.adApi.requests.length
    const dtmf = await s.client.sendDtmf!(id, '12a')
    const object = await s.client.updateAssociatedObject!(id, {
      ...contact,
      customFields: { n: 1 },
    } as never)
    expect(dtmf.status === 'error' && dtmf.error.code).toBe('invalid_argument')
    expect(object.status === 'error' && object.error.code).toBe('invalid_argument')
    expect(s.adApi.requests.length).toBe(before)
  })

  it('a control after logout fails with unauthorized', async () => {
    const id = await connectedCall()
    s.adApi.logout()
    const result = await s.client.hangup!(id)
    expect(result.status === 'error' && result.error.code).toBe('unauthorized')
  })

  it('after dispose, every operation resolves not_ready', async () => {
    const id = await connectedCall()
    s.client.dispose()
    const start = await s.client.startCall(NUMBER)
    const hangup = await s.client.hangup!(id)
    expect(start.status === 'error' && start.error.code).toBe('not_ready')
    expect(hangup.status === 'error' && hangup.error.code).toBe('not_ready')
  })
})

describe('widget errors named but not numbered', () => {
  it('reads a known name as its code, and an unknown one (even an Object.prototype key) as a provider error without a code', async () => {
    const { resultErrorToCallError } =
      await import('../../../src/clients/bright-pattern/protocol/brightPatternErrors.js')
    expect(resultErrorToCallError({ name: 'not_logged_in' })).toMatchObject({
      code: 'unauthorized',
      provider: { code: 2 },
    })
    for (const name of ['toString', 'constructor', 'no_such_error']) {
      const error = resultErrorToCallError({ name: name as never })
      expect(error.code).toBe('provider_error')
      expect(error.provider).not.toHaveProperty('code')
    }
  })
})
