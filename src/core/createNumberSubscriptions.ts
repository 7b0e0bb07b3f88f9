import { blocksStart, callWith, closedReason } from './callReadiness.js'
import type { CallStoreApi } from './createCallStore.js'
import type { WhileOnCall } from './createCallRuntime.js'
import type { CallState } from './reduceCallState.js'
import { sameItems } from './sameItems.js'

/** A number or a call id a subscriber reads; `null` and `undefined` stand for none. */
export type SubscriptionKey = string | null | undefined

/** Subscriptions to the store by number, for UI that shows one number's calls. */
export interface NumberSubscriptions {
  /**
   * Calls `listener` after each store update that may change what a reader of these numbers and
   * call ids sees: a live call with one of these numbers or ids changed, went live or ended; the
   * dialpad's draft or deferred dial became or stopped being one of these numbers; or something
   * every number reads changed: whether calls can be placed (connection, the calls that stand in
   * the way of a start). Any other update (another number's call, a detail of a call that stands
   * in the way) wakes nobody. Returns the unsubscribe function.
   */
  subscribe(keys: readonly SubscriptionKey[], listener: () => void): () => void
}

/**
 * One store subscription shared by every reader of a number, such as the 500 call buttons of a
 * CRM list: an event for one call wakes the buttons of its number, not all 500 of them. The store
 * is subscribed to while anyone listens.
 *
 * @example
 * const numbers = createNumberSubscriptions(runtime.store, 'refuse')
 * const stop = numbers.subscribe(['+14165550199'], () => render(runtime.store.getState()))
 */
export function createNumberSubscriptions(
  store: CallStoreApi,
  whileOnCall: WhileOnCall,
): NumberSubscriptions {
  const byKey = new Map<string, Set<() => void>>()
  const everyone = new Set<() => void>()
  let stopWatching: (() => void) | undefined
  let sharedBefore: (string | undefined)[] = []

  /** What every number reads, as a list compared item by item between two states. */
  const shared = (state: CallState) => {
    const list: (string | undefined)[] = [closedReason(state) ?? undefined]
    for (const call of state.live) {
      if (blocksStart(state, call, whileOnCall)) list.push(call.phoneNumber, callWith(call))
    }
    return list
  }

  const onUpdate = (state: CallState, previous: CallState) => {
    const sharedNow = shared(state)
    const sharedChanged = !sameItems(sharedNow, sharedBefore)
    sharedBefore = sharedNow
    if (sharedChanged) {
      for (const listener of [...everyone]) listener()
      return
    }
    const touched = new Set<SubscriptionKey>()
    const before = new Set(previous.live)
    const after = new Set(state.live)
    for (const call of state.live) if (!before.has(call)) touched.add(call.phoneNumber).add(call.id)
    for (const call of previous.live)
      if (!after.has(call)) touched.add(call.phoneNumber).add(call.id)
    if (state.dialpad !== previous.dialpad) {
      touched.add(state.dialpad.value).add(previous.dialpad.value)
      touched.add(state.dialpad.pendingDial?.phoneNumber)
      touched.add(previous.dialpad.pendingDial?.phoneNumber)
    }
    // A listener of several touched keys is called once.
    const listeners = new Set<() => void>()
    for (const key of touched) {
      if (typeof key === 'string') byKey.get(key)?.forEach((listener) => listeners.add(listener))
    }
    for (const listener of listeners) listener()
  }

  return {
    subscribe(keys, onChange) {
      // Its own function, so the same callback subscribed twice is unsubscribed once each.
      const listener = () => onChange()
      const own = [...new Set(keys)].filter((key): key is string => typeof key === 'string')
      for (const key of own) {
        const listeners = byKey.get(key) ?? new Set()
        byKey.set(key, listeners.add(listener))
      }
      everyone.add(listener)
      if (!stopWatching) {
        sharedBefore = shared(store.getState())
        stopWatching = store.subscribe(onUpdate)
      }
      return () => {
        for (const key of own) {
          const listeners = byKey.get(key)
          listeners?.delete(listener)
          if (listeners?.size === 0) byKey.delete(key)
        }
        everyone.delete(listener)
        if (everyone.size === 0) {
          stopWatching?.()
          stopWatching = undefined
        }
      }
    },
  }
}
