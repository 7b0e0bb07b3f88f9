import { useEffect, useRef, type RefObject } from 'react'

/** Focus can rest there: on the page and not disabled (natively, or by a disabled fieldset). */
const canTakeFocus = (element: HTMLElement | null | undefined): element is HTMLElement =>
  !!element?.isConnected && !element.matches(':disabled')

/**
 * Keeps a keyboard user's focus when a component's view changes under it: when the element that
 * had focus inside `root` leaves the page (Hang up gives way to Dismiss, a row of the list goes,
 * a record is chosen) or the app disables it (Chromium then drops focus to `<body>`, though the
 * element is still there), focus moves to `target(root, lost)`, a named control of the new view.
 * When the new view has none (or the component now renders nothing: `root` is gone), it goes
 * back to where it came from before it entered `root` (the button that placed the call), if that
 * can still take it.
 *
 * Checked after each render of the component: what removes or disables the focused element is a
 * render of the component (or of a child in the same commit). A person who clicked elsewhere on
 * the page keeps their focus there: only a lost element is rescued. The listeners are on the
 * document, so a root that comes and goes (a form that renders nothing between calls) is
 * followed.
 */
export function useFocusRescue(
  rootRef: RefObject<HTMLElement | null>,
  target: (root: HTMLElement, lost: HTMLElement) => HTMLElement | null | undefined,
) {
  const focused = useRef<HTMLElement | null>(null)
  const cameFrom = useRef<HTMLElement | null>(null)
  useEffect(() => {
    // A removed element gets no focusin elsewhere: it stays the one to rescue. Focus moved on
    // purpose (anywhere outside the root) forgets it.
    const focusIn = (event: FocusEvent) => {
      const root = rootRef.current
      const element = event.target as HTMLElement
      if (!root?.contains(element)) {
        focused.current = null
        return
      }
      const from = event.relatedTarget as HTMLElement | null
      if (from && !root.contains(from)) cameFrom.current = from
      focused.current = element
    }
    document.addEventListener('focusin', focusIn)
    return () => document.removeEventListener('focusin', focusIn)
  }, [rootRef])
  useEffect(() => {
    const lost = focused.current
    if (!lost || canTakeFocus(lost)) return
    // Focus fell to the page (or, before the browser's own fixup runs, still sits on the
    // disabled element).
    const active = document.activeElement
    if (active && active !== document.body && active !== lost) return
    focused.current = null
    const root = rootRef.current
    const next = root && target(root, lost)
    const from = cameFrom.current
    ;(canTakeFocus(next) ? next : canTakeFocus(from) ? from : null)?.focus()
  })
}
