import { checkStart } from '../../client-kit/checkStart.js'
import { formatDuration } from '../../client-kit/text.js'
import type { StartCallResult } from '../../core/CallClient.js'
import { failure, success } from '../../core/result.js'
import type { ClientParts } from './ClientParts.js'
import type { GenesysClientOptions } from './options.js'
import { gwsErrors } from './protocol/gwsErrors.js'
import { toUserData } from './protocol/toUserData.js'
import type { GenesysTracked } from './trackGenesysCalls.js'

export interface PlaceDialOptions
  extends
    ClientParts,
    Pick<
      GenesysClientOptions,
      'dialString' | 'formatDestination' | 'location' | 'outboundCallerId'
    > {
  correlationKey: string
  userDataPrefix: string
  /** A dial no notification reports within this long fails with `timeout`. */
  firstEventTimeoutMs: number
}

/**
 * `startCall` over `POST /api/v2/me/devices/{id}/calls` `Dial`. GWS answers `{statusCode: 0}`
 * without a call id, so the dial carries the client's tracking id in `userData` (the correlation
 * key, matched in the `Dialing` notification); the call is `initiating` until a notification
 * reports it, and fails if none does in time.
 */
export function createPlaceDial(options: PlaceDialOptions) {
  const { api, calls, log, emit, correlationKey, userDataPrefix, firstEventTimeoutMs } = options

  /** No notification reported the dial in time: fail it, so nothing stays "calling" for ever. */
  function failUnreported(entry: GenesysTracked) {
    if (entry.providerId || entry.ended) return
    log.warn(`no Dialing notification for ${entry.id}`)
    const error = gwsErrors.error(
      'timeout',
      `Genesys did not report the call within ${formatDuration(firstEventTimeoutMs)}. Check your phone before calling again.`,
    )
    emit(calls.record(entry, { type: 'failed', error: error.toJSON() }))
  }

  return async function startCall(
    phoneNumber: string,
    initialObject?: unknown,
    startOptions?: unknown,
  ): Promise<StartCallResult> {
    const checked = checkStart(
      { phoneNumber, initialObject, options: startOptions },
      {
        errors: gwsErrors,
        disposed: options.disposed(),
        dialString: {
          ...options.dialString,
          policy: { unnormalizedLocal: 'pass', ...options.dialString?.policy },
        },
      },
    )
    if (!checked.ok) return checked.result
    const { dialString, associatedObject: object, signal, from } = checked
    const id = `gws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
    const entry: GenesysTracked = { id, at: 0, ended: false, phone: dialString.value, object }
    try {
      const { deviceId } = await options.ready()
      if (signal?.aborted) throw gwsErrors.aborted()
      entry.dest = options.formatDestination?.(dialString) ?? dialString.value
      // Tracked before the POST: the Dialing notification may beat the HTTP reply.
      calls.add(entry)
      // Empty `location` and `outboundCallerId` are left out (JSON drops `undefined`).
      const dial = {
        operationName: 'Dial',
        destination: { phoneNumber: entry.dest },
        userData: { ...toUserData(object, userDataPrefix), [correlationKey]: id },
        location: options.location || undefined,
        // Per call (a start's `from`), else the client-wide default.
        outboundCallerId: from || options.outboundCallerId || undefined,
      }
      await api.post(`/devices/${encodeURIComponent(deviceId)}/calls`, dial, signal)
    } catch (thrown) {
      const reason = signal?.aborted ? gwsErrors.aborted(thrown) : gwsErrors.normalize(thrown)
      if (entry.providerId) emit(calls.record(entry, { type: 'failed', error: reason.toJSON() }))
      else calls.remove(entry)
      return failure(reason)
    }
    if (!entry.providerId) {
      const initiating = { phoneNumber: entry.phone, associatedObject: object }
      emit(
        calls.record(entry, {
          type: 'status',
          status: 'initiating',
          direction: 'outbound',
          ...initiating,
        }),
      )
      entry.timer = setTimeout(() => failUnreported(entry), firstEventTimeoutMs)
    }
    return success({ id })
  }
}
