/**
 * The three ways an app mounts the handler, each on a real loopback server: Node's `http`
 * server, Express 5 (the real package), and a Next.js route module (`export { handler as GET,
 * handler as POST }`) served by method as Next.js does. All use the README's `authorize`.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import {
  createDialStackHandler,
  toNodeHandler,
  type DialStackHandlerOptions,
  type FetchHandler,
} from '../../src/server/index.js'
import { TEST_ACCOUNT, TEST_API_KEY } from '../servers/dialStackServer.js'
import { authorize } from './app/authorize.js'
import { routeOptions } from './app/routeOptions.js'

/** What a test may set; the key, the account and `authorize` are the app's. */
export type AppOptions = Partial<
  Omit<DialStackHandlerOptions, 'apiKey' | 'accountId' | 'authorize'>
>

export interface ServedApp {
  /** The handler's base URL, e.g. `http://127.0.0.1:1234/api/dialstack`. */
  url: string
  close(): Promise<void>
}

export interface Adapter {
  name: string
  serve(baseUrl: string, options?: AppOptions): Promise<ServedApp>
}

async function listen(server: Server): Promise<ServedApp> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/dialstack`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const handlerFor = (baseUrl: string, options: AppOptions) =>
  createDialStackHandler({
    apiKey: TEST_API_KEY,
    accountId: TEST_ACCOUNT,
    baseUrl,
    ...options,
    authorize,
  })

let routeInstances = 0

export const adapters: Adapter[] = [
  {
    name: 'node:http',
    serve: (baseUrl, options = {}) =>
      listen(createServer(toNodeHandler(handlerFor(baseUrl, options)))),
  },
  {
    name: 'Express 5',
    serve(baseUrl, options = {}) {
      const app = express()
      app.all('/api/dialstack/{*path}', toNodeHandler(handlerFor(baseUrl, options)))
      return listen(createServer(app))
    },
  },
  {
    name: 'a Next.js route module',
    async serve(baseUrl, options = {}) {
      process.env.DIALSTACK_API_KEY = TEST_API_KEY
      process.env.DIALSTACK_ACCOUNT_ID = TEST_ACCOUNT
      process.env.DIALSTACK_API_URL = baseUrl
      routeOptions.current = options
      routeInstances += 1
      // A fresh module instance per app, so the route file runs with this test's options.
      const route = (await import(
        /* @vite-ignore */ `./app/api/dialstack/[...path]/route.ts?instance=${routeInstances}`
      )) as Record<string, FetchHandler | undefined>
      const byMethod: FetchHandler = async (request) => {
        const handler = route[request.method]
        return handler
          ? handler(request)
          : new Response(null, { status: 405, headers: { Allow: 'GET, POST' } })
      }
      return listen(createServer(toNodeHandler(byMethod)))
    },
  },
]
