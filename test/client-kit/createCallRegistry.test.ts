import { describe, expect, it } from 'vitest'
import { createCallRegistry, type TrackedCall } from '../../src/client-kit/index.js'

const call = (id: string, providerId?: string): TrackedCall => ({
  id,
  providerId,
  at: 0,
  ended: false,
})

describe('createCallRegistry', () => {
  it('finds calls by library id and by provider id', () => {
    const calls = createCallRegistry()
    const a = calls.add(call('a', 'P-1'))
    const b = calls.add(call('b'))
    calls.bindProvider(b, 'P-2')
    expect(calls.get('a')).toBe(a)
    expect(calls.byProvider('P-1')).toBe(a)
    expect(calls.byProvider('P-2')).toBe(b)
    expect(calls.byProvider('P-3')).toBeUndefined()
  })

  it('stamps events with the call id and an `at` that never goes back', () => {
    let now = 1_000
    const calls = createCallRegistry({ now: () => now })
    const a = calls.add(call('a'))
    expect(calls.record(a, { type: 'status', status: 'dialing' }, 5_000)?.at).toBe(5_000)
    // The provider's clock says earlier: the event still dates after the last one.
    expect(calls.record(a, { type: 'status', status: 'connected' }, 4_000)?.at).toBe(5_000)
    now = 9_000
    const ended = calls.record(a, { type: 'ended', outcome: 'completed' })
    expect(ended).toMatchObject({ interactionId: 'a', at: 9_000, type: 'ended' })
    expect(calls.record(a, { type: 'updated', muted: true }, Number.NaN)).toBeUndefined()
  })

  it('ends a call on ended or failed and keeps only historyLimit ended calls', () => {
    const calls = createCallRegistry({ historyLimit: 2 })
    const ids = ['a', 'b', 'c']
    for (const id of ids) {
      const c = calls.add(call(id, `P-${id}`))
      calls.record(c, { type: 'status', status: 'dialing' })
      calls.record(c, {
        type: 'failed',
        error: { code: 'provider_error', message: 'The carrier rejected the call.' },
      })
    }
    const live = calls.add(call('d'))
    expect(calls.get('a')).toBeUndefined()
    expect(calls.byProvider('P-a')).toBeUndefined()
    expect(calls.all().map((c) => c.id)).toEqual(['b', 'c', 'd'])
    expect(calls.live()).toEqual([live])
  })

  it('snapshots lead with each call’s status, with later updates merged in', () => {
    const calls = createCallRegistry({ now: () => 0 })
    const a = calls.add(call('a'))
    calls.record(a, { type: 'updated', rawState: 'queued' })
    expect(calls.snapshot()).toEqual([])
    calls.record(a, { type: 'status', status: 'dialing', phoneNumber: '+14165550199' }, 10)
    calls.record(a, { type: 'status', status: 'connected' }, 20)
    calls.record(a, { type: 'updated', muted: true, rawState: 'in-progress' }, 30)
    expect(calls.snapshot()).toEqual([
      {
        type: 'status',
        status: 'connected',
        interactionId: 'a',
        at: 30,
        phoneNumber: '+14165550199',
        muted: true,
        rawState: 'in-progress',
      },
    ])
    calls.record(a, { type: 'ended', outcome: 'completed' }, 40)
    const [ended] = calls.snapshot()
    expect(ended).toMatchObject({
      type: 'ended',
      outcome: 'completed',
      phoneNumber: '+14165550199',
    })
    expect(ended).not.toHaveProperty('status')
  })

  it('notes news after the end without changing what a snapshot replays', () => {
    let now = 10
    const calls = createCallRegistry({ now: () => now })
    const a = calls.add(call('a'))
    calls.record(a, { type: 'ended', outcome: 'completed', afterCallWork: true })
    now = 5
    const news = calls.note(a, { type: 'completed' })
    expect(news).toEqual({ type: 'completed', interactionId: 'a', at: 10 })
    expect(calls.snapshot()).toEqual([
      { type: 'ended', outcome: 'completed', afterCallWork: true, interactionId: 'a', at: 10 },
    ])
  })

  it('forgets a removed call and everything on clear', () => {
    const calls = createCallRegistry()
    const a = calls.add(call('a', 'P-a'))
    calls.remove(a)
    expect(calls.get('a')).toBeUndefined()
    expect(calls.byProvider('P-a')).toBeUndefined()
    calls.add(call('b'))
    calls.clear()
    expect(calls.all()).toEqual([])
  })
})
