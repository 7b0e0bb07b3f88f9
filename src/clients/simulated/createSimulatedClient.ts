import { createCallRegistry } from '../../client-kit/createCallRegistry.js'
import { createEventHub } from '../../client-kit/createEventHub.js'
import { createClientLogger } from '../../client-kit/logger.js'
import type { CallEvent } from '../../core/CallEvent.js'
import { createAfterCallWork } from './afterCallWork.js'
import { createCallControls } from './callControls.js'
import { createCallTimeline, type SimulatedTracked } from './callTimeline.js'
import { createInboundCalls } from './inboundCalls.js'
import {
  resolveSimulatedOptions,
  type SimulatedClientOptions,
  type SimulatedSettings,
} from './options.js'
import type { SimulatedClient } from './SimulatedClient.js'
import { PROVIDER } from './simulatedErrors.js'
import { createSimulatedStarts } from './simulatedStarts.js'
import { createSimulatedStream } from './simulatedStream.js'
import { createSimulatorControl } from './simulatorControl.js'

/**
 * An in-memory telephony provider driven by timers: the default client for Storybook, tests and
 * demos, and the reference implementation of `CallClient`. Deterministic under fake timers.
 *
 * @example
 * const client = createSimulatedClient({ outcome: 'busy' })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createSimulatedClient(options: SimulatedClientOptions = {}): SimulatedClient {
  const { delays, capabilities, historyLimit, idPrefix } = resolveSimulatedOptions(options)
  const settings: SimulatedSettings = {
    outcome: options.outcome,
    deferredDial: options.deferredDial,
    callDurationMs: options.callDurationMs,
  }
  const hub = createEventHub<CallEvent>(createClientLogger(PROVIDER))
  const calls = createCallRegistry<SimulatedTracked>({ historyLimit })
  const stored = options.callStorage?.(calls)
  const stream = createSimulatedStream(hub, stored?.save)
  const timeline = createCallTimeline({
    calls,
    stream,
    delays,
    settings,
    afterCallWork: capabilities.afterCallWork === true,
  })
  /** Aborted on `dispose`: cuts pending starts short so no call appears afterwards. */
  const lifetime = new AbortController()
  const starts = createSimulatedStarts({
    timeline,
    delays,
    settings,
    idPrefix,
    lifetime: lifetime.signal,
    callerIds: options.callerIds,
  })

  const inbound = createInboundCalls({ capabilities, calls, timeline, delays, idPrefix })

  return {
    name: PROVIDER,
    capabilities,
    startCall: starts.startCall,
    subscribe: hub.subscribe,
    answer: inbound.answer,
    decline: inbound.decline,
    ...createCallControls({ capabilities, calls, timeline }),
    ...createAfterCallWork({ capabilities, calls, timeline, dispositions: options.dispositions }),
    ...(options.callerIds && {
      listCallerIds: async () => options.callerIds!.map((callerId) => ({ ...callerId })),
    }),
    snapshot: async () => {
      // Another page's calls go on with their script here, as on a phone system's server.
      for (const call of stored?.adopt() ?? []) timeline.resume(call)
      return calls.snapshot()
    },
    dispose() {
      lifetime.abort()
      for (const call of calls.all()) timeline.stop(call)
      hub.clear()
    },
    control: createSimulatorControl({ calls, timeline, starts, stream, settings, inbound }),
  }
}
