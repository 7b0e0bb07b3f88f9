// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createSimulatedClient,
  simulatedCallStorage,
  type SimulatedClient,
} from '../../../src/clients/simulated/index.js'
import {
  createCallLog,
  createMemoryCallLogStorage,
  type CallLogEntry,
} from '../../../src/call-log/index.js'
import { createCallRuntime, type CallRuntime } from '../../../src/core/index.js'
import { findInteraction } from '../../../src/core/reduceCallState.js'
import { sharedTabs } from '../../../src/tabs/index.js'
import type { TabSession } from '../../../src/core/tabs/sharedTabs.js'
import { createFakeBrowser } from './fakeTabs.js'

// Long scripted delays: the tests move calls on by hand (`control.advance`).
const slow = { idPrefix: 'sim-', delays: { start: 5, ringing: 60_000, answer: 60_000 } }

interface Tab {
  session: TabSession
  runtime: CallRuntime
  leave(): void
  calls(): Record<string, { status: string; phoneNumber?: string }>
}

const leaves: (() => void)[] = []
afterEach(() => {
  for (const leave of leaves.splice(0)) leave()
})

/**
 * A browser whose tabs share one provider, as a real phone system's server is shared: every tab's
 * client is the same simulated provider (its calls outlive any one tab).
 */
function setup(provider: SimulatedClient = createSimulatedClient(slow)) {
  const browser = createFakeBrowser()
  let next = 0
  function open(): Tab {
    const owner = ++next
    const sharing = sharedTabs({ userId: 'agent-7', ...browser.tab(owner) })
    const session = sharing.join(provider)!
    const runtime = createCallRuntime({ client: session.client, route: session.route })
    const leave = session.connect(runtime)
    leaves.push(leave)
    const tab = {
      session,
      runtime,
      leave,
      owner,
      calls: () => {
        const { live, ended } = runtime.store.getState()
        return { ...Object.fromEntries(live.map((call) => [call.id, call])), ...ended }
      },
    }
    return tab
  }
  return { browser, provider, open }
}

const role = (tab: Tab) => tab.session.link.role

