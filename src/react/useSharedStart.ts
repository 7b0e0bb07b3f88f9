import { MutationObserver, useQueryClient, type QueryClient } from '@tanstack/react-query'
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

type StartObserver = MutationObserver<StartCallData, CallError, StartCallVariables>

/** One start observer per runtime (a `CallProvider`) and QueryClient, made by its first user. */
const observers = new WeakMap<CallRuntime, { queryClient: QueryClient; observer: StartObserver }>()

/**
 * The provider's one start mutation: every start is a mutation of `startCallMutationOptions` in
 * the app's `QueryClient` (its `MutationCache` callbacks, `useIsMutating` and devtools see it, as
 * they see `useStartCall`'s), run through a single `MutationObserver`. Each start keeps its own
 * promise; the observer only follows the last one, which nobody reads.
 */
function sharedObserver(queryClient: QueryClient, runtime: CallRuntime): StartObserver {
  let made = observers.get(runtime)
  if (made?.queryClient !== queryClient) {
    const observer = new MutationObserver(queryClient, startCallMutationOptions(runtime))
    made = { queryClient, observer }
    observers.set(runtime, made)
  }
  return made.observer
}

/**
 * Starts calls on the provider's `runtime` for a component that many pages render by the hundred
 * (`CallButton`): the state of its own last start, with no mutation observer of its own. The
 * starts go through the provider's one shared start mutation; the state is one `useState`, set in
 * the same event as the click, so a second click already sees the start pending. A later start's state replaces an earlier one's
 * (the earlier one still settles and still reports). Callbacks run once per start that reached
 * the client, as `useStartCall`'s do, also after the component unmounted.
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
    sharedObserver(queryClient, runtime)
      .mutate(variables)
      .then(
        (data) => {
          settle({ variables, data })
          if (!data.joined) onStarted?.(data)
        },
        (error: CallError) => {
          settle({ variables, error })
          if (firstReport(error)) onError?.(error)
        },
      )
  }
  return [state, startCall]
}
