import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { EventHub } from '../../client-kit/createEventHub.js'
import { isDtmf } from '../../client-kit/standardErrors.js'
import type { ControlResult } from '../../core/CallClient.js'
import type { CallEvent, InteractionEventInit } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import type { CallFollower, TetherTracked } from './followCall.js'
import type { TetherClientOptions } from './options.js'
import { tetherErrors } from './protocol/tetherErrors.js'

/** The controls of a call: Tether has no control endpoint, so each goes through the app's voice SDK. */
export interface VoiceControls {
  hangup(interactionId: string): Promise<ControlResult>
  hold(interactionId: string): Promise<ControlResult>
  resume(interactionId: string): Promise<ControlResult>
  mute(interactionId: string, muted: boolean): Promise<ControlResult>
  sendDtmf(interactionId: string, digits: string): Promise<ControlResult>
}

export interface VoiceControlsOptions {
  sdk: Pick<TetherClientOptions, 'hangup' | 'hold' | 'mute' | 'sendDtmf'>
  calls: CallRegistry<TetherTracked>
  hub: EventHub<CallEvent>
  follower: CallFollower
}

/**
 * `hangup`, `hold`/`resume`, `mute` and `sendDtmf` through the callbacks the app passed; each
 * resolves `not_supported` without its callback. What the voice SDK threw is appended to the
 * message (its own words, e.g. "Microphone permission denied").
 */
export function createVoiceControls({
  sdk,
  calls,
  hub,
  follower,
}: VoiceControlsOptions): VoiceControls {
  async function run(
    interactionId: string,
    name: 'hangup' | 'hold' | 'mute' | 'sendDtmf',
    action: string,
    invoke: () => unknown,
    after?: (call: TetherTracked) => InteractionEventInit | void,
  ): Promise<ControlResult> {
    if (!sdk[name]) return failure(tetherErrors.notSupported(action))
    const call = calls.get(interactionId)
    if (call?.ended)
      return failure(tetherErrors.error('invalid_state', 'This call has already ended.'))
    try {
      await invoke()
    } catch (error) {
      return failure(
        tetherErrors.fromThrown(error, `Could not ${action}. Use your phone instead.`, {
          name,
          appendThrown: true,
        }),
      )
    }
    const init = call && after?.(call)
    const event = init && calls.record(call, init)
    if (event) hub.emit(event)
    return success(null)
  }

  return {
    hangup: (id) =>
      run(
        id,
        'hangup',
        'hang up',
        () => sdk.hangup?.(id),
        // Tether learns of the hang-up from the voice provider: fetch the record now.
        (call) => follower.pollNow(call),
      ),
    // Tether's record has no hold state: the SDK's success is the only signal there is.
    hold: (id) =>
      run(
        id,
        'hold',
        'hold the call',
        () => sdk.hold?.(id, true),
        () => ({ type: 'status', status: 'held' }),
      ),
    resume: (id) =>
      run(
        id,
        'hold',
        'resume the call',
        () => sdk.hold?.(id, false),
        () => ({ type: 'status', status: 'connected' }),
      ),
    mute: (id, muted) =>
      run(
        id,
        'mute',
        muted ? 'mute the call' : 'unmute the call',
        () => sdk.mute?.(id, muted),
        () => ({ type: 'updated', muted }),
      ),
    async sendDtmf(id, digits) {
      if (sdk.sendDtmf && !isDtmf(digits)) return failure(tetherErrors.badDtmf(digits))
      return run(id, 'sendDtmf', 'send tones', () => sdk.sendDtmf?.(id, digits))
    },
  }
}
