/**
 * Click → request: pointerdown on a CallButton → the Tether client's `POST /api/calls/sdk/initiate`
 * leaving the page (the moment `fetch` is called, and the Resource Timing start of that request).
 * The page's origin proxies `/api` to a loopback Tether server.
 */
import { createRoot } from 'react-dom/client'
import { CallButton, CallProvider } from 'react-click-to-call'
import { createTetherClient } from 'react-click-to-call/clients/tether'

export interface ClickSample {
  /** pointerdown → `fetch()` called for the initiate request (ms). */
  toFetch: number
  /** pointerdown → the request's Resource Timing `startTime` (ms). */
  toResource: number | null
  /** click (pointerup) → `fetch()` called: the library's part, without the press itself (ms). */
  clickToFetch: number
}

const samples: ClickSample[] = []
let down: number | null = null
let clicked: number | null = null
let fetchedAt: number | null = null

document.addEventListener('pointerdown', (event) => (down = event.timeStamp), true)
document.addEventListener('click', (event) => (clicked = event.timeStamp), true)

const timedFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (url.includes('/sdk/initiate')) fetchedAt = performance.now()
  return fetch(input, init)
}

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (
      !entry.name.includes('/sdk/initiate') ||
      down === null ||
      clicked === null ||
      fetchedAt === null
    )
      continue
    samples.push({
      toFetch: fetchedAt - down,
      toResource: entry.startTime - down,
      clickToFetch: fetchedAt - clicked,
    })
    down = null
    clicked = null
    fetchedAt = null
  }
}).observe({ type: 'resource' })

// A long poll interval: the benchmark measures starts, not polling.
const client = createTetherClient({
  baseUrl: '',
  getToken: () => 'token-ada',
  fetch: timedFetch,
  poll: { intervalMs: 60_000 },
  logger: { debug() {}, warn() {} },
})

const root = createRoot(document.getElementById('root')!)

/**
 * The button for the `n`th contact, in the same place. A button whose call is live shows that
 * call instead of dialing, so each click goes to a new contact's button; `whileOnCall="allow"`
 * lets it dial while the earlier calls are still live (nothing hangs them up here).
 */
function render(n: number) {
  root.render(
    <CallProvider client={client} whileOnCall="allow">
      <CallButton
        key={n}
        phoneNumber={`+1416555${String(n).padStart(4, '0')}`}
        associatedObject={{
          id: `contact-${n}`,
          type: 'contact',
          displayName: 'Ada Lovelace',
          displayType: 'Contact',
          customFields: {},
        }}
      />
    </CallProvider>,
  )
}

let contact = 0
render(contact)

// The benchmark script drives the page through `window.bench`.
Object.assign(window, { bench: { samples, next: () => render((contact += 1)) } })
