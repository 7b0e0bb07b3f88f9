import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { CallError } from '../core/CallError.js'
import type { StartCallData, StartCallVariables } from '../core/createCallRuntime.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from './CallContext.js'
import { firstReport } from './firstReport.js'
import { startCallMutationOptions } from './startCallMutationOptions.js'

/** `useMutation` options other than the ones the start owns (function, key, retry). */
export type UseStartCallOptions = Omit<
  UseMutationOptions<StartCallData, CallError, StartCallVariables>,
  'mutationFn' | 'mutationKey' | 'retry'
>

export type UseStartCallResult = UseMutationResult<StartCallData, CallError, StartCallVariables> & {
  /**
   * Starts a call. Invalid numbers fail before the client is called. One live call per number:
   * a start for a number with a start in flight or a live call places nothing (that call becomes
   * the active one; `data.joined` is `true` and `onSuccess` does not run again). A start to
   * another number while a call is live follows `CallProvider`'s `whileOnCall`.
   */
  startCall: (
    phoneNumber: string,
    associatedObject?: InteractionAssociatedObject,
    options?: Pick<StartCallVariables, 'confirmed' | 'from' | 'signal'>,
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
  const mutation = useMutation({
    ...options,
    ...startCallMutationOptions(runtime),
    // Callbacks run once per start that reached the client, not once per click that joined it.
    onSuccess: (data, ...rest) => (data.joined ? undefined : options?.onSuccess?.(data, ...rest)),
    onError: (error, ...rest) =>
      firstReport(error) ? options?.onError?.(error, ...rest) : undefined,
  })
  const { mutate } = mutation
  const startCall = useCallback<UseStartCallResult['startCall']>(
    (phoneNumber, associatedObject, extra) =>
      mutate({
        phoneNumber,
        ...(associatedObject && { associatedObject }),
        ...(extra?.confirmed && { confirmed: true }),
        ...(extra?.from && { from: extra.from }),
        ...(extra?.signal && { signal: extra.signal }),
      }),
    [mutate],
  )
  return { ...mutation, startCall, deferred: mutation.data?.deferred ?? false }
}
