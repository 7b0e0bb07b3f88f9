import { useEffect, useState } from 'react'
import type { Interaction } from '../core/reduceInteraction.js'

/**
 * Formats a call's length as a phone does: `mm:ss`, and `h:mm:ss` from one hour on.
 *
 * @example
 * formatCallDuration(83_000) // "01:23"
 * formatCallDuration(3_723_000) // "1:02:03"
 */
export function formatCallDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const mmss = [Math.floor(total / 60) % 60, total % 60]
    .map((part) => String(part).padStart(2, '0'))
    .join(':')
  return hours > 0 ? `${hours}:${mmss}` : mmss
}

/** What `useCallDuration` needs of an interaction. */
export type TimedInteraction = Pick<Interaction, 'status' | 'connectedAt' | 'endedAt'>

/**
 * How long a call has been connected, in milliseconds: ticks every second while the call is
 * connected or held, freezes when it ends, `null` before it was ever connected.
 *
 * @example
 * const call = useActiveInteraction()
 * const ms = useCallDuration(call)
 * ms === null ? 'Ringing…' : `Connected ${formatCallDuration(ms)}`
 */
export function useCallDuration(interaction: TimedInteraction | undefined): number | null {
  const connectedAt = interaction?.connectedAt
  const endedAt = interaction?.endedAt
  const live = interaction?.status === 'connected' || interaction?.status === 'held'
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!live || connectedAt === undefined) return
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const current = Date.now()
      setNow(current)
      // Wake on the next whole second of the call, so the display never skips or lags a second.
      timer = setTimeout(tick, 1000 - ((current - connectedAt) % 1000))
    }
    tick()
    return () => clearTimeout(timer)
  }, [live, connectedAt])

  if (connectedAt === undefined) return null
  const end = endedAt ?? Math.max(now, connectedAt)
  return Math.max(0, end - connectedAt)
}
