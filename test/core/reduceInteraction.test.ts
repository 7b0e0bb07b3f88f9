import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  reduceInteraction,
  type CallStatus,
  type Interaction,
  type InteractionEvent,
  type LiveCallStatus,
} from '../../src/core/index.js'
import { isTerminalStatus } from '../../src/core/CallEvent.js'

const LIVE: LiveCallStatus[] = ['initiating', 'deferred', 'dialing', 'ringing', 'connected', 'held']
const RANK: Record<CallStatus, number> = {
  initiating: 0,
  deferred: 1,
  dialing: 2,
  ringing: 3,
  connected: 4,
  held: 4,
  ended: 5,
  failed: 5,
}

const id = 'call-1'
const base = { interactionId: id }

const eventArb: fc.Arbitrary<InteractionEvent> = fc.oneof(
  fc
    .record({
      type: fc.constant('status' as const),
      status: fc.constantFrom(...LIVE),
      at: fc.integer({ min: 0, max: 50 }),
      seq: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      rawState: fc.option(fc.constantFrom('queued', 'Dialing', 'weird'), { nil: undefined }),
    })
    .map((e) => ({ ...base, ...e })),
  fc
    .record({
      type: fc.constant('updated' as const),
      at: fc.integer({ min: 0, max: 50 }),
      seq: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      rawState: fc.option(fc.constantFrom('unknown-x', 'Mystery'), { nil: undefined }),
      muted: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((e) => ({ ...base, ...e })),
  fc
    .record({
      type: fc.constant('ended' as const),
      outcome: fc.constantFrom(
        'completed',
        'busy',
        'no-answer',
        'voicemail',
        'canceled',
        'unknown' as const,
      ),
      at: fc.integer({ min: 0, max: 50 }),
      seq: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    })
    .map((e) => ({ ...base, ...e })),
  fc
    .record({
      type: fc.constant('failed' as const),
      at: fc.integer({ min: 0, max: 50 }),
      seq: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    })
    .map((e) => ({
      ...base,
      ...e,
      error: { code: 'provider_error' as const, message: 'Rejected.' },
    })),
)

const RUNS = { numRuns: 10_000 }

const isEnd = (event: InteractionEvent) => event.type === 'ended' || event.type === 'failed'

function fold(events: InteractionEvent[]): Interaction[] {
  const states: Interaction[] = []
  let state: Interaction | undefined
  for (const event of events) {
    state = reduceInteraction(state, event)
    states.push(state)
  }
  return states
}

describe('reduceInteraction: invariants over 10,000 random event sequences each', () => {
  it('moves forward only, except connected ⇄ held', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 30 }), (events) => {
        const states = fold(events)
        for (let i = 1; i < states.length; i++) {
          const before = states[i - 1]!.status
          const after = states[i]!.status
          expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before])
          if (RANK[after] === RANK[before] && after !== before) {
            expect([before, after].sort()).toEqual(['connected', 'held'])
          }
        }
      }),
      RUNS,
    )
  })

  it('terminal states absorb every later event (the same object comes back)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 30 }), (events) => {
        const states = fold(events)
        const first = states.findIndex((s) => isTerminalStatus(s.status))
        if (first === -1) return
        for (const later of states.slice(first)) expect(later).toBe(states[first])
      }),
      RUNS,
    )
  })

  it('a duplicate event changes nothing', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 30 }), fc.nat(), (events, pick) => {
        const states = fold(events)
        const index = pick % events.length
        const once = states[index]!
        expect(reduceInteraction(once, events[index]!)).toBe(once)
      }),
      RUNS,
    )
  })

  it('an event older than the last applied one changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 30 }),
        eventArb,
        (events, extra) => {
          const state = fold(events).at(-1)!
          const stale =
            state.seq !== undefined && extra.seq !== undefined
              ? { ...extra, seq: state.seq - 1 - (extra.seq % 3) }
              : { ...extra, seq: undefined, at: state.updatedAt - 1 - (extra.at % 3) }
          if (state.seq !== undefined && stale.seq === undefined) return
          // Without a sequence, an end is never stale: it always ends a live call (below).
          if (stale.seq === undefined && !isTerminalStatus(state.status) && isEnd(stale)) return
          expect(reduceInteraction(state, stale)).toBe(state)
        },
      ),
      RUNS,
    )
  })

  it('an unmapped raw state keeps the lifecycle state and keeps the raw value', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 30 }), (events) => {
        const state = fold(events).at(-1)!
        const next = reduceInteraction(state, {
          type: 'updated',
          interactionId: id,
          at: state.updatedAt + 1,
          seq: (state.seq ?? 0) + 1,
          rawState: 'SomethingNew',
        })
        expect(next.status).toBe(state.status)
        if (!isTerminalStatus(state.status)) expect(next.rawState).toBe('SomethingNew')
      }),
      RUNS,
    )
  })
})

