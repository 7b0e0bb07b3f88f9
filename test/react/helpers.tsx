/** Shared setup for the React tests: a provider around a simulated client, and timer helpers. */
import { vi } from 'vitest'
import { act, renderHook, type RenderHookOptions } from '@testing-library/react'
import { notifyManager } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import {
  createSimulatedClient,
  type SimulatedClient,
  type SimulatedClientOptions,
} from '../../src/clients/simulated/index.js'
import type { CallRuntime, InteractionAssociatedObject } from '../../src/core/index.js'
import { CallProvider, useCallRuntime, type CallProviderProps } from '../../src/index.js'

// TanStack notifies observers on `setTimeout(0)`, which fake timers push 1 ms later during a
// tick; a microtask keeps every step exact under `vi.useFakeTimers()`.
notifyManager.setScheduler(queueMicrotask)

export const NUMBER = '+14165550199'

export const contact: InteractionAssociatedObject = {
  id: 'contact-42',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { accountTier: 'Gold' },
}

/** The simulated client's default start delay. */
export const START_MS = 300

export type ProviderProps = Omit<CallProviderProps, 'client' | 'children'>

/** Lets fake time pass inside `act`, so timers, mutations and store updates all land. */
export async function elapse(ms = 0): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

/**
 * A simulated client that the test's `afterEach` disposes, with ids a test can name (`sim-1` …;
 * the default prefix is random per page load).
 */
export function simulated(options?: SimulatedClientOptions): SimulatedClient {
  const client = createSimulatedClient({ idPrefix: 'sim-', ...options })
  clients.push(client)
  return client
}

const clients: SimulatedClient[] = []

/** Disposes every client made by `simulated()`. */
export function disposeClients(): void {
  for (const client of clients.splice(0)) client.dispose()
}

/** A wrapper that puts everything under one `CallProvider` and reports its runtime. */
export function providerWrapper(client: SimulatedClient, props: ProviderProps = {}) {
  const ref: { runtime?: CallRuntime } = {}
  function Capture() {
    ref.runtime = useCallRuntime()
    return null
  }
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <CallProvider client={client} {...props}>
        <Capture />
        {children}
      </CallProvider>
    )
  }
  return {
    Wrapper,
    get runtime(): CallRuntime {
      if (!ref.runtime) throw new Error('The provider has not rendered yet.')
      return ref.runtime
    },
  }
}

/** `renderHook` under a `CallProvider` for a simulated client. */
export function renderCallHook<Result, Props>(
  hook: (props: Props) => Result,
  {
    client = simulated(),
    provider,
    ...options
  }: { client?: SimulatedClient; provider?: ProviderProps } & Omit<
    RenderHookOptions<Props>,
    'wrapper'
  > = {},
) {
  const wrapper = providerWrapper(client, provider)
  const rendered = renderHook(hook, { ...options, wrapper: wrapper.Wrapper })
  return {
    ...rendered,
    client,
    get runtime() {
      return wrapper.runtime
    },
  }
}
