import type { InteractionEvent, InteractionEventInit } from '../core/CallEvent.js'

/**
 * What the registry keeps of every call. A client extends it with its own fields
 * (`interface TetherTracked extends TrackedCall { poller?: Poller }`).
 */
export interface TrackedCall {
  /** The library's id (`interactionId`): the provider's id, or a client-side tracking id. */
  readonly id: string
  /** The provider's own call id, once known (see `bindProvider`). */
  providerId?: string
  /** `at` of the last event: later events never date before it (see `record`). */
  at: number
  /** The call reached `ended` or `failed`; nothing is recorded for it afterwards. */
  ended: boolean
  /**
   * The call as the last events left it: the last `status`, `ended` or `failed` event, with the
   * fields of any later `updated` merged in. `snapshot()` returns it.
   */
  summary?: InteractionEvent
}

export interface CallRegistryOptions {
  /**
   * Ended calls kept (for snapshots, late events, `get`); older ones are forgotten so memory stays
   * bounded in a long session. The same option in every client. Default 50.
   */
  historyLimit?: number
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number
}

/** The calls a client tracks, by library id and by provider id. */
export interface CallRegistry<C extends TrackedCall> {
  /** Starts tracking `call` (live). */
  add(call: C): C
  get(id: string): C | undefined
  /** The call the provider knows by `providerId`. */
  byProvider(providerId: string): C | undefined
  /** Records the provider's id of a call, so `byProvider` finds it. */
  bindProvider(call: C, providerId: string): void
  /** The calls not ended, oldest first. */
  live(): C[]
  /** Every tracked call (live and the ended history), oldest first. */
  all(): C[]
  /**
   * Stamps `init` as an event of `call`: its `interactionId`, and an `at` that never goes below
   * the call's last one (provider clocks differ from ours; a final state dated before an earlier
   * one would be dropped as stale). `at` defaults to now. An `ended` or `failed` event ends the
   * call (see `end`). Returns the event to emit, or `undefined` for a call already ended.
   * Ordering beyond this is the core reducer's job: the registry ranks no states.
   */
  record(call: C, init: InteractionEventInit, at?: number): InteractionEvent | undefined
  /**
   * Stamps `init` as news about `call`, also after it ended (e.g. `completed`: the agent finished
   * the after-call work). Unlike `record`, it leaves the call's summary alone, so a snapshot still
   * replays how the call ended rather than the news.
   */
  note(call: C, init: InteractionEventInit, at?: number): InteractionEvent
  /** Marks `call` ended and moves it to the bounded history. */
  end(call: C): void
  /** Forgets `call` now (a start that failed before the call existed). */
  remove(call: C): void
  /** Each call's summary, leading with its status, for `CallClient.snapshot`. */
  snapshot(): InteractionEvent[]
  /** Forgets everything (on `dispose`). */
  clear(): void
}

/** The fields of a summary that outlive a change of state: number, record, direction, mute … */
function carried(summary: InteractionEvent | undefined) {
  if (!summary) return {}
  const fields: Partial<Record<string, unknown>> = { ...summary }
  for (const key of ['type', 'status', 'outcome', 'error', 'afterCallWork', 'seq'])
    delete fields[key]
  return fields
}

/**
 * The one call registry of every client: ids both ways, a bounded ended history with one
 * `historyLimit`, a monotonic `at`, and snapshots that lead with each call's status (an
 * `updated` event alone creates nothing in the store).
 *
 * @example
 * const calls = createCallRegistry<TrackedCall>({ historyLimit: options.historyLimit })
 * const call = calls.add({ id, at: 0, ended: false })
 * hub.emit(calls.record(call, { type: 'status', status: 'dialing' }, Date.parse(doc.startTime)))
 */
export function createCallRegistry<C extends TrackedCall>(
  options: CallRegistryOptions = {},
): CallRegistry<C> {
  const historyLimit = Math.max(0, options.historyLimit ?? 50)
  const now = options.now ?? Date.now
  const calls = new Map<string, C>()
  const providerIds = new Map<string, C>()
  const history: C[] = []

  function forget(call: C) {
    calls.delete(call.id)
    if (call.providerId !== undefined && providerIds.get(call.providerId) === call)
      providerIds.delete(call.providerId)
  }

  const registry: CallRegistry<C> = {
    add(call) {
      calls.set(call.id, call)
      if (call.providerId !== undefined) providerIds.set(call.providerId, call)
      return call
    },
    get: (id) => calls.get(id),
    byProvider: (providerId) => providerIds.get(providerId),
    bindProvider(call, providerId) {
      call.providerId = providerId
      providerIds.set(providerId, call)
    },
    live: () => [...calls.values()].filter((call) => !call.ended),
    all: () => [...calls.values()],
    record(call, init, at) {
      if (call.ended) return undefined
      const event = registry.note(call, init, at)
      if (event.type === 'updated') {
        const { type: _type, ...fields } = event
        if (call.summary) call.summary = { ...call.summary, ...fields }
      } else {
        call.summary = { ...carried(call.summary), ...event } as InteractionEvent
      }
      if (event.type === 'ended' || event.type === 'failed') registry.end(call)
      return event
    },
    note(call, init, at) {
      call.at = Math.max(call.at, at !== undefined && Number.isFinite(at) ? at : now())
      return { ...init, interactionId: call.id, at: call.at } as InteractionEvent
    },
    end(call) {
      if (call.ended) return
      call.ended = true
      history.push(call)
      while (history.length > historyLimit) forget(history.shift()!)
    },
    remove(call) {
      forget(call)
      const index = history.indexOf(call)
      if (index >= 0) history.splice(index, 1)
    },
    snapshot: () => [...calls.values()].flatMap((call) => (call.summary ? [call.summary] : [])),
    clear() {
      calls.clear()
      providerIds.clear()
      history.length = 0
    },
  }
  return registry
}