describe('reduceInteraction: no call stuck live', () => {
  it('ends a live call on an ended or failed event without seq, whatever its clock says', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 30 }),
        eventArb.filter(isEnd),
        fc.integer({ min: 0, max: 10_000 }),
        (events, end, stepBack) => {
          const state = fold(events.map((e) => ({ ...e, seq: undefined }))).at(-1)!
          if (isTerminalStatus(state.status)) return
          const next = reduceInteraction(state, {
            ...end,
            seq: undefined,
            at: state.updatedAt - stepBack,
          })
          expect(next.status).toBe(end.type)
        },
      ),
      { numRuns: 1_000 },
    )
  })

  it('ends a connected call whose ended event is 2 s older (a clock stepped back), with no negative time', () => {
    const [, connected, ended] = fold([
      { type: 'status', status: 'dialing', interactionId: id, at: 10_000 },
      { type: 'status', status: 'connected', interactionId: id, at: 12_000 },
      { type: 'ended', outcome: 'completed', interactionId: id, at: 10_000 },
    ])
    expect(connected!.status).toBe('connected')
    expect(ended).toMatchObject({ status: 'ended', outcome: 'completed', endedAt: 12_000 })
    const failed = reduceInteraction(connected, {
      type: 'failed',
      interactionId: id,
      at: 9_000,
      error: { code: 'provider_error', message: 'Dropped.' },
    })
    expect(failed.status).toBe('failed')
  })

  it('still lets seq decide when the provider numbers its events', () => {
    const [connected, late] = fold([
      { type: 'status', status: 'connected', interactionId: id, at: 1, seq: 5 },
      { type: 'ended', outcome: 'completed', interactionId: id, at: 2, seq: 4 },
    ])
    expect(late).toBe(connected)
  })
})

