import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { CallTimeline, SimulatedTracked } from './callTimeline.js'
import type { InboundCalls } from './inboundCalls.js'
import type { SimulatedSettings } from './options.js'
import type { SimulatedControl } from './SimulatedClient.js'
import { simulatedErrors } from './simulatedErrors.js'
import type { SimulatedStarts } from './simulatedStarts.js'
import type { SimulatedStream } from './simulatedStream.js'

export interface SimulatorControlOptions {
  calls: CallRegistry<SimulatedTracked>
  timeline: CallTimeline
  starts: SimulatedStarts
  stream: SimulatedStream
  /** Changed in place by `setOptions`: the timeline and the starts read it at each step. */
  settings: SimulatedSettings
  inbound: InboundCalls
}

/**
 * `client.control`: what a story or a test does in the provider's place (the far end answers,
 * the carrier fails, the stream drops, an event comes twice or late).
 */
export function createSimulatorControl({
  calls,
  timeline,
  starts,
  stream,
  settings,
  inbound,
}: SimulatorControlOptions): SimulatedControl {
  /** Runs `act` on a call still tracked; does nothing for a call unknown or forgotten. */
  const on = (id: string, act: (call: SimulatedTracked) => void) => {
    const call = calls.get(id)
    if (call) act(call)
  }

  return {
    get requests() {
      return starts.requests
    },
    calls: () =>
      calls
        .all()
        .map(({ id, phoneNumber, associatedObject, direction, status, muted, dtmf, wrapUp }) => ({
          id,
          phoneNumber,
          ...(direction && { direction }),
          status,
          muted,
          dtmf,
          ...(associatedObject && { associatedObject }),
          ...(wrapUp && { wrapUp }),
        })),
    ring: inbound.ring,
    setOptions(next) {
      Object.assign(settings, next)
    },
    advance: (id) => on(id, timeline.advance),
    end: (id, outcome = 'completed') => on(id, (call) => timeline.end(call, outcome)),
    fail: (id, message) => on(id, (call) => timeline.fail(call, message)),
    failNextStart(code, message = 'The phone system refused the call.') {
      starts.failNext(simulatedErrors.error(code, message))
    },
    dropStream: () => stream.drop(),
    restoreStream: () => stream.restore(calls.snapshot()),
    emitDuplicate(id) {
      const last = calls.get(id)?.last
      if (last) stream.deliver(last)
    },
    emitStale(id, status = 'dialing') {
      on(id, (call) => {
        if (!call.last) return
        stream.deliver({
          type: 'status',
          status,
          interactionId: id,
          at: call.last.at - 1,
          seq: Math.max(0, call.seq - 1),
          rawState: status,
        })
      })
    },
  }
}
