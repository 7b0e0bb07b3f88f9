import { CallError, isCallError, type CallErrorInfo } from '../CallError.js'
import type { SharedTopic, TabLink, TabRequestContext } from './TabLink.js'

/** The part of `navigator.locks` the election uses (the Web Locks API). */
export interface TabLockManager {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>
}

/** The part of `BroadcastChannel` the tabs talk through. */
export interface TabChannel {
  postMessage(message: unknown): void
  onmessage: ((event: { data: unknown }) => void) | null
  close(): void
}

export interface TabLinkOptions {
  /** The lock's and the channel's name: one per app, client and user. */
  name: string
  locks: TabLockManager
  openChannel(name: string): TabChannel
  /** This tab's id on the channel. Default: a random one. */
  tabId?: string
}

type Message =
  | { type: 'hello'; from: string }
  | { type: 'leader'; from: string; since: number }
  | { type: 'state'; from: string; topic: string; version: number; value: Record<string, unknown> }
  | { type: 'patch'; from: string; topic: string; version: number; change: Record<string, unknown> }
  | { type: 'resync'; from: string; to: string; topic: string }
  | { type: 'request'; from: string; to: string; id: number; method: string; payload: unknown }
  | { type: 'cancel'; from: string; to: string; id: number }
  | { type: 'reply'; from: string; to: string; id: number; value?: unknown; error?: CallErrorInfo }

interface Topic {
  shared: SharedTopic<unknown>
  /** Followers: the last version applied from the current leader (0: none yet). */
  version: number
  /** Followers: the last part applied, for a change without its own `patch`. */
  value?: Record<string, unknown>
  /** Followers: the version at which the whole part was asked for, to ask once per gap. */
  asked?: number
  /** Leader: the last part sent, and the stops of its subscription and its work. */
  sent?: Record<string, unknown>
  stops: (() => void)[]
}

interface Pending {
  method: string
  payload: unknown
  /** The leader it was sent to; `null` while no leader is known. */
  sentTo: string | null
  signal: AbortSignal | undefined
  resolve(value: unknown): void
  reject(error: CallError): void
}

/** Request ids the leader remembers, to run a request delivered twice only once. */
const HANDLED_LIMIT = 1_000

const leaderGone = () =>
  new CallError(
    'aborted',
    'The tab that held the phone closed before it answered. Check your calls before trying again.',
  )

const cancelled = () => new CallError('aborted', 'The call was cancelled before it started.')

function toErrorInfo(error: unknown): CallErrorInfo {
  if (isCallError(error)) return error.toJSON()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'provider_error', message: message || 'The tab that holds the phone failed.' }
}

const sameFields = (a: Record<string, unknown> | undefined, b: Record<string, unknown>) =>
  !!a && Object.keys(b).every((key) => a[key] === b[key])

/** The default change: the fields not the same by reference. */
function changedFields(previous: Record<string, unknown>, next: Record<string, unknown>) {
  const change: Record<string, unknown> = {}
  for (const key of Object.keys(next)) if (previous[key] !== next[key]) change[key] = next[key]
  return change
}

/** Adds `key` to a set of keys kept to its last `HANDLED_LIMIT`. */
function remember(keys: Set<string>, key: string) {
  keys.add(key)
  if (keys.size > HANDLED_LIMIT) keys.delete(keys.values().next().value!)
}

/**
 * Elects one leader among the tabs of one app and one user with the Web Locks API (the lock is
 * held for the tab's life, so the next tab in line gets it as soon as the leader closes or
 * crashes), and links them with a `BroadcastChannel`: the leader sends its stores, followers apply
 * them and send their requests to it. The leader sends a part whole once (to a new tab, after a
 * takeover, or when a follower asks), then only what changed, numbered: a follower that sees a
 * number missing asks for the whole part again. Duplicate, late and out-of-order messages change
 * nothing: each part is versioned per leader, and a message from a tab that no longer leads is
 * ignored.
 */
