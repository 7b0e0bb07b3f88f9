import { createBackoff } from '../../client-kit/backoff.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { messageOf } from '../../client-kit/text.js'
import { isCallError, type CallError } from '../../core/CallError.js'
import { loadAdApiScript } from './loadAdApiScript.js'
import type { AdApi, AdApiConstructor, AdApiInitOptions } from './protocol/AdApi.js'
import { bpErrors } from './protocol/brightPatternErrors.js'

export interface WidgetLoaderOptions {
  /** The app's own `adApi`; otherwise one is built from `scriptUrl`. */
  adApi?: AdApi
  scriptUrl?: string
  initOptions?: AdApiInitOptions
  scriptTimeoutMs: number
  scriptRetryDelayMs: number
  log: ClientLogger
  disposed(): boolean
  /** A widget was built from the script (wire its handlers). */
  onBuilt(adApi: AdApi): void
  /** A load failed; the next try is in `retryInMs`. */
  onFailure(error: CallError, retryInMs: number): void
}

/** A load failure as a `CallError`. */
const notReady = (error: unknown) =>
  isCallError(error)
    ? error
    : bpErrors.error('not_ready', 'The Bright Pattern widget is not available.', undefined, error)

/**
 * The `adApi`: the app's, or one built from the tenant's `api.js`, loaded at once (in a browser)
 * so the widget mounts with the page. A failed load is retried with the kit's backoff (the widget
 * is the client's event stream), and every wait in the meantime ends with the failure instead of
 * hanging.
 */
export function createWidgetLoader(options: WidgetLoaderOptions) {
  let adApi = options.adApi
  let loading: Promise<AdApi> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  const backoff = createBackoff({ initialMs: options.scriptRetryDelayMs, maxMs: 30_000 })

  function build(AdApi: AdApiConstructor): AdApi {
    if (options.disposed()) throw bpErrors.disposed()
    try {
      adApi = new AdApi(options.initOptions)
    } catch (thrown) {
      throw bpErrors.error(
        'not_ready',
        'The Bright Pattern widget failed to start. Check initOptions (mountRoot or adcFrame).',
        { name: 'AdApi', message: messageOf(thrown) },
        thrown,
      )
    }
    backoff.reset()
    options.onBuilt(adApi)
    return adApi
  }

  /** A load failed: try again after the backoff's wait. */
  function retry(error: unknown) {
    loading = undefined
    if (options.disposed()) return
    const wait = backoff.current
    backoff.fail()
    options.onFailure(notReady(error), wait)
    clearTimeout(retryTimer)
    retryTimer = setTimeout(preload, wait)
  }

  /** The `adApi`, loading it if needed; rejects with a `not_ready` `CallError`. */
  function get(): Promise<AdApi> {
    if (options.disposed()) return Promise.reject(bpErrors.disposed())
    if (adApi) return Promise.resolve(adApi)
    if (!loading) {
      loading = loadAdApiScript(options.scriptUrl!, { timeoutMs: options.scriptTimeoutMs }).then(
        build,
      )
      loading.catch(retry)
    }
    return loading
  }

  const preload = () => void get().catch(() => {})

  return {
    get,
    /** Waits for the `adApi`; never rejects: resolves to the `CallError` saying why there is none. */
    ready: (): Promise<AdApi | CallError> => get().catch(notReady),
    /** The `adApi` once there is one. */
    current: () => adApi,
    preload,
    dispose: () => clearTimeout(retryTimer),
  }
}

export type WidgetLoader = ReturnType<typeof createWidgetLoader>
