import { useQuery } from '@tanstack/react-query'
import { useCallback, useContext } from 'react'
import { useStore } from 'zustand'
import { isPlaced } from '../core/CallEvent.js'
import { selectInteraction } from '../core/createCallStore.js'
import type { Interaction } from '../core/reduceInteraction.js'
import type { InteractionAssociatedObject } from '../core/types.js'
import { useCallContext } from './CallContext.js'
import { callerQueryOptions } from './callerQueryOptions.js'
import { ScreenPopContext, type ScreenPopContextValue } from './ScreenPopContext.js'

/**
 * Where a call's caller lookup is:
 * - `idle`: nothing to look up (no such call, or it ended before a lookup);
 * - `resolving`: the number is being looked up;
 * - `matched`: the call has its record (`record`): the one match, the agent's choice, or the
 *   record it came with;
 * - `several`: more than one record matches (`matches`): the agent chooses one with `choose`;
 * - `none`: no record matches, or the caller's number is withheld;
 * - `error`: the lookup failed (`error`).
 */
export type CallerMatchStatus = 'idle' | 'resolving' | 'matched' | 'several' | 'none' | 'error'

export interface UseCallerMatchesResult {
  status: CallerMatchStatus
  /** The call's record, once it has one. */
  record: InteractionAssociatedObject | undefined
  /** The records that match the caller's number (empty until looked up). */
  matches: readonly InteractionAssociatedObject[]
  /** Makes one of the matches the call's record (the wrap-up logs it) and pops it. */
  choose(record: InteractionAssociatedObject): void
  /** Why the lookup failed, when it did. */
  error: Error | null
}

const NO_MATCHES: readonly InteractionAssociatedObject[] = []

/** A call whose caller is still to be found: live, with a number, without a record. */
export const needsLookup = (call: Interaction | undefined): call is Interaction =>
  !!call && isPlaced(call) && !!call.phoneNumber && !call.associatedObject

/** The screen pop's context, or a clear error naming the hook or part used outside it. */
export function useScreenPopContext(name: string): ScreenPopContextValue {
  const value = useContext(ScreenPopContext)
  if (!value) throw new Error(`\`${name}\` must be used within \`ScreenPopProvider\`.`)
  return value
}

/**
 * The records that match a call's number and the agent's choice among them, headless: build your
 * own picker, or use the `CallerMatches` part. Needs `ScreenPopProvider` above.
 *
 * @example
 * const { status, matches, choose } = useCallerMatches(call.id)
 * if (status === 'several')
 *   return matches.map((m) => <button key={m.id} onClick={() => choose(m)}>{m.displayName}</button>)
 */
export function useCallerMatches(interactionId: string | null | undefined): UseCallerMatchesResult {
  const screenPop = useScreenPopContext('useCallerMatches')
  const { store } = useCallContext('useCallerMatches').runtime
  const call = useStore(store, selectInteraction(interactionId))
  const lookup = needsLookup(call)
  const query = useQuery({
    ...callerQueryOptions(
      screenPop.resolveCaller,
      call?.phoneNumber ?? '',
      { direction: call?.direction ?? 'outbound', interactionId: interactionId ?? '' },
      screenPop.staleTime,
    ),
    // Only a live call is looked up; an ended one still shows what was found for it.
    enabled: lookup,
  })
  const { choose } = screenPop
  const matches = (call?.phoneNumber && query.data) || NO_MATCHES
  const record = call?.associatedObject
  const status: CallerMatchStatus = record
    ? 'matched'
    : !call
      ? 'idle'
      : !call.phoneNumber
        ? 'none'
        : query.data
          ? matches.length === 0
            ? 'none'
            : matches.length === 1
              ? 'matched'
              : 'several'
          : query.error
            ? 'error'
            : lookup
              ? 'resolving'
              : 'idle'
  return {
    status,
    record: record ?? (status === 'matched' ? matches[0] : undefined),
    matches,
    choose: useCallback(
      (chosen: InteractionAssociatedObject) => {
        if (interactionId != null) choose(interactionId, chosen)
      },
      [choose, interactionId],
    ),
    error: query.error,
  }
}
