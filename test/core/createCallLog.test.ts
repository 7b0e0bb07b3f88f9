import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createSimulatedClient,
  type SimulatedClient,
  type SimulatedClientOptions,
} from '../../src/clients/simulated/index.js'
import {
  callLogStatus,
  createCallLog,
  createCallRuntime,
  createMemoryCallLogStorage,
  type CallLog,
  type CallLogEntry,
  type CallLogOptions,
  type CallLogStorage,
  type CallLogWriteContext,
  type CallRuntime,
  type InteractionAssociatedObject,
} from '../../src/core/index.js'
import { findInteraction } from '../../src/core/reduceCallState.js'

const NUMBER = '+14165550199'
const ada: InteractionAssociatedObject = {
  id: 'c-1',
  type: 'contact',
  displayName: 'Ada Lovelace',
  displayType: 'Contact',
  customFields: {},
}
const fast = { start: 10, ringing: 1_000, answer: 1_000, noAnswer: 1_000 }

/** One page load: a client, its runtime and a call log over the shared storage. */
interface Page {
  client: SimulatedClient
  runtime: CallRuntime
  log: CallLog
  close(): void
}

const pages: Page[] = []

function open(
  storage: CallLogStorage,
  onCallLog: CallLogOptions['onCallLog'],
  options: Partial<Omit<CallLogOptions, 'client'>> & { simulator?: SimulatedClientOptions } = {},
): Page {
  const { simulator: clientOptions, ...logOptions } = options
  const client = createSimulatedClient({ delays: fast, ...clientOptions })
  const runtime = createCallRuntime({ client })
  const disconnectRuntime = runtime.connect()
  const log = createCallLog({
    store: runtime.store,
    client,
    userId: 'agent-7',
    storage,
    onCallLog,
    ...logOptions,
  })
  const disconnectLog = log.connect()
  const page = {
    client,
    runtime,
    log,
    close() {
      disconnectLog()
      disconnectRuntime()
      client.dispose()
    },
  }
  pages.push(page)
  return page
}

/** Places a call to Ada that is answered, talks for `talkMs`, then ends. */
async function call(page: Page, talkMs = 65_000): Promise<string> {
  const started = page.runtime.startCall({ phoneNumber: NUMBER, associatedObject: ada })
  await vi.advanceTimersByTimeAsync(fast.start)
  const { id } = await started
  page.client.control.advance(id!) // ringing
  page.client.control.advance(id!) // answered
  await vi.advanceTimersByTimeAsync(talkMs)
  page.client.control.end(id!)
  return id!
}

/** An `onCallLog` that records its writes and answers with CRM ids (`task-1` …). */
function crm(failures = 0) {
  const writes: { entry: CallLogEntry; context: CallLogWriteContext }[] = []
  let left = failures
  const onCallLog = vi.fn(async (entry: CallLogEntry, context: CallLogWriteContext) => {
    if (left > 0) {
      left -= 1
      throw new Error('The CRM is down (503).')
    }
    writes.push({ entry, context })
    return { id: context.logId ?? `task-${writes.length}` }
  })
  return { onCallLog, writes }
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  for (const page of pages.splice(0)) page.close()
  vi.useRealTimers()
})

