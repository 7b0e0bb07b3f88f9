import { useCallback, useSyncExternalStore } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CallStoreApi } from '../core/createCallStore.js'
import type { WhileOnCall } from '../core/createCallRuntime.js'
import {
  createNumberSubscriptions,
  type NumberSubscriptions,
  type SubscriptionKey,
} from '../core/createNumberSubscriptions.js'
import type { CallState } from '../core/reduceCallState.js'
import { useCallContext } from './CallContext.js'

/** One set of number subscriptions per store and live-call rule, made by the first reader. */
const subscriptionsByStore = new WeakMap<CallStoreApi, Map<WhileOnCall, NumberSubscriptions>>()

function numberSubscriptions(store: CallStoreApi, whileOnCall: WhileOnCall): NumberSubscriptions {
  // Read on every render of every button: the maps are written only when a set is made.
  let byRule = subscriptionsByStore.get(store)
  if (!byRule) subscriptionsByStore.set(store, (byRule = new Map()))
  let made = byRule.get(whileOnCall)
  if (!made) byRule.set(whileOnCall, (made = createNumberSubscriptions(store, whileOnCall)))
  return made
}

/**
 * Like `useCallStore`, for a component that shows one number: the selector is run only after
 * updates that touch `keys` (its numbers and call ids) or whether calls can be placed, so an event
 * for another number costs a page of 500 call buttons nothing. `keys` must be memoized; the
 * selector may read only the live calls and dialpad entries of those keys and the readiness.
 */
export function useNumberStore<T>(
  keys: readonly SubscriptionKey[],
  selector: (state: CallState) => T,
): T {
  const { runtime, readinessRules } = useCallContext('useNumberStore')
  const { store } = runtime
  const numbers = numberSubscriptions(store, readinessRules.whileOnCall ?? 'refuse')
  const subscribe = useCallback(
    (listener: () => void) => numbers.subscribe(keys, listener),
    [numbers, keys],
  )
  const select = useShallow(selector)
  const snapshot = () => select(store.getState())
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
