import { CallError, toCallError } from './CallError.js'
import type { CallClient } from './CallClient.js'
import { createCallStore, type CallStoreApi } from './createCallStore.js'
import { interpretStartResult } from './interpretStartResult.js'
import {
  checkDialStringOptions,
  parseDialString,
  type DialStringOptions,
  type DialStringResult,
} from './parseDialString.js'
import type { InteractionAssociatedObject } from './types.js'

/** `dial` places calls; `prefill` only fills the dialpad and the person presses Call. */
export type DialMode = 'dial' | 'prefill'

/** What a start is asked with. */
export interface StartCallVariables {
  phoneNumber: string
  associatedObject?: InteractionAssociatedObject
  /** The person pressed Call on a dialpad: dial even in `prefill` mode. */
  confirmed?: boolean
}

/** What a successful start gives back. */
export interface StartCallData {
  /** The interaction's id; `null` for a deferred dial. */
  id: string | null
  /** The number is on the dialpad and nothing was dialed. */
  deferred: boolean
  /** The number as sent (E.164 for phone numbers). */
  phoneNumber: string
}

/** The rules of a start, which may change while calls are live. */
export interface CallRuntimeConfig extends DialStringOptions {
  /** Default `'dial'`. */
  dialMode?: DialMode
}

export interface CallRuntimeOptions extends CallRuntimeConfig {
  client: CallClient
  /** Ended calls kept in the store. Default 50. */
  historyLimit?: number
}

/** A client, its store and the rules of a start: what `CallProvider` holds, without React. */
export interface CallRuntime {
  readonly client: CallClient
  readonly store: CallStoreApi
  readonly dialMode: DialMode
  /** Replaces the rules of a start (dial mode, region, metadata, policy); the store and calls stay. */
  configure(config: CallRuntimeConfig): void
  /** Checks a number with the provider's rules (region, metadata, policy). */
  parse(input: string): DialStringResult
  /**
   * Starts a call: validates first, prefills instead of dialing in `prefill` mode, and shares one
   * request among starts for the same number while it is pending (a second start joins the
   * first, associated object included). Rejects with a `CallError`.
   */
  startCall(variables: StartCallVariables): Promise<StartCallData>
  /** Feeds the client's events (and its snapshot) into the store. Returns the disconnect function. */
  connect(): () => void
}

/** Refuses rules that cannot work, once, where they are set (not on every number checked). */
function checkConfig(config: CallRuntimeConfig): CallRuntimeConfig {
  checkDialStringOptions(config)
  return config
}

/**
 * Creates the framework-free runtime behind `CallProvider`.
 *
 * @example
 * const runtime = createCallRuntime({ client: createSimulatedClient() })
 * const disconnect = runtime.connect()
 * await runtime.startCall({ phoneNumber: '+14165550199' })
 */
export function createCallRuntime(options: CallRuntimeOptions): CallRuntime {
  const { client, historyLimit, ...initial } = options
  let config = checkConfig(initial)
  const store = createCallStore({ capabilities: client.capabilities, historyLimit })
  const inFlight = new Map<string, Promise<StartCallData>>()
  const controllers = new Set<AbortController>()
  const parse = (input: string) => parseDialString(input, config)

  async function send(value: string, variables: StartCallVariables): Promise<StartCallData> {
    const controller = new AbortController()
    controllers.add(controller)
    try {
      const result = await client
        .startCall(value, variables.associatedObject, {
          signal: controller.signal,
          confirmed: variables.confirmed,
        })
        .catch((error: unknown) => ({
          status: 'error' as const,
          error: toCallError(error, client.name),
        }))
      const outcome = interpretStartResult(result, client.name)
      if (outcome.kind === 'failed') throw outcome.error
      if (outcome.kind === 'deferred') {
        store.getState().prefill(value, variables.associatedObject)
        return { id: null, deferred: true, phoneNumber: value }
      }
      return { id: outcome.id, deferred: false, phoneNumber: value }
    } finally {
      controllers.delete(controller)
    }
  }

  return {
    client,
    store,
    get dialMode() {
      return config.dialMode ?? 'dial'
    },
    configure(next) {
      config = checkConfig(next)
    },
    parse,
    startCall(variables) {
      const parsed = parse(variables.phoneNumber)
      if (!parsed.ok) return Promise.reject(parsed.error)
      const { value } = parsed.dialString
      if (config.dialMode === 'prefill' && !variables.confirmed) {
        store.getState().prefill(value, variables.associatedObject)
        return Promise.resolve({ id: null, deferred: true, phoneNumber: value })
      }
      const pending = inFlight.get(value)
      if (pending) return pending
      const started = send(value, variables).finally(() => inFlight.delete(value))
      inFlight.set(value, started)
      return started
    },
    connect() {
      let connected = true
      const unsubscribe = client.subscribe((event) => store.getState().dispatch(event))
      client
        .snapshot?.()
        .then((events) => {
          if (connected) for (const event of events) store.getState().dispatch(event)
        })
        .catch(() => {
          // A snapshot is a best effort on (re)load; live events still arrive.
        })
      return () => {
        connected = false
        unsubscribe()
        for (const controller of controllers)
          controller.abort(new CallError('aborted', 'The call was cancelled before it started.'))
      }
    },
  }
}
