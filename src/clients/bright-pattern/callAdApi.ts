import type { CallError } from '../../core/CallError.js'
import type { ResultError } from '../../core/types.js'
import { isRecord, messageOf } from '../../client-kit/text.js'
import { bpErrors, resultErrorToCallError } from './protocol/brightPatternErrors.js'

/**
 * Calls an `adApi` method and reads its result in either envelope: the latest, discriminated on
 * `status`, or the 5.19 form `{ status, data?, error? }` (`status` decides when present; without
 * it, an `error` object means failure). Resolves to the data, or to a `CallError`; never rejects:
 * a throw (a detached iframe, a missing method) or an answer that is no envelope is a `provider_error`.
 */
export async function callAdApi<T>(
  method: string,
  call: () => unknown,
): Promise<T | undefined | CallError> {
  try {
    const raw = await call()
    // An answer that is no envelope fails like a throw.
    if (!isRecord(raw)) throw raw
    const { status, data, error } = raw
    const failed = status === 'error' || (status !== 'success' && isRecord(error))
    return failed
      ? resultErrorToCallError(isRecord(error) ? (error as Partial<ResultError>) : undefined)
      : (data as T | undefined)
  } catch (thrown) {
    return bpErrors.error(
      'provider_error',
      'The Bright Pattern widget failed. Reload the page and try again.',
      { name: method, message: messageOf(thrown) },
      thrown,
    )
  }
}
