import type { ControlResult, Disposition, WrapUpResult } from '../../core/CallClient.js'
import { isCallError, type CallError } from '../../core/CallError.js'
import { failure, success } from '../../core/result.js'
import type { OperationResult } from '../../core/types.js'
import { callAdApi } from './callAdApi.js'
import type { ClientParts } from './ClientParts.js'
import type { Controls } from './controls.js'
import type { DispositionData } from './protocol/AdApi.js'
import { bpErrors } from './protocol/brightPatternErrors.js'
import { widgetWith } from './widgetWith.js'

export interface AfterCallWorkOptions extends ClientParts {
  control: Controls['control']
  /** Which field of `DispositionData` is a disposition's value (what `leaveAndCompleteInteraction` gets). */
  dispositionValue: 'id' | 'code' | 'name'
}

/**
 * The widget's after-call work (wrap-up): a call that ends into `wrap_up` is `ended` with
 * `afterCallWork`, and `completed` once the agent is done, here (`completeWrapUp`) or in the
 * widget. The dispositions come from `getDispositionsList({ interactionId })`; completing sends
 * `leaveAndCompleteInteraction(disposition, note, interactionId)`, which sets both and completes
 * in one step. A call that ended without after-call work has nothing to complete.
 */
export function createAfterCallWork(options: AfterCallWorkOptions) {
  const { tracker, emit } = options

  return {
    async listDispositions(id?: string): Promise<OperationResult<Disposition[], CallError>> {
      if (options.disposed()) return failure(bpErrors.disposed())
      const api = await widgetWith(options.widget, 'getDispositionsList', () =>
        bpErrors.notSupported('list dispositions'),
      )
      if (isCallError(api)) return failure(api)
      const widgetId = id === undefined ? undefined : (tracker.call(id)?.providerId ?? id)
      const list = await callAdApi<DispositionData[]>('getDispositionsList', () =>
        api.getDispositionsList!(widgetId === undefined ? {} : { interactionId: widgetId }),
      )
      if (isCallError(list)) return failure(list)
      return success(
        (Array.isArray(list) ? list : []).map((item) => ({
          value: String(item[options.dispositionValue] ?? item.id),
          label: item.name || item.code || item.id,
        })),
      )
    },

    async completeWrapUp(id: string, result: WrapUpResult): Promise<ControlResult> {
      const call = tracker.call(id)
      if (!call)
        return failure(bpErrors.error('not_found', `There is no Bright Pattern call ${id}.`))
      if (!call.ended)
        return failure(bpErrors.error('invalid_state', 'The call is still live: hang up first.'))
      if (!call.inWrapUp) return success(null)
      const { disposition, notes } = result
      const sent = await options.control(id, 'leaveAndCompleteInteraction', [
        disposition || undefined,
        notes?.trim() ? notes : undefined,
      ])
      if (sent.status === 'success') emit(tracker.complete(call))
      return sent
    },
  }
}
