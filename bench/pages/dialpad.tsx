/**
 * Dialpad latency: keydown in the dialpad's textbox → the frame that shows the digit. `?buttons=0`
 * shows the dialpad with the banner only; otherwise the CRM page with 50 CallButtons.
 *
 * For each recorded keydown: the time from `event.timeStamp` to the next animation frame (the
 * frame the digit is painted in, checked in that frame), and to just after that frame.
 */
import { createRoot } from 'react-dom/client'
import { createSimulatedClient } from 'react-click-to-call/clients/simulated'
import { CrmPage } from './CrmPage.js'
import { nextTask } from './nextTask.js'

export interface KeySample {
  /** keydown → the animation-frame callback of the frame that shows the digit (ms). */
  toFrame: number
  /** keydown → just after that frame was produced (ms). */
  toPaint: number
  /** The digit was in the textbox at that frame. */
  shown: boolean
}

const buttons = new URLSearchParams(location.search).get('buttons') !== '0'
createRoot(document.getElementById('root')!).render(
  <CrmPage client={createSimulatedClient()} buttons={buttons} />,
)

const samples: KeySample[] = []
let recording = false

document.addEventListener(
  'keydown',
  (event) => {
    if (!recording || !/^[0-9]$/.test(event.key)) return
    const input = event.target as HTMLInputElement
    const expected = input.value + event.key
    const down = event.timeStamp
    requestAnimationFrame(() => {
      const toFrame = performance.now() - down
      const shown = input.value === expected
      void nextTask().then(() =>
        samples.push({ toFrame, toPaint: performance.now() - down, shown }),
      )
    })
  },
  true,
)

// The benchmark script drives the page through `window.bench`.
Object.assign(window, {
  bench: {
    samples,
    record(on: boolean) {
      recording = on
    },
  },
})
