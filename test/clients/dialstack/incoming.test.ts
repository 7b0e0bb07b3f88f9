// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import fixture from '../../fixtures/dialstack/call-incoming.json' with { type: 'json' }
import { selectInteractions } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { waitForStatus } from '../contract.js'
import { dialStackInboundCalls } from '../../../src/clients/dialstack/index.js'
import { dialStackTests, startCall, tick, type DialStackWithStore } from './setupDialStack.js'

const { connected } = dialStackTests()
/** The screen pop is opt-in: these clients take it. */
const withInbound = { client: { inbound: dialStackInboundCalls() } }
const CALLER = fixture.sample.from_number

/** The store's inbound call from `from`, once it is there. */
async function inboundCall(s: DialStackWithStore, from = CALLER) {
  let id = ''
  await vi.waitFor(
    () => {
      const found = selectInteractions(s.store.getState()).find(
        (call) => call.direction === 'inbound' && call.phoneNumber === from,
      )
      expect(found).toBeDefined()
      id = found!.id
    },
    { timeout: 3000 },
  )
  return id
}

describe('DialStack incoming calls (call.incoming): a screen pop, answered on the user’s phones', () => {
  it('shows a call.incoming routed to the user as an inbound call ringing, with the caller’s number and no answer control', async () => {
    const s = await connected(withInbound)
    expect(s.client.capabilities.answer).toBeFalsy()
    expect(s.client.capabilities.decline).toBeFalsy()
    expect(s.client.answer).toBeUndefined()
    expect(s.client.decline).toBeUndefined()

    s.fake.incoming(CALLER)

    const id = await inboundCall(s)
    expect(findInteraction(s.store.getState(), id)).toMatchObject({
      status: 'ringing',
      direction: 'inbound',
      phoneNumber: CALLER,
      rawState: 'call.incoming',
    })
  })

  it('pops nothing for another user’s call or a ring group (no user): the stream is account-wide', async () => {
    const s = await connected(withInbound)
    s.fake.incoming('+14165550177', { user: 'user_01h2xcejqtf2nbrexx3vqjhp77' })
    s.fake.incoming('+14165550188', { user: null })
    // A third event for the user shows the two before it were read (and dropped).
    s.fake.incoming(CALLER)
    await inboundCall(s)
    expect(selectInteractions(s.store.getState())).toHaveLength(1)
  })

  it('follows the call when later events name its caller inbound: answered (connected), then ended', async () => {
    const s = await connected(withInbound)
    const callId = s.fake.incoming(CALLER)
    const id = await inboundCall(s)

    s.fake.inboundEvent('call.answered', callId, CALLER)
    await waitForStatus(s.store, id, ['connected'])
    s.fake.emit('call.end', { call_id: callId, status: 'completed' })
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)).toMatchObject({
      outcome: 'completed',
      providerCallId: callId,
    })
  })

  it('ends a call that rang out unanswered as missed', async () => {
    const s = await connected(withInbound)
    const callId = s.fake.incoming(CALLER)
    const id = await inboundCall(s)
    s.fake.inboundEvent('call.end', callId, CALLER, { status: 'no-answer' })
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)?.outcome).toBe('missed')
  })

  it('ends an incoming call nothing more is heard of after ringTimeoutMs, so it never rings for ever', async () => {
    const s = await connected({ client: { inbound: dialStackInboundCalls({ ringTimeoutMs: 50 }) } })
    s.fake.incoming(CALLER)
    const id = await inboundCall(s)
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)).toMatchObject({
      outcome: 'unknown',
      rawState: 'ring-timeout',
    })
    await tick()
  })
  it('pops nothing without the inbound option, says how to turn it on, and still places calls', async () => {
    const logger = { debug: vi.fn(), warn: vi.fn() }
    const s = await connected({ client: { logger } })
    s.fake.incoming(CALLER)
    await vi.waitFor(() =>
      expect(logger.debug).toHaveBeenCalledWith(
        expect.stringMatching(/inbound: dialStackInboundCalls\(\)/),
      ),
    )
    expect(selectInteractions(s.store.getState())).toHaveLength(0)
    const { id } = await startCall(s)
    expect(findInteraction(s.store.getState(), id)?.direction).toBe('outbound')
  })

  it('refuses a ring timeout that is not a positive number of ms, naming the option', () => {
    expect(() => dialStackInboundCalls({ ringTimeoutMs: 0 })).toThrow(
      'dialStackInboundCalls: ringTimeoutMs must be a positive number of ms, got 0.',
    )
  })
})
