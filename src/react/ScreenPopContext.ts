import { createContext, type ComponentType } from 'react'
import type { InteractionAssociatedObject } from '../core/types.js'
import type { Interaction } from '../core/reduceInteraction.js'

/** What a caller lookup is told besides the number. */
export interface CallerContext {
  /** `inbound` for a call that rings the agent, `outbound` for a number dialed by hand. */
  direction: 'inbound' | 'outbound'
  /** The call the lookup is for. */
  interactionId: string
  /** Aborted when the lookup is no longer needed (the call ended first); pass it to `fetch`. */
  signal: AbortSignal
}

/**
 * Finds the CRM records that match a phone number (E.164). Resolve with none, one or several;
 * reject when the lookup itself failed (nothing pops then).
 */
export type ResolveCaller = (
  phoneNumber: string,
  context: CallerContext,
) => Promise<InteractionAssociatedObject[]>

/**
 * Opens the caller's record, once per call: with the one match or the record the agent chose, or
 * with `null` when nothing matched (offer to create one).
 */
export type OnScreenPop = (
  record: InteractionAssociatedObject | null,
  interaction: Interaction,
) => void

/** What `ScreenPopProvider` gives the hooks and parts under it. */
export interface ScreenPopContextValue {
  resolveCaller: ResolveCaller
  /** How long a number's matches are fresh, in milliseconds. */
  staleTime: number
  /** Makes `record` the call's record (in the store and, where it can, at the provider) and pops it. */
  choose(interactionId: string, record: InteractionAssociatedObject): void
  /** Pops a call, once: later calls for the same id do nothing. */
  pop(interactionId: string, record: InteractionAssociatedObject | null): void
  /** The part that lists a call's matches; the banner shows it for a ringing call. */
  Matches: ComponentType<{ interactionId: string }>
}

/**
 * Set by `ScreenPopProvider` (`react-click-to-call/screen-pop`). It lives in the main entry only
 * so `CallStatusBanner` can show the matches when the app uses screen pop, without importing it.
 */
export const ScreenPopContext = createContext<ScreenPopContextValue | null>(null)
ScreenPopContext.displayName = 'ScreenPopContext'