describe('createCallLog', () => {
  it('logs a call once at its end when wrap-up is off, with the entry the CRM needs', async () => {
    const { onCallLog, writes } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog, { wrapUp: 'off' })
    const t0 = Date.now()
    const id = await call(page, 65_000)
    await vi.advanceTimersByTimeAsync(0)

    expect(writes).toHaveLength(1)
    const [{ entry, context }] = writes as [(typeof writes)[number]]
    expect(context).toEqual({ idempotencyKey: id, attempt: 1 })
    expect(entry).toMatchObject({
      interactionId: id,
      direction: 'outbound',
      phoneNumber: NUMBER,
      associatedObject: ada,
      outcome: 'completed',
      durationMs: 65_000,
    })
    expect(entry.startedAt).toBeGreaterThanOrEqual(t0)
    expect(entry.endedAt - entry.answeredAt!).toBe(65_000)
    expect(entry.disposition).toBeUndefined()
    expect(findInteraction(page.runtime.store.getState(), id)?.completedAt).toBeDefined()
  })

  it('logs an unanswered call with no talk time, and a failed call with its error', async () => {
    const { onCallLog, writes } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog, { wrapUp: 'off' })
    const started = page.runtime.startCall({ phoneNumber: NUMBER })
    await vi.advanceTimersByTimeAsync(fast.start)
    const { id } = await started
    page.client.control.end(id!, 'no-answer')
    const second = page.runtime.startCall({ phoneNumber: '+14165550100' })
    await vi.advanceTimersByTimeAsync(fast.start)
    const failed = (await second).id!
    page.client.control.fail(failed, 'Number unreachable.')
    await vi.advanceTimersByTimeAsync(0)

    const [unanswered, failure] = writes.map((w) => w.entry)
    expect(unanswered).toMatchObject({ outcome: 'no-answer', durationMs: 0 })
    expect(unanswered).not.toHaveProperty('answeredAt')
    expect(failure).toMatchObject({
      interactionId: failed,
      error: { message: 'Number unreachable.' },
    })
    expect(failure).not.toHaveProperty('outcome')
  })

  it('never logs a call twice when the provider replays its end or resyncs', async () => {
    const { onCallLog } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog, { wrapUp: 'off' })
    const id = await call(page)
    page.client.control.emitDuplicate(id)
    page.client.control.dropStream()
    page.client.control.restoreStream()
    page.runtime.store.getState().dispatch({
      type: 'ended',
      outcome: 'completed',
      interactionId: id,
      at: Date.now(),
    })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(onCallLog).toHaveBeenCalledTimes(1)
  })

  it('waits for the wrap-up, then writes the disposition and notes once', async () => {
    const { onCallLog, writes } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog)
    const id = await call(page)
    expect(callLogStatus(page.log.store.getState().records[id]!)).toBe('wrap-up')
    expect(page.log.store.getState().current).toBe(id)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(onCallLog).not.toHaveBeenCalled()

    page.log.setDraft(id, { disposition: 'interested', notes: 'Call back Tuesday' })
    await page.log.submit(id)
    expect(writes).toHaveLength(1)
    expect(writes[0]!.entry).toMatchObject({
      disposition: 'interested',
      notes: 'Call back Tuesday',
    })
    expect(findInteraction(page.runtime.store.getState(), id)?.completedAt).toBeDefined()
  })

  it('writes once for a double Save', async () => {
    const { onCallLog } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog)
    const id = await call(page)
    const draft = { notes: 'Left a message' }
    const [first, second] = await Promise.all([
      page.log.submit(id, draft),
      page.log.submit(id, draft),
    ])
    expect(first.logId).toBe('task-1')
    expect(second.logId).toBe('task-1')
    await page.log.submit(id, draft)
    expect(onCallLog).toHaveBeenCalledTimes(1)
  })

  it('updates the logged record when the notes are edited afterwards', async () => {
    const { onCallLog, writes } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog)
    const id = await call(page)
    await page.log.submit(id, { notes: 'Interested' })
    await page.log.submit(id, { notes: 'Interested; sent the price list' })

    expect(writes.map((w) => [w.context, w.entry.notes])).toEqual([
      [{ idempotencyKey: id, attempt: 1 }, 'Interested'],
      [{ idempotencyKey: id, attempt: 1, logId: 'task-1' }, 'Interested; sent the price list'],
    ])
    expect(page.log.store.getState().records[id]).toMatchObject({ logId: 'task-1', written: 2 })
  })

  it('retries a failing onCallLog with backoff until it recovers, keeping the last error', async () => {
    const { onCallLog, writes } = crm(2)
    const page = open(createMemoryCallLogStorage(), onCallLog)
    const id = await call(page)

    await expect(page.log.submit(id, { notes: 'Wants a demo' })).rejects.toMatchObject({
      message: 'The CRM is down (503).',
    })
    const record = () => page.log.store.getState().records[id]!
    expect(callLogStatus(record())).toBe('pending')
    expect(record()).toMatchObject({ attempts: 1, error: { message: 'The CRM is down (503).' } })

    await vi.advanceTimersByTimeAsync(999)
    expect(onCallLog).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1) // 1 s after the first failure
    expect(onCallLog).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(onCallLog).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1) // 2 s after the second
    expect(onCallLog).toHaveBeenCalledTimes(3)
    expect(onCallLog.mock.calls.map(([, context]) => context)).toEqual([
      { idempotencyKey: id, attempt: 1 },
      { idempotencyKey: id, attempt: 2 },
      { idempotencyKey: id, attempt: 3 },
    ])

    expect(writes).toHaveLength(1)
    expect(callLogStatus(record())).toBe('logged')
    expect(record().error).toBeUndefined()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(onCallLog).toHaveBeenCalledTimes(3)
  })

  it('logs exactly once through a reload in the middle of the wrap-up', async () => {
    const storage = createMemoryCallLogStorage()
    const { onCallLog, writes } = crm()
    const before = open(storage, onCallLog)
    const id = await call(before)
    const ended = findInteraction(before.runtime.store.getState(), id)!
    before.log.setDraft(id, { disposition: 'callback', notes: 'Typed before the reload' })
    before.close() // the tab reloads

    const after = open(storage, onCallLog)
    // The provider's snapshot replays the end of the call into the new page's store.
    after.runtime.store.getState().dispatch({
      type: 'ended',
      outcome: 'completed',
      interactionId: id,
      at: ended.endedAt!,
      phoneNumber: NUMBER,
    })
    const record = after.log.store.getState().records[id]!
    expect(callLogStatus(record)).toBe('wrap-up')
    expect(record.draft).toEqual({ disposition: 'callback', notes: 'Typed before the reload' })
    expect(onCallLog).not.toHaveBeenCalled()

    await after.log.submit(id)
    expect(writes.map((w) => w.entry.notes)).toEqual(['Typed before the reload'])
    after.close()

    const later = open(storage, onCallLog)
    later.runtime.store.getState().dispatch({
      type: 'ended',
      outcome: 'completed',
      interactionId: id,
      at: ended.endedAt!,
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(onCallLog).toHaveBeenCalledTimes(1)
    expect(callLogStatus(later.log.store.getState().records[id]!)).toBe('logged')
  })

  it('sends a write that failed before a reload again after it, with the same key', async () => {
    const storage = createMemoryCallLogStorage()
    const failing = crm(1)
    const before = open(storage, failing.onCallLog)
    const id = await call(before)
    await expect(before.log.submit(id, { notes: 'Pending' })).rejects.toThrow()
    before.close()

    const { onCallLog, writes } = crm()
    open(storage, onCallLog)
    await vi.advanceTimersByTimeAsync(0)
    expect(writes).toEqual([
      {
        entry: expect.objectContaining({ interactionId: id, notes: 'Pending' }),
        context: { idempotencyKey: id, attempt: 2 },
      },
    ])
  })

  it('keeps two agents on one browser apart', async () => {
    const storage = createMemoryCallLogStorage()
    const grace = crm()
    const page = open(storage, grace.onCallLog, { userId: 'grace' })
    const id = await call(page)
    expect(page.log.store.getState().records[id]).toBeDefined()
    page.close()

    const alan = open(storage, crm().onCallLog, { userId: 'alan' })
    expect(alan.log.store.getState().records).toEqual({})
    alan.close()
    const graceAgain = open(storage, grace.onCallLog, { userId: 'grace' })
    expect(Object.keys(graceAgain.log.store.getState().records)).toEqual([id])
  })

  it('completes the provider’s after-call work with the wrap-up before writing', async () => {
    const { onCallLog, writes } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog, {
      simulator: { afterCallWork: true },
    })
    const id = await call(page)
    expect(findInteraction(page.runtime.store.getState(), id)?.afterCallWork).toBe(true)
    await page.log.submit(id, { disposition: 'sale', notes: 'Signed' })
    expect(page.client.control.calls().find((c) => c.id === id)?.wrapUp).toEqual({
      disposition: 'sale',
      notes: 'Signed',
    })
    const interaction = findInteraction(page.runtime.store.getState(), id)!
    expect(interaction.afterCallWork).toBeUndefined()
    expect(interaction.completedAt).toBeDefined()
    expect(writes).toHaveLength(1)
  })

  it('writes nothing when the provider refuses to complete, and keeps the draft', async () => {
    const { onCallLog } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog, {
      simulator: { afterCallWork: true },
    })
    const id = await call(page)
    vi.spyOn(page.client, 'completeWrapUp').mockResolvedValueOnce({
      status: 'error',
      error: Object.assign(new Error('A disposition is required.'), {
        code: 'invalid_argument' as const,
        name: 'CallError',
        toJSON: () => ({
          code: 'invalid_argument' as const,
          message: 'A disposition is required.',
        }),
      }) as never,
    })
    page.log.setDraft(id, { notes: 'Keep me' })
    await expect(page.log.submit(id)).rejects.toMatchObject({
      message: 'A disposition is required.',
    })
    expect(onCallLog).not.toHaveBeenCalled()
    const record = page.log.store.getState().records[id]!
    expect(callLogStatus(record)).toBe('wrap-up')
    expect(record.draft.notes).toBe('Keep me')
  })

  it('refuses Skip when the wrap-up is required, and a log without a user', async () => {
    const page = open(createMemoryCallLogStorage(), crm().onCallLog, { wrapUp: 'required' })
    const id = await call(page)
    await expect(page.log.skip(id)).rejects.toMatchObject({ code: 'invalid_state' })
    expect(() =>
      createCallLog({
        client: page.client,
        store: page.runtime.store,
        userId: '',
        onCallLog: vi.fn(),
      }),
    ).toThrow(/userId/)
  })

  it('logs a skipped wrap-up without disposition or notes', async () => {
    const { onCallLog, writes } = crm()
    const page = open(createMemoryCallLogStorage(), onCallLog)
    const id = await call(page)
    page.log.setDraft(id, { notes: 'not meant to be sent' })
    await page.log.skip(id)
    expect(writes[0]!.entry.notes).toBeUndefined()
  })

  it('survives unreadable storage', async () => {
    const storage = createMemoryCallLogStorage()
    storage.setItem('react-click-to-call:call-log:simulated:agent-7', '{not json')
    const { onCallLog } = crm()
    const page = open(storage, onCallLog, { wrapUp: 'off' })
    await call(page)
    await vi.advanceTimersByTimeAsync(0)
    expect(onCallLog).toHaveBeenCalledTimes(1)
  })
})
