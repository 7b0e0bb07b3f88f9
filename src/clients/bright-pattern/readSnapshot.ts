import type { ClientLogger } from '../../client-kit/logger.js'
import { isCallError } from '../../core/CallError.js'
import type { CallEvent } from '../../core/CallEvent.js'
import { callAdApi } from './callAdApi.js'
import type { WidgetLoader } from './loadWidget.js'
import type { InteractionsState } from './protocol/AdApi.js'
import type { InteractionTracker } from './trackInteractions.js'
import type { WidgetConnection } from './widgetConnection.js'

export interface SnapshotSources {
  ready: WidgetLoader['ready']
  connection: WidgetConnection
  tracker: InteractionTracker
  log: ClientLogger
}

/**
 * The widget's calls as events, from `getInteractionsState()` (see the tracker's `resync`), with
 * the active one; or why there are none (the widget did not load, the agent is signed out). A
 * widget older than 5.24.1 has no `getInteractionsState`: nothing is ended then.
 * https://help.brightpattern.com/latest:AgentDesktop-client-side-javascript-api-specification/getInteractionsState
 */
export async function readSnapshot({
  ready,
  connection,
  tracker,
  log,
}: SnapshotSources): Promise<CallEvent[]> {
  const api = await ready()
  if (isCallError(api)) return [connection.event(api)]
  const at = Date.now()
  let state: InteractionsState | undefined
  if (typeof api.getInteractionsState === 'function') {
    const read = await callAdApi<InteractionsState>('getInteractionsState', () =>
      api.getInteractionsState!(),
    )
    if (!isCallError(read)) state = { interactions: [], activeInteractionId: null, ...read }
    else if (read.code === 'unauthorized') return [connection.closed(read)]
    else log.warn('getInteractionsState failed', read)
  } else log.once('snapshot', 'debug', 'this widget has no getInteractionsState(); no snapshot.')
  const events = tracker.resync(state?.interactions, at)
  const active = state?.activeInteractionId
  if (typeof active === 'string' && active)
    events.push({ type: 'activated', interactionId: tracker.libraryId(active) })
  return events
}
