// @vitest-environment node
/**
 * What Tether publishes, and what follows from it: polling is a fallback that ends (a final state,
 * a maximum duration), rests in hidden pages and gives way to the app's socket; the audio leg's
 * controls are the voice SDK's (https://docs.tetherai.ca/api-reference/calls, no control endpoint).
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_TETHER_POLL } from '../../../src/clients/tether/options.js'
import { eventually, setupTether, sleep, startOk, teardownTether } from './harness.js'
import { createCallRuntime } from '../../../src/core/createCallRuntime.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'

afterEach(teardownTether)

/** A page whose visibility the test sets, as `document.visibilityState` would change. */
function fakePage() {
  let hidden = false
  const listeners = new Set<(hidden: boolean) => void>()
  return {
    isHidden: () => hidden,
    subscribe(listener: (hidden: boolean) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    setHidden(next: boolean) {
      hidden = next
      for (const listener of listeners) listener(next)
    },
  }
}

describe('Tether polling ends and rests', () => {
  it('stops polling after poll.maxDurationMs and ends the call with an unknown outcome', async () => {
    const { client, server, store, logger } = await setupTether({
      poll: { intervalMs: 10, maxDurationMs: 120 },
    })
    const id = await startOk(client)
    await eventually(() =>
      expect(findInteraction(store.getState(), id)).toMatchObject({
        status: 'ended',
        outcome: 'unknown',
      }),
    )
    const polls = server.requestsTo('getCall').length
    await sleep(80)
    expect(server.requestsTo('getCall')).toHaveLength(polls)
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[tether\] call .* no final state/),
    )
  })

  it('defaults to a maximum of 4 hours', () => {
    expect(DEFAULT_TETHER_POLL.maxDurationMs).toBe(4 * 60 * 60 * 1000)
  })

  it('does not poll while the app’s socket delivers the call’s changes', async () => {
    let emit: ((payload: unknown, name?: string) => void) | undefined
    const { client, server, store } = await setupTether({
      poll: { intervalMs: 15, maxIntervalMs: 5_000 },
      events: (_callId, deliver) => {
        emit = deliver
      },
    })
    const id = await startOk(client)
    // Polling runs until the socket speaks…
    await eventually(() => expect(server.requestsTo('getCall').length).toBeGreaterThanOrEqual(2))
    server.setStatus(id, 'in-progress')
    emit?.({ call: server.call(id) }, 'call_answered')
    expect(findInteraction(store.getState(), id)?.status).toBe('connected')
    const polls = server.requestsTo('getCall').length
    await sleep(150)
    expect(server.requestsTo('getCall')).toHaveLength(polls)
  })

  it('rests in a hidden page and catches up at once when it is shown', async () => {
    const page = fakePage()
    const { client, server, store } = await setupTether({
      poll: { intervalMs: 15 },
      visibility: page,
    })
    const id = await startOk(client)
    page.setHidden(true)
    await sleep(30)
    const polls = server.requestsTo('getCall').length
    server.setStatus(id, 'in-progress')
    await sleep(150)
    expect(server.requestsTo('getCall')).toHaveLength(polls)
    expect(findInteraction(store.getState(), id)?.status).toBe('dialing')
    page.setHidden(false)
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
  })

  it('maps queued (Twilio’s status callback) to dialing', async () => {
    const { client, server, store } = await setupTether()
    const id = await startOk(client)
    server.setStatus(id, 'queued')
    await eventually(() =>
      expect(findInteraction(store.getState(), id)).toMatchObject({
        status: 'dialing',
        rawState: 'queued',
      }),
    )
  })
})

describe('Tether controls through the voice SDK', () => {
  it('mutes, holds, resumes and sends tones with the app’s callbacks, like hangup', async () => {
    const mute = vi.fn()
    const hold = vi.fn()
    const sendDtmf = vi.fn()
    const { client, server, store } = await setupTether({ mute, hold, sendDtmf })
    expect(client.capabilities).toMatchObject({ mute: true, hold: true, dtmf: true })
    const id = await startOk(client)
    server.setStatus(id, 'in-progress')
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))

    expect((await client.mute(id, true)).status).toBe('success')
    expect(mute).toHaveBeenCalledWith(id, true)
    expect(findInteraction(store.getState(), id)?.muted).toBe(true)

    expect((await client.hold(id)).status).toBe('success')
    expect(hold).toHaveBeenLastCalledWith(id, true)
    expect(findInteraction(store.getState(), id)?.status).toBe('held')
    expect((await client.resume(id)).status).toBe('success')
    expect(hold).toHaveBeenLastCalledWith(id, false)
    expect(findInteraction(store.getState(), id)?.status).toBe('connected')

    expect((await client.sendDtmf(id, '12#')).status).toBe('success')
    expect(sendDtmf).toHaveBeenCalledWith(id, '12#')
    const bad = await client.sendDtmf(id, '12a')
    expect(bad.status === 'error' && bad.error.message).toBe(
      '“12a” is not a DTMF tone: use 0-9, * and #.',
    )
  })

  it('says not_supported for each control without its callback, and keeps what the SDK threw', async () => {
    const { client } = await setupTether({
      mute: () => {
        throw new Error('No active call in the SDK')
      },
    })
    expect(client.capabilities).toMatchObject({ mute: true, hold: false, dtmf: false })
    const id = await startOk(client)
    const held = await client.hold(id)
    expect(held.status === 'error' && held.error.code).toBe('not_supported')
    const muted = await client.mute(id, true)
    expect(muted.status === 'error' && muted.error.message).toBe(
      'Could not mute the call. Use your phone instead. (No active call in the SDK)',
    )
  })
})

describe('Tether’s published samples', () => {
  it('sends the documented initiate body and reads the documented answer', async () => {
    const documented = JSON.parse(
      readFileSync(new URL('../../fixtures/tether/initiate-request.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>
    const { client, server } = await setupTether({ contactIdField: 'id' })
    const result = await client.startCall('+14165550199', {
      id: '64f0a1b2c3d4e5f6a7b8c9d0',
      type: 'contact',
      displayName: 'Ada Lovelace',
      displayType: 'Contact',
      customFields: {},
    })
    expect(result.status).toBe('success')
    const [request] = server.requestsTo('initiate')
    expect(Object.keys(request!.body as object).sort()).toEqual(Object.keys(documented).sort())
  })
})

describe('Tether caller ID', () => {
  it('says a person cannot choose the number a call comes from, and refuses a `from` before any request', async () => {
    const { client, server } = await setupTether()
    // No per-call caller ID is documented: the user's default voice number is used.
    expect(client.capabilities.callerId).toBeFalsy()
    expect(client.listCallerIds).toBeUndefined()
    const runtime = createCallRuntime({ client })
    await expect(
      runtime.startCall({ phoneNumber: '+14165550199', from: '+14165550100' }),
    ).rejects.toMatchObject({ code: 'not_supported' })
    expect(server.requests).toHaveLength(0)
  })
})
