import type { ForwardedRef } from 'react'

/** Hands a component's root node to the ref an app forwarded, whichever kind of ref it is. */
export function setRef<T>(ref: ForwardedRef<T>, node: T | null): void {
  if (typeof ref === 'function') ref(node)
  else if (ref) ref.current = node
}
