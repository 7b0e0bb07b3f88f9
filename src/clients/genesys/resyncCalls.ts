import { createBackoff } from '../../client-kit/backoff.js'
import type { InteractionEvent } from '../../core/CallEvent.js'
import type { ClientParts } from './ClientParts.js'
import type { GenesysTracker } from './trackGenesysCalls.js'

export interface ResyncOptions extends Pick<ClientParts, 'api' | 'log' | 'emit' | 'disposed'> {
  tracker: GenesysTracker
  /** The session; its agent number tells inbound internal calls. */
  ready: ClientParts['ready']
}

/**
 * The calls' state read from `GET /api/v2/me/calls?fields=*` (without `fields`, GWS lists URIs
 * only: https://docs.genesys.com/Documentation:GWS:API:RequestParameters:8.5.0), for `snapshot()`
 * and after a lost Bayeux session, when notifications may have been missed
 * (https://docs.genesys.com/Documentation/GWS/8.6.0/API/RecoveringExistingState).
 */
export function createResync({ api, log, emit, disposed, tracker, ready }: ResyncOptions) {
  const backoff = createBackoff({ initialMs: 1_000, maxMs: 30_000 })
  let retry: ReturnType<typeof setTimeout> | undefined

  /** Reads the calls' state; `undefined` when GWS's answer does not say (nothing is ended then). */
  async function readCalls(): Promise<InteractionEvent[] | undefined> {
    const session = await ready()
    return tracker.readList(await api.get('/calls?fields=*'), session.agentNumber)
  }

  /** After a lost Bayeux session: read the calls, retrying with backoff until GWS says. */
  async function resync() {
    clearTimeout(retry)
    const events = await readCalls().catch((error: unknown) => {
      log.warn('reading the calls after a reconnect failed; trying again.', error)
      return undefined
    })
    if (disposed()) return
    if (events) {
      backoff.reset()
      events.forEach(emit)
    } else retry = setTimeout(() => void resync(), backoff.fail())
  }

  return { readCalls, resync, stop: () => clearTimeout(retry) }
}
