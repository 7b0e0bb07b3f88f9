/**
 * The full path of a DialStack call in tests: the browser client → the app's backend (the real
 * `createDialStackHandler` on a loopback `node:http` server) → the fake DialStack API.
 */
import { afterEach } from 'vitest'
import {
  createDialStackClient,
  type DialStackClientOptions,
} from '../../../src/clients/dialstack/index.js'
import { createCallStore, type CallEvent, type CallStoreApi } from '../../../src/core/index.js'
import type { DialStackClient } from '../../../src/clients/dialstack/index.js'
import { createDialStackHandler, type DialStackHandlerOptions } from '../../../src/server/index.js'
import {
  serveFetchHandler,
  startDialStackServer,
  TEST_ACCOUNT,
  TEST_API_KEY,
  TEST_USER,
  type FakeDialStack,
  type FakeDialStackOptions,
  type FetchHandlerServer,
} from '../../servers/dialStackServer.js'

export interface DialStackSetup {
  fake: FakeDialStack
  backend: FetchHandlerServer
  client: DialStackClient
  /** Every event the client emitted, in order. */
  events: CallEvent[]
  /** How often the client asked for a client secret. */
  secretRequests(): number
  /** Start requests that reached the backend. */
  startRequests(): number
  /** Waits until an emitted event satisfies `predicate`. */
  waitForEvent(predicate: (event: CallEvent) => boolean, timeoutMs?: number): Promise<CallEvent>
  teardown(): Promise<void>
}

export interface SetupOptions {
  fake?: FakeDialStackOptions
  handler?: Partial<DialStackHandlerOptions>
  /** Client options over the defaults; `events: false` / `poll: false` leave them out. */
  client?: Partial<Omit<DialStackClientOptions, 'events' | 'poll'>> & {
    events?: Partial<NonNullable<DialStackClientOptions['events']>> | false
    poll?: Partial<NonNullable<DialStackClientOptions['poll']>> | false
  }
  /** Subscribe a collector at once (starts the stream). Default true. */
  subscribe?: boolean
}

export async function setupDialStack(options: SetupOptions = {}): Promise<DialStackSetup> {
  const fake = await startDialStackServer(options.fake)
  const handler = createDialStackHandler({
    apiKey: TEST_API_KEY,
    accountId: TEST_ACCOUNT,
    baseUrl: fake.url,
    authorize: () => true,
    ...options.handler,
  })
  const backend = await serveFetchHandler(handler)
  let secrets = 0
  const { events: eventsOption, poll: pollOption, ...clientOptions } = options.client ?? {}
  const client = createDialStackClient({
    endpoint: `${backend.url}/api/dialstack/calls`,
    userId: TEST_USER,
    timeoutMs: 2000,
    firstEventTimeoutMs: 60_000,
    ...(eventsOption !== false && {
      events: {
        url: `${fake.url}/v1/events`,
        backoff: { initialMs: 10, maxMs: 80 },
        async getClientSecret() {
          secrets += 1
          const response = await fetch(`${backend.url}/api/dialstack/session`, { method: 'POST' })
          return (await response.json()) as { client_secret: string; expires_at: number }
        },
        ...eventsOption,
      },
    }),
    ...(pollOption !== false && {
      poll: { url: `${backend.url}/api/dialstack/calls`, intervalMs: 20, ...pollOption },
    }),
    ...clientOptions,
  })
  const events: CallEvent[] = []
  const waiters = new Set<() => void>()
  if (options.subscribe !== false) {
    client.subscribe((event) => {
      events.push(event)
      for (const waiter of [...waiters]) waiter()
    })
  }
  return {
    fake,
    backend,
    client,
    events,
    secretRequests: () => secrets,
    startRequests: () =>
      backend.requests.filter((r) => r.method === 'POST' && !r.path.endsWith('/session')).length,
    waitForEvent(predicate, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate)
          if (!found) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(
              `No matching event; got ${JSON.stringify(events.map((e) => ('status' in e ? `${e.type}:${e.status}` : e.type)))}`,
            ),
          )
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    async teardown() {
      client.dispose()
      await backend.close()
      await fake.close()
    },
  }
}

/** A setup with a call store fed by the client, as an app has one. */
export type DialStackWithStore = DialStackSetup & { store: CallStoreApi }

/**
 * The lifecycle every DialStack test file shares: each test's setup is torn down after it.
 * `connected` opens the events stream first; `polling` leaves events out (call-log polling only);
 * `setup` is the bare setup, for tests that subscribe themselves.
 */
export function dialStackTests() {
  let current: DialStackSetup | undefined
  afterEach(async () => {
    await current?.teardown()
    current = undefined
  })
  async function setup(options: SetupOptions = {}): Promise<DialStackSetup> {
    current = await setupDialStack(options)
    return current
  }
  async function withStore(options: SetupOptions): Promise<DialStackWithStore> {
    const s = await setup(options)
    const store = createCallStore({ capabilities: s.client.capabilities })
    s.client.subscribe((event) => store.getState().dispatch(event))
    return { ...s, store }
  }
  return {
    setup,
    async connected(options: SetupOptions = {}): Promise<DialStackWithStore> {
      const s = await withStore(options)
      await s.fake.waitForStreams(1)
      return s
    },
    polling: (options: SetupOptions = {}): Promise<DialStackWithStore> =>
      withStore({ ...options, client: { events: false, ...options.client } }),
  }
}

/** Starts a call; its library id, and the id DialStack gave it (the fake's call made by this start). */
export async function startCall(
  s: DialStackSetup,
  number = '+15551234567',
): Promise<{ id: string; callId: string }> {
  const before = s.fake.calls().length
  const result = await s.client.startCall(number)
  if (result.status !== 'success' || result.data.id === null)
    throw new Error(`start failed: ${JSON.stringify(result)}`)
  const call = s.fake.calls()[before]
  if (!call) throw new Error('no call at the fake')
  return { id: result.data.id, callId: call.id }
}

/** Lets real time pass, for "nothing else happens" checks. */
export const tick = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms))
