import type { UseCallControlsResult } from '../react/useCallControls.js'

/**
 * One control at a time: wraps a call control's action into a click handler that does nothing
 * while another control of the same call is in flight, so a double press never sends twice and a
 * Hang up pressed during Hold waits for the person to press it again.
 */
export const oneControlAtATime =
  (pending: UseCallControlsResult['pending']) => (action: () => Promise<unknown>) => () => {
    if (pending === null) void action()
  }
