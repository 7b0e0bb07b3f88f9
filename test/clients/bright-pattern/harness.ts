import { vi } from 'vitest'
import {
  createBrightPatternClient,
  type BrightPatternAdApiOptions,
  type BrightPatternClient,
} from '../../../src/clients/bright-pattern/index.js'
import {
  createCallStore,
  type CallEvent,
  type CallStoreApi,
  type Interaction,
} from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { createFakeAdApi, type FakeAdApi, type FakeAdApiOptions } from '../../servers/fakeAdApi.js'

export { contact } from '../contract.js'

export const NUMBER = '+14165550199'

/**
 * The answer signal the fake widget gives (its `duration` starts counting when the far end
 * answers). Bright Pattern documents none, so the client has no default: tests that follow a call
 * to connected configure this one, as an app configures its tenant's.
 */
export const durationAnswered = (interaction: { duration?: number }) =>
  (interaction.duration ?? 0) > 0

/** A logger that records instead of printing. */
export function quietLogger() {
  return { debug: vi.fn(), warn: vi.fn() }
}

export interface Setup {
  adApi: FakeAdApi
  client: BrightPatternClient
  store: CallStoreApi
  events: CallEvent[]
  logger: ReturnType<typeof quietLogger>
  /** The store's interaction. */
  call(id: string): Interaction | undefined
  teardown(): void
}

/** A fake widget, a client on it, and a store fed by the client (as `CallProvider` does, snapshot included). */
export async function setup(
  fakeOptions: FakeAdApiOptions = {},
  clientOptions: Omit<BrightPatternAdApiOptions, 'adApi'> = {},
): Promise<Setup> {
  const adApi = createFakeAdApi(fakeOptions)
  const logger = quietLogger()
  const client = createBrightPatternClient({
    adApi,
    logger,
    answerSignal: durationAnswered,
    ...clientOptions,
  })
  const store = createCallStore({ capabilities: client.capabilities })
  const events: CallEvent[] = []
  const unsubscribe = client.subscribe((event) => {
    events.push(event)
    store.getState().dispatch(event)
  })
  for (const event of await client.snapshot!()) store.getState().dispatch(event)
  return {
    adApi,
    client,
    store,
    events,
    logger,
    call: (id) => findInteraction(store.getState(), id),
    teardown() {
      unsubscribe()
      client.dispose()
      adApi.dispose()
    },
  }
}

/** Waits until `check` passes (it throws until then), polling every few ms. */
export async function eventually(check: () => void, timeoutMs = 4000): Promise<void> {
  await vi.waitFor(check, { timeout: timeoutMs, interval: 2 })
}

/** Lets pending timers of 0 ms and promise callbacks run. */
export function settle(ms = 5): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
