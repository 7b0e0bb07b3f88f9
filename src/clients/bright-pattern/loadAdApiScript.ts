import type { AdApiConstructor } from './protocol/AdApi.js'
import { bpErrors } from './protocol/brightPatternErrors.js'

/** Loads in progress or done, by URL: every client on the page shares one `<script>` per URL. */
const loads = new Map<string, Promise<AdApiConstructor>>()

export interface LoadAdApiScriptOptions {
  /** Give up after this long. Default 30000 ms. */
  timeoutMs?: number
}

/**
 * Loads the tenant's `api.js` (e.g. `https://<tenant>/agent/communicator/adapters/api.js`) once
 * per URL and resolves to `window.brightpattern.AdApi`. It injects a `<script>` element, as the
 * vendor's integration does: a cross-origin script needs no CORS and no `unsafe-eval`.
 * Rejects with a `not_ready` `CallError`; a failed load is forgotten, so the next call tries again.
 *
 * @example
 * const AdApi = await loadAdApiScript('https://acme.brightpattern.com/agent/communicator/adapters/api.js')
 * const adApi = new AdApi({ mountRoot: document.getElementById('widget')! })
 */
export function loadAdApiScript(
  url: string,
  options: LoadAdApiScriptOptions = {},
): Promise<AdApiConstructor> {
  const existing = loads.get(url)
  if (existing) return existing
  const timeoutMs = options.timeoutMs ?? 30_000
  const load = new Promise<AdApiConstructor>((resolve, reject) => {
    /** Fails with what a person can do, and the detail (with the URL) for support. */
    const fail = (message: string, detail: string) =>
      reject(
        bpErrors.error('not_ready', message, {
          name: 'script_load',
          message: `${detail} (${url})`,
        }),
      )
    if (typeof document === 'undefined')
      return fail('The Bright Pattern widget can only load in a browser.', 'no document')
    const script = document.createElement('script')
    /** The load is over: no more timer or listeners. */
    const stop = () => {
      clearTimeout(timer)
      script.onload = script.onerror = null
    }
    /** The load failed: the script goes (the next try adds a fresh one). */
    const failLoad = (message: string, detail: string) => {
      stop()
      script.remove()
      fail(message, detail)
    }
    const timer = setTimeout(
      () =>
        failLoad(
          'The Bright Pattern widget took too long to load. Check your connection.',
          `no load within ${timeoutMs} ms`,
        ),
      timeoutMs,
    )
    script.onload = () => {
      const AdApi = (globalThis as { brightpattern?: { AdApi?: unknown } }).brightpattern?.AdApi
      if (typeof AdApi !== 'function') {
        return failLoad(
          'The Bright Pattern widget script has no API. Check the widget address (communicator or crmembedded).',
          'no window.brightpattern.AdApi',
        )
      }
      stop()
      resolve(AdApi as AdApiConstructor)
    }
    script.onerror = () =>
      failLoad(
        'Could not load the Bright Pattern widget. Check the tenant address and your connection, then try again.',
        'script error',
      )
    // Dynamically inserted scripts are async in browsers anyway; saying so keeps DOM emulators from blocking on them.
    script.async = true
    script.src = url
    document.head.append(script)
  })
  loads.set(url, load)
  load.catch(() => {
    if (loads.get(url) === load) loads.delete(url)
  })
  return load
}
