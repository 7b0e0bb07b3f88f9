import { isDtmf } from '../../client-kit/standardErrors.js'
import type { ControlResult } from '../../core/CallClient.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import type { ClientParts } from './ClientParts.js'
import { gwsErrors } from './protocol/gwsErrors.js'
import { toUserData } from './protocol/toUserData.js'

export interface CallOperationsOptions extends Pick<ClientParts, 'api' | 'calls' | 'log' | 'emit'> {
  /** Prefix of the `userData` keys the associated object is flattened into. */
  userDataPrefix: string
}

/**
 * The controls of a live call: each is `POST /api/v2/me/calls/{id}` with its `operationName`
 * (https://docs.genesys.com/Documentation/HTCC/8.5.1/API/AsyncTelephonyOperations). GWS refuses
 * an operation the call's `capabilities` do not list; its `statusCode` becomes the `CallError`.
 */
export function createCallOperations({
  api,
  calls,
  log,
  emit,
  userDataPrefix,
}: CallOperationsOptions) {
  async function operate(id: string, operationName: string, extra?: object) {
    const entry = calls.get(id)
    if (!entry) return failure(gwsErrors.error('not_found', `There is no Genesys call ${id}.`))
    if (entry.ended) return failure(gwsErrors.error('invalid_state', 'The call has already ended.'))
    if (!entry.providerId)
      return failure(gwsErrors.error('invalid_state', 'The call has not reached Genesys yet.'))
    try {
      await api.post(`/calls/${encodeURIComponent(entry.providerId)}`, { operationName, ...extra })
      return success(null)
    } catch (error) {
      return failure(gwsErrors.normalize(error))
    }
  }

  return {
    operate,
    hangup: (id: string) => operate(id, 'Hangup'),
    hold: (id: string) => operate(id, 'Hold'),
    resume(id: string) {
      log.once('retrieve', 'debug', 'Retrieve is sent with no body, like Hold (community usage).')
      return operate(id, 'Retrieve')
    },
    async sendDtmf(id: string, digits: string): Promise<ControlResult> {
      if (!isDtmf(digits)) return failure(gwsErrors.badDtmf(digits))
      return operate(id, 'SendDtmf', { digits })
    },
    /** `UpdateUserData` with the object flattened (an upsert: AttachUserData would duplicate keys). */
    async updateAssociatedObject(
      id: string,
      object: InteractionAssociatedObject,
    ): Promise<ControlResult> {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      const result = await operate(id, 'UpdateUserData', {
        userData: toUserData(object, userDataPrefix),
      })
      const entry = calls.get(id)
      if (result.status === 'success' && entry) {
        entry.object = object
        emit(calls.record(entry, { type: 'updated', associatedObject: object }))
      }
      return result
    },
  }
}

/** Sends a call operation, as every control does. */
export type Operate = ReturnType<typeof createCallOperations>['operate']
