// @vitest-environment node
/**
 * Hostile traffic against `createDialStackHandler`, through each way an app mounts it (Node's
 * `http` server, Express 5, a Next.js route module), over loopback, with a loopback DialStack
 * that can turn hostile itself. Every case here is a hole that was open once: keep them closed.
 */
import { request as httpRequest, createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGzip } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  startDialStackServer,
  TEST_ACCOUNT,
  TEST_API_KEY,
  TEST_USER,
  type FakeDialStack,
  type FakeDialStackOptions,
} from '../servers/dialStackServer.js'
import accountSessions from '../fixtures/dialstack/account-sessions.json' with { type: 'json' }
import { signIn, signOutEveryone } from './app/session.js'
import { adapters, type AppOptions, type ServedApp } from './serveAdapters.js'

const OTHER_USER = 'user_01h2xcejqtf2nbrexx3vqjhp43'
const SUPERVISOR = 'user_01h2xcejqtf2nbrexx3vqjhp44'
const MB = 1024 * 1024

/** The signed-in agent, calling from the app's own page. */
const AGENT = { Cookie: 'session=agent', 'Sec-Fetch-Site': 'same-origin' }
const JSON_TYPE = { 'Content-Type': 'application/json' }

beforeAll(() => {
  signIn('agent', { dialstackUserId: TEST_USER, maySeeAllCalls: false })
  signIn('supervisor', { dialstackUserId: SUPERVISOR, maySeeAllCalls: true })
})
afterAll(() => signOutEveryone())

/** Everything a browser could see of a response. */
async function visible(response: Response): Promise<string> {
  const headers: string[] = []
  response.headers.forEach((value, key) => headers.push(`${key}: ${value}`))
  return `${response.status}\n${headers.join('\n')}\n\n${await response.text()}`
}

const base64 = (text: string) => Buffer.from(text).toString('base64')

/** The spellings of the key and the account the hostile DialStack echoes. */
const SECRET_FORMS = [
  TEST_API_KEY,
  TEST_API_KEY.toUpperCase(),
  TEST_ACCOUNT,
  TEST_ACCOUNT.toUpperCase(),
  base64(TEST_API_KEY),
  base64(`${TEST_API_KEY}:`),
  base64(`x${TEST_API_KEY}`),
  base64(`Bearer ${TEST_API_KEY}`),
  Buffer.from(TEST_API_KEY).toString('base64url'),
  Buffer.from(TEST_API_KEY).toString('hex'),
  base64(TEST_ACCOUNT),
  base64(`${TEST_ACCOUNT}:${TEST_API_KEY}`),
]

function expectNoSecret(text: string) {
  for (const form of SECRET_FORMS) expect(text).not.toContain(form)
  expect(text).not.toMatch(/sk_(test|live)_/i)
  expect(text.toLowerCase()).not.toContain(TEST_ACCOUNT)
}

/**
 * Posts `totalBytes` of a JSON-looking body in chunks (no Content-Length), as fast as the server
 * takes it, and stops at the answer: how much had been sent by then tells whether the server
 * buffered the body.
 */
function postChunked(
  url: string,
  totalBytes: number,
): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    let answered = false
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' },
    })
    req.on('response', (res) => {
      answered = true
      res.resume()
      resolve({ status: res.statusCode ?? 0, sentBytes: sent })
    })
    // The server may close the connection once it has answered: expected, not a failure.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.byteLength
        if (!req.write(sent === chunk.byteLength ? Buffer.from('{"padding":"') : chunk)) {
          req.once('drain', pump)
          return
        }
      }
      if (!answered) req.end('"}')
    }
    pump()
  })
}

