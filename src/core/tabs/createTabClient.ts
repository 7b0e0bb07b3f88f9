import type { CallClient, StartCallOptions, StartCallResult } from '../CallClient.js'
import { CallError, type CallErrorInfo } from '../CallError.js'
import type { InteractionAssociatedObject } from '../types.js'
import type { TabLink } from './TabLink.js'

/** The controls a follower sends to the leader, by the client's method name. */
const FORWARDED = [
  'hangup',
  'hold',
  'resume',
  'mute',
  'sendDtmf',
  'answer',
  'decline',
  'updateAssociatedObject',
  'completeWrapUp',
  'listDispositions',
  'listCallerIds',
] as const

type Forwarded = (typeof FORWARDED)[number]

/** What a start asks the leader. */
export interface TabStartRequest {
  phoneNumber: string
  initialObject?: InteractionAssociatedObject
  from?: string
}

/** What a control asks the leader. */
export interface TabControlRequest {
  method: Forwarded
  args: unknown[]
}

type Envelope = { status: 'success'; data: unknown } | { status: 'error'; error: CallErrorInfo }

/** An envelope's error as plain data, so it crosses the channel with its code. */
export function toWire(result: unknown): unknown {
  const envelope = result as Envelope | undefined
  return envelope?.status === 'error' && envelope.error instanceof CallError
    ? { status: 'error', error: envelope.error.toJSON() }
    : result
}

/** The envelope's error as a `CallError` again. */
export function fromWire<T>(result: unknown): T {
  const envelope = result as Envelope | undefined
  return (
    envelope?.status === 'error'
      ? { status: 'error', error: CallError.from(envelope.error) }
      : result
  ) as T
}

/**
 * The client a tab's runtime uses when tabs are shared: the same methods as `client`, each run
 * where the client is (here when this tab leads, else in the leader), so hooks and components do
 * not know which tab leads. The leader's client alone listens to the provider.
 */
export function createTabClient(client: CallClient, link: TabLink): CallClient {
  const tabClient: CallClient = {
    name: client.name,
    get capabilities() {
      return client.capabilities
    },
    startCall(phoneNumber, initialObject, options: StartCallOptions = {}) {
      if (link.role === 'leader') return client.startCall(phoneNumber, initialObject, options)
      const request: TabStartRequest = {
        phoneNumber,
        ...(initialObject && { initialObject }),
        ...(options.from && { from: options.from }),
      }
      const { signal } = options
      return link
        .request('start', request, signal && { signal })
        .then(fromWire<StartCallResult>, (error: CallError) => ({
          status: 'error' as const,
          error,
        }))
    },
    subscribe: (listener) => client.subscribe(listener),
    ...(client.snapshot && { snapshot: () => client.snapshot!() }),
    dispose() {
      // The app owns the provider's client and disposes it.
    },
  }
  const methods = tabClient as unknown as Record<Forwarded, (...args: unknown[]) => unknown>
  for (const method of FORWARDED) {
    if (!client[method]) continue
    methods[method] = (...args: unknown[]) => {
      // In the leading tab, the client itself (its own result and errors, no round trip).
      if (link.role === 'leader')
        return (client[method] as (...values: unknown[]) => unknown).apply(client, args)
      const request: TabControlRequest = { method, args }
      const answer = link.request('control', request).then(fromWire)
      // Controls resolve to an envelope and never reject; the lists reject as the client's do.
      return method.startsWith('list')
        ? answer
        : answer.catch((error: CallError) => ({ status: 'error', error }))
    }
  }
  return tabClient
}
