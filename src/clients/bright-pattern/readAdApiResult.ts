import { CallError } from '../../core/CallError.js'
import type { ResultError } from '../../core/types.js'
import { PROVIDER, resultErrorToCallError, thrownToCallError } from './brightPatternError.js'

/** An `adApi` result read into one shape. */
export type AdApiOutcome<T> = { ok: true; data: T | undefined } | { ok: false; error: CallError }

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * Reads an `adApi` result in either envelope: the latest, discriminated on `status`, or the 5.19
 * form `{ status, data?, error? }`. `status` decides when present; without it, an `error` object
 * means failure.
 */
export function readAdApiResult<T>(raw: unknown, method: string): AdApiOutcome<T> {
  if (!isObject(raw)) {
    return {
      ok: false,
      error: new CallError('provider_error', 'The Bright Pattern widget gave an answer this library does not understand.', {
        provider: { provider: PROVIDER, name: method, message: `${method} resolved to ${String(raw)}` },
      }),
    }
  }
  const { status, data, error } = raw
  const failed = status === 'error' || (status !== 'success' && isObject(error))
  if (failed) return { ok: false, error: resultErrorToCallError(isObject(error) ? (error as Partial<ResultError>) : undefined) }
  return { ok: true, data: data as T | undefined }
}

/**
 * Calls an `adApi` method and reads its result. A throw (a detached iframe, a missing method)
 * becomes a `provider_error`, so callers always get an outcome.
 */
export async function callAdApi<T>(method: string, call: () => unknown): Promise<AdApiOutcome<T>> {
  try {
    return readAdApiResult<T>(await call(), method)
  } catch (thrown) {
    return { ok: false, error: thrownToCallError(thrown, method) }
  }
}
