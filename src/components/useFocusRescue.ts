import { useEffect, useRef, type RefObject } from 'react'

/**
 * Keeps a keyboard user's focus when a component's view changes under it: when the element that
 * had focus inside `root` leaves the page (Hang up gives way to Dismiss, a row of the list goes,
 * a record is chosen) and focus fell to `<body>`, it moves to `target(root, lost)`, a named
 * control of the new view. When the new view has none, it goes back to where it came from before
 * it entered `root` (the button that placed the call), if that is still on the page.
 *
 * Checked after each render of the component: what removes the focused element is a render of
 * the component (or of a child in the same commit). A person who clicked elsewhere on the page
 * keeps their focus there: only a removed element is rescued.
 */
export function useFocusRescue(
  rootRef: RefObject<HTMLElement | null>,
  target: (root: HTMLElement, lost: HTMLElement) => HTMLElement | null | undefined,
) {
  const focused = useRef<HTMLElement | null>(null)
  const cameFrom = useRef<HTMLElement | null>(null)
  // The component's root element: the same one for its whole life.
  useEffect(() => {
    const root = rootRef.current
    if (!root) return
    const focusIn = (event: FocusEvent) => {
      const from = event.relatedTarget as HTMLElement | null
      if (from && !root.contains(from)) cameFrom.current = from
      focused.current = event.target as HTMLElement
    }
    // Focus moved elsewhere on purpose. A removed element blurs with no related target: kept.
    const focusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null
      if (next && !root.contains(next)) focused.current = null
    }
    root.addEventListener('focusin', focusIn)
    root.addEventListener('focusout', focusOut)
    return () => {
      root.removeEventListener('focusin', focusIn)
      root.removeEventListener('focusout', focusOut)
    }
  }, [rootRef])
  useEffect(() => {
    const root = rootRef.current
    const lost = focused.current
    if (!root || !lost || lost.isConnected) return
    const active = document.activeElement
    if (active && active !== document.body) return
    focused.current = null
    const from = cameFrom.current
    ;(target(root, lost) ?? (from?.isConnected ? from : null))?.focus()
  })
}
