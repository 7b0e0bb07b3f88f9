import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import { createPoller } from '../../client-kit/createPoller.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { formatDuration } from '../../client-kit/text.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import type { BackendApi } from './backendApi.js'
import type { ConnectionReporter } from './connectionStatus.js'
import type { Correlation } from './correlateCalls.js'
import type { DialStackTracked } from './DialStackTracked.js'
import type { ResolvedPoll } from './options.js'
import { mapCallLog, type AnsweredMeans } from './protocol/mapCallLog.js'
import { dialStackErrors } from './protocol/toDialStackError.js'

/** How calls are followed besides the stream: the call log, read through the app's backend. */
export interface CallFollower {
  /** Starts following a new call: waits for its first event, or polls its log without a stream. */
  follow(call: DialStackTracked): void
  /** An event came for the call: the wait for a first one is over. */
  heard(call: DialStackTracked): void
  /** Follows the call by polling its log (the stream is silent about it, or gave up). */
  startPolling(call: DialStackTracked): void
  /** After the stream (re)opens: what happened while it was down is read from the call log. */
  resync(reconnected: boolean): void
  /** Reads the log of the live calls with no DialStack call id yet (one lookup at a time). */
  resolveUnbound(): void
  /** Stops the timers and the poll of a call. */
  stop(call: DialStackTracked): void
}

export interface CallFollowerOptions {
  api: BackendApi
  calls: CallRegistry<DialStackTracked>
  correlation: Correlation
  /** The call-log poll; without it, only the stream follows calls. */
  poll: ResolvedPoll | undefined
  /** The app configured the events stream. */
  hasEvents: boolean
  /** The events stream is configured and has not given up. */
  streaming(): boolean
  firstEventTimeoutMs: number
  clockSkewMs: number
  answeredMeans: AnsweredMeans
  /** Reports what a log shows for a call. */
  report(call: DialStackTracked, init: InteractionEventInit, at?: number): void
  /** The call was just tied to its DialStack call id (held events may now be its). */
  bound(call: DialStackTracked): void
  /** Without a stream, the polls' health is the connection's. */
  connection: ConnectionReporter
  log: ClientLogger
  disposed(): boolean
}

export function createCallFollower(options: CallFollowerOptions): CallFollower {
  const { api, calls, correlation, poll, log } = options

  /** Reads the call's log and reports what it shows. Throws a `CallError` when the backend fails. */
  async function refresh(call: DialStackTracked): Promise<void> {
    if (!poll || call.ended) return
    const found = call.providerId
      ? await api.readLog(call.userId, call.providerId)
      : correlation.closestLog(
          await api.listLogs(call.userId, call.startedAt - options.clockSkewMs),
          call,
        )
    if (!found || options.disposed() || call.ended) return
    if (call.providerId !== found.id) {
      calls.bindProvider(call, found.id)
      // Events that carried only this call id (and so bound nothing) belong to it now.
      options.bound(call)
    }
    const { init, at } = mapCallLog(found, options.answeredMeans)
    options.report(call, init, at)
  }

  const refreshQuietly = (call: DialStackTracked, why: string) =>
    refresh(call).catch((error: unknown) => log.debug(`${why} failed.`, error))

  function startPolling(call: DialStackTracked) {
    if (!poll || call.poller || call.ended || options.disposed()) return
    clearTimeout(call.timer)
    call.poller = createPoller({
      ...poll,
      poll: async () => {
        await refresh(call)
        return call.ended ? 'done' : undefined
      },
      onSuccess: () => {
        if (!options.streaming()) options.connection.report('open')
      },
      onError: (error, nextDelayMs) => {
        log.debug(`call-log poll failed; trying again in ${formatDuration(nextDelayMs)}.`, error)
        if (!options.streaming())
          options.connection.report('reconnecting', dialStackErrors.normalize(error))
      },
      onExpire: () =>
        log.warn(
          `stopped polling call ${call.id}: still live after ${formatDuration(poll.maxDurationMs)}.`,
        ),
    })
  }

  let resolving = false

  return {
    follow(call) {
      if (options.streaming()) {
        if (!poll) return
        const timeout = options.firstEventTimeoutMs
        call.timer = setTimeout(() => {
          log.once(
            'no-events',
            'warn',
            `no event for a call in ${timeout} ms (outbound calls may not be on the stream): following it by polling the call log.`,
          )
          startPolling(call)
        }, timeout)
      } else if (poll) {
        startPolling(call)
      } else if (!options.hasEvents) {
        log.once(
          'untracked',
          'warn',
          'neither events nor poll is set: calls stay “dialing” after DialStack accepts them.',
        )
      }
    },
    heard(call) {
      clearTimeout(call.timer)
    },
    startPolling,
    resync(reconnected) {
      const live = calls.live()
      if (live.length === 0) return
      const why = reconnected ? 'events stream reconnected' : 'events stream opened'
      if (!poll) {
        log.once(
          'resync',
          'warn',
          `${why} without poll.url: a final state reached while the stream was down may be lost.`,
        )
        return
      }
      log.debug(`${why}: resyncing ${live.length} call(s) from the call log.`)
      for (const call of live) void refreshQuietly(call, 'resync')
    },
    resolveUnbound() {
      // An incoming call is tied by the events that name its caller, not by the outbound log.
      const unbound = calls.live().filter((call) => !call.providerId && !call.inbound)
      if (!poll || resolving || unbound.length === 0) return
      resolving = true
      void Promise.allSettled(unbound.map(refresh)).then(() => {
        resolving = false
      })
    },
    stop(call) {
      clearTimeout(call.timer)
      call.poller?.stop()
    },
  }
}
