import type { SyntheticEvent } from 'react'

/**
 * Runs the user's handler first, then the component's own unless the user called
 * `event.preventDefault()` (as Radix does): user handlers add to the behaviour, never replace it.
 */
export function composeHandlers<E extends SyntheticEvent>(
  user: ((event: E) => void) | undefined,
  own: (event: E) => void,
): (event: E) => void {
  return (event) => {
    user?.(event)
    if (!event.defaultPrevented) own(event)
  }
}

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}

/** Joins `aria-describedby` ids, skipping empty ones; `undefined` when none is left. */
export const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined =>
  cx(...ids) || undefined
