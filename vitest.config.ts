import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import type { CDPSession } from '@playwright/test'
import type { BrowserCommand } from 'vitest/node'
import { chromiumArgs, findChromium } from './scripts/chromium.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** `STORIES_CPU_THROTTLE=4`: the stories run with Chromium's CPU that many times slower. */
const storiesThrottle = Number(process.env.STORIES_CPU_THROTTLE ?? 1)

/** One DevTools session per page the stories run in (its iframes share its main thread). */
const cpuSessions = new WeakMap<object, Promise<CDPSession>>()

/**
 * Sets the CPU throttle of the page the stories run in: `storiesThrottle` while a story renders
 * and plays, 1 otherwise (`rate` 1), so the page load and Vite's module transforms run at full speed.
 */
const throttleCpu: BrowserCommand<[on: boolean]> = async ({ context, page }, on) => {
  let session = cpuSessions.get(page)
  if (!session) {
    session = context.newCDPSession(page)
    cpuSessions.set(page, session)
  }
  await (await session).send('Emulation.setCPUThrottlingRate', { rate: on ? storiesThrottle : 1 })
}

export default defineConfig({
  plugins: [react()],
  test: {
    // Clients log their assumptions by default; show logs only for a failing test.
    silent: 'passed-only',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          globals: true,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          testTimeout: 15_000,
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.typetests.json',
          },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        optimizeDeps: {
          include: [
            'msw',
            'msw/browser',
            'msw-storybook-addon/csf3',
            'react-dom/client',
            '@tanstack/react-query',
            'zustand',
            'cometd',
          ],
        },
        test: {
          name: 'storybook',
          testTimeout: 20_000,
          setupFiles: storiesThrottle > 1 ? ['.storybook/throttleCpu.ts'] : [],
          browser: {
            commands: { throttleCpu },
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: findChromium(), args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
