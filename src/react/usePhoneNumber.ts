import { useMemo } from 'react'
import type { DialStringResult } from '../core/parseDialString.js'
import { useCallContext } from './CallContext.js'

export interface UsePhoneNumberResult {
  /** The number checked with the provider's rules (region, metadata, dial policy). */
  result: DialStringResult
  /**
   * The number for display: international format when `CallProvider` has phone metadata,
   * else the number as given. Never send this one: send `result.dialString.value`.
   */
  display: string
}

/** The display form of a checked number: the metadata's format, else the input as given. */
export function displayPhoneNumber(input: string, result: DialStringResult): string {
  return (result.ok && result.dialString.formatted) || input.trim()
}

/**
 * Checks a number with the provider's rules and formats it for display, as a `CallButton` or a
 * banner needs it. Re-checks only when the number changes.
 *
 * @example
 * const { result, display } = usePhoneNumber('+14165550199')
 * result.ok // true
 * display // "+1 416 555 0199" with phone metadata, else "+14165550199"
 */
export function usePhoneNumber(input: string): UsePhoneNumberResult {
  const { runtime } = useCallContext('usePhoneNumber')
  return useMemo(() => {
    const result = runtime.parse(input)
    return { result, display: displayPhoneNumber(input, result) }
  }, [runtime, input])
}
