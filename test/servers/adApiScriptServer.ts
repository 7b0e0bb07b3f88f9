/**
 * A loopback HTTP server that plays a Bright Pattern tenant serving the widget SDK script
 * (`/agent/<app>/adapters/api.js`). Node only; the fake `adApi` itself is in fakeAdApi.ts.
 */
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The script a tenant serves, reduced to what matters here: it defines
 * `window.brightpattern.AdApi`. The instance comes from `window.__bpCreateAdApi(options)`, which
 * the test sets to the fake, so a loaded `adApi` behaves like the real widget.
 */
export const API_JS = `;(function () {
  window.__bpScriptRuns = (window.__bpScriptRuns || 0) + 1
  window.brightpattern = window.brightpattern || {}
  window.brightpattern.AdApi = function AdApi(options) { return window.__bpCreateAdApi(options) }
})()`

export interface AdApiScriptServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** The SDK URL of a widget app: `communicator` (1.0) or `crmembedded` (2.0). */
  url(app?: string): string
  /** Requests per path. */
  hits(path: string): number
  /** The next `n` requests of `path` answer with this status instead of the script. */
  failNext(path: string, status: number, n?: number): void
  /** Serve this body (JavaScript) at `path`. */
  serve(path: string, body: string): void
  /** Requests of `path` never get an answer. */
  hang(path: string): void
  close(): Promise<void>
}

export async function startAdApiScriptServer(): Promise<AdApiScriptServer> {
  const hits = new Map<string, number>()
  const failures = new Map<string, { status: number; left: number }>()
  const bodies = new Map<string, string>()
  const hanging = new Set<string>()
  const held: ServerResponse[] = []

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    if (hanging.has(path)) {
      held.push(response)
      return
    }
    const failure = failures.get(path)
    if (failure && failure.left > 0) {
      failure.left -= 1
      response
        .writeHead(failure.status, { 'content-type': 'text/plain' })
        .end('Service Unavailable')
      return
    }
    const body = bodies.get(path) ?? (path.endsWith('/adapters/api.js') ? API_JS : undefined)
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
      return
    }
    response
      .writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' })
      .end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    url: (app = 'communicator') => `${origin}/agent/${app}/adapters/api.js`,
    hits: (path) => hits.get(path) ?? 0,
    failNext: (path, status, n = 1) => failures.set(path, { status, left: n }),
    serve: (path, body) => bodies.set(path, body),
    hang: (path) => hanging.add(path),
    async close() {
      for (const response of held) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
