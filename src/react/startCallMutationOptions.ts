import { mutationOptions } from '@tanstack/react-query'
import type { CallError } from '../core/CallError.js'
import type { CallRuntime, StartCallData, StartCallVariables } from '../core/createCallRuntime.js'

/**
 * The start mutation's options, for people who compose their own `useMutation` (with
 * `useCallRuntime()` for the runtime). `retry: false`: a failed call start is never retried by
 * itself; the person decides.
 *
 * @example
 * const runtime = useCallRuntime()
 * const mutation = useMutation({ ...startCallMutationOptions(runtime), onSuccess: logCall })
 */
export function startCallMutationOptions(runtime: CallRuntime) {
  return mutationOptions<StartCallData, CallError, StartCallVariables>({
    mutationKey: ['react-click-to-call', 'startCall', runtime.client.name],
    mutationFn: (variables) => runtime.startCall(variables),
    retry: false,
  })
}
