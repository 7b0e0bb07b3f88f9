import { CallError } from './CallError.js'
import type { StartCallResult } from './CallClient.js'

/** What a start's envelope means, across the shapes providers return. */
export type StartOutcome =
  { kind: 'started'; id: string } | { kind: 'deferred' } | { kind: 'failed'; error: CallError }

/**
 * Reads a start's envelope: an error envelope fails; `data.error` inside a success fails too
 * (Bright Pattern's `"Timeout error"`); `data.id === null` without an error is a deferred dial.
 */
export function interpretStartResult(result: StartCallResult, provider = 'unknown'): StartOutcome {
  if (result.status === 'error') return { kind: 'failed', error: result.error }
  const { id, error } = result.data
  if (error) {
    const timeout = /timeout/i.test(error)
    return {
      kind: 'failed',
      error: new CallError(
        timeout ? 'timeout' : 'provider_error',
        timeout
          ? 'The phone system did not answer in time. Try again.'
          : 'The phone system could not start the call.',
        { provider: { provider, message: error } },
      ),
    }
  }
  return id === null ? { kind: 'deferred' } : { kind: 'started', id }
}
