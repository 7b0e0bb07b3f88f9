import { useQuery } from '@tanstack/react-query'
import type { Disposition } from '../core/CallClient.js'
import { CallError } from '../core/CallError.js'
import { useCallContext } from './CallContext.js'
import { useCallLogContext } from './CallLogContext.js'

const none: readonly Disposition[] = []

/**
 * The dispositions to offer for a call: `CallLogProvider`'s `dispositions`, else the provider's
 * own list (`client.listDispositions`, e.g. Bright Pattern's), fetched once per call as a query.
 * Empty while it loads or when there is none.
 *
 * @example
 * const dispositions = useDispositions(interactionId)
 * dispositions.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)
 */
export function useDispositions(interactionId?: string | null): readonly Disposition[] {
  const { client } = useCallContext('useDispositions').runtime
  const { dispositions } = useCallLogContext('useDispositions')
  const own = dispositions === undefined && client.listDispositions !== undefined
  const query = useQuery({
    queryKey: ['react-click-to-call', 'dispositions', client.name, interactionId ?? null],
    queryFn: async () => {
      const result = await client.listDispositions!(interactionId ?? undefined)
      if (result.status === 'error') throw CallError.from(result.error)
      return result.data
    },
    enabled: own,
    staleTime: Infinity,
    retry: false,
  })
  return dispositions ?? query.data ?? none
}
