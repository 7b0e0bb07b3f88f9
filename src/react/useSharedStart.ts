import { MutationObserver, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { CallError } from '../core/CallError.js'
import type { CallRuntime, StartCallData, StartCallVariables } from '../core/createCallRuntime.js'
import { firstReport } from './firstReport.js'
import { startCallMutationOptions } from './startCallMutationOptions.js'

/**
 * The last start of one component: `variables` from the click on, then its `data` or its
 * `error` once it settled (neither while it is pending).
 */
export interface SharedStartState {
  variables?: StartCallVariables
  data?: StartCallData
  error?: CallError
}

/** What the component hears of its start: once per start that reached the client. */
export interface SharedStartCallbacks {
  onStarted?: (data: StartCallData) => void
  onError?: (error: CallError) => void
}

/**
 * Starts calls on the provider's `runtime` for a component that many pages render by the hundred
 * (`CallButton`), without a mutation observer per mounted component: a start is the same mutation
 * as `useStartCall`'s (`startCallMutationOptions` in the app's `QueryClient`, so `useIsMutating`,
 * `MutationCache` callbacks and devtools see it), run by an observer made on the click. The
 * component's own last start is one `useState`, set in the click's own event, so a second click
 * already sees it pending. A later start's state replaces an earlier one's (the earlier one still
 * settles and still reports). Callbacks run once per start that reached the client, as
 * `useStartCall`'s do, also after the component unmounted.
 */
export function useSharedStart(
  runtime: CallRuntime,
): [SharedStartState, (variables: StartCallVariables, callbacks: SharedStartCallbacks) => void] {
  const queryClient = useQueryClient()
  const [state, setState] = useState<SharedStartState>({})
  const startCall = (
    variables: StartCallVariables,
    { onStarted, onError }: SharedStartCallbacks,
  ) => {
    const pending: SharedStartState = { variables }
    // Only while it is still this component's last start.
    const settle = (next: SharedStartState) => setState((now) => (now === pending ? next : now))
    setState(pending)
    // An observer for this start only, made on the click, never on mount; reset once settled so
    // the mutation leaves the cache after its gcTime like any other.
    const observer = new MutationObserver(queryClient, startCallMutationOptions(runtime))
    observer.mutate(variables).then(
      (data) => {
        observer.reset()
        settle({ variables, data })
        if (!data.joined) onStarted?.(data)
      },
      (error: CallError) => {
        observer.reset()
        settle({ variables, error })
        if (firstReport(error)) onError?.(error)
      },
    )
  }
  return [state, startCall]
}
