import { useState, type ReactNode } from 'react'
import { Dialpad } from '../../src/components/Dialpad.js'

/**
 * An app holding the Dialpad's value in its own state (the controlled Dialpad): it records each
 * `onValueChange` in `changes`, and shows its value in an output named "Parent value".
 */
export function ParentOfDialpad({
  initial,
  changes,
  children,
}: {
  initial: string
  changes: string[]
  /** More of the app's page, e.g. a CallButton that prefills the Dialpad. */
  children?: ReactNode
}) {
  const [value, setValue] = useState(initial)
  return (
    <>
      <Dialpad
        value={value}
        onValueChange={(next) => {
          changes.push(next)
          setValue(next)
        }}
      />
      <output aria-label="Parent value">{value}</output>
      {children}
    </>
  )
}
