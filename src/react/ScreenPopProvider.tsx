import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { isPlaced } from '../core/CallEvent.js'
import { findInteraction, type CallState } from '../core/reduceCallState.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { CallerMatches } from '../components/CallerMatches.js'
import { useCallContext } from './CallContext.js'
import { DEFAULT_CALLER_STALE_TIME } from './callerQueryOptions.js'
import {
  ScreenPopContext,
  type OnScreenPop,
  type ResolveCaller,
  type ScreenPopContextValue,
} from './ScreenPopContext.js'
import { needsLookup, useCallerMatches, useScreenPopContext } from './useCallerMatches.js'
import { useSessionRole } from './useTabRole.js'

export interface ScreenPopProviderProps {
  /**
   * Finds the records that match a caller's number (E.164), e.g. a search in your CRM. Called
   * for every inbound call and every call dialed by number without a record; cached per number
   * for `staleTime`; its `signal` aborts when the call ends first. A new function each render is
   * fine.
   */
  resolveCaller: ResolveCaller
  /**
   * Opens the caller's record, once per call: the one match at once, the agent's choice among
   * several, the record an inbound call came with, or `null` when nothing matched (offer to
   * create one). Not called when the lookup fails.
   */
  onScreenPop?: OnScreenPop
  /** How long a number's matches are fresh, in milliseconds. Default 30 s. */
  staleTime?: number
  children?: ReactNode
}

/** Ids of popped calls kept to pop each once; the oldest are forgotten past this many. */
const POPPED_LIMIT = 500

/** Calls that may pop: inbound ones, and any live call still without a record (dialed by number). */
const selectPoppable = (state: CallState) => {
  const ids: string[] = []
  for (const call of state.live) {
    if (isPlaced(call) && (call.direction === 'inbound' || !call.associatedObject))
      ids.push(call.id)
  }
  return ids
}

/** Looks one call's caller up while it is live and pops it once the answer is in. */
function CallerLookup({ interactionId }: { interactionId: string }) {
  const { pop } = useScreenPopContext('ScreenPopProvider')
  const { store } = useCallContext('ScreenPopProvider').runtime
  const { status, record, matches, choose } = useCallerMatches(interactionId)
  const queryClient = useQueryClient()
  const phoneNumber = useStore(store, (state) => findInteraction(state, interactionId)?.phoneNumber)

  useEffect(() => {
    const call = findInteraction(store.getState(), interactionId)
    if (status === 'matched' && record) {
      // One match becomes the call's record at once; a record the call came with pops as it is.
      if (call?.associatedObject) pop(interactionId, record)
      else choose(record)
    } else if (status === 'none') pop(interactionId, null)
  }, [status, record, matches, choose, pop, interactionId, store])

  // A call that ends (or gets its record) before its lookup answers needs it no more: abort it,
  // unless another live call waits on the same number.
  useEffect(
    () => () => {
      if (!phoneNumber) return
      const waiting = store
        .getState()
        .live.some((call) => call.phoneNumber === phoneNumber && needsLookup(call))
      if (!waiting)
        void queryClient.cancelQueries({ queryKey: ['react-click-to-call', 'caller', phoneNumber] })
    },
    [phoneNumber, queryClient, store],
  )
  return null
}

/**
 * Screen pop: finds the caller's record for every inbound call (and every call dialed by number)
 * with your `resolveCaller`, makes the one match the call's record at once and opens it with
 * `onScreenPop`; with several matches the agent chooses (`CallerMatches` in the banner, or
 * `useCallerMatches`); with none, `onScreenPop(null, call)` lets you offer to create one. The
 * chosen record is the one the wrap-up logs. Place it inside `CallProvider`. Its own import
 * (`react-click-to-call/screen-pop`), so an app without screen pop pays nothing for it.
 *
 * @example
 * <CallProvider client={client}>
 *   <ScreenPopProvider
 *     resolveCaller={(number, { signal }) => crm.searchContacts({ phone: number, signal })}
 *     onScreenPop={(record) => (record ? router.push(`/contacts/${record.id}`) : openNewContact())}
 *   >
 *     <CallStatusBanner />
 *   </ScreenPopProvider>
 * </CallProvider>
 */
export function ScreenPopProvider({
  resolveCaller,
  onScreenPop,
  staleTime = DEFAULT_CALLER_STALE_TIME,
  children,
}: ScreenPopProviderProps) {
  const { runtime, tabs } = useCallContext('ScreenPopProvider')
  const { store, client } = runtime
  // With shared tabs, the leading tab alone looks callers up and pops them, once per call.
  const role = useSessionRole(tabs)
  // The latest functions, so a new one each render neither refetches nor pops again.
  const latest = useRef({ resolveCaller, onScreenPop })
  useEffect(() => {
    latest.current = { resolveCaller, onScreenPop }
  })
  const [popped] = useState(() => new Set<string>())
  const pops = useMemo(() => tabs?.shareScreenPops(popped), [tabs, popped])
  useEffect(() => pops?.connect(), [pops])

  const value = useMemo<ScreenPopContextValue>(() => {
    const pop = (interactionId: string, record: InteractionAssociatedObject | null) => {
      const call = findInteraction(store.getState(), interactionId)
      if (!call || popped.has(interactionId)) return
      popped.add(interactionId)
      if (popped.size > POPPED_LIMIT) popped.delete(popped.values().next().value!)
      pops?.changed()
      latest.current.onScreenPop?.(record, call)
    }
    return {
      resolveCaller: (phoneNumber, context) => latest.current.resolveCaller(phoneNumber, context),
      staleTime,
      choose(interactionId, record) {
        runtime.associate(interactionId, record)
        // The provider learns the record too where it keeps one (Bright Pattern's widget); the
        // store already has it, so the wrap-up logs it whatever the provider answers.
        const state = store.getState()
        const { capabilities } = state
        const call = findInteraction(state, interactionId)
        if ({ ...capabilities, ...call?.capabilities }.updateAssociatedObject)
          void client.updateAssociatedObject?.(interactionId, record)
        pop(interactionId, record)
      },
      pop,
      Matches: CallerMatches,
    }
  }, [runtime, store, client, staleTime, popped, pops])

  const ids = useStore(store, useShallow(selectPoppable))
  return (
    <ScreenPopContext.Provider value={value}>
      {role !== 'follower' && ids.map((id) => <CallerLookup key={id} interactionId={id} />)}
      {children}
    </ScreenPopContext.Provider>
  )
}
