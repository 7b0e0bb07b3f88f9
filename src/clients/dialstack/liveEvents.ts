import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import { connectEventStream, type EventStream } from './connectEventStream.js'
import type { ConnectionReporter } from './connectionStatus.js'
import type { Correlation } from './correlateCalls.js'
import type { DialStackTracked } from './DialStackTracked.js'
import { createEventInbox } from './eventInbox.js'
import { INCOMING_EVENT, type IncomingCalls } from './incomingCalls.js'
import type { CallFollower } from './followCalls.js'
import type { DialStackEventsOptions } from './options.js'
import { mapCallEvent, type EventRole } from './protocol/mapCallEvent.js'
import type { AnsweredMeans } from './protocol/mapCallLog.js'
import { parseDialStackEvent } from './protocol/parseDialStackEvent.js'
import type { SseMessage } from './protocol/parseSse.js'
import type { DialStackCallEvent, DialStackEventNames } from './protocol/types.js'

/** DialStack's SSE stream, applied to the calls started here. */
export interface LiveEvents {
  /** Opens the stream if it is configured, not open and has not given up. */
  open(): void
  /** The stream is configured and has not given up. */
  streaming(): boolean
  /** Applies the held events that belong to `call` (its 202 was read after them, or it was just tied). */
  replayHeld(call: DialStackTracked): void
  /** A held event carries a call id the call log may tie to a call. */
  holdsCallIds(): boolean
  close(): void
}

export interface LiveEventsOptions {
  events: DialStackEventsOptions | undefined
  eventNames: DialStackEventNames
  answeredMeans: AnsweredMeans
  fetch?: typeof fetch
  /** The call log can be polled (`poll` is set). */
  polls: boolean
  calls: CallRegistry<DialStackTracked>
  correlation: Correlation
  /**
   * Calls ringing the user (the `inbound` option): `call.incoming` pops one; inbound events bind
   * to it by caller.
   */
  incoming: IncomingCalls | undefined
  follower: () => CallFollower
  report(call: DialStackTracked, init: InteractionEventInit, at?: number): void
  connection: ConnectionReporter
  log: ClientLogger
  disposed(): boolean
}

export function createLiveEvents(options: LiveEventsOptions): LiveEvents {
  const { events, calls, correlation, connection, log } = options
  const roles = new Map(
    Object.entries(options.eventNames).map(([role, name]) => [name, role as EventRole]),
  )
  const inbox = createEventInbox()
  let stream: EventStream | undefined
  let gaveUp = false

  function apply(call: DialStackTracked, role: EventRole, event: DialStackCallEvent) {
    options.follower().heard(call)
    // An incoming call rings the user's phones only: its answer is the user's, a conversation.
    const answeredMeans = call.inbound ? 'destination' : options.answeredMeans
    const init = mapCallEvent(role, event, answeredMeans, call.agentAnswered === true)
    if (role === 'answered') {
      if (init.type === 'status' && init.status === 'connected')
        log.once(
          'answered',
          'debug',
          `${event.type} taken as connected (answeredMeans: '${options.answeredMeans}').`,
        )
      call.agentAnswered = true
    }
    options.report(call, init, event.at)
  }

  function onMessage(message: SseMessage) {
    const event = parseDialStackEvent(message)
    if (event?.type === INCOMING_EVENT && !options.disposed()) {
      if (options.incoming) return options.incoming.ring(event)
      return log.once(
        'incoming',
        'debug',
        'call.incoming pops nothing: pass `inbound: dialStackInboundCalls()` to createDialStackClient for a screen pop.',
      )
    }
    // Only the followed names: not `connected`, …
    const role = event && roles.get(event.type)
    if (options.disposed() || !role) {
      if (!event) log.debug('ignored an event that is not a JSON object.', message.event)
      return
    }
    if (inbox.isDuplicate(event)) return log.debug(`duplicate ${event.type} ignored.`)
    const call = options.incoming?.match(event) ?? correlation.correlate(event)
    if (call) {
      if (call.inbound && event.callId && !call.providerId) calls.bindProvider(call, event.callId)
      return apply(call, role, event)
    }
    log.debug(`${event.type} matches no call started here (yet).`)
    inbox.hold(event, role)
    // A call id we do not know yet may be one of ours: the call log says whose it is.
    if (event.callId) options.follower().resolveUnbound()
  }

  const live: LiveEvents = {
    open() {
      if (!events || stream || gaveUp || options.disposed()) return
      stream = connectEventStream({
        url: events.url,
        backoff: events.backoff,
        maxAuthFailures: events.maxAuthFailures,
        getClientSecret: () => events.getClientSecret(),
        fetch: options.fetch,
        log,
        onMessage,
        onOpen(reconnected) {
          connection.report('open')
          // Events sent while the stream was down (or before it first opened) are gone: read the log.
          options.follower().resync(reconnected)
        },
        onDown(error) {
          if (connection.status !== 'reconnecting') connection.report('reconnecting', error)
        },
        onGiveUp(error) {
          gaveUp = true
          stream = undefined
          connection.report('closed', error)
          if (!options.polls) return
          log.warn('events stream gave up; following calls by polling the call log.')
          calls.live().forEach(options.follower().startPolling)
        },
      })
    },
    streaming: () => events !== undefined && !gaveUp,
    replayHeld(call) {
      inbox.replay((event, role) => {
        if (correlation.correlate(event, call) !== call) return false
        apply(call, role, event)
        return true
      })
    },
    holdsCallIds: inbox.holdsCallIds,
    close() {
      stream?.close()
      stream = undefined
    },
  }
  return live
}
