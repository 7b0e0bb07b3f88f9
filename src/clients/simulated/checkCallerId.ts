import { CallError } from '../../core/CallError.js'
import type { CallerId } from '../../core/CallClient.js'

/**
 * Refuses a start's caller ID that the simulated person may not call from, as a provider refuses
 * a number it does not own (Bright Pattern error 19 `no_permissions_did_call`). `undefined` is
 * the provider's default and always allowed.
 */
export function checkCallerId(
  callerIds: readonly CallerId[] | undefined,
  from: unknown,
): CallError | undefined {
  if (from === undefined) return undefined
  if (!callerIds)
    return new CallError(
      'not_supported',
      'This phone system cannot choose the number a call comes from.',
    )
  if (typeof from === 'string' && callerIds.some((callerId) => callerId.number === from))
    return undefined
  return new CallError(
    'invalid_argument',
    `You cannot call from ${String(from)}: choose one of your own numbers.`,
  )
}
