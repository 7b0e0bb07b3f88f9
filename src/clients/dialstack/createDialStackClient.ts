import { createCallRegistry } from '../../client-kit/createCallRegistry.js'
import { createEventHub } from '../../client-kit/createEventHub.js'
import { createClientLogger } from '../../client-kit/logger.js'
import { NO_CAPABILITIES } from '../../core/CallClient.js'
import type { CallEvent, InteractionEventInit } from '../../core/CallEvent.js'
import { failure } from '../../core/result.js'
import { createBackendApi } from './backendApi.js'
import { createConnectionReporter } from './connectionStatus.js'
import { createCorrelation } from './correlateCalls.js'
import { reportKey, withCall, type DialStackTracked } from './DialStackTracked.js'
import type { DialStackClient } from './DialStackClient.js'
import { createCallFollower, type CallFollower } from './followCalls.js'
import { createLiveEvents } from './liveEvents.js'
import { createPlaceCalls } from './placeCalls.js'
import { createCallRecovery } from './recoverCalls.js'
import { resolveDialStackOptions, type DialStackClientOptions } from './options.js'
import { dialStackErrors, PROVIDER } from './protocol/toDialStackError.js'
import { callRequestRules } from './protocol/validateCallRequest.js'

/**
 * A `CallClient` for DialStack click-to-call. The browser never holds DialStack's secret key:
 * calls start through your backend (`createDialStackHandler` from `react-click-to-call/server`),
 * live state arrives over DialStack's SSE stream with a short-lived client secret, and the call
 * log (through your backend) fills in what the stream misses. DialStack answers a start with
 * 202 and no call id, so the call gets a client-side tracking id that later events are tied to.
 *
 * @example
 * const client = createDialStackClient({
 *   endpoint: '/api/dialstack/calls',
 *   userId: currentUser.dialstackUserId,
 *   events: {
 *     getClientSecret: () => fetch('/api/dialstack/session', { method: 'POST' }).then((r) => r.json()),
 *   },
 *   poll: { url: '/api/dialstack/calls' },
 * })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createDialStackClient(options: DialStackClientOptions): DialStackClient {
  const resolved = resolveDialStackOptions(options)
  const { poll, answeredMeans } = resolved
  const log = createClientLogger(PROVIDER, options.logger)
  // The same rules as the handler's, so both refuse the same input with the same words.
  const rules = callRequestRules({ ...options, logger: log })
  const api = createBackendApi({
    endpoint: options.endpoint,
    logsUrl: poll?.url,
    headers: options.headers,
    fetch: options.fetch,
    timeoutMs: resolved.timeoutMs,
  })
  const hub = createEventHub<CallEvent>(log)
  const calls = createCallRegistry<DialStackTracked>({ historyLimit: options.historyLimit })
  const connection = createConnectionReporter(hub)
  const correlation = createCorrelation({
    calls,
    ...resolved.window,
    match: options.correlation?.match,
  })
  let disposed = false
  const isDisposed = () => disposed

  /** Reports what DialStack said of a call, unless it is what was said last (a repeated poll). */
  function report(call: DialStackTracked, init: InteractionEventInit, at?: number) {
    const key = `${reportKey(init)}:${call.providerId ?? ''}`
    if (disposed || key === call.reported) return
    call.reported = key
    const event = calls.record(call, withCall(call, init), at)
    if (!event) return
    if (call.ended) follower.stop(call)
    hub.emit(event)
  }

  const incoming = options.inbound?.create({ calls, userId: options.userId, report, log })
  const live = createLiveEvents({
    incoming,
    events: options.events,
    eventNames: resolved.eventNames,
    answeredMeans,
    fetch: options.fetch,
    polls: poll !== undefined,
    calls,
    correlation,
    follower: () => follower,
    report,
    connection,
    log,
    disposed: isDisposed,
  })
  const follower: CallFollower = createCallFollower({
    api,
    calls,
    correlation,
    poll,
    hasEvents: options.events !== undefined,
    streaming: live.streaming,
    firstEventTimeoutMs: resolved.firstEventTimeoutMs,
    clockSkewMs: resolved.window.clockSkewMs,
    answeredMeans,
    report,
    bound: live.replayHeld,
    connection,
    log,
    disposed: isDisposed,
  })

  const recoverCalls = createCallRecovery({
    api,
    calls,
    poll,
    userId: options.userId,
    answeredMeans,
    report,
    follow: follower.follow,
    log,
    disposed: isDisposed,
  })

  const startCall = createPlaceCalls({
    api,
    calls,
    userId: options.userId,
    rules,
    createTrackingId: resolved.createTrackingId,
    report,
    follower,
    live,
    disposed: isDisposed,
  })

  return {
    name: PROVIDER,
    capabilities: { ...NO_CAPABILITIES },
    startCall,
    subscribe(listener) {
      const unsubscribe = hub.subscribe(listener)
      live.open()
      return unsubscribe
    },
    // No hang-up exists in DialStack's API: the person's own phone ends the call.
    hangup: async () =>
      failure(
        dialStackErrors.error(
          'not_supported',
          'DialStack cannot end the call from here: hang up on your phone.',
        ),
      ),
    async snapshot() {
      if (!disposed) await recoverCalls()
      return calls.snapshot()
    },
    dispose() {
      if (disposed) return
      disposed = true
      live.close()
      for (const call of calls.all()) follower.stop(call)
      hub.clear()
    },
  }
}
