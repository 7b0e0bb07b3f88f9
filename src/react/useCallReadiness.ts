import { callReadiness, type CallReadiness } from '../core/callReadiness.js'
import { useCallContext } from './CallContext.js'
import { useCallStore } from './useCallStore.js'

export interface UseCallReadinessOptions {
  /**
   * The number is typed by a person on a dialpad, not clicked: click-to-dial being off
   * (`CallProvider` `clickToDial={false}`) does not stop it. Default `false`.
   */
  typed?: boolean
  /** The number about to be dialed (as dialed): its own live call is shown, not in the way. */
  phoneNumber?: string | null
}

/**
 * Whether a call can be placed now, app-wide: from the phone system's sign-in, phone and
 * connection state, from the live-call rule (`CallProvider` `whileOnCall`) and from
 * `clickToDial`. Re-renders only when the answer changes. `CallButton` and `Dialpad` use it to
 * disable themselves and say why; an app's own call buttons can do the same.
 *
 * @example
 * const { ready, reason } = useCallReadiness()
 * <button disabled={!ready}>Call</button>
 * {reason === 'signed-out' && <a href="/phone/login">Sign in to the phone system</a>}
 */
export function useCallReadiness(options: UseCallReadinessOptions = {}): CallReadiness {
  const { readinessRules } = useCallContext('useCallReadiness')
  // Shallow-compared: a new object with the same reason and name does not re-render.
  return useCallStore((state) => callReadiness(state, { ...readinessRules, ...options }))
}