describe('sharedTabs', () => {
  it('elects one leader; a call it starts shows in the other tabs', async () => {
    const { open, provider } = setup()
    const first = open()
    await vi.waitFor(() => expect(role(first)).toBe('leader'))
    const second = open()
    await Promise.resolve()
    expect(role(second)).toBe('follower')

    const { id } = await first.runtime.startCall({ phoneNumber: '+14165550199' })
    provider.control.advance(id!)
    await vi.waitFor(() =>
      expect(second.calls()[id!]).toMatchObject({ status: 'ringing', phoneNumber: '+14165550199' }),
    )
  })

  it('sends a follower’s start through the leader, which places it once', async () => {
    const { open, provider } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()

    const started = await follower.runtime.startCall({
      phoneNumber: '+14165550199',
      associatedObject: {
        id: 'c1',
        type: 'Contact',
        displayName: 'Ada Lovelace',
        displayType: 'Contact',
        customFields: {},
      },
    })
    expect(started).toMatchObject({ id: 'sim-1', deferred: false, joined: false })
    expect(provider.control.requests).toHaveLength(1)
    // The leader knew it before its first event, as the follower did.
    expect(leader.calls()['sim-1']).toMatchObject({ phoneNumber: '+14165550199' })
    await vi.waitFor(() => expect(follower.calls()['sim-1']?.status).toBe('dialing'))
    expect(leader.calls()['sim-1']?.status).toBe('dialing')
  })

  it('hangs up from a follower, and a refused control comes back as its CallError', async () => {
    const { open, provider } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    const { id } = await leader.runtime.startCall({ phoneNumber: '+14165550199' })
    await vi.waitFor(() => expect(follower.calls()[id!]).toBeDefined())

    const refused = await follower.runtime.client.hold!(id!)
    expect(refused).toMatchObject({ status: 'error', error: { code: 'invalid_state' } })
    expect((refused as { error: unknown }).error).toBeInstanceOf(Error)

    await expect(follower.runtime.client.hangup!(id!)).resolves.toEqual({
      status: 'success',
      data: null,
    })
    expect(provider.control.calls()[0]?.status).toBe('ended')
    await vi.waitFor(() => expect(follower.calls()[id!]?.status).toBe('ended'))
    expect(leader.calls()[id!]?.status).toBe('ended')
  })

  it('a second follower joining mid-call gets the call at once', async () => {
    const { open, provider } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    open()
    const { id } = await leader.runtime.startCall({ phoneNumber: '+14165550199' })
    provider.control.advance(id!)
    provider.control.advance(id!)
    await vi.waitFor(() => expect(leader.calls()[id!]?.status).toBe('connected'))

    const late = open()
    await vi.waitFor(() => expect(late.calls()[id!]?.status).toBe('connected'))
    expect(late.runtime.store.getState().activeId).toBe(id)
  })

  it('when the leader crashes mid-call, a follower takes over and resyncs the end it missed', async () => {
    const { open, provider, browser } = setup()
    const leader = open() as Tab & { owner: number }
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    const other = open()
    const { id } = await leader.runtime.startCall({ phoneNumber: '+14165550199' })
    provider.control.advance(id!)
    provider.control.advance(id!)
    await vi.waitFor(() => expect(follower.calls()[id!]?.status).toBe('connected'))

    // The call ends while no tab leads: only the provider knows.
    browser.crash(leader.owner)
    provider.control.end(id!, 'completed')

    await vi.waitFor(() => expect(role(follower)).toBe('leader'))
    expect(role(other)).toBe('follower')
    // The new leader read the provider's snapshot: the end is not lost, in any tab.
    await vi.waitFor(() =>
      expect(follower.calls()[id!]).toMatchObject({ status: 'ended', outcome: 'completed' }),
    )
    await vi.waitFor(() => expect(other.calls()[id!]?.status).toBe('ended'))
    // And it answers the others' starts now.
    const next = await other.runtime.startCall({ phoneNumber: '+14165550100' })
    expect(next.id).toBe('sim-2')
    expect(provider.control.requests).toHaveLength(2)
  })

  it('a start sent to a leader that crashes before answering fails with a clear error', async () => {
    const { open, browser } = setup()
    const leader = open() as Tab & { owner: number }
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    // The follower has heard from the leader (its calls came), so its start goes there.
    let mirrored = false
    follower.runtime.store.subscribe(() => (mirrored = true))
    await vi.waitFor(() => expect(mirrored).toBe(true))
    browser.options.holdBack = (message) => message.type === 'request'

    const start = follower.runtime.startCall({ phoneNumber: '+14165550199' })
    await Promise.resolve()
    browser.crash(leader.owner)
    await expect(start).rejects.toMatchObject({
      code: 'aborted',
      message: expect.stringContaining('closed before it answered'),
    })
    await vi.waitFor(() => expect(role(follower)).toBe('leader'))
  })

  it('ignores duplicate messages and a late state from a leader that is gone', async () => {
    const { open, provider, browser } = setup()
    browser.options.duplicate = true
    const leader = open() as Tab & { owner: number }
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    const other = open()
    const { id } = await follower.runtime.startCall({ phoneNumber: '+14165550199' })
    // Delivered twice, the start still placed one call.
    expect(provider.control.requests).toHaveLength(1)
    provider.control.advance(id!)
    await vi.waitFor(() => expect(other.calls()[id!]?.status).toBe('ringing'))

    // The old leader's last word (connected) is held back until a new leader has said the call ended.
    browser.options.holdBack = (message) => message.type === 'state'
    provider.control.advance(id!)
    await vi.waitFor(() => expect(leader.calls()[id!]?.status).toBe('connected'))
    browser.crash(leader.owner)
    browser.options.holdBack = undefined
    provider.control.end(id!, 'completed')
    await vi.waitFor(() => expect(role(follower)).toBe('leader'))
    await vi.waitFor(() => expect(other.calls()[id!]?.status).toBe('ended'))
    browser.deliverLate()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(other.calls()[id!]?.status).toBe('ended')
    expect(follower.calls()[id!]?.status).toBe('ended')
  })

  it('stays independent where the browser has no Web Locks or BroadcastChannel', () => {
    const sharing = sharedTabs({ userId: 'agent-7', locks: undefined, openChannel: undefined })
    vi.stubGlobal('navigator', {})
    try {
      expect(sharing.join(createSimulatedClient())).toBeNull()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('refuses a missing user id, so two agents on one browser never share calls', () => {
    expect(() => sharedTabs({ userId: '' })).toThrow(/userId/)
  })
})

describe('sharedTabs and the live-call rule', () => {
  const ada = {
    id: 'c1',
    type: 'Contact',
    displayName: 'Ada Lovelace',
    displayType: 'Contact',
    customFields: {},
  }

  it('two tabs calling one number at the same instant place one call; the second joins it', async () => {
    const { open, provider } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const first = open()
    const second = open()

    const [one, two, three] = await Promise.all([
      first.runtime.startCall({ phoneNumber: '+14165550199' }),
      second.runtime.startCall({ phoneNumber: '+1 416 555 0199' }),
      leader.runtime.startCall({ phoneNumber: '+14165550199' }),
    ])
    expect(provider.control.requests).toHaveLength(1)
    expect([one.id, two.id, three.id]).toEqual(['sim-1', 'sim-1', 'sim-1'])
    // Only the start that reached the client says it placed the call, so its callbacks run once.
    expect([one, two, three].filter((start) => !start.joined)).toHaveLength(1)
    await vi.waitFor(() => expect(second.runtime.store.getState().activeId).toBe('sim-1'))
  })

  it('a start to another number at the same instant is refused as in one tab', async () => {
    const { open, provider } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const first = open()
    const second = open()

    const [placed, refused] = await Promise.allSettled([
      first.runtime.startCall({ phoneNumber: '+14165550199', associatedObject: ada }),
      second.runtime.startCall({ phoneNumber: '+14165550100' }),
    ])
    expect(placed).toMatchObject({ status: 'fulfilled', value: { id: 'sim-1', joined: false } })
    expect(refused).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'invalid_state',
        message: 'You are on a call with Ada Lovelace. Hang up or put it on hold first.',
      },
    })
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(Error)
    expect(provider.control.requests).toHaveLength(1)
  })

  it('a follower’s abort signal cancels its start in the leader', async () => {
    const { open, provider } = setup(
      createSimulatedClient({ ...slow, delays: { ...slow.delays, start: 60_000 } }),
    )
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    await vi.waitFor(() => expect(follower.session.link.role).toBe('follower'))

    const controller = new AbortController()
    const start = follower.runtime.startCall({
      phoneNumber: '+14165550199',
      signal: controller.signal,
    })
    // The leader is placing it (the phone system has the request).
    await vi.waitFor(() => expect(provider.control.requests).toHaveLength(1))
    controller.abort()
    await expect(start).rejects.toMatchObject({
      code: 'aborted',
      message: 'The call was cancelled before it started.',
    })
    expect(provider.control.calls()).toEqual([])
    // Nothing is left in flight in the leader: the number can be called again.
    const again = follower.runtime.startCall({ phoneNumber: '+14165550199' })
    again.catch(() => {
      // Still placing when the tabs close after the test.
    })
    await vi.waitFor(() => expect(provider.control.requests).toHaveLength(2))
  })

  it('a start aborted before it is sent rejects at once, as in one tab', async () => {
    const { open, provider } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    const controller = new AbortController()
    controller.abort()
    await expect(
      follower.runtime.startCall({ phoneNumber: '+14165550199', signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'aborted' })
    expect(provider.control.requests).toHaveLength(0)
  })

  it('a record chosen in a follower reaches the leader through the runtime', async () => {
    const { open } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    const { associate } = follower.runtime.store.getState()
    const { id } = await follower.runtime.startCall({ phoneNumber: '+14165550199' })

    follower.runtime.associate(id!, ada)
    expect(findInteraction(follower.runtime.store.getState(), id!)?.associatedObject).toBe(ada)
    await vi.waitFor(() =>
      expect(findInteraction(leader.runtime.store.getState(), id!)?.associatedObject).toEqual(ada),
    )
    // The store's own action is left as it is.
    expect(follower.runtime.store.getState().associate).toBe(associate)
  })
})

describe('sharedTabs sends what changed', () => {
  /** The messages the tabs of `browser` post, as plain data. */
  function record(browser: ReturnType<typeof createFakeBrowser>) {
    const sent: { type: string; from?: string; topic?: string }[] = []
    const tab = browser.tab.bind(browser)
    browser.tab = (owner) => {
      const parts = tab(owner)
      return {
        ...parts,
        openChannel(name) {
          const channel = parts.openChannel(name)
          const post = channel.postMessage.bind(channel)
          channel.postMessage = (message) => {
            sent.push(structuredClone(message) as (typeof sent)[number])
            post(message)
          }
          return channel
        },
      }
    }
    return sent
  }

  it('an event on a live call sends that call, not the history', async () => {
    const provider = createSimulatedClient(slow)
    const browser = createFakeBrowser()
    const sent = record(browser)
    let next = 0
    const open = () => {
      const session = sharedTabs({ userId: 'agent-7', ...browser.tab(++next) }).join(provider)!
      const runtime = createCallRuntime({ client: session.client, route: session.route })
      leaves.push(session.connect(runtime))
      return { session, runtime }
    }
    const leader = open()
    await vi.waitFor(() => expect(leader.session.link.role).toBe('leader'))
    const follower = open()
    for (let index = 0; index < 12; index++) {
      const { id } = await leader.runtime.startCall({ phoneNumber: `+1416555${1000 + index}` })
      provider.control.end(id!, 'completed')
    }
    await vi.waitFor(() => expect(follower.runtime.store.getState().history).toHaveLength(12))

    const { id } = await leader.runtime.startCall({ phoneNumber: '+14165550199' })
    sent.length = 0
    provider.control.advance(id!)
    await vi.waitFor(() =>
      expect(findInteraction(follower.runtime.store.getState(), id!)?.status).toBe('ringing'),
    )
    const calls = sent.filter((message) => message.topic === 'calls')
    expect(calls.map((message) => message.type)).toEqual(['patch'])
    const text = JSON.stringify(calls[0])
    expect(text).toContain(id)
    expect(text).not.toContain('sim-1"')
    expect(text.length).toBeLessThan(1_000)
  })

  it('a follower that missed a change asks for the whole part, and a late change is ignored', async () => {
    const { open, provider, browser } = setup()
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    const follower = open()
    const first = (await leader.runtime.startCall({ phoneNumber: '+14165550199' })).id!
    // A second live call at once: placed on the phone system itself (the live-call rule would
    // refuse it from the runtime).
    const placed = await provider.startCall('+14165550142')
    const second = placed.status === 'success' ? placed.data.id! : ''
    await vi.waitFor(() => expect(follower.calls()[second]?.status).toBe('dialing'))

    // The first call's ringing is lost on the way; the next change (the second call's) does not
    // carry it: only asking for the whole part brings it.
    browser.options.holdBack = (message) => message.type === 'patch'
    provider.control.advance(first)
    await new Promise((resolve) => setTimeout(resolve, 0))
    browser.options.holdBack = undefined
    provider.control.advance(second)
    await vi.waitFor(() => expect(follower.calls()[second]?.status).toBe('ringing'))
    await vi.waitFor(() => expect(follower.calls()[first]?.status).toBe('ringing'))

    provider.control.advance(first)
    await vi.waitFor(() => expect(follower.calls()[first]?.status).toBe('connected'))
    browser.deliverLate()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(follower.calls()[first]?.status).toBe('connected')
    expect(follower.calls()).toEqual(leader.calls())
  })
})

describe('sharedTabs with a simulated client in each tab', () => {
  it('the tab that takes over adopts the closed leader’s calls from the stored phone system', async () => {
    const browser = createFakeBrowser()
    const storage = createMemoryCallLogStorage()
    const open = (owner: number) => {
      const client = createSimulatedClient({
        ...slow,
        idPrefix: `tab${owner}-`,
        callStorage: simulatedCallStorage(storage),
      })
      const session = sharedTabs({ userId: 'agent-7', ...browser.tab(owner) }).join(client)!
      const runtime = createCallRuntime({ client: session.client, route: session.route })
      const leave = session.connect(runtime)
      leaves.push(leave, () => client.dispose())
      return { client, session, runtime, leave }
    }
    const first = open(1)
    await vi.waitFor(() => expect(first.session.link.role).toBe('leader'))
    const second = open(2)
    const third = open(3)
    const { id } = await third.runtime.startCall({ phoneNumber: '+14165550199' })
    expect(id).toBe('tab1-1')
    first.client.control.advance(id!)
    first.client.control.advance(id!)
    await vi.waitFor(() =>
      expect(findInteraction(third.runtime.store.getState(), id!)?.status).toBe('connected'),
    )

    // The leader's page closes (its client goes with it); the call goes on at the phone system.
    first.leave()
    first.client.dispose()
    await vi.waitFor(() => expect(second.session.link.role).toBe('leader'))
    expect(findInteraction(second.runtime.store.getState(), id!)?.status).toBe('connected')
    expect(second.client.control.calls()).toMatchObject([{ id, status: 'connected' }])

    // A follower hangs it up through the new leader's simulator.
    await expect(third.runtime.client.hangup!(id!)).resolves.toMatchObject({ status: 'success' })
    await vi.waitFor(() =>
      expect(findInteraction(third.runtime.store.getState(), id!)).toMatchObject({
        status: 'ended',
        outcome: 'completed',
      }),
    )
  })
})

describe('sharedTabs and the call log', () => {
  it('logs a wrap-up saved in a follower once, from the leader', async () => {
    const { open, provider } = setup()
    const storage = createMemoryCallLogStorage()
    const written: CallLogEntry[] = []
    const onCallLog = vi.fn(async (entry: CallLogEntry) => {
      written.push(entry)
      return { id: `task-${written.length}` }
    })
    const withLog = (tab: Tab) => {
      const log = tab.session.shareCallLog(
        createCallLog({
          store: tab.runtime.store,
          client: tab.runtime.client,
          userId: 'agent-7',
          storage: tab.session.callLogStorage(storage),
          onCallLog,
        }),
      )
      leaves.push(log.connect())
      return log
    }
    const leader = open()
    await vi.waitFor(() => expect(role(leader)).toBe('leader'))
    withLog(leader)
    const follower = open()
    const followerLog = withLog(follower)
    const third = open()
    withLog(third)

    const { id } = await follower.runtime.startCall({ phoneNumber: '+14165550199' })
    provider.control.advance(id!)
    provider.control.advance(id!)
    provider.control.end(id!, 'completed')
    await vi.waitFor(() => expect(followerLog.store.getState().current).toBe(id))

    followerLog.setDraft(id!, { notes: 'Wants a callback on Monday' })
    const saved = await followerLog.submit(id!)
    expect(saved).toMatchObject({ written: 1, logId: 'task-1' })
    await followerLog.submit(id!) // a second Save with nothing new
    expect(onCallLog).toHaveBeenCalledTimes(1)
    expect(written[0]).toMatchObject({ interactionId: id, notes: 'Wants a callback on Monday' })
    // Only the leader wrote the queue kept across reloads.
    expect(storage.getItem('react-click-to-call:call-log:simulated:agent-7')).toContain(
      '"written":1',
    )
  })
})
