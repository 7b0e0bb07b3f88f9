// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { createDialStackHandler, toNodeHandler, type FetchHandler } from '../../src/server/index.js'
import {
  startDialStackServer,
  TEST_ACCOUNT,
  TEST_API_KEY,
  TEST_USER,
  type FakeDialStack,
} from '../servers/dialStackServer.js'

const servers: Server[] = []
let fake: FakeDialStack | undefined
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  await fake?.close()
  fake = undefined
})

async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('toNodeHandler', () => {
  it('uses the body express.json() already read, so the handler still sees the JSON', async () => {
    fake = await startDialStackServer({ autoProgress: false })
    const app = express()
    app.use(express.json())
    app.all(
      '/api/dialstack/{*path}',
      toNodeHandler(
        createDialStackHandler({
          apiKey: TEST_API_KEY,
          accountId: TEST_ACCOUNT,
          baseUrl: fake.url,
          authorize: () => true,
        }),
      ),
    )
    const url = await listen(app)
    const response = await fetch(`${url}/api/dialstack/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_id: TEST_USER, dial_string: '+15551234567' }),
    })
    expect(response.status).toBe(202)
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      user_id: TEST_USER,
      dial_string: '+15551234567',
    })
    // A text body is not parsed by express.json(): it reaches the handler as sent, and is refused.
    const text = await fetch(`${url}/api/dialstack/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ user_id: TEST_USER, dial_string: '+15551234567' }),
    })
    expect(text.status).toBe(415)
    expect(fake.count('calls.create')).toBe(1)
  })

  it('keeps the request’s own host whatever the path looks like, and passes every Set-Cookie', async () => {
    const seen: string[] = []
    const handler: FetchHandler = async (request) => {
      seen.push(request.url)
      const headers = new Headers()
      headers.append('Set-Cookie', 'a=1; HttpOnly')
      headers.append('Set-Cookie', 'b=2; HttpOnly')
      return new Response('ok', { status: 200, headers })
    }
    const url = await listen(toNodeHandler(handler))
    const { host } = new URL(url)
    const response = await fetch(`${url}//evil.example/api/dialstack/calls`)
    expect(response.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly'])
    expect(new URL(seen[0]!).host).toBe(host)
    expect(new URL(seen[0]!).pathname).toBe('//evil.example/api/dialstack/calls')
  })
})
