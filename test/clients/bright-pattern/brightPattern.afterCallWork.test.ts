import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  brightPatternAfterCallWork,
  createBrightPatternClient,
  type BrightPatternAfterCallWork,
} from '../../../src/clients/bright-pattern/index.js'
import {
  createCallLog,
  createCallRuntime,
  type CallLog,
  type CallLogEntry,
  type CallRuntime,
} from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import fixture from '../../fixtures/bright-pattern/after-call-work.json' with { type: 'json' }
import { createFakeAdApi, type FakeAdApi, type FakeAdApiOptions } from '../../servers/fakeAdApi.js'
import { contact, durationAnswered, eventually, NUMBER, quietLogger } from './harness.js'

/** An app page: the widget, the client, the runtime and a call log writing to a fake CRM. */
interface Page {
  adApi: FakeAdApi
  client: ReturnType<typeof createBrightPatternClient>
  runtime: CallRuntime
  log: CallLog
  writes: CallLogEntry[]
  close(): void
}

let page: Page | undefined
afterEach(() => page?.close())

/** `afterCallWork`: the client's opt-in wrap-up (`null` leaves it to the widget). */
function open(
  widget: FakeAdApiOptions = {},
  afterCallWork: BrightPatternAfterCallWork | null = brightPatternAfterCallWork(),
): Page {
  const adApi = createFakeAdApi(widget)
  const client = createBrightPatternClient({
    adApi,
    logger: quietLogger(),
    answerSignal: durationAnswered,
    ...(afterCallWork && { afterCallWork }),
  })
  const runtime = createCallRuntime({ client })
  const disconnect = runtime.connect()
  const writes: CallLogEntry[] = []
  const onCallLog = vi.fn(async (entry: CallLogEntry) => {
    writes.push(entry)
    return { id: `task-${writes.length}` }
  })
  const log = createCallLog({
    store: runtime.store,
    client,
    userId: 'agent-1',
    storage: null,
    onCallLog,
  })
  const disconnectLog = log.connect()
  page = {
    adApi,
    client,
    runtime,
    log,
    writes,
    close() {
      disconnectLog()
      disconnect()
      client.dispose()
      adApi.dispose()
    },
  }
  return page
}

/** An answered call that the far end hangs up. */
async function talkedCall({ adApi, client, runtime }: Page): Promise<string> {
  const result = await client.startCall(NUMBER, contact)
  if (result.status !== 'success' || !result.data.id) throw new Error(JSON.stringify(result))
  const id = result.data.id
  await eventually(() => expect(adApi.state(id)).toBe('delivered'))
  adApi.answer(id)
  await eventually(() =>
    expect(findInteraction(runtime.store.getState(), id)?.status).toBe('connected'),
  )
  adApi.remoteHangup(id)
  await eventually(() =>
    expect(findInteraction(runtime.store.getState(), id)?.status).toBe('ended'),
  )
  return id
}

