// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import eventsGuide from '../../fixtures/dialstack/events.json' with { type: 'json' }
import { waitForStatus } from '../contract.js'
import { dialStackTests, startCall, tick } from './setupDialStack.js'

const { connected } = dialStackTests()

/** Another user of the same DialStack account: their calls reach our stream too. */
const COLLEAGUE = 'user_01h2xcejqtf2nbrexx3vqjhp43'

describe('DialStack: one stream for the whole account', () => {
  it('never ties a colleague’s call to ours when its events carry only `call_id`, as DialStack documents them', async () => {
    const s = await connected({ fake: { sparseEvents: true, autoProgress: false } })
    const ours = await startCall(s)
    // A colleague dials the same customer a moment later; the stream tells us about their call.
    const theirs = s.fake.placeCallFor(COLLEAGUE, '+15551234567')
    s.fake.ring(theirs)
    s.fake.answer(theirs)
    s.fake.end(theirs, 'busy')
    await tick()
    // The call log ties our call to our own DialStack call, and the colleague's changed nothing.
    await vi.waitFor(
      () =>
        expect(findInteraction(s.store.getState(), ours.id)).toMatchObject({
          status: 'dialing',
          providerCallId: ours.callId,
        }),
      { timeout: 3000 },
    )
    expect(findInteraction(s.store.getState(), ours.id)?.outcome).toBeUndefined()
  })

  it('follows our call by its `call_id` once the call log tied it, from the user’s answer to the end', async () => {
    const s = await connected({ fake: { sparseEvents: true } })
    const { id, callId } = await startCall(s)
    await vi.waitFor(() =>
      expect(findInteraction(s.store.getState(), id)?.providerCallId).toBe(callId),
    )
    s.fake.answerAgent(callId)
    await waitForStatus(s.store, id, ['ringing'])
    s.fake.answer(callId)
    await waitForStatus(s.store, id, ['connected'])
    s.fake.end(callId, 'completed')
    await waitForStatus(s.store, id, ['ended'])
    expect(findInteraction(s.store.getState(), id)?.outcome).toBe('completed')
  })

  it('opens the stream with the two headers DialStack’s SDK sends, nothing outside the CORS safelist', async () => {
    const s = await connected()
    const stream = s.fake.requests.find((request) => request.route === 'events')!
    expect(stream.headers.authorization).toMatch(/^Bearer ey/)
    expect(stream.headers.accept).toBe(eventsGuide.requestHeaders.Accept)
    // Cache-Control, Pragma, custom headers: each would need api.dialstack.ai's preflight to allow it.
    expect(stream.headers['cache-control']).toBeUndefined()
    expect(stream.headers.pragma).toBeUndefined()
    expect(Object.keys(stream.headers).filter((name) => name.startsWith('x-'))).toEqual([])
  })
})
