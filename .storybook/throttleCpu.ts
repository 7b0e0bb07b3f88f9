/**
 * Vitest setup for the stories with `STORIES_CPU_THROTTLE` set: each story renders and plays with
 * Chromium's CPU that many times slower (a DevTools CPU throttle, from the `throttleCpu` command in
 * vitest.config.ts), as a loaded machine would run it. `preview.tsx` turns the throttle on once the
 * story's loaders ran and off once its play function passed, so what is slowed is the story itself:
 * not loading the page or transforming the story files (the test runner's work), nor the
 * accessibility check that follows the story (it inspects the page, it does not wait on it).
 */
import { afterEach } from 'vitest'
import { commands } from 'vitest/browser'
import { storyCpuThrottle } from './storyCpuThrottle.js'

declare module 'vitest/browser' {
  interface BrowserCommands {
    throttleCpu: (on: boolean) => Promise<void>
  }
}

storyCpuThrottle.set = commands.throttleCpu
// A play function that failed skips the story's own afterEach: the next story starts at full speed.
afterEach(() => commands.throttleCpu(false))
