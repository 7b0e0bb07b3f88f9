// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createTetherClient,
  type TetherPlaceCallRequest,
} from '../../../src/clients/tether/index.js'
import { CallError } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { contact, eventually, setupTether, sleep, startOk, teardownTether } from './harness.js'

afterEach(teardownTether)

describe('Tether startCall', () => {
  it('records the call with the user’s Bearer token and resolves with Tether’s callId', async () => {
    // A Tether that answers with the whole Call document, times included.
    const { client, server, events, store } = await setupTether({}, { initiateFields: 'full' })
    const result = await client.startCall('+1 (416) 555-0199', contact)
    expect(result.status).toBe('success')
    const [request] = server.requestsTo('initiate')
    expect(request?.token).toBe('token-ada')
    // The associated object is not sent unless the app says where its contact id lives.
    expect(request?.body).toEqual({ phoneNumber: '+14165550199' })
    const id = result.status === 'success' ? result.data.id : null
    const stored = server.call(id ?? '')
    expect(id).toBe(stored?.callId)

    // The returned Call document (with provider-specific extras) is mapped at once.
    expect(events[0]).toMatchObject({
      type: 'status',
      status: 'dialing',
      interactionId: id,
      rawState: 'initiated',
      phoneNumber: '+14165550199',
      direction: 'outbound',
      associatedObject: contact,
      at: Date.parse(stored?.startTime as string),
    })
    expect(findInteraction(store.getState(), id ?? '')?.status).toBe('dialing')
  })

  it('sends the contact id from customFields when contactIdField says so; Tether then dials the contact', async () => {
    const { client, server } = await setupTether(
      { contactIdField: 'customFields.tetherContactId' },
      { contacts: { '64f0a1b2c3d4e5f6a7b8c9d1': '+14165550123' } },
    )
    const result = await client.startCall('+14165550199', contact)
    expect(server.requestsTo('initiate')[0]?.body).toEqual({
      phoneNumber: '+14165550199',
      contactId: '64f0a1b2c3d4e5f6a7b8c9d1',
    })
    const id = result.status === 'success' ? result.data.id! : ''
    expect(server.call(id)?.to).toBe('+14165550123')
  })

  it('takes the contact id from the contactId function, which wins over contactIdField', async () => {
    const contactId = vi.fn((object: { id: string }) => object.id)
    const { client, server } = await setupTether({
      contactId,
      contactIdField: 'customFields.tetherContactId',
    })
    await startOk(client)
    expect(server.requestsTo('initiate')[0]?.body).toEqual({ phoneNumber: '+14165550199' })
    await client.startCall('+14165550199', contact)
    expect(contactId).toHaveBeenCalledWith(contact)
    expect(server.requestsTo('initiate')[1]?.body).toEqual({
      phoneNumber: '+14165550199',
      contactId: contact.id,
    })
  })

  it('sends the object id with contactIdField "id", and nothing when the field is empty', async () => {
    const { client, server } = await setupTether({ contactIdField: 'id' })
    await client.startCall('+14165550199', contact)
    await client.startCall('+14165550199', { ...contact, id: '  ' })
    expect(server.requestsTo('initiate').map((r) => r.body)).toEqual([
      { phoneNumber: '+14165550199', contactId: contact.id },
      { phoneNumber: '+14165550199' },
    ])
  })

  it.each([
    [
      'an extension',
      '1001',
      /^Tether dials full international numbers only \(\+ and the country code, e\.g\. \+14165550199\): extensions and short numbers like “1001” can't be dialed here\.$/,
    ],
    [
      'an emergency number',
      ' 911 ',
      /extensions and short numbers like “911” can't be dialed here/,
    ],
    // parseDialString's own message: a local number needs a country code.
    ['a local number', '(416) 555-0199', /^Add the country code to “\(416\) 555-0199”/],
  ])(
    'refuses %s with invalid_number before any request: Tether needs E.164',
    async (_kind, input, message) => {
      const { client, server } = await setupTether()
      const result = await client.startCall(input)
      expect(result.status === 'error' && result.error.code).toBe('invalid_number')
      expect(result.status === 'error' && result.error.message).toMatch(message)
      expect(server.requests).toHaveLength(0)
    },
  )

  it('accepts a 200 answer as well as a 201', async () => {
    const { client } = await setupTether({}, { initiateStatus: 200 })
    await expect(startOk(client)).resolves.toMatch(/^[0-9a-f]{24}$/)
  })

  it('fails with provider_error when a 2xx answer carries no call', async () => {
    const { client, server } = await setupTether()
    server.fault('initiate', {
      kind: 'status',
      status: 200,
      body: { success: true, message: 'Call recorded' },
    })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
    expect(result.status === 'error' && result.error.provider?.message).toMatch(/no call/)
  })

  it('warns when the JWT would travel over plain http to another host', () => {
    const logger = { debug: vi.fn(), warn: vi.fn() }
    createTetherClient({
      baseUrl: 'http://tether.example.com',
      getToken: () => 't',
      logger,
    }).dispose()
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/unencrypted/))
    logger.warn.mockClear()
    createTetherClient({ baseUrl: 'http://127.0.0.1:2212', getToken: () => 't', logger }).dispose()
    createTetherClient({ baseUrl: '/tether', getToken: () => 't', logger }).dispose()
    expect(logger.warn).not.toHaveBeenCalled()
  })

  it('refuses a bad configuration when the client is created', () => {
    expect(() =>
      createTetherClient({ baseUrl: 'tether.example.com', getToken: () => 't' }),
    ).toThrow(CallError)
    expect(() =>
      createTetherClient({
        baseUrl: 'https://t.example.com',
        getToken: () => 't',
        poll: { intervalMs: 0 },
      }),
    ).toThrow(/poll\.intervalMs/)
  })
})

