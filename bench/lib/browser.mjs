/** Debian's Chromium through Playwright, with the project's flags (scripts/chromium.js). */
import { execFileSync } from 'node:child_process'
import { chromium } from 'playwright'
import { chromiumArgs, findChromium } from '../../scripts/chromium.js'

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
