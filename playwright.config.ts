import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from './scripts/chromium.js'
import type { ThrottleOptions } from './test/e2e/test.js'

/** How many times slower Chromium's CPU runs (DevTools throttling); 1, the default, is full speed. */
const cpuThrottle = Number(process.env.E2E_CPU_THROTTLE ?? 1)

/**
 * End-to-end tests: a person in Debian's Chromium on the static Storybook build
 * (`npm run build-storybook` first). Screenshots of the key states go to `screenshots/`.
 */
export default defineConfig<ThrottleOptions>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['json', { outputFile: cpuThrottle > 1 ? 'reports/e2e-throttled.json' : 'reports/e2e.json' }],
  ],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:6007',
    viewport: { width: 1360, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: chromiumArgs,
    },
  },
  projects: [
    ...(cpuThrottle > 1 ? [] : [{ name: 'chromium', use: { browserName: 'chromium' as const } }]),
    // With E2E_CPU_THROTTLE=4 (npm test's run of the flows): the flows with Chromium's CPU 4×
    // slower on every page from its first render on (see test/e2e/test.ts), as on a busy laptop or
    // a loaded CI machine. They must still pass by waiting on what a person sees. The per-story look and axe check (screenshots.spec.ts) and the
    // docs pages' check (docsPages.spec.ts) have no flow to race and run in the full-speed pass;
    // they are left out here to keep CI under 15 min (the first takes 70 s throttled). Run them
    // throttled with `--project chromium-throttled` and `E2E_THROTTLE_ALL=1`.
    ...(cpuThrottle > 1
      ? [
          {
            name: 'chromium-throttled',
            use: { browserName: 'chromium' as const, cpuThrottle },
            testIgnore: process.env.E2E_THROTTLE_ALL
              ? []
              : ['**/screenshots.spec.ts', '**/docsPages.spec.ts'],
          },
        ]
      : []),
  ],
  webServer: {
    command: 'npx vite preview --outDir storybook-static --host 127.0.0.1 --strictPort --port 6007',
    url: 'http://127.0.0.1:6007/iframe.html',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
