import { test as base, type BrowserContext, type CDPSession, type Page } from '@playwright/test'

export { expect } from '@playwright/test'
export type { Locator, Page } from '@playwright/test'

/**
 * How many times slower than the machine Chromium runs the pages: 1 (no throttle) by default; the
 * `chromium-throttled` project sets 4, as a busy laptop or a loaded CI machine would be.
 */
export interface ThrottleOptions {
  cpuThrottle: number
}

interface Throttle {
  session: CDPSession
  rate: number
}

const throttles = new WeakMap<Page, Promise<Throttle>>()
const watched = new WeakSet<BrowserContext>()

function setRate({ session }: Throttle, rate: number): Promise<unknown> {
  return session.send('Emulation.setCPUThrottlingRate', { rate })
}

/**
 * Slows one page's CPU through the DevTools protocol, once. What is slowed is what the page does
 * once it shows something: a navigation (`page.goto`) loads and parses Storybook's own bundle at
 * full speed, then the page runs `rate` times slower from its first render on, for every click,
 * event and re-render of the flow under test.
 */
function throttlePage(context: BrowserContext, page: Page, rate: number): Promise<Throttle> {
  let throttle = throttles.get(page)
  if (!throttle) {
    throttle = context.newCDPSession(page).then(async (session) => {
      const done = { session, rate }
      await setRate(done, rate)
      return done
    })
    throttles.set(page, throttle)
    const goto = page.goto.bind(page)
    page.goto = async (url, options) => {
      const current = await throttle!
      await setRate(current, 1)
      const response = await goto(url, options)
      await page.waitForFunction(
        () =>
          document.readyState === 'complete' &&
          (!new URLSearchParams(location.search).has('id') ||
            document.querySelector('#storybook-root > *, #storybook-docs > *') !== null),
        undefined,
        { timeout: 60_000 },
      )
      await setRate(current, current.rate)
      return response
    }
  }
  return throttle
}

/**
 * Throttles every page of a context at `rate`: those open now and every page opened later (popups,
 * `context.newPage()`). Resolves once the pages open now are throttled. For contexts a test makes
 * itself with `browser.newContext()` (call it again after `newPage()` to wait for that page); the
 * `context` and `page` fixtures do it for theirs.
 */
export async function throttleContext(context: BrowserContext, rate: number): Promise<void> {
  if (rate <= 1) return
  if (!watched.has(context)) {
    watched.add(context)
    context.on('page', (page) => void throttlePage(context, page, rate))
  }
  await Promise.all(context.pages().map((page) => throttlePage(context, page, rate)))
}

/**
 * Runs a check of the test's own (axe) at the machine's speed: it is not what a person waits for,
 * and a 4× slower axe run only makes the suite longer.
 */
export async function atFullSpeed<T>(page: Page, check: () => Promise<T>): Promise<T> {
  const throttle = await throttles.get(page)
  if (!throttle) return check()
  await setRate(throttle, 1)
  try {
    return await check()
  } finally {
    await setRate(throttle, throttle.rate)
  }
}

/**
 * Playwright's `test`, with every page's CPU throttled at the project's `cpuThrottle`. A page
 * opened later is throttled from its `page` event; `newPage` awaits it so nothing runs unthrottled.
 */
export const test = base.extend<object, ThrottleOptions>({
  cpuThrottle: [1, { option: true, scope: 'worker' }],
  context: async ({ context, cpuThrottle }, provide) => {
    await throttleContext(context, cpuThrottle)
    await provide(context)
  },
  page: async ({ page, context, cpuThrottle }, provide) => {
    if (cpuThrottle > 1) await throttlePage(context, page, cpuThrottle)
    await provide(page)
  },
})