export function createTabLink(options: TabLinkOptions): TabLink {
  const tabId = options.tabId ?? Math.random().toString(36).slice(2)
  const topics = new Map<string, Topic>()
  const handlers = new Map<string, (payload: never, context: TabRequestContext) => unknown>()
  const pending = new Map<number, Pending>()
  const listeners = new Set<() => void>()
  /** Followers: the leader's last part of a topic no store shares yet (it mounts later). */
  const early = new Map<string, { version: number; value: Record<string, unknown> }>()
  /** Leader: the requests it ran, by sender and id, so a message delivered twice runs once. */
  const handled = new Set<string>()
  /** Leader: the requests it runs, by sender and id, to abort when their sender cancels them. */
  const running = new Map<string, AbortController>()
  /** Leader: cancels that came before their request (messages may come out of order). */
  const cancels = new Set<string>()
  let role: 'leader' | 'follower' = 'follower'
  let leaderId: string | null = null
  let leaderSince = -Infinity
  let nextId = 0
  let channel: TabChannel | null = null
  let sendScheduled = false

  const post = (message: Message) => {
    try {
      channel?.postMessage(message)
    } catch {
      // A part that cannot be cloned is not sent: followers see its number missing and ask again.
    }
  }
  const setRole = (next: typeof role) => {
    if (role === next) return
    role = next
    for (const listener of [...listeners]) listener()
  }

  /** Sends what changed since the last part sent; `whole` sends the whole part. */
  function sendState(name: string, topic: Topic, whole = false) {
    const { shared } = topic
    const value = shared.pick(shared.store.getState())
    const previous = topic.sent
    if (!whole && sameFields(previous, value)) return
    topic.sent = value
    topic.version += 1
    const { version } = topic
    if (whole || !previous) post({ type: 'state', from: tabId, topic: name, version, value })
    else {
      const change = shared.diff ? shared.diff(previous, value) : changedFields(previous, value)
      post({ type: 'patch', from: tabId, topic: name, version, change })
    }
  }

  /** A follower asks the leader for a part whole, once per gap. */
  function askWhole(name: string, topic: Topic) {
    if (leaderId === null || topic.asked === topic.version) return
    topic.asked = topic.version
    post({ type: 'resync', from: tabId, to: leaderId, topic: name })
  }

  /** A follower takes a change in: `false` when it lacks what the change builds on. */
  function patch(topic: Topic, change: Record<string, unknown>) {
    if (topic.shared.patch) return topic.shared.patch(change)
    if (!topic.value) return false
    topic.value = { ...topic.value, ...change }
    topic.shared.apply(topic.value)
    return true
  }

  function applyWhole(topic: Topic, version: number, value: Record<string, unknown>) {
    topic.version = version
    topic.value = value
    topic.shared.apply(value)
  }

  /** Sends every changed part once per task, however many changes the task made. */
  function scheduleSend() {
    if (sendScheduled) return
    sendScheduled = true
    queueMicrotask(() => {
      sendScheduled = false
      if (role === 'leader') for (const [name, topic] of topics) sendState(name, topic)
    })
  }

  function lead(name: string, topic: Topic) {
    topic.stops.push(topic.shared.store.subscribe(scheduleSend))
    if (topic.shared.lead) topic.stops.push(topic.shared.lead())
    sendState(name, topic, true)
  }

  const stopLeading = (topic: Topic) => {
    for (const stop of topic.stops.splice(0)) stop()
  }

  async function run(method: string, payload: unknown, signal: AbortSignal): Promise<unknown> {
    const handler = handlers.get(method)
    if (!handler) throw new CallError('not_supported', `No tab handles “${method}”.`)
    return handler(payload as never, { signal })
  }

  /** A request run in this tab, as it leads: it rejects with a `CallError`, as from another tab. */
  const runHere = (method: string, payload: unknown, signal = new AbortController().signal) =>
    run(method, payload, signal).catch((error: unknown) => {
      throw isCallError(error) ? error : CallError.from(toErrorInfo(error))
    })

  function send(id: number, request: Pending) {
    if (leaderId === null) return
    request.sentTo = leaderId
    post({
      type: 'request',
      from: tabId,
      to: leaderId,
      id,
      method: request.method,
      payload: request.payload,
    })
  }

  /** Requests sent to a leader that went away are never answered: they fail. Queued ones go on. */
  function redirect() {
    for (const [id, request] of pending) {
      if (request.sentTo === leaderId && leaderId !== tabId) continue
      if (request.sentTo !== null) {
        pending.delete(id)
        request.reject(leaderGone())
      } else if (role === 'leader') {
        pending.delete(id)
        runHere(request.method, request.payload, request.signal).then(
          request.resolve,
          request.reject,
        )
      } else send(id, request)
    }
  }

  function becomeLeader() {
    leaderId = tabId
    leaderSince = Date.now()
    setRole('leader')
    post({ type: 'leader', from: tabId, since: leaderSince })
    for (const [name, topic] of topics) {
      topic.version = 0
      topic.sent = undefined
      lead(name, topic)
    }
    redirect()
  }

  function receive(message: Message) {
    if (message.from === tabId) return
    switch (message.type) {
      case 'hello':
        if (role !== 'leader') return
        post({ type: 'leader', from: tabId, since: leaderSince })
        for (const [name, topic] of topics) sendState(name, topic, true)
        return
      case 'leader':
        if (role === 'leader' || message.since < leaderSince || message.from === leaderId) return
        leaderId = message.from
        leaderSince = message.since
        early.clear()
        for (const topic of topics.values()) topic.version = 0
        redirect()
        return
      case 'resync': {
        const topic = topics.get(message.topic)
        if (role === 'leader' && message.to === tabId && topic)
          sendState(message.topic, topic, true)
        return
      }
      case 'state': {
        if (role === 'leader' || message.from !== leaderId) return
        const topic = topics.get(message.topic)
        const seen = topic?.version ?? early.get(message.topic)?.version ?? 0
        if (message.version <= seen) return
        if (topic) applyWhole(topic, message.version, message.value)
        else early.set(message.topic, { version: message.version, value: message.value })
        return
      }
      case 'patch': {
        if (role === 'leader' || message.from !== leaderId) return
        const topic = topics.get(message.topic)
        // A part no store shares yet: the store asks for it whole when it mounts.
        if (!topic) return void early.delete(message.topic)
        if (message.version <= topic.version) return
        if (
          message.version === topic.version + 1 &&
          topic.version > 0 &&
          patch(topic, message.change)
        )
          topic.version = message.version
        else askWhole(message.topic, topic)
        return
      }
      case 'request': {
        const key = `${message.from}:${message.id}`
        if (role !== 'leader' || message.to !== tabId || handled.has(key)) return
        remember(handled, key)
        const controller = new AbortController()
        if (cancels.delete(key)) controller.abort()
        running.set(key, controller)
        const reply = (answer: { value?: unknown; error?: CallErrorInfo }) => {
          running.delete(key)
          post({ type: 'reply', from: tabId, to: message.from, id: message.id, ...answer })
        }
        run(message.method, message.payload, controller.signal).then(
          (value) => reply({ value }),
          (error: unknown) => reply({ error: toErrorInfo(error) }),
        )
        return
      }
      case 'cancel': {
        if (role !== 'leader' || message.to !== tabId) return
        const key = `${message.from}:${message.id}`
        const controller = running.get(key)
        if (controller) controller.abort()
        else if (!handled.has(key)) remember(cancels, key)
        return
      }
      case 'reply': {
        const request = message.to === tabId ? pending.get(message.id) : undefined
        if (!request || request.sentTo !== message.from) return
        pending.delete(message.id)
        if (message.error) request.reject(CallError.from(message.error))
        else request.resolve(message.value)
      }
    }
  }

  return {
    get role() {
      return role
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    share(name, shared) {
      const topic: Topic = { shared: shared as SharedTopic<unknown>, version: 0, stops: [] }
      topics.set(name, topic)
      const waiting = early.get(name)
      early.delete(name)
      if (role === 'leader') lead(name, topic)
      else if (waiting) applyWhole(topic, waiting.version, waiting.value)
      else askWhole(name, topic)
      return () => {
        stopLeading(topic)
        if (topics.get(name) === topic) topics.delete(name)
      }
    },
    handle(method, handler) {
      handlers.set(method, handler)
      return () => {
        if (handlers.get(method) === handler) handlers.delete(method)
      }
    },
    request<T>(method: string, payload?: unknown, { signal }: { signal?: AbortSignal } = {}) {
      if (signal?.aborted) return Promise.reject(cancelled())
      if (role === 'leader') return runHere(method, payload, signal) as Promise<T>
      return new Promise<T>((resolve, reject) => {
        const id = ++nextId
        const request: Pending = {
          method,
          payload,
          sentTo: null,
          signal,
          resolve: resolve as (value: unknown) => void,
          reject,
        }
        pending.set(id, request)
        signal?.addEventListener(
          'abort',
          () => {
            if (pending.get(id) !== request) return
            // Sent: the leader answers as it would in one tab (the call may already be placed).
            if (request.sentTo !== null)
              return post({ type: 'cancel', from: tabId, to: request.sentTo, id })
            pending.delete(id)
            reject(cancelled())
          },
          { once: true },
        )
        send(id, request)
      })
    },
    connect() {
      const own = options.openChannel(options.name)
      channel = own
      own.onmessage = (event) => receive(event.data as Message)
      const abort = new AbortController()
      let release: (() => void) | undefined
      options.locks
        .request(options.name, { signal: abort.signal }, () => {
          if (abort.signal.aborted) return Promise.resolve()
          // Held until this tab leaves: the lock is the leadership.
          return new Promise<void>((resolve) => {
            release = resolve
            becomeLeader()
          })
        })
        .catch(() => {
          // Left before the lock came: nothing to release.
        })
      post({ type: 'hello', from: tabId })
      return () => {
        abort.abort()
        for (const controller of running.values()) controller.abort()
        running.clear()
        for (const topic of topics.values()) stopLeading(topic)
        own.onmessage = null
        own.close()
        if (channel === own) channel = null
        release?.()
        leaderId = null
        leaderSince = -Infinity
        setRole('follower')
        for (const request of pending.values()) request.reject(leaderGone())
        pending.clear()
      }
    },
  }
}
