import { useSyncExternalStore } from 'react'
import type { TabRole } from '../core/tabs/TabLink.js'
import { useCallContext } from './CallContext.js'
import type { TabSession } from '../core/tabs/sharedTabs.js'

const noSubscription = () => () => {}

/** The role of this tab for a session (or `independent` without one). For the providers' own use. */
export function useSessionRole(session: TabSession | null): TabRole {
  return useSyncExternalStore(
    session ? session.link.subscribe : noSubscription,
    () => session?.link.role ?? 'independent',
    () => (session ? 'follower' : 'independent'),
  )
}

/**
 * This tab's role when `CallProvider` shares one phone across tabs (`tabs={sharedTabs(…)}`):
 * `'leader'` while this tab holds the provider's client (its event stream, controls, screen pops
 * and call log writes), `'follower'` while it mirrors the leader's calls and sends it its starts
 * and controls. `'independent'` when tabs are not shared (the default), or where the browser has
 * no Web Locks or `BroadcastChannel`. A tab starts as a follower and becomes the leader when it
 * gets the lock: at once when it is the first tab, or when the leader closes. Every tab shows the
 * same calls and can control them, whatever its role: use this to say where the phone is, not to
 * hide controls.
 *
 * @example
 * function PhoneTabBadge() {
 *   const role = useTabRole()
 *   return role === 'follower' ? <p>The phone is connected in another tab.</p> : null
 * }
 */
export function useTabRole(): TabRole {
  return useSessionRole(useCallContext('useTabRole').tabs)
}
