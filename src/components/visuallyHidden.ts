import type { CSSProperties } from 'react'

/**
 * Hides text from sight but not from screen readers, inline so that it works without the
 * optional stylesheet (live regions and extra names must never show up unstyled).
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
}
