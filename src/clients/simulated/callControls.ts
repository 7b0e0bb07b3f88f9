import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import { isDtmf } from '../../client-kit/standardErrors.js'
import type { CallCapabilities, ControlResult } from '../../core/CallClient.js'
import type { CallStatus } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import type { CallTimeline, SimulatedTracked } from './callTimeline.js'
import type { SimulatedClient } from './SimulatedClient.js'
import { simulatedErrors } from './simulatedErrors.js'

export type CallControls = Pick<
  SimulatedClient,
  'hangup' | 'hold' | 'resume' | 'mute' | 'sendDtmf' | 'updateAssociatedObject'
>

export interface CallControlsOptions {
  capabilities: CallCapabilities
  calls: CallRegistry<SimulatedTracked>
  timeline: CallTimeline
}

const LIVE: readonly CallStatus[] = ['dialing', 'ringing', 'connected', 'held']

/**
 * The controls of a live call, each allowed only in the states where a phone allows it, and
 * refused with `not_supported` when its capability was turned off: a provider that lacks a
 * control says so rather than ignoring it.
 */
export function createCallControls({
  capabilities,
  calls,
  timeline,
}: CallControlsOptions): CallControls {
  async function control(
    id: string,
    capability: keyof CallCapabilities,
    action: string,
    allowed: readonly CallStatus[],
    act: (call: SimulatedTracked) => void,
  ): Promise<ControlResult> {
    if (!capabilities[capability]) return failure(simulatedErrors.notSupported(action))
    const call = calls.get(id)
    if (!call) return failure(simulatedErrors.error('not_found', `There is no call ${id}.`))
    if (!allowed.includes(call.status)) {
      return failure(
        simulatedErrors.error(
          'invalid_state',
          `This can't be done while the call is ${call.status}.`,
        ),
      )
    }
    act(call)
    return success(null)
  }

  return {
    hangup: (id) =>
      control(id, 'hangup', 'hang up', LIVE, (call) =>
        timeline.end(
          call,
          call.status === 'connected' || call.status === 'held' ? 'completed' : 'canceled',
        ),
      ),
    hold: (id) =>
      control(id, 'hold', 'hold the call', ['connected'], (call) =>
        timeline.setStatus(call, 'held'),
      ),
    resume: (id) =>
      control(id, 'hold', 'resume the call', ['held'], (call) =>
        timeline.setStatus(call, 'connected'),
      ),
    mute: (id, muted) =>
      control(id, 'mute', 'mute the call', ['connected', 'held'], (call) => {
        call.muted = muted
        timeline.report(call, { type: 'updated', muted })
      }),
    async sendDtmf(id, digits) {
      if (!capabilities.dtmf) return failure(simulatedErrors.notSupported('send tones'))
      if (!isDtmf(digits)) return failure(simulatedErrors.badDtmf(digits))
      return control(id, 'dtmf', 'send tones', ['connected'], (call) => {
        call.dtmf += digits
      })
    },
    async updateAssociatedObject(id, object) {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      return control(id, 'updateAssociatedObject', 'change the record', LIVE, (call) => {
        call.associatedObject = object
        timeline.report(call, { type: 'updated' })
      })
    },
  }
}
