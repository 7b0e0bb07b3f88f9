// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpError, requestJson } from '../../src/client-kit/index.js'

let server: Server
let url = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 500)
    if (request.url === '/text') return void response.end('Bad gateway')
    if (request.url === '/busy') {
      response.writeHead(429, { 'Retry-After': '3', 'Content-Type': 'application/json' })
      return void response.end('{"message":"slow down"}')
    }
    response.setHeader('Content-Type', 'application/json')
    response.end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const options = { provider: 'tether', timeoutMs: 2_000 }

describe('requestJson', () => {
  it('reads a JSON body, or keeps text that is not JSON', async () => {
    expect((await requestJson(`${url}/`, {}, options)).body).toEqual({ ok: true })
    expect((await requestJson(`${url}/text`, {}, options)).body).toBe('Bad gateway')
  })

  it('times out with the wait in the message', async () => {
    await expect(
      requestJson(`${url}/slow`, {}, { ...options, timeoutMs: 50 }),
    ).rejects.toMatchObject({
      code: 'timeout',
      message: 'The phone system did not answer within 50 ms. Try again.',
    })
  })

  it('resolves an abort to the standard aborted error', async () => {
    const controller = new AbortController()
    const pending = requestJson(`${url}/slow`, {}, { ...options, signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({
      code: 'aborted',
      message: 'The call was cancelled before it started.',
      provider: { provider: 'tether' },
    })
  })

  it('reports an unreachable peer as network_error', async () => {
    await expect(requestJson('http://127.0.0.1:1/', {}, options)).rejects.toMatchObject({
      code: 'network_error',
    })
  })
})

describe('httpError', () => {
  it('maps 429 with Retry-After to rate_limited and a wait a person can read', async () => {
    const { response, body } = await requestJson(`${url}/busy`, {}, options)
    const error = httpError('tether', response, (body as { message: string }).message)
    expect(error).toMatchObject({
      code: 'rate_limited',
      message: 'Too many calls at once. Wait 3 s and try again.',
      retryAfterMs: 3_000,
      provider: { provider: 'tether', status: 429, message: 'slow down' },
    })
  })
})
