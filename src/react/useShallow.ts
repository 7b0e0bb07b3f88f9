import { useRef } from 'react'

/** The items an iterable holds (arrays, Sets, Maps as key/value pairs), or a plain object's keys and values. */
const parts = (value: object): unknown[] =>
  value instanceof Map
    ? [...value].flat()
    : Symbol.iterator in value
      ? [...(value as Iterable<unknown>)]
      : Object.entries(value).flat()

/**
 * True when two values are the same, or are arrays, plain objects, Maps or Sets of the same kind
 * holding the same items (compared with `Object.is`, in order).
 */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    !a ||
    !b ||
    Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)
  ) {
    return false
  }
  const left = parts(a)
  const right = parts(b)
  return left.length === right.length && left.every((item, index) => Object.is(item, right[index]))
}

/**
 * Wraps a selector so that it returns its previous result while the new one is shallowly equal:
 * a selector that builds a new array or object then keeps `useSyncExternalStore` stable.
 * Like zustand's `useShallow`, in less code, with one difference: object keys and Map entries
 * are compared in order, so the same entries in another order count as a change (one extra
 * render, never a stale value).
 */
export function useShallow<S, T>(selector: (state: S) => T): (state: S) => T {
  const previous = useRef<{ value: T }>(undefined)
  return (state) => {
    const next = selector(state)
    if (previous.current && shallowEqual(previous.current.value, next))
      return previous.current.value
    previous.current = { value: next }
    return next
  }
}