describe('Tether startCall with the app’s voice SDK (placeCall)', () => {
  it('records first, then lets the voice SDK dial with Tether’s callId (the default order)', async () => {
    let recordsWhenDialing = -1
    const placeCall = vi.fn((_request: TetherPlaceCallRequest) => {
      recordsWhenDialing = server.requestsTo('initiate').length
    })
    const { client, server, logger } = await setupTether({ placeCall })
    const result = await client.startCall('+14165550199', contact)
    const id = result.status === 'success' ? result.data.id : null
    expect(recordsWhenDialing).toBe(1)
    const request = placeCall.mock.calls[0]?.[0]
    expect(request).toMatchObject({
      phoneNumber: '+14165550199',
      callId: id,
      associatedObject: contact,
    })
    expect(request?.call).toMatchObject({ callId: id, status: 'initiated', provider: 'sinch' })
    expect(request?.signal).toBeInstanceOf(AbortSignal)
    expect(logger.debug).toHaveBeenCalledWith(expect.stringMatching(/record-first/))
  })

  it('fails the start with a clear error when the voice SDK throws, and does not follow the orphan record', async () => {
    const { client, server, events, logger } = await setupTether({
      placeCall: async () => {
        throw new Error('Microphone permission denied')
      },
    })
    const result = await client.startCall('+14165550199')
    expect(result.status).toBe('error')
    if (result.status === 'error') {
      expect(result.error.code).toBe('provider_error')
      expect(result.error.message).toMatch(/could not place the call.*Microphone permission denied/)
      expect(result.error.provider).toMatchObject({
        provider: 'tether',
        name: 'placeCall',
        message: 'Microphone permission denied',
      })
    }
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/recorded but not dialed/))
    await sleep(80)
    expect(events).toEqual([])
    expect(server.requestsTo('getCall')).toHaveLength(0)
  })

  it('keeps a CallError thrown by the voice SDK as it is', async () => {
    const notReady = new CallError('not_ready', 'The softphone is not registered yet.')
    const { client } = await setupTether({
      placeCall: () => {
        throw notReady
      },
    })
    const result = await client.startCall('+14165550199')
    expect(result.status === 'error' && result.error).toBe(notReady)
  })

  it('dials before recording with order "dial-first" (no callId for the SDK)', async () => {
    let recordsWhenDialing = -1
    const placeCall = vi.fn((_request: TetherPlaceCallRequest) => {
      recordsWhenDialing = server.requestsTo('initiate').length
    })
    const { client, server } = await setupTether({ placeCall, order: 'dial-first' })
    await startOk(client)
    expect(recordsWhenDialing).toBe(0)
    expect(placeCall.mock.calls[0]?.[0].callId).toBeUndefined()
    expect(server.requestsTo('initiate')).toHaveLength(1)
  })

  it('with "dial-first", a voice SDK failure sends no request, and a record failure is logged', async () => {
    const { client, server, logger } = await setupTether({
      order: 'dial-first',
      placeCall: () => {
        throw new Error('no audio device')
      },
    })
    expect((await client.startCall('+14165550199')).status).toBe('error')
    expect(server.requests).toHaveLength(0)

    const dialed = await setupTether({ order: 'dial-first', placeCall: () => {}, logger })
    dialed.server.failNext('initiate', 'Database unavailable')
    const result = await dialed.client.startCall('+14165550199')
    expect(result.status === 'error' && result.error.code).toBe('provider_error')
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/dialed but Tether did not record/),
      expect.anything(),
    )
  })
})

describe('Tether startCall: abort and dispose', () => {
  it('aborts a start whose record request is still on the wire', async () => {
    const { client, server, events } = await setupTether()
    server.fault('initiate', { kind: 'delay', ms: 500 })
    const controller = new AbortController()
    const pending = client.startCall('+14165550199', undefined, { signal: controller.signal })
    await eventually(() => expect(server.requestsTo('initiate')).toHaveLength(1))
    controller.abort()
    const result = await pending
    expect(result.status === 'error' && result.error.code).toBe('aborted')
    expect(events).toEqual([])
  })

  it('aborts a start while the voice SDK dials, passing it the signal', async () => {
    const controller = new AbortController()
    const { client } = await setupTether({
      placeCall: ({ signal }) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('dial cancelled')))
          controller.abort()
        }),
    })
    const result = await client.startCall('+14165550199', undefined, { signal: controller.signal })
    expect(result.status === 'error' && result.error.code).toBe('aborted')
  })

  it('cancels a pending start on dispose and refuses starts afterwards', async () => {
    const { client, server } = await setupTether()
    server.fault('initiate', { kind: 'delay', ms: 500 })
    const pending = client.startCall('+14165550199')
    await eventually(() => expect(server.requestsTo('initiate')).toHaveLength(1))
    client.dispose()
    const result = await pending
    expect(result.status === 'error' && result.error.code).toBe('aborted')
    const after = await client.startCall('+14165550199')
    expect(after.status === 'error' && after.error.code).toBe('not_ready')
    expect(server.requestsTo('initiate')).toHaveLength(1)
  })
})