describe('Bright Pattern after-call work', () => {
  it('offers the widget’s dispositions for the call, by id with their names', async () => {
    const { adApi, client } = open({ afterCallWork: true })
    const id = await talkedCall(page!)
    const result = await client.listDispositions(id)
    expect(result).toEqual({
      status: 'success',
      data: fixture.fakeDispositions.map((d) => ({ value: d.id, label: d.name })),
    })
    expect(adApi.requests.at(-1)).toEqual({
      method: 'getDispositionsList',
      args: [{ interactionId: id }],
    })
  })

  it('saving the wrap-up completes the widget’s after-call work with the disposition and note, then logs the call once', async () => {
    const { adApi, runtime, log, writes } = open({ afterCallWork: true })
    const id = await talkedCall(page!)
    expect(adApi.state(id)).toBe('wrap_up')
    expect(findInteraction(runtime.store.getState(), id)?.afterCallWork).toBe(true)

    await log.submit(id, { disposition: 'd-1', notes: 'Renewal signed' })

    expect(adApi.requests.filter((r) => r.method === 'leaveAndCompleteInteraction')).toEqual([
      { method: 'leaveAndCompleteInteraction', args: ['d-1', 'Renewal signed', id] },
    ])
    expect(adApi.dispositions.get(id)).toBe('d-1')
    expect(adApi.notes.get(id)).toBe('Renewal signed')
    expect(adApi.state(id)).toBeUndefined() // completed and removed from the widget
    const interaction = findInteraction(runtime.store.getState(), id)!
    expect(interaction.completedAt).toBeTypeOf('number')
    expect(interaction.afterCallWork).toBeUndefined()
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatchObject({
      interactionId: id,
      disposition: 'd-1',
      notes: 'Renewal signed',
    })
  })

  it('a service that requires a disposition refuses a save without one: nothing is logged, the call stays in wrap-up', async () => {
    const { adApi, runtime, log, writes } = open({ afterCallWork: true, requireDisposition: true })
    const id = await talkedCall(page!)
    log.setDraft(id, { notes: 'Call back on Monday' })
    await expect(log.submit(id)).rejects.toMatchObject({
      message: expect.stringMatching(/disposition/i),
    })
    expect(writes).toHaveLength(0)
    expect(adApi.state(id)).toBe('wrap_up')
    expect(findInteraction(runtime.store.getState(), id)?.afterCallWork).toBe(true)
    expect(log.store.getState().records[id]?.draft.notes).toBe('Call back on Monday')
  })

  it('the agent completing the wrap-up in the widget ends the after-call work here too', async () => {
    const { adApi, runtime } = open({ afterCallWork: true })
    const id = await talkedCall(page!)
    adApi.setState(id, 'completed')
    await eventually(() =>
      expect(findInteraction(runtime.store.getState(), id)?.completedAt).toBeTypeOf('number'),
    )
    expect(findInteraction(runtime.store.getState(), id)?.afterCallWork).toBeUndefined()
  })

  it('a call that ended without after-call work is logged without asking the widget anything', async () => {
    const { adApi, log, writes } = open({ afterCallWork: false })
    const id = await talkedCall(page!)
    await log.submit(id, { disposition: 'd-2' })
    expect(adApi.requests.some((r) => r.method === 'leaveAndCompleteInteraction')).toBe(false)
    expect(writes).toHaveLength(1)
  })

  it('refuses to complete a live call, and says not_supported on a widget without dispositions', async () => {
    const { adApi, client } = open({ afterCallWork: true })
    const result = await client.startCall(NUMBER, contact)
    const id = result.status === 'success' ? result.data.id! : ''
    await eventually(() => expect(adApi.state(id)).toBe('delivered'))
    const live = await client.completeWrapUp(id, { disposition: 'd-1' })
    expect(live.status === 'error' && live.error.code).toBe('invalid_state')
    ;(adApi as { getDispositionsList?: unknown }).getDispositionsList = undefined
    const list = await client.listDispositions(id)
    expect(list.status === 'error' && list.error.code).toBe('not_supported')
  })
  it('without the afterCallWork option, leaves the wrap-up to the widget: logs the call, completes nothing, says how to turn it on', async () => {
    const { adApi, client, runtime, log, writes } = open({ afterCallWork: true }, null)
    expect(client.capabilities.afterCallWork).toBe(false)
    const id = await talkedCall(page!)
    expect(adApi.state(id)).toBe('wrap_up')
    expect(findInteraction(runtime.store.getState(), id)?.afterCallWork).toBe(true)

    const completed = await client.completeWrapUp(id, { disposition: 'd-1' })
    expect(completed.status === 'error' && completed.error.code).toBe('not_supported')
    expect(completed.status === 'error' && completed.error.message).toMatch(
      /afterCallWork: brightPatternAfterCallWork\(\)/,
    )
    const list = await client.listDispositions(id)
    expect(list.status === 'error' && list.error.code).toBe('not_supported')

    await log.submit(id, { disposition: 'd-1', notes: 'Renewal signed' })
    expect(writes).toHaveLength(1)
    expect(
      adApi.requests.some((r) =>
        ['leaveAndCompleteInteraction', 'getDispositionsList'].includes(r.method),
      ),
    ).toBe(false)
    expect(adApi.state(id)).toBe('wrap_up')

    // The agent completes it in the widget: the call's after-call work ends here too.
    adApi.setState(id, 'completed')
    await eventually(() =>
      expect(findInteraction(runtime.store.getState(), id)?.completedAt).toBeTypeOf('number'),
    )
  })
})
