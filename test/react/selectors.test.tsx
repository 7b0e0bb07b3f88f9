/**
 * The store hooks read through selectors: a component re-renders only when what it reads
 * changes. Renders are counted with React.Profiler (commits of each subtree).
 */
import { act, render, screen } from '@testing-library/react'
import { Profiler, useEffect, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SimulatedClient } from '../../src/clients/simulated/index.js'
import type { CallRuntime } from '../../src/core/index.js'
import {
  CallProvider,
  liveInteractions,
  useActiveInteraction,
  useCallRuntime,
  useCallStore,
  useInteraction,
  useInteractions,
} from '../../src/index.js'
import { START_MS, disposeClients, elapse, simulated } from './helpers.js'
import { selectInteractions } from '../../src/core/index.js'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  disposeClients()
  vi.useRealTimers()
})

const commits = new Map<string, number>()
const renders = (id: string) => commits.get(id) ?? 0

function Counted({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={() => commits.set(id, renders(id) + 1)}>
      {children}
    </Profiler>
  )
}

function Row({ id }: { id: string }) {
  const call = useInteraction(id)
  return (
    <p data-testid={`row-${id}`}>
      {call ? `${call.status}${call.muted ? ' muted' : ''}` : 'absent'}
    </p>
  )
}

function Active() {
  const call = useActiveInteraction()
  return <p data-testid="active">{call ? `${call.id} ${call.status}` : 'none'}</p>
}

function All() {
  const calls = useInteractions()
  return <p data-testid="all">{calls.map((call) => `${call.id}:${call.status}`).join(' ')}</p>
}

function Ids() {
  const ids = useInteractions((calls) => calls.map((call) => call.id))
  return <p data-testid="ids">{ids.join(' ')}</p>
}

function LiveCount() {
  const count = useInteractions((calls) => liveInteractions(calls).length)
  return <p data-testid="live">{count}</p>
}

function Connection() {
  const status = useCallStore((state) => state.connection.status)
  return <p data-testid="connection">{status}</p>
}

function Summary() {
  // A new object on every call: compared shallowly, so it is stable while its fields are.
  const summary = useCallStore((state) => ({
    calls: selectInteractions(state).length,
    active: state.activeId,
  }))
  return <p data-testid="summary">{`${summary.calls} ${summary.active ?? 'none'}`}</p>
}

let runtime: CallRuntime | undefined
function Runtime() {
  const current = useCallRuntime()
  useEffect(() => {
    runtime = current
  })
  return null
}

/** Renders every reader, each under its own Profiler, and starts two calls: sim-1 then sim-2. */
async function setup(): Promise<SimulatedClient> {
  commits.clear()
  const client = simulated()
  render(
    <CallProvider client={client}>
      <Runtime />
      <Counted id="row-1">
        <Row id="sim-1" />
      </Counted>
      <Counted id="row-2">
        <Row id="sim-2" />
      </Counted>
      <Counted id="active">
        <Active />
      </Counted>
      <Counted id="all">
        <All />
      </Counted>
      <Counted id="ids">
        <Ids />
      </Counted>
      <Counted id="live">
        <LiveCount />
      </Counted>
      <Counted id="connection">
        <Connection />
      </Counted>
      <Counted id="summary">
        <Summary />
      </Counted>
    </CallProvider>,
  )
  const first = client.startCall('+14165550199')
  await elapse(START_MS)
  await first
  await elapse(1) // distinct creation times, so "newest first" is well defined
  const second = client.startCall('+442079460018')
  await elapse(START_MS)
  await second
  commits.clear()
  return client
}

const text = (id: string) => screen.getByTestId(id).textContent

