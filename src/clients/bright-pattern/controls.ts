import { isDtmf } from '../../client-kit/standardErrors.js'
import type { ControlResult } from '../../core/CallClient.js'
import { isCallError } from '../../core/CallError.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { callAdApi } from './callAdApi.js'
import type { AdApi } from './protocol/AdApi.js'
import { bpErrors, CANNOT_DO } from './protocol/brightPatternErrors.js'
import type { ClientParts } from './ClientParts.js'
import { widgetWith } from './widgetWith.js'

export interface ControlsOptions extends ClientParts {
  hangupMethod?: 'leave' | 'leaveAndComplete'
}

/**
 * The call controls, each an `adApi` method on the widget's interaction behind the library's id:
 * `leaveInteraction` (or `leaveAndCompleteInteraction`), `setCallHold`, `setCallMute`,
 * `sendDtmf`, `addInteractionAssociatedObject`, and `acceptInteraction` / `rejectInteraction`
 * for an offered inbound call. A deferred dial not dialed yet has no
 * interaction: a hang-up cancels it, anything else is refused.
 */
export function createControls(options: ControlsOptions) {
  const { tracker, widget, log } = options

  /** The widget's id behind a library id (a deferred dial's tracking id once the agent dialed it). */
  const widgetId = (id: string) => tracker.call(id)?.providerId ?? id

  /**
   * Calls `adApi[method](...args, widgetId)` on the interaction behind `id`, then
   * `after(widgetId)` when the widget accepted it.
   */
  async function control(
    id: string,
    method: keyof AdApi,
    args: unknown[],
    after?: (target: string) => void,
  ): Promise<ControlResult> {
    if (options.disposed()) return failure(bpErrors.disposed())
    if (tracker.call(id)?.digits)
      return failure(
        bpErrors.error(
          'invalid_state',
          'Not dialed yet. Press Dial in the Bright Pattern widget first.',
        ),
      )
    const api = await widgetWith(widget, method, () =>
      bpErrors.error('not_supported', CANNOT_DO, { name: method }),
    )
    if (isCallError(api)) return failure(api)
    const target = widgetId(id)
    const result = await callAdApi(method, () =>
      (api as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!(...args, target),
    )
    if (isCallError(result)) return failure(result)
    after?.(target)
    return success(null)
  }

  return {
    control,
    async hangup(id: string): Promise<ControlResult> {
      if (options.disposed()) return failure(bpErrors.disposed())
      const call = tracker.call(id)
      if (call) call.hungUp = true
      // Nothing was dialed yet: dropping the deferred call is all a hang-up can mean.
      if (call?.digits) {
        options.deferrals.cancel(call)
        return success(null)
      }
      if (options.hangupMethod === 'leaveAndComplete')
        return control(id, 'leaveAndCompleteInteraction', [undefined, undefined])
      log.once(
        'leave',
        'debug',
        'hanging up with leaveInteraction (assumed to release the agent’s leg; wrap-up may follow).',
      )
      return control(id, 'leaveInteraction', [])
    },
    answer: (id: string) => control(id, 'acceptInteraction', []),
    async decline(id: string): Promise<ControlResult> {
      // Marked first: the widget may report the removal before it answers the request.
      const call = tracker.call(id)
      const before = call?.declined
      if (call) call.declined = true
      const result = await control(id, 'rejectInteraction', [])
      if (call && result.status === 'error') call.declined = before
      return result
    },
    hold: (id: string) => control(id, 'setCallHold', [true]),
    resume: (id: string) => control(id, 'setCallHold', [false]),
    mute: (id: string, muted: boolean) => control(id, 'setCallMute', [muted]),
    async sendDtmf(id: string, digits: string): Promise<ControlResult> {
      if (!isDtmf(digits)) return failure(bpErrors.badDtmf(digits))
      return control(id, 'sendDtmf', [digits])
    },
    async updateAssociatedObject(
      id: string,
      object: InteractionAssociatedObject,
    ): Promise<ControlResult> {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      return control(id, 'addInteractionAssociatedObject', [object], (target) => {
        // The widget does not report this change back: say so now. Hold and mute are not confirmed
        // this way: the widget reports them itself, in order, and an early confirmation could be
        // overtaken by the widget's older event (it has no sequence number).
        // Only a call this client follows is reported (the store would take an unknown id for a
        // new call that never ends); an unknown id is not tracked from here either.
        const call = tracker.byWidget(target)
        if (call) options.emit(tracker.setObject(call, object))
      })
    },
  }
}

export type Controls = ReturnType<typeof createControls>
