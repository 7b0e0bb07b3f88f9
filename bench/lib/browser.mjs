/** Debian's Chromium through Playwright, with the project's flags (scripts/chromium.js). */
import { execFileSync } from 'node:child_process'
import { chromium } from 'playwright'
import { chromiumArgs, findChromium } from '../../scripts/chromium.js'
import { serve } from './serve.mjs'

/* global window -- the page.waitForFunction callback runs in the page */

/**
 * Launches headless Chromium. `unthrottled: true` lets frames run as soon as they are ready
 * (no 60 Hz vsync wait), so a latency measures the work done, not where in a frame it fell.
 */
export async function launch({ unthrottled = false } = {}) {
  const executablePath = findChromium()
  if (!executablePath)
    throw new Error(
      'Chromium was not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
  const args = unthrottled
    ? [...chromiumArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync']
    : chromiumArgs
  return chromium.launch({ executablePath, args, headless: true })
}

/** The browser's version string, e.g. "Chromium 156.0.8078.79". */
export function chromiumVersion() {
  const path = findChromium()
  if (!path) return 'none'
  try {
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return path
  }
}

/** Fails the run on any page error or console error, so a broken page never yields a figure. */
export function watchPage(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()}`)
  })
}

/**
 * Serves `dir`, opens `path` in a fresh Chromium once the page has set `window.bench`, runs
 * `work(page)` and resolves to its result; fails if the page reported an error or a warning.
 * `proxy` and `unthrottled` go to `serve` and `launch`.
 */
export async function onPage(dir, path, work, { proxy, unthrottled = false } = {}) {
  const server = await serve(dir, proxy)
  const browser = await launch({ unthrottled })
  const problems = []
  try {
    const page = await browser.newPage()
    watchPage(page, problems)
    await page.goto(`${server.url}/${path}`)
    await page.waitForFunction(() => window.bench !== undefined)
    const result = await work(page)
    if (problems.length) throw new Error(`${path} reported problems:\n${problems.join('\n')}`)
    return result
  } finally {
    await browser.close()
    await server.close()
  }
}
