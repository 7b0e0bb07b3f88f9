/**
 * Whether the page is shown, for polls that should rest in a hidden tab. The kit assumes no DOM:
 * `documentVisibility()` returns `undefined` where there is no `document` (Node, workers), and a
 * client may take any `PageVisibility` as an option instead.
 */
export interface PageVisibility {
  /** True while the page is hidden (a background tab, a minimized window). */
  isHidden(): boolean
  /** Calls `listener` with the new value each time it changes. Returns the unsubscribe function. */
  subscribe(listener: (hidden: boolean) => void): () => void
}

/** The page's own visibility (`document.visibilityState`), or `undefined` without a `document`. */
export function documentVisibility(): PageVisibility | undefined {
  const doc = (globalThis as { document?: Document }).document
  if (!doc || typeof doc.addEventListener !== 'function') return undefined
  const isHidden = () => doc.visibilityState === 'hidden'
  return {
    isHidden,
    subscribe(listener) {
      const onChange = () => listener(isHidden())
      doc.addEventListener('visibilitychange', onChange)
      return () => doc.removeEventListener('visibilitychange', onChange)
    },
  }
}
