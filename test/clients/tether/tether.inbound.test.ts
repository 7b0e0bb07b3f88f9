// @vitest-environment node
/**
 * Inbound calls through the app's voice SDK, recorded in Tether with the documented requests:
 * https://docs.tetherai.ca/api-reference/calls/record-an-inbound-sdk-call-phone-to-browser ,
 * https://docs.tetherai.ca/api-reference/calls/mark-an-inbound-conference-call-as-answered ,
 * https://docs.tetherai.ca/api-reference/calls/reject-an-inbound-conference-call .
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { eventually, setupTether, teardownTether } from './harness.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { tetherInboundCalls } from '../../../src/clients/tether/index.js'

afterEach(teardownTether)

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/tether/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>

const CALLER = '+14165550199'

describe('Tether inbound calls', () => {
  it('records a ringing call with the documented request and shows it ringing, inbound', async () => {
    const { client, server, store } = await setupTether({ inbound: tetherInboundCalls() })
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    expect(server.requestsTo('inbound').map((r) => r.body)).toEqual([
      fixture('inbound-request.json'),
    ])
    // Tether's sample answers `direction: "outbound"`: the call still shows as inbound.
    expect(findInteraction(store.getState(), result.data.id)).toMatchObject({
      status: 'ringing',
      direction: 'inbound',
      phoneNumber: CALLER,
    })
  })

  it('answers through the voice SDK, then marks the record answered with the documented body', async () => {
    const answer = vi.fn()
    const { client, server, store } = await setupTether({ inbound: tetherInboundCalls({ answer }) })
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    const { id } = result.data
    expect(await client.answer(id)).toEqual({ status: 'success', data: null })
    expect(answer).toHaveBeenCalledWith(id)
    expect(server.requestsTo('answer').map((r) => r.body)).toEqual([
      { ...fixture('answer-request.json'), callId: id },
    ])
    expect(findInteraction(store.getState(), id)?.status).toBe('connected')
    expect(server.call(id)?.status).toBe('in-progress')
  })

  it('declines through the voice SDK: the call ends declined and Tether records no-answer', async () => {
    const decline = vi.fn()
    const { client, server, store } = await setupTether({
      inbound: tetherInboundCalls({ decline }),
    })
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    const { id } = result.data
    expect((await client.decline(id)).status).toBe('success')
    expect(decline).toHaveBeenCalledWith(id)
    expect(findInteraction(store.getState(), id)).toMatchObject({
      status: 'ended',
      outcome: 'declined',
    })
    await eventually(() => expect(server.call(id)?.status).toBe('no-answer'))
  })

  it('ends a call the caller gave up on as missed', async () => {
    const { client, store } = await setupTether({ inbound: tetherInboundCalls() })
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    client.endIncoming(result.data.id)
    expect(findInteraction(store.getState(), result.data.id)?.outcome).toBe('missed')
  })

  it('still rings when Tether cannot record the call, and says why in the log', async () => {
    const { client, server, store, logger } = await setupTether({ inbound: tetherInboundCalls() })
    server.failNext('inbound', 'Database unavailable')
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    expect(findInteraction(store.getState(), result.data.id)?.status).toBe('ringing')
    expect(logger.warn).toHaveBeenCalled()
  })

  it('reports the voice SDK’s error when it cannot answer, and the call keeps ringing', async () => {
    const answer = vi.fn(() => {
      throw new Error('Microphone permission denied')
    })
    const { client, server, store } = await setupTether({ inbound: tetherInboundCalls({ answer }) })
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    const answered = await client.answer(result.data.id)
    expect(answered.status === 'error' && answered.error.message).toMatch(
      /Microphone permission denied/,
    )
    expect(server.requestsTo('answer')).toHaveLength(0)
    expect(findInteraction(store.getState(), result.data.id)?.status).toBe('ringing')
  })

  it('answers not_supported without the voice SDK callbacks', async () => {
    const { client } = await setupTether({ inbound: tetherInboundCalls() })
    expect(client.capabilities).toMatchObject({ answer: false, decline: false })
    const result = await client.incoming({ from: CALLER })
    if (result.status === 'error') throw result.error
    const answered = await client.answer(result.data.id)
    expect(answered.status === 'error' && answered.error.code).toBe('not_supported')
  })
  it('takes no incoming call without the inbound option, and says how to turn it on', async () => {
    const answer = vi.fn()
    const { client, server, store } = await setupTether()
    expect(client.capabilities).toMatchObject({ answer: false, decline: false })
    const result = await client.incoming({ from: CALLER })
    expect(result.status === 'error' && result.error.code).toBe('not_supported')
    expect(result.status === 'error' && result.error.message).toMatch(
      /inbound: tetherInboundCalls\(\)/,
    )
    expect(server.requestsTo('inbound')).toHaveLength(0)
    expect(store.getState().live).toHaveLength(0)
    const answered = await client.answer('tether-in-1')
    expect(answered.status === 'error' && answered.error.code).toBe('not_supported')
    expect(answer).not.toHaveBeenCalled()
  })
})
