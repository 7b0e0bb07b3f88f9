/**
 * Shared setup of the Genesys tests: the loopback GWS server, a cookie jar shared by `fetch` and
 * CometD (as in a browser), and a store fed by the client. Test files that import this must
 * start with `// @vitest-environment node` (cometd-nodejs-client's `adapt()` sets `window`).
 */
import { adapt } from 'cometd-nodejs-client'
import {
  createGenesysClient,
  type GenesysClient,
  type GenesysClientOptions,
} from '../../../src/clients/genesys/index.js'
import { createCallStore, type CallEvent, type CallStoreApi } from '../../../src/core/index.js'
import {
  createCookieJar,
  startGenesysServer,
  type GenesysServer,
  type GenesysServerOptions,
} from '../../servers/genesysServer.js'

export const jar = createCookieJar()
let adapted = false

export interface GenesysSetup {
  server: GenesysServer
  client: GenesysClient
  store: CallStoreApi
  /** Every event the client emitted, in order. */
  events: CallEvent[]
  logger: {
    warn: (...args: unknown[]) => void
    debug: (...args: unknown[]) => void
    warnings: string[]
  }
  teardown(): Promise<void>
}

export async function setupGenesys(
  serverOptions: GenesysServerOptions = {},
  clientOptions: Partial<GenesysClientOptions> = {},
): Promise<GenesysSetup> {
  if (!adapted) {
    adapt({ cookies: jar.cometdCookies })
    adapted = true
  }
  jar.clear()
  const server = await startGenesysServer(serverOptions)
  const warnings: string[] = []
  const logger = {
    warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
    debug: () => {},
    warnings,
  }
  const client = createGenesysClient({
    baseUrl: server.url,
    auth: { username: 'agent', password: 'secret' },
    fetch: jar.fetch,
    // Bounds for a slow machine, not part of what is tested: a cold first test (CometD's
    // handshake, the module graph's first use) can take seconds under load. Tests of time-outs
    // set their own.
    timeoutMs: 10_000,
    firstEventTimeoutMs: 10_000,
    logger,
    ...clientOptions,
  })
  const store = createCallStore({ capabilities: client.capabilities })
  const events: CallEvent[] = []
  const unsubscribe = client.subscribe((event) => {
    events.push(event)
    store.getState().dispatch(event)
  })
  return {
    server,
    client,
    store,
    events,
    logger,
    async teardown() {
      unsubscribe()
      client.dispose()
      await server.close()
    },
  }
}

/** Resolves when `predicate` holds, polling briefly; rejects after `timeoutMs`. */
export async function until(
  predicate: () => boolean,
  timeoutMs = 3000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
