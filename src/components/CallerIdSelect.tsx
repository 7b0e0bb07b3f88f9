import { forwardRef, useId, useRef, type ChangeEvent, type ComponentPropsWithoutRef } from 'react'
import type { CallLogStorage } from '../core/CallLogStorage.js'
import { useCallerIds } from '../react/useCallerIds.js'
import { useMessages } from '../react/useMessages.js'
import { composeHandlers, cx } from './composeHandlers.js'
import { useFocusRescue } from './useFocusRescue.js'

export interface CallerIdSelectProps extends Omit<
  ComponentPropsWithoutRef<'select'>,
  'value' | 'defaultValue' | 'children'
> {
  /**
   * The chosen number, controlled. Without it the select shows and sets the provider's choice
   * (`useCallerIds`), which every start without its own `from` uses.
   */
  value?: string
  /** Called with the number chosen (`""` for the provider's default). */
  onValueChange?: (value: string) => void
  /** The signed-in agent's id: the choice is remembered per user (see `useCallerIds`). */
  userId?: string
  /** Where the choice is remembered (see `useCallerIds`). */
  storage?: CallLogStorage | null
  /** The visible label. Default: `messages.callFrom` ("Call from"). */
  label?: string
}

/**
 * An unstyled, labelled select of the numbers a person may call from, for beside the Dialpad or
 * the banner. Renders nothing where the provider cannot choose (capability `callerId` off). A
 * phone system that stops offering caller ID mid-session removes it the same way (a select that
 * can no longer choose is no use to keep), and a keyboard user's focus on it goes back to where it
 * came from (the control before it), never to the page; so does focus on a select the app disables.
 *
 * Parts and selectors: `.rcc-CallerIdSelect` (the wrapper; `[data-loading]` while the list
 * loads), `.rcc-CallerIdSelect-label`, `.rcc-CallerIdSelect-select`.
 *
 * @example
 * <CallerIdSelect userId={user.id} />
 * <Dialpad />
 */
export const CallerIdSelect = forwardRef<HTMLSelectElement, CallerIdSelectProps>(
  function CallerIdSelect(
    { value, onValueChange, userId, storage, label, className, onChange, id, ...rest },
    ref,
  ) {
    const messages = useMessages('CallerIdSelect')
    const callerIds = useCallerIds({ userId, storage })
    const ownId = useId()
    const selectId = id ?? ownId
    const rootRef = useRef<HTMLSpanElement>(null)
    // The select is the only control here: focus it held goes back where it came from.
    useFocusRescue(rootRef, () => null)
    if (!callerIds.supported) return null
    const current = value ?? callerIds.selected ?? ''
    const hasDefault = callerIds.list.some((callerId) => callerId.default)
    const handleChange = composeHandlers<ChangeEvent<HTMLSelectElement>>(onChange, (event) => {
      const next = event.target.value
      onValueChange?.(next)
      if (value === undefined) callerIds.select(next === '' ? undefined : next)
    })
    return (
      <span
        ref={rootRef}
        className={cx('rcc-CallerIdSelect', className)}
        data-loading={callerIds.isLoading || undefined}
      >
        <label className="rcc-CallerIdSelect-label" htmlFor={selectId}>
          {label ?? messages.callFrom}
        </label>
        <select
          {...rest}
          ref={ref}
          id={selectId}
          className="rcc-CallerIdSelect-select"
          value={current}
          aria-busy={callerIds.isLoading || undefined}
          onChange={handleChange}
        >
          {hasDefault && current !== '' ? null : (
            <option value="">{messages.callerIdDefault}</option>
          )}
          {callerIds.list.map((callerId) => (
            <option key={callerId.number} value={callerId.number}>
              {callerId.label ? `${callerId.label} (${callerId.number})` : callerId.number}
            </option>
          ))}
        </select>
      </span>
    )
  },
)
if (process.env.NODE_ENV !== 'production') CallerIdSelect.displayName = 'CallerIdSelect'
