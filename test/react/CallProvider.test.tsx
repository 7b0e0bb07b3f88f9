import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import metadata from 'libphonenumber-js/min/metadata'
import { StrictMode, useEffect, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallClient, CallRuntime, CallStoreApi } from '../../src/core/index.js'
import {
  CallProvider,
  useActiveInteraction,
  useCallRuntime,
  useInteractions,
  useStartCall,
  type CallProviderProps,
} from '../../src/index.js'
import { createPhoneNumberParser } from '../../src/phone/index.js'
import { NUMBER, START_MS, disposeClients, elapse, simulated } from './helpers.js'
import { findInteraction } from '../../src/core/reduceCallState.js'

const phoneNumbers = createPhoneNumberParser(metadata)

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  disposeClients()
  vi.useRealTimers()
})

/** Exposes what a component under the provider sees. */
const seen: {
  runtime?: CallRuntime
  queryClient?: QueryClient
  start?: ReturnType<typeof useStartCall>
} = {}

function Probe({ name = 'probe' }: { name?: string }) {
  const runtime = useCallRuntime()
  const queryClient = useQueryClient()
  const start = useStartCall()
  useEffect(() => {
    Object.assign(seen, { runtime, queryClient, start })
  })
  const calls = useInteractions()
  const active = useActiveInteraction()
  return (
    <p data-testid={name}>
      {calls.length} calls, active {active ? `${active.id} ${active.status}` : 'none'}
    </p>
  )
}

/** Counts the client's live subscriptions. */
function countListeners(client: CallClient) {
  const counter = { active: 0 }
  const subscribe = client.subscribe.bind(client)
  client.subscribe = (listener) => {
    counter.active += 1
    const unsubscribe = subscribe(listener)
    let done = false
    return () => {
      if (!done) counter.active -= 1
      done = true
      unsubscribe()
    }
  }
  return counter
}

function startCall(phoneNumber = NUMBER) {
  act(() => seen.start!.startCall(phoneNumber))
}

function mutationKeys(queryClient: QueryClient) {
  return queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => mutation.options.mutationKey)
}

describe('CallProvider: QueryClient', () => {
  it("uses the app's QueryClient when one is above it", async () => {
    const app = new QueryClient()
    const client = simulated()
    render(
      <QueryClientProvider client={app}>
        <CallProvider client={client}>
          <Probe />
        </CallProvider>
      </QueryClientProvider>,
    )
    expect(seen.queryClient).toBe(app)
    startCall()
    await elapse(START_MS)
    expect(mutationKeys(app)).toEqual([['react-click-to-call', 'startCall', 'simulated']])
    expect(app.getMutationCache().getAll()[0]?.state.data).toEqual({
      id: 'sim-1',
      deferred: false,
      phoneNumber: NUMBER,
      joined: false,
    })
  })

  it('makes its own QueryClient when there is none, and keeps it across renders', async () => {
    const client = simulated()
    const { rerender } = render(
      <CallProvider client={client}>
        <Probe />
      </CallProvider>,
    )
    const own = seen.queryClient
    expect(own).toBeInstanceOf(QueryClient)
    rerender(
      <CallProvider client={client} defaultRegion="US">
        <Probe />
      </CallProvider>,
    )
    expect(seen.queryClient).toBe(own)
    startCall()
    await elapse(START_MS)
    expect(mutationKeys(own!)).toHaveLength(1)
    expect(screen.getByTestId('probe')).toHaveTextContent('1 calls, active sim-1 dialing')
  })

  it('an explicit queryClient prop wins over the one above', async () => {
    const app = new QueryClient()
    const mine = new QueryClient()
    render(
      <QueryClientProvider client={app}>
        <CallProvider client={simulated()} queryClient={mine}>
          <Probe />
        </CallProvider>
      </QueryClientProvider>,
    )
    expect(seen.queryClient).toBe(mine)
    startCall()
    await elapse(START_MS)
    expect(mutationKeys(mine)).toHaveLength(1)
    expect(mutationKeys(app)).toHaveLength(0)
  })

  it('keeps working when the queryClient prop goes away and there is none above', async () => {
    const mine = new QueryClient()
    const client = simulated()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { rerender } = render(
      <CallProvider client={client} queryClient={mine}>
        <Probe />
      </CallProvider>,
    )
    rerender(
      <CallProvider client={client}>
        <Probe />
      </CallProvider>,
    )
    expect(seen.queryClient).toBeInstanceOf(QueryClient)
    expect(seen.queryClient).not.toBe(mine)
    startCall()
    await elapse(START_MS)
    expect(screen.getByTestId('probe')).toHaveTextContent('1 calls, active sim-1 dialing')
    expect(errors).not.toHaveBeenCalled()
  })
})

