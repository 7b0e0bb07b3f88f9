/**
 * The product's promises, checked on random sessions: a person clicking call buttons (bursts of
 * clicks, Enter held down), typing and pasting numbers on the dialpad, hanging up from the banner,
 * while the phone system answers, fails, repeats itself, sends events late, out of order and with
 * its clock stepped back, and drops its stream. After every step:
 *
 * - no number has two live calls placed from the UI (in the store, and at the phone system);
 * - the banner shows every live call (the active one, every other one in "Other calls");
 * - a call that ended stays ended (it ends exactly once), and at the end every call has ended.
 *
 * Rendered with React Testing Library on the simulated client, whose calls move only when a step
 * says so. fast-check prints the seed and path of a failing session; replay it with
 * `PROPERTY_SEED=<seed> PROPERTY_PATH=<path>`. `PROPERTY_RUNS` sets the number of sessions.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallEvent, CallRuntime } from '../../src/core/index.js'
import { selectInteractions } from '../../src/core/index.js'
import { findInteraction } from '../../src/core/reduceCallState.js'
import { isTerminalStatus } from '../../src/core/CallEvent.js'
import {
  CallButton,
  CallStatusBanner,
  Dialpad,
  liveInteractions,
  useCallRuntime,
  type CallProviderProps,
} from '../../src/index.js'
import {
  createTestClient,
  renderWithCalls,
  type TestClient,
} from '../components/renderWithCalls.js'

const PEOPLE = [
  { name: 'Ada Lovelace', phoneNumber: '+14165550199' },
  { name: 'Grace Hopper', phoneNumber: '+442071838750' },
  { name: 'Alan Turing', phoneNumber: '+33142685300' },
] as const

/** Ways a person puts each number on the dialpad: typed, pasted with formatting, as a tel: URI, in other digits. */
const PASTES: readonly (readonly string[])[] = [
  ['+14165550199', 'tel:+1-416-555-0199', '+1 (416) 555-0199', '+１４１６５５５０１９９'],
  ['+442071838750', 'tel:+44-20-7183-8750', '+44 20 7183 8750', '+٤٤٢٠٧١٨٣٨٧٥٠'],
  ['+33142685300', 'tel:+33-1-42-68-53-00', '+33 1 42 68 53 00', '+\u200e33142685300'],
]

type Step =
  | { kind: 'click'; who: number; times: number }
  | { kind: 'enter'; who: number; times: number }
  | { kind: 'dial'; who: number; form: number; press: 'click' | 'enter'; times: number }
  | { kind: 'pasteRefused' }
  | { kind: 'hangUp'; pick: number }
  | { kind: 'settle' }
  | {
      kind: 'provider'
      op:
        | 'advance'
        | 'end'
        | 'fail'
        | 'duplicate'
        | 'stale'
        | 'endWithClockBack'
        | 'lateLive'
        | 'outOfOrder'
        | 'dropAndRestore'
      pick: number
    }

const who = fc.nat({ max: PEOPLE.length - 1 })
const times = fc.integer({ min: 1, max: 4 })
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('click' as const), who, times }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('enter' as const), who, times }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('dial' as const),
      who,
      form: fc.nat({ max: 3 }),
      press: fc.constantFrom('click' as const, 'enter' as const),
      times,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pasteRefused' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hangUp' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('provider' as const),
      op: fc.constantFrom(
        'advance' as const,
        'advance' as const,
        'end' as const,
        'fail' as const,
        'duplicate' as const,
        'stale' as const,
        'endWithClockBack' as const,
        'lateLive' as const,
        'outOfOrder' as const,
        'dropAndRestore' as const,
      ),
      pick: fc.nat(),
    }),
  },
)

const LIVE = new Set(['initiating', 'dialing', 'ringing', 'connected', 'held'])

/** Lets the simulated starts (1 ms) resolve and React render, as time passing would. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 5)))

/** Lets promises and React's queued renders run, without letting a start's timer fire. */
const flush = () => act(async () => {})

function Page({ onRuntime }: { onRuntime: (runtime: CallRuntime) => void }) {
  onRuntime(useCallRuntime())
  return (
    <>
      {PEOPLE.map((person) => (
        <CallButton
          key={person.phoneNumber}
          phoneNumber={person.phoneNumber}
          associatedObject={{
            id: person.phoneNumber,
            type: 'contact',
            displayName: person.name,
            displayType: 'Contact',
            customFields: {},
          }}
        />
      ))}
      <Dialpad />
      <CallStatusBanner dismissAfterMs={null} />
    </>
  )
}

