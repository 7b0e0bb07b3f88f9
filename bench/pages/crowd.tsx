/**
 * A CRM list of 500 contacts, in React's production build:
 *
 * - `window.bench.mount(kind)` mounts the list as 500 `CallButton`s or as 500 plain `<button>`s
 *   (inside the same `CallProvider`), synchronously, and returns the milliseconds it took (render
 *   and commit); `unmount()` empties the list again.
 * - `window.bench.events(calls)` first fills the history with 50 ended calls, then plays `calls`
 *   whole calls (dialing, ringing, connected, five updates, ended) to numbers no button shows,
 *   each event committed synchronously, and returns the milliseconds each event took: apart, the
 *   events that change what every button shows (under the default live-call rule, `refuse`, the
 *   call going live disables every other button with "on a call", and its end enables them) and
 *   the events that change nothing a button shows.
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { CallButton, CallProvider } from 'react-click-to-call'
import type { CallEvent } from 'react-click-to-call/core'
import { createScriptedClient } from './scriptedClient.js'
import { contacts } from './contacts.js'

type Kind = 'none' | 'call-buttons' | 'plain-buttons'

const CONTACTS = contacts(500)

function Contacts({ kind }: { kind: Kind }) {
  if (kind === 'none') return null
  return (
    <ul aria-label="Contacts">
      {CONTACTS.map(({ phoneNumber, ...contact }) => (
        <li key={contact.id}>
          {contact.displayName}{' '}
          {kind === 'call-buttons' ? (
            <CallButton phoneNumber={phoneNumber} associatedObject={contact} />
          ) : (
            <button type="button">Call</button>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The provider stays mounted across renders: only the list mounts and unmounts. */
function Page({ kind }: { kind: Kind }) {
  return (
    <CallProvider client={client}>
      <Contacts kind={kind} />
    </CallProvider>
  )
}

const client = createScriptedClient()
const root = createRoot(document.getElementById('root')!)
const show = (kind: Kind) => root.render(<Page kind={kind} />)
flushSync(() => show('none'))

function mount(kind: Exclude<Kind, 'none'>): number {
  const started = performance.now()
  flushSync(() => show(kind))
  return performance.now() - started
}

function unmount(): void {
  flushSync(() => show('none'))
}

let callNumber = 0

/** The nine events of one call to a number no button shows. */
function oneCall(): CallEvent[] {
  const interactionId = `crowd-call-${++callNumber}`
  const phoneNumber = `+1905555${String(1000 + (callNumber % 1000)).padStart(4, '0')}`
  let seq = 0
  const stamp = () => ({ interactionId, phoneNumber, at: callNumber * 100 + seq, seq: ++seq })
  return [
    { type: 'status', status: 'dialing', ...stamp() },
    { type: 'status', status: 'ringing', ...stamp() },
    { type: 'status', status: 'connected', ...stamp() },
    ...Array.from({ length: 5 }, (_, i): CallEvent => ({
      type: 'updated',
      muted: i % 2 === 0,
      ...stamp(),
    })),
    { type: 'ended', outcome: 'completed', ...stamp() },
  ]
}

/** The events of `oneCall()` that go live (dialing) and end it: every button's readiness changes. */
const CHANGES_EVERY_BUTTON = new Set([0, 8])

function events(calls: number): { otherCall: number[]; readinessChange: number[] } {
  // A full history first: the list keeps 50 ended calls, as after an hour of work.
  for (let n = 0; n < 50; n += 1) for (const event of oneCall()) client.emit(event)
  const otherCall: number[] = []
  const readinessChange: number[] = []
  for (let n = 0; n < calls; n += 1) {
    oneCall().forEach((event, index) => {
      const started = performance.now()
      flushSync(() => client.emit(event))
      const ms = performance.now() - started
      ;(CHANGES_EVERY_BUTTON.has(index) ? readinessChange : otherCall).push(ms)
    })
  }
  return { otherCall, readinessChange }
}

// The benchmark script drives the page through `window.bench`.
Object.assign(window, { bench: { mount, unmount, events } })
