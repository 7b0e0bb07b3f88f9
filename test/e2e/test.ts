import { test as base, type BrowserContext, type Page } from '@playwright/test'

export { expect } from '@playwright/test'
export type { Locator, Page } from '@playwright/test'

/**
 * How many times slower than the machine Chromium runs the pages: 1 (no throttle) by default; the
 * `chromium-throttled` project sets 4, as a busy laptop or a loaded CI machine would be.
 */
export interface ThrottleOptions {
  cpuThrottle: number
}

const throttled = new WeakMap<Page, Promise<void>>()
const watched = new WeakSet<BrowserContext>()

/** Slows one page's CPU through the DevTools protocol, once. */
function throttlePage(context: BrowserContext, page: Page, rate: number): Promise<void> {
  let done = throttled.get(page)
  if (!done) {
    done = context
      .newCDPSession(page)
      .then((session) => session.send('Emulation.setCPUThrottlingRate', { rate }))
      .then(() => undefined)
    throttled.set(page, done)
  }
  return done
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
