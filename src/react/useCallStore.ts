import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { isTerminalStatus } from '../core/CallEvent.js'
import {
  selectActiveInteraction,
  selectInteraction,
  selectInteractions,
} from '../core/createCallStore.js'
import type { CallState } from '../core/reduceCallState.js'
import type { Interaction } from '../core/reduceInteraction.js'
import { useCallContext } from './CallContext.js'

/**
 * Reads the provider's store through a selector; re-renders only when the selected value
 * changes (compared shallowly, so selecting a new array or object of the same items is stable).
 *
 * @example
 * const connection = useCallStore((state) => state.connection.status)
 */
export function useCallStore<T>(selector: (state: CallState) => T): T {
  const { store } = useCallContext('useCallStore').runtime
  return useStore(store, useShallow(selector))
}

/**
 * One interaction by id. Re-renders only when that interaction changes, never for another call.
 *
 * @example
 * const call = useInteraction(id)
 * call?.status // 'ringing'
 */
export function useInteraction(id: string | null | undefined): Interaction | undefined {
  const { store } = useCallContext('useInteraction').runtime
  return useStore(store, selectInteraction(id))
}

/**
 * The interaction the banner shows: the newest call, or the one the provider made active.
 *
 * @example
 * const active = useActiveInteraction()
 * if (active?.status === 'connected') showTimer(active.connectedAt)
 */
export function useActiveInteraction(): Interaction | undefined {
  const { store } = useCallContext('useActiveInteraction').runtime
  return useStore(store, selectActiveInteraction)
}

const allInteractions = (interactions: readonly Interaction[]) => interactions

/**
 * The interactions in the store (live ones and recent history), newest first, mapped by
 * `select`. Re-renders only when the selected result changes shallowly. The list is sorted once
 * per change of the calls and shared by every caller, so it is read-only.
 *
 * @example
 * const live = useInteractions(liveInteractions)
 * const inbound = useInteractions((calls) => calls.filter((call) => call.direction === 'inbound'))
 */
export function useInteractions<T = readonly Interaction[]>(
  select: (interactions: readonly Interaction[]) => T = allInteractions as (
    interactions: readonly Interaction[],
  ) => T,
): T {
  const { store } = useCallContext('useInteractions').runtime
  return useStore(
    store,
    useShallow((state) => select(selectInteractions(state))),
  )
}

/** Live (not ended or failed) interactions, for `useInteractions(liveInteractions)`. */
export const liveInteractions = (interactions: readonly Interaction[]) =>
  interactions.filter((interaction) => !isTerminalStatus(interaction.status))
