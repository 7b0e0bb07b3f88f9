/**
 * Vitest setup for the stories with `STORIES_CPU_THROTTLE` set: slows Chromium's CPU for the page
 * the stories run in (a DevTools CPU throttle, from the `throttleCpu` command in vitest.config.ts),
 * so their play functions are checked as a loaded machine would run them.
 */
import { commands } from 'vitest/browser'

declare module 'vitest/browser' {
  interface BrowserCommands {
    throttleCpu: () => Promise<void>
  }
}

await commands.throttleCpu()