describe('CallProvider: store lifecycle', () => {
  it('feeds the client events into its store while mounted, and stops on unmount', async () => {
    const client = simulated()
    const listeners = countListeners(client)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { unmount } = render(
      <CallProvider client={client}>
        <Probe />
      </CallProvider>,
    )
    startCall()
    await elapse(START_MS + 1000)
    expect(screen.getByTestId('probe')).toHaveTextContent('active sim-1 ringing')
    const store = seen.runtime!.store
    const before = store.getState()
    expect(listeners.active).toBe(1)

    unmount()
    expect(listeners.active).toBe(0)
    await elapse(2000) // the call connects: nobody listens any more
    expect(client.control.calls()[0]?.status).toBe('connected')
    expect(() => client.control.end('sim-1')).not.toThrow()
    expect(() => client.control.emitDuplicate('sim-1')).not.toThrow()
    expect(store.getState()).toBe(before)
    expect(findInteraction(store.getState(), 'sim-1')?.status).toBe('ringing')
    expect(errors).not.toHaveBeenCalled()
  })

  it('loads the snapshot of calls already in progress when it mounts', async () => {
    const client = simulated()
    const pending = client.startCall(NUMBER)
    await vi.advanceTimersByTimeAsync(START_MS)
    await pending
    render(
      <CallProvider client={client}>
        <Probe />
      </CallProvider>,
    )
    await elapse()
    expect(screen.getByTestId('probe')).toHaveTextContent('1 calls, active sim-1 dialing')
  })

  it('two providers never share calls', async () => {
    const left = simulated()
    const right = simulated()
    const stores: CallStoreApi[] = []
    function Store() {
      const { store } = useCallRuntime()
      if (!stores.includes(store)) stores.push(store)
      return null
    }
    render(
      <>
        <CallProvider client={left}>
          <Store />
          <Probe name="left" />
        </CallProvider>
        <CallProvider client={right}>
          <Store />
          <Probe name="right" />
        </CallProvider>
      </>,
    )
    // The last Probe rendered is the right one: start there.
    startCall()
    await elapse(START_MS)
    expect(stores).toHaveLength(2)
    expect(right.control.requests).toHaveLength(1)
    expect(left.control.requests).toHaveLength(0)
    expect(screen.getByTestId('right')).toHaveTextContent('1 calls')
    expect(screen.getByTestId('left')).toHaveTextContent('0 calls')
  })

  it('two providers on the same client still get a store each', () => {
    const client = simulated()
    const stores: CallStoreApi[] = []
    function Store() {
      stores.push(useCallRuntime().store)
      return null
    }
    render(
      <>
        <CallProvider client={client}>
          <Store />
        </CallProvider>
        <CallProvider client={client}>
          <Store />
        </CallProvider>
      </>,
    )
    expect(stores[0]).not.toBe(stores[1])
  })

  it('changing dialMode, defaultRegion and phoneNumbers keeps the store and its calls; new rules apply', async () => {
    const client = simulated()
    const tree = (props: Partial<CallProviderProps>) => (
      <CallProvider client={client} {...props}>
        <Probe />
      </CallProvider>
    )
    const { rerender } = render(tree({}))
    startCall()
    await elapse(START_MS)
    const store = seen.runtime!.store

    rerender(tree({ dialMode: 'prefill', defaultRegion: 'GB', phoneNumbers }))
    expect(seen.runtime!.store).toBe(store)
    expect(findInteraction(store.getState(), 'sim-1')?.status).toBe('dialing')
    expect(screen.getByTestId('probe')).toHaveTextContent('1 calls, active sim-1 dialing')

    startCall('020 7946 0018')
    await elapse(START_MS)
    expect(seen.start!.data).toEqual({
      id: null,
      deferred: true,
      phoneNumber: '+442079460018',
      joined: false,
    })
    expect(store.getState().dialpad.value).toBe('+442079460018')
    expect(client.control.requests).toHaveLength(1)

    rerender(tree({ dialMode: 'dial', defaultRegion: 'US', phoneNumbers }))
    startCall('020 7946 0018')
    await elapse()
    expect(seen.start!.error?.code).toBe('invalid_number')
    expect(seen.start!.error?.message).toBe('“020 7946 0018” is not a valid phone number in US.')
    await elapse(3000)
    expect(findInteraction(store.getState(), 'sim-1')?.status).toBe('connected')
  })

  it('works under StrictMode: one subscription, events applied, calls placed once', async () => {
    const client = simulated()
    const listeners = countListeners(client)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const wrap = (children: ReactNode) => <StrictMode>{children}</StrictMode>
    const { unmount } = render(
      wrap(
        <CallProvider client={client}>
          <Probe />
        </CallProvider>,
      ),
    )
    startCall()
    await elapse(START_MS)
    expect(client.control.requests).toHaveLength(1)
    expect(screen.getByTestId('probe')).toHaveTextContent('1 calls, active sim-1 dialing')
    await elapse(3000)
    expect(screen.getByTestId('probe')).toHaveTextContent('active sim-1 connected')

    // StrictMode mounted, unmounted and mounted again: exactly one subscription is left.
    expect(listeners.active).toBe(1)
    const store = seen.runtime!.store
    unmount()
    expect(listeners.active).toBe(0)
    client.control.end('sim-1')
    expect(findInteraction(store.getState(), 'sim-1')?.status).toBe('connected')
    expect(errors).not.toHaveBeenCalled()
  })
})
