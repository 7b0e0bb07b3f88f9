import type { Ref, RefCallback } from 'react'

/**
 * One callback ref that hands a component's root node to each of `refs`: its own (to reach the
 * node) and the one the app forwarded, whichever kind of ref that is.
 *
 * @example
 * <div {...rest} ref={mergeRefs(rootRef, ref)} />
 */
export function mergeRefs<T>(...refs: Ref<T>[]): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) ref.current = node
    }
  }
}
