import { forwardRef, useId, type ChangeEvent, type ComponentPropsWithoutRef } from 'react'
import type { CallLogStorage } from '../core/CallLogStorage.js'
import { useCallerIds } from '../react/useCallerIds.js'
import { useMessages } from '../react/useMessages.js'
import { composeHandlers, cx } from './composeHandlers.js'

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
 * the banner. Renders nothing where the provider cannot choose (capability `callerId` off).
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
