import { useState } from 'react'
import { visuallyHidden } from './visuallyHidden.js'

/**
 * Says its first words once, assertively (a hidden `role="alert"`): words that change later, such
 * as the caller's name found after the ring, are shown elsewhere, not announced again. Key it by
 * the call so the next call is said.
 */
export function SaidOnce({ text }: { text: string }) {
  const [said] = useState(text)
  return (
    <p role="alert" style={visuallyHidden}>
      {said}
    </p>
  )
}
