import { QueryClient } from '@tanstack/react-query'
import { act, render, type RenderOptions } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import type { CallClient } from '../../src/core/CallClient.js'
import type { CallEvent } from '../../src/core/CallEvent.js'
import type { InteractionAssociatedObject } from '../../src/core/types.js'
import {
  createSimulatedClient,
  type SimulatedClient,
  type SimulatedClientOptions,
} from '../../src/clients/simulated/index.js'
import { CallProvider, type CallProviderProps } from '../../src/react/CallProvider.js'
import { ScreenPopProvider } from '../../src/screen-pop/index.js'

/** Fast, deterministic delays for a simulated call in tests. */
export const FAST = { start: 5, ringing: 10, answer: 10, noAnswer: 20 }

/** A simulated client whose event stream a test can also speak on (e.g. a closed connection). */
export interface TestClient extends SimulatedClient {
  emit(event: CallEvent): void
}

export function createTestClient(options: SimulatedClientOptions = {}): TestClient {
  // A fixed id prefix, so tests can name calls `sim-1` … (the default is random per page load).
  const client = createSimulatedClient({
    idPrefix: 'sim-',
    ...options,
    delays: { ...FAST, ...options.delays },
  })
  const extra = new Set<(event: CallEvent) => void>()
  return Object.assign(Object.create(client) as SimulatedClient, {
    subscribe(listener: (event: CallEvent) => void) {
      extra.add(listener)
      const off = client.subscribe(listener)
      return () => {
        extra.delete(listener)
        off()
      }
    },
    emit(event: CallEvent) {
      for (const listener of extra) listener(event)
    },
  }) as TestClient
}

export type ProviderOptions = Omit<CallProviderProps, 'client' | 'children'>

/** Renders `ui` inside a `CallProvider` on `client`, with a QueryClient of its own. */
export function renderWithCalls(
  ui: ReactElement,
  {
    client = createTestClient(),
    provider,
    ...options
  }: { client?: CallClient; provider?: ProviderOptions } & RenderOptions = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CallProvider client={client} queryClient={queryClient} {...provider}>
      {children}
    </CallProvider>
  )
  const result = render(ui, { wrapper, ...options })
  return { ...result, client, queryClient }
}

/**
 * Renders `ui` under a screen pop that finds `matches` for any caller, then rings an inbound call
 * from +14165550199 that rings until a person acts (the test client's own ring-out is 20 ms).
 */
export function ringWithMatches(ui: ReactElement, matches: InteractionAssociatedObject[]) {
  const client = createTestClient({ delays: { noAnswer: 60_000 } })
  const result = renderWithCalls(
    <ScreenPopProvider resolveCaller={async () => matches}>{ui}</ScreenPopProvider>,
    { client },
  )
  act(() => void client.control.ring({ from: '+14165550199' }))
  return result
}

export const ada = {
  id: 'c-1',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { crmUrl: 'https://crm.example/contacts/1' },
}
