import { forwardRef, type ComponentPropsWithoutRef } from 'react'
import { useCallerMatches } from '../react/useCallerMatches.js'
import { useMessages } from '../react/useMessages.js'
import { cx } from './composeHandlers.js'

export interface CallerMatchesProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The call whose caller is looked up. */
  interactionId: string
}

/**
 * The records that match a call's number, for the agent to choose one: "Looking up the caller…"
 * while resolving, one button per match when several match, "No record matches this number."
 * when none does. Renders nothing once the call has its record, or when there is nothing to
 * look up. `CallStatusBanner` shows it for a ringing call under `ScreenPopProvider`.
 *
 * Parts and selectors (unstyled):
 * - `.rcc-CallerMatches`: `[data-status="resolving|several|none|error"]`; `aria-busy` while resolving.
 * - `.rcc-CallerMatches-list` (a list named "Records that match the caller"),
 *   `.rcc-CallerMatches-choice` buttons with `.rcc-CallerMatches-name` and `.rcc-CallerMatches-type`.
 * - `.rcc-CallerMatches-note` for the resolving and no-match texts.
 *
 * @example
 * <CallerMatches interactionId={call.id} />
 */
export const CallerMatches = forwardRef<HTMLDivElement, CallerMatchesProps>(function CallerMatches(
  { interactionId, className, ...rest },
  ref,
) {
  const messages = useMessages('CallerMatches')
  const { status, matches, choose } = useCallerMatches(interactionId)
  if (status === 'matched' || status === 'idle' || status === 'error') return null
  return (
    <div
      {...rest}
      ref={ref}
      className={cx('rcc-CallerMatches', className)}
      data-status={status}
      aria-busy={status === 'resolving' || undefined}
    >
      {status === 'several' ? (
        <ul className="rcc-CallerMatches-list" aria-label={messages.callerMatches}>
          {matches.map((match) => (
            <li key={`${match.type}:${match.id}`}>
              <button
                type="button"
                className="rcc-CallerMatches-choice"
                onClick={() => choose(match)}
              >
                <span className="rcc-CallerMatches-name">{match.displayName}</span>{' '}
                <span className="rcc-CallerMatches-type">{match.displayType}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rcc-CallerMatches-note">
          {status === 'resolving' ? messages.lookingUpCaller : messages.noCallerMatch}
        </p>
      )}
    </div>
  )
})
if (process.env.NODE_ENV !== 'production') CallerMatches.displayName = 'CallerMatches'
