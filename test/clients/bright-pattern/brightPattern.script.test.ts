// @vitest-environment-options {"settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true}}
/**
 * The `scriptUrl` path, end to end: the client injects a real `<script>` whose `src` is a loopback
 * tenant, happy-dom fetches and runs it, and the script defines `window.brightpattern.AdApi`.
 * This stays in happy-dom (the loader needs a document; `node:http` still works under it).
 * Injecting the element, rather than fetch + eval, is what the library does in browsers (no CORS,
 * no `unsafe-eval`), so the test proves the code path users run. happy-dom evaluates scripts only
 * when `enableJavaScriptEvaluation` is on, hence the options above; it runs our own test script.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createBrightPatternClient,
  type BrightPatternClient,
} from '../../../src/clients/bright-pattern/index.js'
import { loadAdApiScript } from '../../../src/clients/bright-pattern/loadAdApiScript.js'
import { createCallStore, type CallStoreApi } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { startAdApiScriptServer, type AdApiScriptServer } from '../../servers/adApiScriptServer.js'
import { createFakeAdApi, type FakeAdApi } from '../../servers/fakeAdApi.js'
import { contact, eventually, NUMBER, durationAnswered, quietLogger, settle } from './harness.js'

type TestWindow = typeof globalThis & {
  brightpattern?: unknown
  __bpCreateAdApi?: (options: unknown) => FakeAdApi
  __bpScriptRuns?: number
}
const win = globalThis as TestWindow

let server: AdApiScriptServer
let made: FakeAdApi[]
let clients: BrightPatternClient[]

beforeEach(async () => {
  server = await startAdApiScriptServer()
  made = []
  clients = []
  delete win.brightpattern
  win.__bpScriptRuns = 0
  win.__bpCreateAdApi = (options) => {
    const adApi = createFakeAdApi({ initOptions: options as never })
    made.push(adApi)
    return adApi
  }
})

afterEach(async () => {
  for (const client of clients) client.dispose()
  for (const adApi of made) adApi.dispose()
  await server.close()
})

function client(options: Parameters<typeof createBrightPatternClient>[0]) {
  const created = createBrightPatternClient({
    logger: quietLogger(),
    answerSignal: durationAnswered,
    ...options,
  } as never)
  clients.push(created)
  return created
}

function storeOf(c: BrightPatternClient): CallStoreApi {
  const store = createCallStore({ capabilities: c.capabilities })
  c.subscribe((event) => store.getState().dispatch(event))
  return store
}

const PATH = '/agent/communicator/adapters/api.js'

describe('scriptUrl', () => {
  it('loads api.js once for every client on the same URL and builds each adApi with initOptions', async () => {
    const mountRoot = document.createElement('div')
    const a = client({ scriptUrl: server.url(), initOptions: { mountRoot, integrationKey: 'crm' } })
    const b = client({ scriptUrl: server.url(), initOptions: { standalone: true } })
    const [apiA, apiB] = await Promise.all([a.getAdApi(), b.getAdApi()])
    expect(server.hits(PATH)).toBe(1)
    expect(win.__bpScriptRuns).toBe(1)
    expect(document.querySelectorAll(`script[src="${server.url()}"]`).length).toBe(1)
    expect(apiA).not.toBe(apiB)
    expect((apiA as FakeAdApi).initOptions).toEqual({ mountRoot, integrationKey: 'crm' })
    expect((apiB as FakeAdApi).initOptions).toEqual({ standalone: true })
  })

  it('places and follows a call through the loaded widget', async () => {
    const c = client({ scriptUrl: server.url('crmembedded') })
    const store = storeOf(c)
    const result = await c.startCall(NUMBER, contact)
    expect(result.status).toBe('success')
    const id = result.status === 'success' ? result.data.id! : ''
    const [adApi] = made
    expect(adApi!.startRequests()).toBe(1)
    await eventually(() =>
      expect(findInteraction(store.getState(), id)?.rawState).toBe('delivered'),
    )
    adApi!.answer(id)
    await eventually(() => expect(findInteraction(store.getState(), id)?.status).toBe('connected'))
    c.dispose()
    expect(adApi!.handlerCount()).toBe(0)
  })

  it('a 404 is a not_ready error on startCall, not a crash, and the connection says why', async () => {
    server.failNext(PATH, 404, 100)
    const c = client({ scriptUrl: server.url(), scriptRetryDelayMs: 60_000 })
    const store = storeOf(c)
    const result = await c.startCall(NUMBER, contact)
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error.code).toBe('not_ready')
    expect(result.error.message).toMatch(/Could not load the Bright Pattern widget/)
    expect(result.error.provider).toMatchObject({ provider: 'bright-pattern', name: 'script_load' })
    expect(store.getState().connection).toMatchObject({
      status: 'reconnecting',
      error: { code: 'not_ready' },
    })
    expect(await c.snapshot!()).toEqual([
      expect.objectContaining({
        type: 'connection',
        error: expect.objectContaining({ code: 'not_ready' }),
      }),
    ])
    await expect(c.getAdApi()).rejects.toMatchObject({ code: 'not_ready' })
  })

  it('a refused connection (closed port) is a not_ready error', async () => {
    const closed = server.url()
    await server.close()
    server = await startAdApiScriptServer()
    const c = client({ scriptUrl: closed, scriptRetryDelayMs: 60_000 })
    const result = await c.startCall(NUMBER)
    expect(result.status === 'error' && result.error.code).toBe('not_ready')
  })

  it('a script that does not define the API is a not_ready error naming the widget address', async () => {
    server.serve('/agent/wrong/adapters/api.js', 'window.somethingElse = 1')
    const c = client({ scriptUrl: server.url('wrong'), scriptRetryDelayMs: 60_000 })
    const result = await c.startCall(NUMBER)
    expect(result.status === 'error' && result.error.code).toBe('not_ready')
    expect(result.status === 'error' && result.error.message).toMatch(/communicator or crmembedded/)
  })

  it('a script that never arrives times out with not_ready', async () => {
    server.hang(PATH)
    const c = client({ scriptUrl: server.url(), scriptTimeoutMs: 50, scriptRetryDelayMs: 60_000 })
    const result = await c.startCall(NUMBER)
    expect(result.status === 'error' && result.error.message).toMatch(/took too long/)
  })

  it('retries a failed load with backoff, then reopens the connection and works', async () => {
    server.failNext(PATH, 503, 2)
    const c = client({ scriptUrl: server.url(), scriptRetryDelayMs: 10 })
    const store = storeOf(c)
    await eventually(() => expect(store.getState().connection.status).toBe('reconnecting'))
    await eventually(() => expect(store.getState().connection).toEqual({ status: 'open' }))
    expect(server.hits(PATH)).toBe(3)
    expect((await c.startCall(NUMBER)).status).toBe('success')
  })

  it('an AdApi constructor that throws (no mountRoot) is a not_ready error', async () => {
    win.__bpCreateAdApi = () => {
      throw new Error('mountRoot or adcFrame is required')
    }
    const c = client({ scriptUrl: server.url(), scriptRetryDelayMs: 60_000 })
    const result = await c.startCall(NUMBER)
    expect(result.status === 'error' && result.error.code).toBe('not_ready')
    expect(result.status === 'error' && result.error.provider?.message).toMatch(/mountRoot/)
  })

  it('disposed before the script arrives: no adApi is built and nothing listens', async () => {
    const c = client({ scriptUrl: server.url() })
    c.dispose()
    await settle(50)
    expect(made).toEqual([])
  })

  it('loadAdApiScript forgets a failed load, so the next call tries again', async () => {
    server.failNext(PATH, 500)
    await expect(loadAdApiScript(server.url())).rejects.toMatchObject({ code: 'not_ready' })
    await expect(loadAdApiScript(server.url())).resolves.toBeTypeOf('function')
    expect(server.hits(PATH)).toBe(2)
  })
})