describe('reduceInteraction: examples', () => {
  const at = (n: number) => n * 1000

  it('goes dialing → ringing → connected → held → connected → ended, stamping times', () => {
    const states = fold([
      {
        type: 'status',
        status: 'dialing',
        interactionId: id,
        at: at(1),
        phoneNumber: '+14165550199',
      },
      { type: 'status', status: 'ringing', interactionId: id, at: at(2) },
      { type: 'status', status: 'connected', interactionId: id, at: at(3) },
      { type: 'status', status: 'held', interactionId: id, at: at(4) },
      { type: 'status', status: 'connected', interactionId: id, at: at(5) },
      { type: 'ended', outcome: 'completed', interactionId: id, at: at(6) },
    ])
    expect(states.map((s) => s.status)).toEqual([
      'dialing',
      'ringing',
      'connected',
      'held',
      'connected',
      'ended',
    ])
    const last = states.at(-1)!
    expect(last).toMatchObject({
      phoneNumber: '+14165550199',
      connectedAt: at(3),
      endedAt: at(6),
      outcome: 'completed',
    })
  })

  it('ignores a late "ringing" after "connected"', () => {
    const [, connected, late] = fold([
      { type: 'status', status: 'dialing', interactionId: id, at: at(1) },
      { type: 'status', status: 'connected', interactionId: id, at: at(3) },
      { type: 'status', status: 'ringing', interactionId: id, at: at(4), rawState: 'Ringing' },
    ])
    expect(late).toBe(connected)
    expect(late!.rawState).toBeUndefined()
  })

  it('orders by seq when both sides have one, even against time', () => {
    const [first, second] = fold([
      { type: 'status', status: 'ringing', interactionId: id, at: at(5), seq: 2 },
      { type: 'status', status: 'connected', interactionId: id, at: at(4), seq: 3 },
    ])
    expect(first!.status).toBe('ringing')
    expect(second!.status).toBe('connected')
  })

  it('records mute and the associated object without changing state', () => {
    const contact = {
      id: 'c1',
      type: 'contact',
      displayName: 'Ada',
      displayType: 'Contact',
      customFields: {},
    }
    const [connected, muted] = fold([
      { type: 'status', status: 'connected', interactionId: id, at: at(1) },
      { type: 'updated', interactionId: id, at: at(2), muted: true, associatedObject: contact },
    ])
    expect(muted).not.toBe(connected)
    expect(muted).toMatchObject({ status: 'connected', muted: true, associatedObject: contact })
  })

  it('keeps the outcome and after-call work of an ended call, and the error of a failed one', () => {
    const ended = reduceInteraction(undefined, {
      type: 'ended',
      outcome: 'busy',
      afterCallWork: true,
      interactionId: id,
      at: 1,
    })
    expect(ended).toMatchObject({ status: 'ended', outcome: 'busy', afterCallWork: true })
    const failed = reduceInteraction(undefined, {
      type: 'failed',
      error: { code: 'timeout', message: 'No answer from the phone system.' },
      interactionId: id,
      at: 1,
    })
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'timeout' } })
  })

  it('ends the after-call work of an ended call on `completed`, once, and ignores it on a live call', () => {
    const ended = reduceInteraction(undefined, {
      type: 'ended',
      outcome: 'completed',
      afterCallWork: true,
      interactionId: id,
      at: 10,
    })
    const completed = reduceInteraction(ended, { type: 'completed', interactionId: id, at: 20 })
    expect(completed).toMatchObject({ status: 'ended', outcome: 'completed', completedAt: 20 })
    expect(completed).not.toHaveProperty('afterCallWork')
    expect(reduceInteraction(completed, { type: 'completed', interactionId: id, at: 30 })).toBe(
      completed,
    )
    const live = reduceInteraction(undefined, {
      type: 'status',
      status: 'connected',
      interactionId: id,
      at: 1,
    })
    expect(reduceInteraction(live, { type: 'completed', interactionId: id, at: 2 })).toBe(live)
  })

  it('merges per-call capabilities', () => {
    const [a, b] = fold([
      {
        type: 'status',
        status: 'dialing',
        interactionId: id,
        at: 1,
        capabilities: { hangup: true },
      },
      {
        type: 'status',
        status: 'connected',
        interactionId: id,
        at: 2,
        capabilities: { hold: true },
      },
    ])
    expect(a!.capabilities).toEqual({ hangup: true })
    expect(b!.capabilities).toEqual({ hangup: true, hold: true })
  })
})

describe('reduceInteraction: details on a repeated state', () => {
  it('keeps the details of a repeated state (a mute done in the provider’s own UI)', () => {
    const [connected, again] = fold([
      { type: 'status', status: 'connected', interactionId: id, at: 1 },
      {
        type: 'status',
        status: 'connected',
        interactionId: id,
        at: 2,
        muted: true,
        rawState: 'delivered',
      },
    ])
    expect(again).not.toBe(connected)
    expect(again).toMatchObject({
      status: 'connected',
      muted: true,
      rawState: 'delivered',
      connectedAt: 1,
    })
  })

  it('drops the details of a backward state', () => {
    const [connected, backward] = fold([
      { type: 'status', status: 'connected', interactionId: id, at: 1 },
      { type: 'status', status: 'ringing', interactionId: id, at: 2, muted: true },
    ])
    expect(backward).toBe(connected)
  })
})
