import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import type { InteractionEventInit } from '../../core/CallEvent.js'
import type { BackendApi } from './backendApi.js'
import type { DialStackTracked } from './DialStackTracked.js'
import type { ResolvedPoll } from './options.js'
import { mapCallLog, type AnsweredMeans } from './protocol/mapCallLog.js'
import { parseTime } from './protocol/parseDialStackEvent.js'

export interface CallRecoveryOptions {
  api: BackendApi
  calls: CallRegistry<DialStackTracked>
  poll: ResolvedPoll | undefined
  userId: string
  answeredMeans: AnsweredMeans
  report(call: DialStackTracked, init: InteractionEventInit, at?: number): void
  follow(call: DialStackTracked): void
  log: ClientLogger
  disposed(): boolean
}

/**
 * Returns `recover()`, run by `snapshot()`: the user's live calls from before this page loaded
 * (another tab, a reload), read from the call log within `poll.snapshotWindowMs` and followed by
 * their log id. Nothing without `poll`; a failed read recovers nothing and is logged.
 */
export function createCallRecovery(options: CallRecoveryOptions): () => Promise<void> {
  const { api, calls, poll } = options
  return async function recover() {
    if (!poll) return
    try {
      const logs = await api.listLogs(options.userId, Date.now() - poll.snapshotWindowMs)
      for (const found of logs) {
        if (options.disposed() || found.status !== null || calls.byProvider(found.id)) continue
        const call = calls.add({
          id: found.id,
          providerId: found.id,
          at: 0,
          ended: false,
          userId: options.userId,
          dialString: found.to_number ?? '',
          dialKind: 'unknown',
          startedAt: parseTime(found.started_at) ?? Date.now(),
        })
        const { init, at } = mapCallLog(found, options.answeredMeans)
        options.report(call, init, at)
        options.follow(call)
      }
    } catch (error) {
      options.log.debug('snapshot could not read the call log.', error)
    }
  }
}