/** Starts a server that answers with `respond`, for upstream bodies a test writes itself. */
async function otherHost(respond: (res: ServerResponse) => void) {
  let hits = 0
  const server = createServer((req, res) => {
    hits += 1
    req.resume()
    respond(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Writes `totalBytes` to a response as fast as the reader takes them; resolves with what was written. */
function stream(res: ServerResponse, totalBytes: number, chunk: Buffer): Promise<number> {
  return new Promise((resolve) => {
    let written = 0
    res.on('close', () => resolve(written))
    const pump = () => {
      while (written < totalBytes && !res.destroyed) {
        written += chunk.byteLength
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  })
}

/** 64 MB of zeros, gzipped (about 64 kB): 64 times `maxResponseBytes` once inflated. Made once. */
let gzipBomb: Promise<Buffer> | undefined
function makeGzipBomb(): Promise<Buffer> {
  gzipBomb ??= new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 })
    const parts: Buffer[] = []
    gzip.on('data', (part: Buffer) => parts.push(part))
    gzip.on('end', () => resolve(Buffer.concat(parts)))
    gzip.on('error', reject)
    const zeros = Buffer.alloc(MB)
    let left = 64
    const pump = () => {
      while (left > 0) {
        left -= 1
        if (!gzip.write(zeros)) return void gzip.once('drain', pump)
      }
      gzip.end()
    }
    pump()
  })
  return gzipBomb
}

describe.each(adapters)('the DialStack handler through $name', (adapter) => {
  let fake: FakeDialStack
  let app: ServedApp
  const cleanups: (() => Promise<void>)[] = []

  async function serve(options: AppOptions = {}, fakeOptions: FakeDialStackOptions = {}) {
    fake = await startDialStackServer({
      autoProgress: false,
      users: [TEST_USER, OTHER_USER],
      ...fakeOptions,
    })
    app = await adapter.serve(fake.url, options)
    cleanups.push(
      () => app.close(),
      () => fake.close(),
    )
    return app
  }
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  const own = () => ({ ...AGENT, Origin: new URL(app.url).origin })
  const callBody = (dialString = '+15551234567') =>
    JSON.stringify({ user_id: TEST_USER, dial_string: dialString })
  const startCall = (headers: Record<string, string> = {}, body = callBody()) =>
    fetch(`${app.url}/calls`, {
      method: 'POST',
      headers: { ...JSON_TYPE, ...own(), ...headers },
      body,
    })

  describe('bodies', () => {
    it('refuses a 256 MB chunked body from an anonymous caller at maxBodyBytes, before the rest is sent', async () => {
      await serve()
      const { status, sentBytes } = await postChunked(`${app.url}/calls`, 256 * MB)
      expect(status).toBe(413)
      expect(sentBytes).toBeLessThan(16 * MB)
      expect(fake.requests).toHaveLength(0)
    })

    it('counts the limit in bytes: 6000 “€” (18 000 bytes, 6 000 characters) are too many for 16 384', async () => {
      await serve()
      const body = JSON.stringify({
        user_id: TEST_USER,
        dial_string: '+15551234567',
        note: '€'.repeat(6000),
      })
      const response = await fetch(`${app.url}/calls`, {
        method: 'POST',
        headers: { ...JSON_TYPE, ...own() },
        // A stream has no Content-Length: the limit must hold on what is read.
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit)
      expect(response.status).toBe(413)
      expect(fake.requests).toHaveLength(0)
    })

    it.each([
      ['text/plain', 'text/plain;charset=UTF-8'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['multipart', 'multipart/form-data; boundary=x'],
    ])(
      'refuses %s bodies (no CORS preflight) with 415, even holding valid JSON',
      async (_name, type) => {
        await serve()
        const response = await startCall({ 'Content-Type': type })
        expect(response.status).toBe(415)
        expect(await response.json()).toMatchObject({ code: 'unsupported_media_type' })
        expect(fake.requests).toHaveLength(0)
      },
    )
  })

  describe('cross-site requests', () => {
    it('refuses Sec-Fetch-Site: cross-site and a foreign Origin with 403; the own origin and allowedOrigins pass', async () => {
      await serve({ allowedOrigins: undefined })
      const foreign = await startCall({ Origin: 'https://evil.example' })
      const crossSite = await startCall({
        'Sec-Fetch-Site': 'cross-site',
        Origin: 'https://evil.example',
      })
      const crossSiteNoOrigin = await fetch(`${app.url}/calls?user_id=${TEST_USER}`, {
        headers: { Cookie: 'session=agent', 'Sec-Fetch-Site': 'cross-site' },
      })
      for (const response of [foreign, crossSite, crossSiteNoOrigin]) {
        expect(response.status).toBe(403)
        expect(await response.json()).toMatchObject({ code: 'forbidden' })
      }
      expect(fake.requests).toHaveLength(0)
      expect((await startCall()).status).toBe(202)
      expect(fake.count('calls.create')).toBe(1)

      const listed = await serve({ allowedOrigins: ['https://crm.example'] })
      const fromCrm = await fetch(`${listed.url}/calls`, {
        method: 'POST',
        headers: {
          ...JSON_TYPE,
          ...AGENT,
          Origin: 'https://crm.example',
          'Sec-Fetch-Site': 'cross-site',
        },
        body: callBody(),
      })
      expect(fromCrm.status).toBe(202)
      const unlisted = await fetch(`${listed.url}/calls`, {
        method: 'POST',
        headers: { ...JSON_TYPE, ...AGENT, Origin: new URL(listed.url).origin },
        body: callBody(),
      })
      expect(unlisted.status).toBe(403)
    })
  })

  describe('authorization on every resource', () => {
    it('mints a client secret by POST only, for whom authorize allows, with DialStack’s components', async () => {
      await serve()
      const byGet = await fetch(`${app.url}/session`, {
        headers: { ...own(), Cookie: 'session=supervisor' },
      })
      expect(byGet.status).toBe(405)
      expect(byGet.headers.get('Allow')).toBe('POST')
      expect(fake.requests).toHaveLength(0)

      const agent = await fetch(`${app.url}/session`, { method: 'POST', headers: own() })
      expect(agent.status).toBe(403)
      expect(fake.requests).toHaveLength(0)

      const supervisor = await fetch(`${app.url}/session`, {
        method: 'POST',
        headers: { ...own(), Cookie: 'session=supervisor' },
      })
      expect(supervisor.status).toBe(200)
      expect(await supervisor.json()).toEqual({
        client_secret: fake.issuedSecrets[0],
        expires_at: expect.any(Number),
      })
      expect(JSON.parse(fake.requests[0]!.body)).toEqual({
        account: TEST_ACCOUNT,
        components: { call_logs: { enabled: true } },
      })
    })

    it('answers 404 for another user’s call log, and 200 for the person’s own', async () => {
      await serve()
      // Someone else's call, placed in the same account.
      await fetch(`${fake.url}/v1/calls`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TEST_API_KEY}`,
          'DialStack-Account': TEST_ACCOUNT,
          ...JSON_TYPE,
        },
        body: JSON.stringify({ user_id: OTHER_USER, dial_string: '+15557654321' }),
      })
      const theirs = fake.latestCall()!.id
      expect((await startCall()).status).toBe(202)
      const mine = fake.latestCall()!.id

      for (const query of ['', `?user_id=${TEST_USER}`]) {
        const response = await fetch(`${app.url}/calls/${theirs}${query}`, { headers: own() })
        expect(response.status).toBe(404)
        const text = await response.text()
        expect(text).not.toContain('+15557654321')
        expect(JSON.parse(text)).toEqual({ error: 'Call not found.', code: 'not_found' })
      }
      const asking = await fetch(`${app.url}/calls/${theirs}?user_id=${OTHER_USER}`, {
        headers: own(),
      })
      expect(asking.status).toBe(403)
      const anonymous = await fetch(`${app.url}/calls/${mine}`)
      expect(anonymous.status).toBe(401)

      const response = await fetch(`${app.url}/calls/${mine}`, { headers: own() })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ id: mine, user: TEST_USER })
    })
  })

  describe('the key never leaves the server', () => {
    it.each([429, 200])(
      'not when DialStack echoes the key and the account into every field and header (status %i)',
      async (status) => {
        const logger = { warn: vi.fn(), debug: vi.fn() }
        await serve({ logger }, { echoKey: { status } })
        const responses = [
          await startCall(),
          await fetch(`${app.url}/session`, {
            method: 'POST',
            headers: { ...own(), Cookie: 'session=supervisor' },
          }),
          await fetch(`${app.url}/calls?user_id=${TEST_USER}`, { headers: own() }),
          await fetch(`${app.url}/calls/call_1?user_id=${TEST_USER}`, { headers: own() }),
          await fetch(`${app.url}/calls/call_1`, { headers: own() }),
        ]
        for (const response of responses) {
          const seen = await visible(response)
          expectNoSecret(seen)
          expect(response.headers.get('Retry-After')).toBeNull()
          expect(response.headers.get('Set-Cookie')).toBeNull()
        }
        expectNoSecret(JSON.stringify([...logger.warn.mock.calls, ...logger.debug.mock.calls]))
        // Each of them did reach the hostile upstream.
        expect(fake.requests).toHaveLength(5)
      },
    )

    it('passes Retry-After only as seconds or an HTTP date, and expires_at only as a number', async () => {
      await serve()
      const retryAfter = []
      for (const value of ['120', 'Wed, 21 Oct 2015 07:28:00 GMT', `30-${TEST_API_KEY}`, 'soon']) {
        fake.failNext('calls.create', {
          status: 429,
          body: { error: 'Rate limit exceeded' },
          headers: { 'Retry-After': value },
        })
        retryAfter.push((await startCall()).headers.get('Retry-After'))
      }
      expect(retryAfter).toEqual(['120', 'Wed, 21 Oct 2015 07:28:00 GMT', null, null])

      const expiresAt = []
      // The sessions page's sample has an ISO date: read as a time, passed on in seconds.
      for (const value of [
        1_900_000_000,
        accountSessions.response.expires_at,
        TEST_API_KEY,
        { $date: 1 },
      ]) {
        fake.failNext('account_sessions', {
          status: 200,
          body: { client_secret: 'cs_test_0001abcdef', expires_at: value },
        })
        const response = await fetch(`${app.url}/session`, {
          method: 'POST',
          headers: { ...own(), Cookie: 'session=supervisor' },
        })
        expiresAt.push(((await response.json()) as { expires_at?: unknown }).expires_at)
      }
      expect(expiresAt).toEqual([1_900_000_000, 1_736_946_000, undefined, undefined])
    })
  })

  describe('DialStack’s answers are read within limits', () => {
    it('stops reading a 200 MB error body at maxResponseBytes (502)', async () => {
      await serve()
      let written: Promise<number> | undefined
      fake.failNext('calls.create', {
        status: 500,
        raw(res) {
          res.writeHead(500, { 'Content-Type': 'application/json' })
          written = stream(res, 200 * MB, Buffer.alloc(64 * 1024, ' '))
        },
      })
      const response = await startCall()
      expect(response.status).toBe(502)
      expect(await response.json()).toMatchObject({ code: 'upstream_too_large' })
      expect(await written).toBeLessThan(32 * MB)
    })

    it('stops a gzip bomb (64 MB of zeros in 64 kB) at maxResponseBytes (502)', async () => {
      const bomb = await makeGzipBomb()
      await serve()
      fake.failNext('calls.create', {
        status: 500,
        raw(res) {
          res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
          res.end(bomb)
        },
      })
      const response = await startCall()
      expect(response.status).toBe(502)
      expect(await response.json()).toMatchObject({ code: 'upstream_too_large' })
    })

    it('does not follow a redirect: the other host receives neither the account header nor the body', async () => {
      const elsewhere = await otherHost((res) => res.writeHead(202).end())
      cleanups.push(elsewhere.close)
      await serve()
      fake.failNext('calls.create', {
        status: 307,
        raw(res) {
          res.writeHead(307, { Location: `${elsewhere.url}/v1/calls` }).end()
        },
      })
      const response = await startCall()
      expect(response.status).toBe(502)
      expect(await response.json()).toMatchObject({ code: 'upstream_redirect' })
      expect(elsewhere.hits()).toBe(0)
    })
  })

  describe('the dial policy holds whatever the spelling', () => {
    const premium = {
      validate: (d: { value: string }) =>
        d.value.startsWith('+1900') ? 'Premium-rate numbers are blocked.' : undefined,
    }
    const spellings = [
      '+19005550100',
      '+1 (900) 555-0100',
      '1-900-555-0100',
      '19005550100',
      '0019005550100',
      '01119005550100',
      '9005550100',
    ]

    it('refuses every spelling of a blocked number that no phone metadata normalizes', async () => {
      await serve({ dialPolicy: premium })
      for (const spelling of spellings) {
        const response = await startCall({}, callBody(spelling))
        expect(response.status, spelling).toBe(400)
        expect(await response.json()).toMatchObject({ code: 'validation_error' })
      }
      expect(fake.requests).toHaveLength(0)
      expect((await startCall({}, callBody('+15551234567'))).status).toBe(202)
    })
  })
})
