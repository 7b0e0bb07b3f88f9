/**
 * `react-click-to-call/screen-pop`: find the caller's record for inbound calls (and numbers dialed
 * by hand) and open it. Its own import, so an app without screen pop pays nothing for it.
 */

// Components
export { CallerMatches } from '../components/CallerMatches.js'
export type { CallerMatchesProps } from '../components/CallerMatches.js'

// Provider and headless hooks
export { ScreenPopProvider } from '../react/ScreenPopProvider.js'
export type { ScreenPopProviderProps } from '../react/ScreenPopProvider.js'
export { useCallerMatches } from '../react/useCallerMatches.js'
export type { CallerMatchStatus, UseCallerMatchesResult } from '../react/useCallerMatches.js'
export { callerQueryOptions } from '../react/callerQueryOptions.js'
export type { CallerContext, OnScreenPop, ResolveCaller } from '../react/ScreenPopContext.js'
