import { checkStart } from '../../client-kit/checkStart.js'
import { formatDuration, isText } from '../../client-kit/text.js'
import type { StartCallResult } from '../../core/CallClient.js'
import { isCallError, type CallError } from '../../core/CallError.js'
import { failure, success } from '../../core/result.js'
import type { InitiateResult, InteractionAssociatedObject } from '../../core/types.js'
import { callAdApi } from './callAdApi.js'
import type { AdApiStartCallData } from './protocol/AdApi.js'
import { bpErrors, TOO_SLOW } from './protocol/brightPatternErrors.js'
import { interactionIdOf } from './protocol/readInteraction.js'
import type { ClientParts } from './ClientParts.js'

export interface PlaceCallOptions extends ClientParts {
  /** A started call with no widget event for this long fails with `timeout`. */
  firstEventTimeoutMs: number
  /** Chooses the DID a start's `from` names, before the call. */
  selectCallerId(from: string): Promise<CallError | undefined>
}

/**
 * `startCall` over `adApi.startCall(phone, object)`: the kit's start checks (national numbers pass
 * as typed: the widget dials what it gets), then the widget's answer read in every documented
 * shape: an id (the call is `initiating` until the widget reports it, and fails if it never
 * does), `data.error` (`"Timeout error"`), or no id (Deferred Dial).
 */
export function createPlaceCall(options: PlaceCallOptions) {
  const { tracker, deferrals, widget, log, emit } = options

  /** A call `startCall` created: `initiating` until the widget reports it, `failed` if it never does. */
  function started(id: string, phoneNumber: string, object?: InteractionAssociatedObject) {
    const call = tracker.track(id)
    call.phoneNumber ??= phoneNumber
    if (object) call.associatedObject ??= object
    // The widget may have reported the interaction before answering startCall.
    if (call.seen || call.ended) return
    const fields = { phoneNumber: call.phoneNumber, direction: 'outbound' as const }
    const { associatedObject } = call
    emit(
      tracker.record(call, {
        type: 'status',
        status: 'initiating',
        ...fields,
        ...(associatedObject && { associatedObject }),
      }),
    )
    // startCall may answer the same id twice: one timer per call.
    clearTimeout(call.timer)
    call.timer = setTimeout(() => {
      if (call.seen || call.ended) return
      log.warn(`no event for interaction ${id} within firstEventTimeoutMs; it failed.`)
      const error = bpErrors.error(
        'timeout',
        'Bright Pattern accepted the call but reported nothing about it. Check the call in the widget.',
        {
          name: 'start_timeout',
          message: `No event within ${formatDuration(options.firstEventTimeoutMs)}.`,
        },
      )
      emit(tracker.record(call, { type: 'failed', error: error.toJSON(), phoneNumber }))
    }, options.firstEventTimeoutMs)
  }

  /** Reads `startCall`'s data: `InitiateResult`, or `InteractionData` from an older widget. */
  function readStart(
    data: AdApiStartCallData | undefined,
    phoneNumber: string,
    object: InteractionAssociatedObject | undefined,
  ): StartCallResult {
    const reported = (data as InitiateResult | undefined)?.error
    if (isText(reported)) {
      const timeout = /timeout/i.test(reported)
      const message = timeout ? TOO_SLOW : 'Bright Pattern could not start the call. Try again.'
      return failure(
        bpErrors.error(timeout ? 'timeout' : 'provider_error', message, { message: reported }),
      )
    }
    const id = interactionIdOf(data)
    if (!id) {
      if (!data) log.debug('startCall resolved without data; read as a deferred dial.')
      deferrals.defer(phoneNumber, object)
      return success({ id: null })
    }
    if (data && 'state' in data) emit(tracker.report(data))
    started(id, phoneNumber, object)
    return success({ id: tracker.libraryId(id) })
  }

  function place(
    phoneNumber: string,
    object: InteractionAssociatedObject | undefined,
    from: string | undefined,
  ) {
    return deferrals.starting(phoneNumber, async (): Promise<StartCallResult> => {
      const api = await widget.ready()
      if (isCallError(api)) return failure(api)
      // The DID is the widget's selection for the next call: chosen right before it.
      const refused = from === undefined ? undefined : await options.selectCallerId(from)
      if (refused) return failure(refused)
      const result = await callAdApi<AdApiStartCallData>('startCall', () =>
        object === undefined ? api.startCall(phoneNumber) : api.startCall(phoneNumber, object),
      )
      if (options.disposed()) return failure(bpErrors.disposed())
      if (!isCallError(result)) return readStart(result, phoneNumber, object)
      log.debug(`startCall failed with ${result.code}`, result.provider)
      return failure(result)
    })
  }

  return async function startCall(
    phoneNumber: string,
    initialObject?: unknown,
    startOptions?: unknown,
  ): Promise<StartCallResult> {
    const checked = checkStart(
      { phoneNumber, initialObject, options: startOptions },
      {
        errors: bpErrors,
        disposed: options.disposed(),
        dialString: { policy: { unnormalizedLocal: 'pass' } },
      },
    )
    if (!checked.ok) return checked.result
    const { dialString, associatedObject, signal, from } = checked
    const placing = place(dialString.value, associatedObject, from)
    if (!signal) return placing
    // The widget cannot take a start back: an abort stops the wait; a call it still places shows up through its callbacks.
    return new Promise<StartCallResult>((resolve) => {
      const onAbort = () => resolve(failure(bpErrors.aborted(signal.reason)))
      signal.addEventListener('abort', onAbort, { once: true })
      void placing.then((result) => {
        signal.removeEventListener('abort', onAbort)
        resolve(result)
      })
    })
  }
}