describe('store hooks follow the store', () => {
  it('useInteraction, useActiveInteraction, useInteractions and useCallStore show the current values', async () => {
    const client = await setup()
    expect(text('row-sim-1')).toBe('dialing')
    expect(text('row-sim-2')).toBe('dialing')
    expect(text('active')).toBe('sim-2 dialing')
    expect(text('all')).toBe('sim-2:dialing sim-1:dialing')
    expect(text('ids')).toBe('sim-2 sim-1')
    expect(text('live')).toBe('2')
    expect(text('connection')).toBe('open')
    expect(text('summary')).toBe('2 sim-2')

    act(() => client.control.advance('sim-1'))
    expect(text('row-sim-1')).toBe('ringing')
    act(() => client.control.end('sim-2', 'busy'))
    expect(text('row-sim-2')).toBe('ended')
    expect(text('live')).toBe('1')
    expect(text('all')).toBe('sim-2:ended sim-1:ringing')
    // The ended call stays on the banner until dismissed; then the live one takes its place.
    expect(text('active')).toBe('sim-2 ended')
    act(() => runtime!.store.getState().dismiss('sim-2'))
    expect(text('active')).toBe('sim-1 ringing')

    act(() => client.control.dropStream())
    expect(text('connection')).toBe('reconnecting')
    act(() => client.control.restoreStream())
    expect(text('connection')).toBe('open')
  })

  it('useInteraction of an unknown or missing id is undefined', async () => {
    await setup()
    function Unknown() {
      const none = useInteraction(null)
      const missing = useInteraction('sim-404')
      return (
        <p data-testid="unknown">
          {String(none)} {String(missing)}
        </p>
      )
    }
    render(
      <CallProvider client={simulated()}>
        <Unknown />
      </CallProvider>,
    )
    expect(text('unknown')).toBe('undefined undefined')
  })

  it('follows events dispatched straight into the store', async () => {
    await setup()
    act(() =>
      runtime!.store.getState().dispatch({
        type: 'status',
        status: 'connected',
        interactionId: 'sim-1',
        at: Date.now(),
        seq: 10,
      }),
    )
    expect(text('row-sim-1')).toBe('connected')
    act(() =>
      runtime!.store.getState().dispatch({
        type: 'updated',
        muted: true,
        interactionId: 'sim-1',
        at: Date.now(),
        seq: 11,
      }),
    )
    expect(text('row-sim-1')).toBe('connected muted')
  })
})

describe('store hooks re-render only for what they read', () => {
  it('a component reading one interaction does not re-render when another one changes', async () => {
    const client = await setup()
    act(() => client.control.advance('sim-2')) // ringing
    act(() => client.control.advance('sim-2')) // connected
    await act(async () => {
      await client.mute('sim-2', true)
      await client.hold('sim-2')
    })
    expect(text('row-sim-2')).toBe('held muted')
    expect(renders('row-2')).toBe(4)
    expect(renders('row-1')).toBe(0)

    act(() => client.control.advance('sim-1'))
    expect(renders('row-1')).toBe(1)
    expect(renders('row-2')).toBe(4)
  })

  it('the active-call reader does not re-render when another call changes', async () => {
    const client = await setup()
    act(() => client.control.advance('sim-1'))
    act(() => client.control.advance('sim-1'))
    expect(text('row-sim-1')).toBe('connected')
    expect(renders('active')).toBe(0)
    act(() => client.control.advance('sim-2'))
    expect(renders('active')).toBe(1)
  })

  it('useInteractions(select) re-renders only when the selected result changes', async () => {
    const client = await setup()
    act(() => client.control.advance('sim-1')) // a status change: same ids, same live count
    act(() => client.control.advance('sim-1'))
    expect(renders('all')).toBe(2)
    expect(renders('ids')).toBe(0)
    expect(renders('live')).toBe(0)
    expect(renders('summary')).toBe(0)

    act(() => client.control.end('sim-1'))
    expect(renders('live')).toBe(1)
    expect(renders('ids')).toBe(0)

    const third = client.startCall('+4915123456789')
    await elapse(START_MS)
    await third
    expect(text('ids')).toBe('sim-3 sim-2 sim-1')
    expect(renders('ids')).toBe(1)
    expect(renders('summary')).toBe(1)
  })

  it('a useCallStore selector does not re-render for interaction changes', async () => {
    const client = await setup()
    act(() => client.control.advance('sim-1'))
    act(() => client.control.end('sim-2'))
    expect(renders('connection')).toBe(0)
    act(() => client.control.dropStream())
    expect(renders('connection')).toBe(1)
  })

  it('duplicate and stale events re-render nothing', async () => {
    const client = await setup()
    act(() => client.control.advance('sim-1'))
    commits.clear()
    const state = runtime!.store.getState()
    act(() => {
      client.control.emitDuplicate('sim-1')
      client.control.emitStale('sim-1')
      client.control.emitDuplicate('sim-2')
    })
    expect(runtime!.store.getState()).toBe(state)
    expect([...commits.entries()]).toEqual([])
  })
})
