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

/** What the client hands its after-call work. */
export interface AfterCallWorkParts extends ClientParts {
  control: Controls['control']
}

/** Options of `brightPatternAfterCallWork`. */
export interface BrightPatternAfterCallWorkOptions {
  /**
   * Which field of the widget's dispositions (`getDispositionsList`: `{ id, code, name, type }`)
   * is a disposition's value, the one `completeWrapUp` hands to `leaveAndCompleteInteraction`.
   * The vendor's sample labels that input "Disposition id/code/name"; which one a tenant takes is
   * not documented.
   * @default 'id'
   */
  dispositionValue?: 'id' | 'code' | 'name'
}

/** The after-call work of a Bright Pattern client: `createBrightPatternClient({ afterCallWork: brightPatternAfterCallWork() })`. */
export type BrightPatternAfterCallWork = (parts: AfterCallWorkParts) => AfterCallWork

/** What the client uses of its after-call work. */
export interface AfterCallWork {
  listDispositions(id?: string): Promise<OperationResult<Disposition[], CallError>>
  completeWrapUp(id: string, result: WrapUpResult): Promise<ControlResult>
}

/**
 * The widget's after-call work (wrap-up): a call that ends into `wrap_up` is `ended` with
 * `afterCallWork`, and `completed` once the agent is done, here (`completeWrapUp`) or in the
 * widget. The dispositions come from `getDispositionsList({ interactionId })`; completing sends
 * `leaveAndCompleteInteraction(disposition, note, interactionId)`, which sets both and completes
 * in one step. A call that ended without after-call work has nothing to complete.
 *
 * Its own export, so that an app that leaves the wrap-up to the widget pays nothing for it. Without
 * it the widget still keeps the agent in after-call work (the call ends with `afterCallWork`, and
 * `completed` follows when the agent completes it in the widget).
 *
 * @example
 * createBrightPatternClient({ adApi, afterCallWork: brightPatternAfterCallWork() })
 */
export function brightPatternAfterCallWork({
  dispositionValue = 'id',
}: BrightPatternAfterCallWorkOptions = {}): BrightPatternAfterCallWork {
  return (parts) => createAfterCallWork(dispositionValue, parts)
}

function createAfterCallWork(
  dispositionValue: NonNullable<BrightPatternAfterCallWorkOptions['dispositionValue']>,
  options: AfterCallWorkParts,
): AfterCallWork {
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
          value: String(item[dispositionValue] ?? item.id),
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
