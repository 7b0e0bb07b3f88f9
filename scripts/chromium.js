import { existsSync } from 'node:fs'

/** Chromium flags that work as root in a container on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The browser to drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`; `undefined` when neither exists. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean)
  return candidates.find((path) => existsSync(path))
}
