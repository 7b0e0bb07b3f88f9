import { MutationObserver, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { CallError } from '../core/CallError.js'
import type { CallRuntime, StartCallData, StartCallVariables } from '../core/createCallRuntime.js'
import { useCallContext } from './CallContext.js'
import { firstReport } from './firstReport.js'
import { startCallMutationOptions } from './startCallMutationOptions.js'

/** The last start of one component, as `useStartCall` would show it. */
export type SharedStartState =
  | { status: 'idle'; variables?: undefined; data?: undefined; error?: undefined }
  | { status: 'pending'; variables: StartCallVariables; data?: undefined; error?: undefined }
  | { status: 'success'; variables: StartCallVariables; data: StartCallData; error?: undefined }
  | { status: 'error'; variables: StartCallVariables; data?: undefined; error: CallError }

/** What the component hears of its start: once per start that reached the client. */
export interface SharedStartCallbacks {
  onSuccess?: (data: StartCallData) => void
  onError?: (error: CallError) => void
}

type Start = (variables: StartCallVariables) => Promise<StartCallData>

/** One start path per QueryClient and runtime (a `CallProvider`), made by its first user. */
const startsByClient = new WeakMap<QueryClient, WeakMap<CallRuntime, Start>>()

/**
 * The provider's one start mutation: every start is a mutation of `startCallMutationOptions` in
 * the app's `QueryClient` (its `MutationCache` callbacks, `useIsMutating` and devtools see it, as
 * they see `useStartCall`'s), run through a single `MutationObserver`. Each start keeps its own
 * promise; the observer only follows the last one, which nobody reads.
 */
function sharedStart(queryClient: QueryClient, runtime: CallRuntime): Start {
  const byRuntime = startsByClient.get(queryClient) ?? new WeakMap<CallRuntime, Start>()
  startsByClient.set(queryClient, byRuntime)
  let start = byRuntime.get(runtime)
  if (!start) {
    const observer = new MutationObserver(queryClient, startCallMutationOptions(runtime))
    start = (variables) => observer.mutate(variables)
    byRuntime.set(runtime, start)
  }
  return start
}

const idle: SharedStartState = { status: 'idle' }

/**
 * Starts calls for a component that many pages render by the hundred (`CallButton`): the state of
 * its own last start, with no mutation observer of its own. The starts go through the provider's
 * one shared start mutation; the state is one `useState`, set in the same event as the click, so
 * a second click already sees the start pending. A later start's state replaces an earlier one's
 * (the earlier one still settles and still reports). Callbacks run once per start that reached
 * the client, as `useStartCall`'s do, also after the component unmounted.
 */
export function useSharedStart(
  name: string,
): [SharedStartState, (variables: StartCallVariables, callbacks: SharedStartCallbacks) => void] {
  const { runtime } = useCallContext(name)
  const queryClient = useQueryClient()
  const [state, setState] = useState(idle)
  const startCall = (variables: StartCallVariables, callbacks: SharedStartCallbacks) => {
    const pending: SharedStartState = { status: 'pending', variables }
    const settle = (next: SharedStartState) => setState((now) => (now === pending ? next : now))
    setState(pending)
    sharedStart(
      queryClient,
      runtime,
    )(variables).then(
      (data) => {
        settle({ status: 'success', variables, data })
        if (!data.joined) callbacks.onSuccess?.(data)
      },
      (error: CallError) => {
        settle({ status: 'error', variables, error })
        if (firstReport(error)) callbacks.onError?.(error)
      },
    )
  }
  return [state, startCall]
}
