import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { CallError } from '../core/CallError.js'
import type { StartCallData, StartCallVariables } from '../core/createCallRuntime.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from './CallContext.js'
import { startCallMutationOptions } from './startCallMutationOptions.js'

/** `useMutation` options other than the ones the start owns (function, key, retry). */
export type UseStartCallOptions = Omit<
  UseMutationOptions<StartCallData, CallError, StartCallVariables>,
  'mutationFn' | 'mutationKey' | 'retry'
>

export type UseStartCallResult = UseMutationResult<StartCallData, CallError, StartCallVariables> & {
  /**
   * Starts a call. Invalid numbers fail before the client is called; a second start for the
   * same number while one is pending shares the first one's request.
   */
  startCall: (
    phoneNumber: string,
    associatedObject?: InteractionAssociatedObject,
    options?: Pick<StartCallVariables, 'confirmed'>,
  ) => void
  /** The last start only prefilled the dialpad (a deferred dial, or `dialMode="prefill"`). */
  deferred: boolean
}

/**
 * Starts outbound calls: a TanStack Query mutation over the provider's client, with
 * `retry: false`. The mutation's fields (`status`, `isPending`, `data`, `error`, `reset`,
 * `mutateAsync` …) pass through.
 *
 * @example
 * const { startCall, isPending, error, deferred } = useStartCall()
 * <button onClick={() => startCall('+14165550199', contact)} disabled={isPending}>Call</button>
 */
export function useStartCall(options?: UseStartCallOptions): UseStartCallResult {
  const { runtime } = useCallContext('useStartCall')
  const mutation = useMutation({ ...options, ...startCallMutationOptions(runtime) })
  const { mutate } = mutation
  const startCall = useCallback<UseStartCallResult['startCall']>(
    (phoneNumber, associatedObject, extra) =>
      mutate({
        phoneNumber,
        ...(associatedObject && { associatedObject }),
        ...(extra?.confirmed && { confirmed: true }),
      }),
    [mutate],
  )
  return { ...mutation, startCall, deferred: mutation.data?.deferred ?? false }
}
