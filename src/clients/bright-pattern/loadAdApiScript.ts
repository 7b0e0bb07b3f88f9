import { CallError } from '../../core/CallError.js'
import type { AdApiConstructor } from './AdApi.js'
import { PROVIDER } from './brightPatternError.js'

/** Loads in progress or done, by URL: every client on the page shares one `<script>` per URL. */
const loads = new Map<string, Promise<AdApiConstructor>>()

export interface LoadAdApiScriptOptions {
  /** Give up after this long. Default 30000 ms. */
  timeoutMs?: number
}

function notReady(url: string, message: string, detail: string): CallError {
  return new CallError('not_ready', message, { provider: { provider: PROVIDER, name: 'script_load', message: `${detail} (${url})` } })
}

function readConstructor(): AdApiConstructor | undefined {
  const AdApi = (globalThis as { brightpattern?: { AdApi?: unknown } }).brightpattern?.AdApi
  return typeof AdApi === 'function' ? (AdApi as AdApiConstructor) : undefined
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
export function loadAdApiScript(url: string, options: LoadAdApiScriptOptions = {}): Promise<AdApiConstructor> {
  const existing = loads.get(url)
  if (existing) return existing
  const timeoutMs = options.timeoutMs ?? 30_000
  const load = new Promise<AdApiConstructor>((resolve, reject) => {
    if (typeof document === 'undefined') {
      reject(notReady(url, 'The Bright Pattern widget can only load in a browser.', 'no document'))
      return
    }
    const script = document.createElement('script')
    // Dynamically inserted scripts are async in browsers anyway; saying so keeps DOM emulators from blocking on them.
    script.async = true
    script.src = url
    const settle = (error?: CallError) => {
      clearTimeout(timer)
      script.onload = null
      script.onerror = null
      if (!error) {
        const AdApi = readConstructor()
        if (AdApi) return resolve(AdApi)
        error = notReady(
          url,
          'The Bright Pattern widget script loaded but did not define the API. Check the widget address (communicator or crmembedded).',
          'window.brightpattern.AdApi is missing after load',
        )
      }
      script.remove()
      reject(error)
    }
    const timer = setTimeout(
      () => settle(notReady(url, 'The Bright Pattern widget took too long to load. Check your connection and reload.', `no load within ${timeoutMs} ms`)),
      timeoutMs,
    )
    script.onload = () => settle()
    script.onerror = () =>
      settle(notReady(url, 'Could not load the Bright Pattern widget. Check the tenant address and your connection, then try again.', 'script error'))
    document.head.append(script)
  })
  loads.set(url, load)
  load.catch(() => {
    if (loads.get(url) === load) loads.delete(url)
  })
  return load
}
