/** Shared setup for the Tether client tests: a real loopback server, a client, and what it emitted. */
import { vi, type Mock } from 'vitest'
import {
  createTetherClient,
  type TetherClient,
  type TetherClientOptions,
} from '../../../src/clients/tether/index.js'
import { createCallStore, type CallEvent, type CallStoreApi } from '../../../src/core/index.js'
import {
  startTetherServer,
  type TetherServer,
  type TetherServerOptions,
} from '../../servers/tetherServer.js'

export interface TetherHarness {
  server: TetherServer
  client: TetherClient
  store: CallStoreApi
  /** Every event the client emitted, in order. */
  events: CallEvent[]
  logger: { debug: Mock<(...args: unknown[]) => void>; warn: Mock<(...args: unknown[]) => void> }
}

const open: (() => Promise<void>)[] = []

/** Starts a server and a client on it (poll every 15 ms, 1 s time-out unless overridden). */
export async function setupTether(
  options: Partial<TetherClientOptions> = {},
  serverOptions: TetherServerOptions = {},
): Promise<TetherHarness> {
  const server = await startTetherServer(serverOptions)
  const logger = {
    debug: vi.fn<(...args: unknown[]) => void>(),
    warn: vi.fn<(...args: unknown[]) => void>(),
  }
  const client = createTetherClient({
    baseUrl: server.url,
    getToken: () => 'token-ada',
    poll: { intervalMs: 15 },
    timeoutMs: 1000,
    logger,
    ...options,
  })
  const store = createCallStore({ capabilities: client.capabilities })
  const events: CallEvent[] = []
  client.subscribe((event) => {
    events.push(event)
    store.getState().dispatch(event)
  })
  open.push(async () => {
    client.dispose()
    await server.close()
  })
  return { server, client, store, events, logger }
}

/** Disposes every client and closes every server of the test. Use in `afterEach`. */
export async function teardownTether(): Promise<void> {
  const pending = open.splice(0)
  await Promise.all(pending.map((close) => close()))
}

/** Starts a call that must succeed and returns its id. */
export async function startOk(client: TetherClient, phone = '+14165550199'): Promise<string> {
  const result = await client.startCall(phone)
  if (result.status === 'error') throw result.error
  if (result.data.id === null) throw new Error('expected a call id')
  return result.data.id
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `vi.waitFor` with short steps, for loopback round-trips. */
export function eventually<T>(check: () => T, timeout = 2000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 5 })
}

export const contact = {
  id: '64f0a1b2c3d4e5f6a7b8c9d0',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: { tetherContactId: '64f0a1b2c3d4e5f6a7b8c9d1', accountTier: 'Gold' },
}