/** The button that calls one person ("Call …", "Calling …", or their live call: "Ada Lovelace, connected 00:01"). */
const personButton = (index: number) =>
  screen.getByRole('button', { name: new RegExp(`^((Call|Calling) )?${PEOPLE[index]!.name}`) })

async function runSession(
  steps: Step[],
  whileOnCall: NonNullable<CallProviderProps['whileOnCall']>,
) {
  const client: TestClient = createTestClient({
    // Calls move only when a step says so (a start resolves after 1 ms, as a real one after a while).
    delays: { start: 1, ringing: 1e9, answer: 1e9, noAnswer: 1e9 },
  })
  let runtime: CallRuntime | undefined
  const user = userEvent.setup({ delay: null })
  renderWithCalls(<Page onRuntime={(value) => (runtime = value)} />, {
    client,
    provider: { whileOnCall },
  })
  const store = runtime!.store

  // Every status each call took in the store, in order, and how often it went from live to ended.
  const endings = new Map<string, number>()
  const revived: string[] = []
  const unsubscribe = store.subscribe((state, previous) => {
    for (const call of selectInteractions(state)) {
      const { id } = call
      const before = findInteraction(previous, id)
      if (before === call) continue
      const wasTerminal = before !== undefined && isTerminalStatus(before.status)
      if (wasTerminal && !isTerminalStatus(call.status)) revived.push(`${id}: ${call.status}`)
      if (!wasTerminal && isTerminalStatus(call.status)) endings.set(id, (endings.get(id) ?? 0) + 1)
    }
  })

  const pick = (index: number, live: boolean) => {
    const calls = client.control
      .calls()
      .filter((call) => call.direction !== 'inbound' && LIVE.has(call.status) === live)
    return calls.length ? calls[index % calls.length] : undefined
  }
  const emit = (event: CallEvent) => act(() => client.emit(event))
  const lastAt = (id: string) => findInteraction(store.getState(), id)?.updatedAt ?? Date.now()

  async function play(next: Step) {
    switch (next.kind) {
      case 'click': {
        const button = personButton(next.who)
        // A burst: every click in the same tick, as a double or triple click lands.
        act(() => {
          for (let i = 0; i < next.times; i++) fireEvent.click(button)
        })
        return
      }
      case 'enter': {
        personButton(next.who).focus()
        await user.keyboard(`{Enter>${next.times}/}`)
        return
      }
      case 'dial':
      case 'pasteRefused': {
        const box = screen.queryByRole('textbox', { name: 'Phone number' })
        // While a call is connected the dialpad sends tones: there is no number to type.
        if (!box) return
        await user.clear(box)
        await user.click(box)
        if (next.kind === 'pasteRefused') {
          await user.paste('call me @ home')
          expect(box).toHaveValue('')
          return
        }
        await user.paste(PASTES[next.who]![next.form]!)
        expect(box).toHaveValue(PEOPLE[next.who]!.phoneNumber)
        for (let i = 0; i < next.times; i++) {
          if (next.press === 'enter') await user.type(box, '{Enter}')
          else fireEvent.click(screen.getByRole('button', { name: /^(Call|Calling…)$/ }))
        }
        return
      }
      case 'hangUp': {
        const buttons = within(screen.getByRole('status', { name: 'Call status' })).queryAllByRole(
          'button',
          { name: 'Hang up' },
        )
        const button = buttons[next.pick % Math.max(buttons.length, 1)]
        if (button) await user.click(button)
        return
      }
      case 'settle':
        await settle()
        return
      case 'provider': {
        const live = pick(next.pick, true)
        const ended = pick(next.pick, false)
        switch (next.op) {
          case 'advance':
            if (live) act(() => client.control.advance(live.id))
            return
          case 'end':
            if (live) act(() => client.control.end(live.id, 'completed'))
            return
          case 'fail':
            if (live) act(() => client.control.fail(live.id, 'Line dropped'))
            return
          case 'duplicate': {
            const call = live ?? ended
            if (call) act(() => client.control.emitDuplicate(call.id))
            return
          }
          case 'stale':
            if (live) act(() => client.control.emitStale(live.id))
            return
          case 'endWithClockBack':
            // The provider's clock stepped back 2 s (NTP): its ended event is older than the last one.
            if (!live) return
            await emit({
              type: 'ended',
              interactionId: live.id,
              outcome: 'completed',
              at: lastAt(live.id) - 2000,
            })
            // It ends the call at once, whatever its clock says (the phone system's own later
            // event then repeats the end and changes nothing).
            expect(
              findInteraction(store.getState(), live.id)?.status,
              'ended with the clock back',
            ).toBe('ended')
            act(() => client.control.end(live.id, 'completed'))
            return
          case 'lateLive':
            // A live state arriving after the end, with a newer clock: the end stands.
            if (ended)
              await emit({
                type: 'status',
                interactionId: ended.id,
                status: 'connected',
                at: lastAt(ended.id) + 1000,
              })
            return
          case 'outOfOrder':
            // An earlier state with a newer time: states only move forward.
            if (live && live.status !== 'dialing')
              await emit({
                type: 'status',
                interactionId: live.id,
                status: 'dialing',
                at: lastAt(live.id) + 500,
              })
            return
          case 'dropAndRestore':
            act(() => client.control.dropStream())
            if (live) act(() => client.control.advance(live.id))
            act(() => client.control.restoreStream())
            await flush()
            return
        }
      }
    }
  }

  function checkPromises(after: string) {
    const state = store.getState()
    const live = liveInteractions(selectInteractions(state))
    // One live call per number: in the store and at the phone system.
    for (const calls of [
      live.map((call) => call.phoneNumber),
      client.control
        .calls()
        .filter((call) => LIVE.has(call.status))
        .map((call) => call.phoneNumber),
    ]) {
      expect(new Set(calls).size, `two live calls to one number after ${after}`).toBe(calls.length)
    }
    // What the phone system says is live, the store says is live (no call stuck or lost).
    expect(
      live.map((call) => call.id).sort(),
      `the store and the phone system disagree after ${after}`,
    ).toEqual(
      client.control
        .calls()
        .filter((call) => LIVE.has(call.status))
        .map((call) => call.id)
        .sort(),
    )
    // The banner shows every live call: the active one, and each other one in "Other calls".
    const banner = screen.getByRole('status', { name: 'Call status' })
    const listed = screen.queryByRole('list', { name: 'Other calls' })
    const items = listed ? within(listed).getAllByRole('group') : []
    const activeIsLive = LIVE.has(banner.getAttribute('data-status') ?? '')
    expect(items.length + (activeIsLive ? 1 : 0), `live calls hidden after ${after}`).toBe(
      live.length,
    )
    for (const item of items) expect(LIVE.has(item.getAttribute('data-status') ?? '')).toBe(true)
    expect(revived, `an ended call came back after ${after}`).toEqual([])
  }

  try {
    for (const [index, next] of steps.entries()) {
      await play(next)
      await flush()
      checkPromises(`step ${index + 1} (${JSON.stringify(next)})`)
    }
    // The session ends: starts in flight land, then the phone system ends every live call.
    await settle()
    for (const call of client.control.calls())
      if (LIVE.has(call.status)) act(() => client.control.end(call.id, 'completed'))
    await flush()
    checkPromises('the end')
    const calls = client.control.calls()
    // Every call placed was one click's (or Enter's) start: each ended exactly once.
    for (const call of calls) expect(endings.get(call.id), `${call.id} endings`).toBe(1)
    expect(calls.every((call) => isTerminalStatus(call.status))).toBe(true)
    expect(client.control.requests.length).toBe(calls.length)
  } finally {
    unsubscribe()
    cleanup()
  }
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25)

describe('calls a person can trust, on random sessions', () => {
  afterEach(() => cleanup())

  it(
    'one live call per number, the banner shows every live call, every call ends once',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 4, maxLength: 30 }),
          fc.constantFrom('refuse' as const, 'hold-and-dial' as const, 'allow' as const),
          runSession,
        ),
        {
          numRuns: RUNS,
          ...(process.env.PROPERTY_SEED
            ? { seed: Number(process.env.PROPERTY_SEED), path: process.env.PROPERTY_PATH }
            : {}),
        },
      )
    },
    Math.max(120_000, RUNS * 2_000),
  )
})
