/**
 * `react-click-to-call/caller-id`: choose the number calls come from. Its own import, so an app
 * that does not offer a choice pays nothing for it.
 */

// Components
export { CallerIdSelect } from '../components/CallerIdSelect.js'
export type { CallerIdSelectProps } from '../components/CallerIdSelect.js'

// Headless hook
export { useCallerIds } from '../react/useCallerIds.js'
export type { UseCallerIdsOptions, UseCallerIdsResult } from '../react/useCallerIds.js'

// The framework-free parts
export type { CallerId } from '../core/CallClient.js'
