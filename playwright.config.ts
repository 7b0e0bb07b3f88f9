import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from './scripts/chromium.js'

/**
 * End-to-end tests: a person in Debian's Chromium on the static Storybook build
 * (`npm run build-storybook` first). Screenshots of the key states go to `screenshots/`.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'npx vite preview --outDir storybook-static --host 127.0.0.1 --strictPort --port 6007',
    url: 'http://127.0.0.1:6007/iframe.html',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
