/**
 * Render counts: 10,000 events for one interaction on a page with 50 CallButtons, a banner and a
 * dialpad, with 50 ended calls in history. `window.bench.run(status)` brings one call to `status`
 * (`ringing`: the dialpad does not show it; `connected`: the dialpad turns into its tones keypad),
 * resets the counts, then sends the events one task at a time (so React commits each one) and
 * reports the re-renders. `window.bench.flips(n)` flips the event stream between reconnecting and
 * open `n` times: a CallButton shows only whether it is closed.
 */
import { createRoot } from 'react-dom/client'
import type { CallEvent } from 'react-click-to-call/core'
import { CrmPage, counts, resetCounts, type RenderCounts } from './CrmPage.js'
import { nextTask, settle } from './nextTask.js'
import { createScriptedClient } from './scriptedClient.js'

export interface RenderRun extends RenderCounts {
  status: 'ringing' | 'connected'
  events: number
  /** Events that changed the interaction (the rest are duplicates, which the store drops). */
  changing: number
  ms: number
  /** What the banner says at the end. */
  bannerText: string
}

const client = createScriptedClient()
createRoot(document.getElementById('root')!).render(<CrmPage client={client} />)

let calls = 0

/** Fills the history: 50 calls (to numbers no button shows) that rang and ended. */
async function fillHistory(count = 50): Promise<void> {
  for (let n = 0; n < count; n += 1) {
    const stamp = {
      interactionId: `past-call-${n}`,
      at: n * 10,
      phoneNumber: `+1905555${1000 + n}`,
    }
    client.emit({ type: 'status', status: 'ringing', ...stamp, seq: 1 })
    client.emit({ type: 'ended', outcome: 'no-answer', ...stamp, seq: 2 })
  }
  await settle()
}

/** Flips the connection between reconnecting and open `total` times, one task each; re-renders since. */
async function flips(total = 1_000): Promise<RenderCounts & { flips: number }> {
  await settle()
  resetCounts()
  for (let i = 0; i < total; i += 1) {
    client.emit({ type: 'connection', status: i % 2 === 0 ? 'reconnecting' : 'open' })
    await nextTask()
  }
  client.emit({ type: 'connection', status: 'open' })
  await settle()
  return { flips: total, ...counts }
}

async function run(status: 'ringing' | 'connected', total = 10_000): Promise<RenderRun> {
  await settle()
  const interactionId = `bench-call-${++calls}`
  let seq = 0
  const at = Date.now()
  // A number no CallButton on the page shows: every event is for another call than theirs.
  const stamp = () => ({ interactionId, at: at + seq, seq, phoneNumber: '+14165559999' })
  for (const step of status === 'ringing'
    ? (['dialing', 'ringing'] as const)
    : (['dialing', 'ringing', 'connected'] as const)) {
    seq += 1
    client.emit({ type: 'status', status: step, rawState: step, ...stamp() })
  }
  await settle()
  resetCounts()

  let changing = 0
  let last: CallEvent | undefined
  const started = performance.now()
  for (let i = 0; i < total; i += 1) {
    // One in five is a duplicate of the one before, as a re-sent provider snapshot would be.
    if (last && i % 5 === 4) {
      client.emit(last)
    } else {
      seq += 1
      changing += 1
      last =
        i % 2 === 0
          ? { type: 'updated', muted: seq % 4 === 0, ...stamp() }
          : { type: 'updated', rawState: `${status}-${seq}`, ...stamp() }
      client.emit(last)
    }
    await nextTask()
  }
  const ms = performance.now() - started
  await settle()
  const result = {
    status,
    events: total,
    changing,
    ms: Math.round(ms),
    ...counts,
    bannerText: document.querySelector('.rcc-CallStatusBanner')?.textContent ?? '',
  }
  // Ends the call so the next run starts from a page without a live call.
  seq += 1
  client.emit({ type: 'ended', outcome: 'completed', ...stamp() })
  await settle()
  return result
}

// The benchmark script drives the page through `window.bench`.
/** Re-renders while a person types `digits` into the dialpad (typed by the benchmark script). */
function typing() {
  const snapshot = { ...counts }
  resetCounts()
  return snapshot
}

Object.assign(window, { bench: { fillHistory, run, flips, resetCounts, typing } })
