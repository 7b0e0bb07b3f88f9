import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { CallCapabilities, ControlResult } from '../../core/CallClient.js'
import { parseDialString } from '../../core/parseDialString.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import type { CallTimeline, SimulatedTracked } from './callTimeline.js'
import type { SimulatedDelays } from './options.js'
import { simulatedErrors } from './simulatedErrors.js'

/** An inbound call to ring the agent with (`control.ring`). */
export interface SimulatedRing {
  /** The caller's number (E.164, an extension …). */
  from: string
  /** The record the call comes with, as a provider that already knows the caller would send it. */
  associatedObject?: InteractionAssociatedObject
  /**
   * The agent picks up by itself after this long (on a desk phone, say). Without it the call rings
   * until `answer`, `decline`, or it rings out after `delays.noAnswer` (`missed`).
   */
  answerAfterMs?: number
}

export interface InboundCalls {
  /** Rings the agent with an inbound call; returns its id. Throws for a number no phone shows. */
  ring(options: SimulatedRing): string
  answer(interactionId: string): Promise<ControlResult>
  decline(interactionId: string): Promise<ControlResult>
}

export interface InboundCallsOptions {
  capabilities: CallCapabilities
  calls: CallRegistry<SimulatedTracked>
  timeline: CallTimeline
  delays: SimulatedDelays
  idPrefix: string
}

/**
 * Inbound calls: they ring (`ringing`, `direction: 'inbound'`), then are answered (`connected`),
 * declined (`ended`, `declined`) or ring out (`ended`, `missed`).
 */
export function createInboundCalls({
  capabilities,
  calls,
  timeline,
  delays,
  idPrefix,
}: InboundCallsOptions): InboundCalls {
  let next = 1

  function ringing(
    id: string,
    capability: 'answer' | 'decline',
    action: string,
  ): SimulatedTracked | ControlResult {
    if (!capabilities[capability]) return failure(simulatedErrors.notSupported(action))
    const call = calls.get(id)
    if (!call) return failure(simulatedErrors.error('not_found', `There is no call ${id}.`))
    if (call.direction !== 'inbound' || call.status !== 'ringing')
      return failure(
        simulatedErrors.error('invalid_state', `Only a ringing inbound call can be ${action}ed.`),
      )
    return call
  }

  return {
    ring({ from, associatedObject, answerAfterMs }) {
      const parsed = parseDialString(from, { policy: { unnormalizedLocal: 'pass' } })
      if (!parsed.ok) throw new Error(`control.ring: ${parsed.error.message}`)
      if (associatedObject !== undefined) {
        const checked = validateAssociatedObject(associatedObject)
        if (!checked.ok) throw new Error(`control.ring: ${checked.error.message}`)
      }
      const call = calls.add({
        id: `${idPrefix}in-${next++}`,
        at: 0,
        ended: false,
        phoneNumber: parsed.dialString.value,
        direction: 'inbound',
        status: 'ringing',
        muted: false,
        dtmf: '',
        seq: 0,
        ...(associatedObject && { associatedObject }),
      })
      // Scheduled before the event, so the calls stored after it keep the script.
      if (answerAfterMs === undefined)
        timeline.schedule(call, 'missed', Date.now() + delays.noAnswer)
      else timeline.schedule(call, 'pickup', Date.now() + answerAfterMs)
      timeline.setStatus(call, 'ringing')
      return call.id
    },
    async answer(id) {
      const call = ringing(id, 'answer', 'answer')
      if (!('id' in call)) return call
      timeline.unscript(call)
      timeline.setStatus(call, 'connected')
      return success(null)
    },
    async decline(id) {
      const call = ringing(id, 'decline', 'decline')
      if (!('id' in call)) return call
      timeline.end(call, 'declined')
      return success(null)
    },
  }
}
