import { CallError } from '../../core/CallError.js'
import type { AdApi, AdApiInitOptions } from './AdApi.js'
import { PROVIDER } from './brightPatternError.js'
import { loadAdApiScript } from './loadAdApiScript.js'

const MAX_RETRY_DELAY_MS = 30_000

export interface AdApiSourceOptions {
  /** An instance the app made: used as is, never loaded. */
  adApi?: AdApi
  scriptUrl?: string
  initOptions?: AdApiInitOptions
  scriptTimeoutMs?: number
  /** First retry delay after a failed load; doubles up to 30 s. Default 1000. */
  scriptRetryDelayMs?: number
  /** An `adApi` is ready: listen to it. `recovered` is true after failed loads. */
  onReady(adApi: AdApi, recovered: boolean): void
  /** A load failed; another try follows in `retryInMs`. */
  onFailed(error: CallError, retryInMs: number): void
}

/** The `adApi`, or why there is none. */
export type AdApiReady = { ok: true; adApi: AdApi } | { ok: false; error: CallError }

export interface AdApiSource {
  /** The `adApi` once there is one. */
  current(): AdApi | undefined
  /** Waits for the `adApi` (loading it if needed); never rejects. */
  ready(): Promise<AdApiReady>
  /** Waits for the `adApi`; rejects with a `not_ready` `CallError`. */
  get(): Promise<AdApi>
  dispose(): void
}

const disposedError = () => new CallError('not_ready', 'The Bright Pattern client was disposed.')

/**
 * Where a client's `adApi` comes from: the app's instance, or one built from the tenant's
 * `api.js`. A failed load is retried with backoff (the widget is the client's event stream), and
 * every wait in the meantime ends with the failure instead of hanging.
 */
export function createAdApiSource(options: AdApiSourceOptions): AdApiSource {
  const firstDelay = options.scriptRetryDelayMs ?? 1000
  let adApi = options.adApi
  let loading: Promise<AdApi> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryDelay = firstDelay
  let failed = false
  let disposed = false

  function build(AdApi: new (init?: AdApiInitOptions) => AdApi): AdApi {
    if (disposed) throw disposedError()
    try {
      return new AdApi(options.initOptions)
    } catch (thrown) {
      throw new CallError('not_ready', 'The Bright Pattern widget failed to start. Check initOptions (mountRoot or adcFrame).', {
        provider: { provider: PROVIDER, name: 'AdApi', message: thrown instanceof Error ? thrown.message : String(thrown) },
        cause: thrown,
      })
    }
  }

  function get(): Promise<AdApi> {
    if (disposed) return Promise.reject(disposedError())
    if (adApi) return Promise.resolve(adApi)
    if (loading) return loading
    const url = options.scriptUrl
    if (!url) return Promise.reject(new CallError('not_ready', 'No Bright Pattern widget: pass adApi or scriptUrl.'))
    const attempt = loadAdApiScript(url, { timeoutMs: options.scriptTimeoutMs }).then((AdApi) => {
      const built = build(AdApi)
      adApi = built
      retryDelay = firstDelay
      const recovered = failed
      failed = false
      options.onReady(built, recovered)
      return built
    })
    loading = attempt
    attempt.catch((error: unknown) => {
      loading = undefined
      if (disposed) return
      failed = true
      const callError = error instanceof CallError ? error : new CallError('not_ready', 'The Bright Pattern widget is not available.', { cause: error })
      options.onFailed(callError, retryDelay)
      clearTimeout(retryTimer)
      retryTimer = setTimeout(() => get().catch(() => {}), retryDelay)
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS)
    })
    return attempt
  }

  if (adApi) options.onReady(adApi, false)
  // Load now so the widget mounts with the page; starts and snapshots wait for the same load.
  else if (typeof document !== 'undefined') get().catch(() => {})

  return {
    current: () => adApi,
    get,
    async ready() {
      try {
        return { ok: true, adApi: await get() }
      } catch (error) {
        return {
          ok: false,
          error: error instanceof CallError ? error : new CallError('not_ready', 'The Bright Pattern widget is not available.', { cause: error }),
        }
      }
    },
    dispose() {
      disposed = true
      clearTimeout(retryTimer)
    },
  }
}
