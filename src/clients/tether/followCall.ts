import { createPoller, type PollOptions, type Poller } from '../../client-kit/createPoller.js'
import type { TrackedCall } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import type { PageVisibility } from '../../client-kit/pageVisibility.js'
import { formatDuration, isRecord } from '../../client-kit/text.js'
import type { CallError } from '../../core/CallError.js'
import type { ClientEvent, InteractionEvent } from '../../core/CallEvent.js'
import type { TetherEventEmitter, TetherEventSource } from './options.js'
import type { TetherCall } from './protocol/TetherCall.js'
import { tetherErrors } from './protocol/tetherErrors.js'
import type { TetherApi } from './tetherApi.js'

/** A call the Tether client follows. */
export interface TetherTracked extends TrackedCall {
  /** What every event of the call carries: its number and associated object. */
  fields: Pick<InteractionEvent, 'phoneNumber' | 'associatedObject' | 'direction'>
  /** The last raw status applied, to skip identical polls. */
  rawState?: string
  /** Set while the call is followed; unset for good by `stop`. */
  poller?: Poller
  unsubscribe?: () => void
}

export interface CallFollowerOptions {
  api: TetherApi
  poll: PollOptions
  visibility: PageVisibility | undefined
  events: TetherEventSource | undefined
  log: ClientLogger
  /** Applies a Call document to the call; true once the call reached a final state. */
  apply(call: TetherTracked, doc: TetherCall): boolean
  /** The call was followed for `poll.maxDurationMs` without a final state. */
  expire(call: TetherTracked): void
  /** Reports the stream's health (`reconnecting` while some poll fails, `open` again after). */
  report(event: ClientEvent): void
}

/** Follows calls: a poll of `GET /api/calls/{callId}` each, and the app's socket when it has one. */
export interface CallFollower {
  follow(call: TetherTracked): void
  /** Stops following (final state, expiry, dispose): the poll, the socket subscription. */
  stop(call: TetherTracked): void
  /** Polls now (after a hang-up, or a socket update without a status). */
  pollNow(call: TetherTracked): void
}

/**
 * Polling stops when the call reaches a final state, after `maxDurationMs`, rests in a hidden page
 * (and polls at once when it is shown), and gives way to the socket: each update that carries a
 * status pushes the next poll back to `maxIntervalMs`, so polls only watch for the socket's silence.
 */
export function createCallFollower(options: CallFollowerOptions): CallFollower {
  const { api, poll, log } = options
  /** Calls whose last poll failed: the stream is `reconnecting` while this is not empty. */
  const failing = new Set<string>()

  function setFailing(id: string, error?: CallError) {
    const wasOpen = failing.size === 0
    if (error) failing.add(id)
    else failing.delete(id)
    if (wasOpen === (failing.size === 0)) return
    options.report(
      error
        ? { type: 'connection', status: 'reconnecting', error: error.toJSON() }
        : { type: 'connection', status: 'open' },
    )
  }

  function stop(call: TetherTracked) {
    call.poller?.stop()
    call.poller = undefined
    call.unsubscribe?.()
    call.unsubscribe = undefined
    setFailing(call.id)
  }

  function subscribe(call: TetherTracked, events: TetherEventSource) {
    const emit: TetherEventEmitter = (payload, eventName) => {
      if (!call.poller) return
      const doc = isRecord(payload) && isRecord(payload.call) ? payload.call : payload
      if (!isRecord(doc)) return
      const docId = [doc.callId, doc._id].find((id) => typeof id === 'string')
      // Apps may fan one socket out to every subscription: keep only this call's updates.
      if (docId !== undefined && docId !== call.id) return
      if (typeof doc.status === 'string') {
        call.poller.postpone(poll.maxIntervalMs)
        options.apply(call, { ...doc, callId: call.id })
      } else {
        log.debug(`${eventName ?? 'socket event'} for call ${call.id} has no status; polling now.`)
        call.poller.pollNow()
      }
    }
    try {
      const unsubscribe = events(call.id, emit)
      if (typeof unsubscribe !== 'function') return
      // A source may replay a final state while subscribing, before we hold its unsubscribe.
      if (call.poller === undefined) unsubscribe()
      else call.unsubscribe = unsubscribe
    } catch (error) {
      log.warn(`the events source threw for call ${call.id}; polling only.`, error)
    }
  }

  return {
    follow(call) {
      call.poller = createPoller({
        ...poll,
        visibility: options.visibility,
        async poll(signal) {
          const doc = await api.getCall(call.id, signal)
          // The stream is back before the state it brings, so a final state never shows as "reconnecting".
          setFailing(call.id)
          return options.apply(call, doc) ? 'done' : undefined
        },
        onError(thrown) {
          const error = tetherErrors.normalize(thrown)
          log.debug(`polling call ${call.id} failed (${error.code}); retrying with backoff.`)
          setFailing(call.id, error)
        },
        onExpire() {
          log.warn(
            `call ${call.id} has no final state after ${formatDuration(poll.maxDurationMs)}; it is no longer followed.`,
          )
          stop(call)
          options.expire(call)
        },
      })
      if (options.events) subscribe(call, options.events)
    },
    stop,
    pollNow: (call) => call.poller?.pollNow(),
  }
}
