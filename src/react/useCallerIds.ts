import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import type { CallerId } from '../core/CallClient.js'
import { browserCallLogStorage, type CallLogStorage } from '../core/CallLogStorage.js'
import { callerIdStorageKey } from '../core/callerIdStorageKey.js'
import { useCallContext } from './CallContext.js'
import { useCallStore } from './useCallStore.js'

export interface UseCallerIdsOptions {
  /**
   * The signed-in agent's id in your app: the last choice is remembered per client and per user.
   * Without it the choice lasts as long as the provider.
   */
  userId?: string
  /**
   * Where the choice is remembered: `localStorage` by default (the call log's storage), `null`
   * for memory only, or your own (`getItem` / `setItem` / `removeItem`). Keep it stable.
   */
  storage?: CallLogStorage | null
}

export interface UseCallerIdsResult {
  /** The provider can call from a chosen number (capability `callerId`). */
  supported: boolean
  /** The numbers the person may call from, as the provider lists them. Empty while loading. */
  list: CallerId[]
  /** The number the next call comes from; `undefined` for the provider's default. */
  selected: string | undefined
  /** Chooses the number the next calls come from (every start without its own `from`), and remembers it. */
  select: (number: string | undefined) => void
  isLoading: boolean
  /** Why the list could not be read. */
  error: Error | null
}

const NONE: CallerId[] = []

/**
 * The numbers a person may call from, the one chosen, and a way to choose: every start without its
 * own `from` then calls from it (`useStartCall`, `CallButton`, `Dialpad`). The last choice is
 * remembered per user in the call log's storage, and restored when the list still offers it;
 * otherwise the list's `default` is chosen.
 *
 * @example
 * const { list, selected, select } = useCallerIds({ userId: user.id })
 * <select value={selected ?? ''} onChange={(e) => select(e.target.value)}>
 *   {list.map((id) => <option key={id.number} value={id.number}>{id.label ?? id.number}</option>)}
 * </select>
 */
export function useCallerIds({ userId, storage }: UseCallerIdsOptions = {}): UseCallerIdsResult {
  const { runtime } = useCallContext('useCallerIds')
  const { client, store } = runtime
  const supported = useCallStore((state) => state.capabilities.callerId === true)
  const selected = useCallStore((state) => state.callerId ?? undefined)
  const query = useQuery({
    queryKey: ['react-click-to-call', 'callerIds', client.name],
    queryFn: () => client.listCallerIds!(),
    enabled: supported && typeof client.listCallerIds === 'function',
    staleTime: Infinity,
  })
  const list = query.data ?? NONE
  const place = useMemo(
    () => (storage === null ? undefined : (storage ?? browserCallLogStorage())),
    [storage],
  )
  const key = userId === undefined ? undefined : callerIdStorageKey(client.name, userId)

  // Once the list is known and nothing is chosen yet: the remembered choice, else the default.
  useEffect(() => {
    if (list.length === 0 || store.getState().callerId != null) return
    const remembered = key === undefined ? null : readSafely(place, key)
    const choice =
      list.find((id) => id.number === remembered) ?? list.find((id) => id.default === true)
    if (choice) store.getState().selectCallerId(choice.number)
  }, [list, key, place, store])

  const select = useCallback(
    (number: string | undefined) => {
      store.getState().selectCallerId(number ?? null)
      if (key === undefined || !place) return
      try {
        if (number === undefined) place.removeItem(key)
        else place.setItem(key, number)
      } catch {
        // A full or refused storage only loses the memory of the choice, never the choice.
      }
    },
    [store, key, place],
  )

  return {
    supported,
    list,
    selected,
    select,
    isLoading: query.isLoading,
    error: query.error,
  }
}

function readSafely(place: CallLogStorage | undefined, key: string): string | null {
  try {
    return place?.getItem(key) ?? null
  } catch {
    return null
  }
}
