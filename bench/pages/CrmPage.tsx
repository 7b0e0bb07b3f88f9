/**
 * The page the browser benchmarks run: a contact list with 50 CallButtons, the call banner and
 * a dialpad, each inside a React `<Profiler>` that counts its re-renders (not its mount).
 */
import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { CallButton, CallProvider, CallStatusBanner, Dialpad } from 'react-click-to-call'
import type { CallClient } from 'react-click-to-call/core'
import { contacts } from './contacts.js'

/** Re-renders per part since the last reset. */
export interface RenderCounts {
  buttons: number
  banner: number
  dialpad: number
}

export const counts: RenderCounts = { buttons: 0, banner: 0, dialpad: 0 }

export function resetCounts(): void {
  counts.buttons = 0
  counts.banner = 0
  counts.dialpad = 0
}

const count =
  (part: keyof RenderCounts): ProfilerOnRenderCallback =>
  (_id, phase) => {
    if (phase !== 'mount') counts[part] += 1
  }
const onButton = count('buttons')
const onBanner = count('banner')
const onDialpad = count('dialpad')

export const CONTACTS = contacts(50)

export function CrmPage({ client, buttons = true }: { client: CallClient; buttons?: boolean }) {
  return (
    <CallProvider client={client}>
      <main>
        <Profiler id="banner" onRender={onBanner}>
          <CallStatusBanner dismissAfterMs={null} />
        </Profiler>
        {buttons && (
          <ul aria-label="Contacts">
            {CONTACTS.map(({ phoneNumber, ...contact }) => (
              <li key={contact.id}>
                {contact.displayName}{' '}
                <Profiler id={`button-${contact.id}`} onRender={onButton}>
                  <CallButton phoneNumber={phoneNumber} associatedObject={contact} />
                </Profiler>
              </li>
            ))}
          </ul>
        )}
        <Profiler id="dialpad" onRender={onDialpad}>
          <Dialpad />
        </Profiler>
      </main>
    </CallProvider>
  )
}
