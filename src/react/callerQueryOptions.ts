import type { UseQueryOptions } from '@tanstack/react-query'
import type { InteractionAssociatedObject } from '../core/types.js'
import type { CallerContext, ResolveCaller } from './ScreenPopContext.js'

/** The query key of a number's lookup: `['react-click-to-call', 'caller', phoneNumber]`. */
export type CallerQueryKey = readonly ['react-click-to-call', 'caller', string]

/** Matches stay fresh this long by default: a callback a minute later looks the number up again. */
export const DEFAULT_CALLER_STALE_TIME = 30_000

/**
 * The query that looks a caller up, cached per number: two calls from the same number within
 * `staleTime` ask your CRM once. For people who compose their own (`useQuery`, `prefetchQuery`).
 *
 * @example
 * queryClient.prefetchQuery(
 *   callerQueryOptions(resolveCaller, '+14165550199', { direction: 'inbound', interactionId: id }),
 * )
 */
export function callerQueryOptions(
  resolveCaller: ResolveCaller,
  phoneNumber: string,
  context: Omit<CallerContext, 'signal'>,
  staleTime = DEFAULT_CALLER_STALE_TIME,
): UseQueryOptions<
  InteractionAssociatedObject[],
  Error,
  InteractionAssociatedObject[],
  CallerQueryKey
> {
  return {
    queryKey: ['react-click-to-call', 'caller', phoneNumber] as const,
    queryFn: ({ signal }) => resolveCaller(phoneNumber, { ...context, signal }),
    staleTime,
    // A failed lookup pops nothing and is not repeated behind the agent's back while the phone rings.
    retry: false,
  }
}
