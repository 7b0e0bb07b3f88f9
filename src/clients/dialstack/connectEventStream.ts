import { createBackoff } from '../../client-kit/backoff.js'
import type { ClientLogger } from '../../client-kit/logger.js'
import { httpError } from '../../client-kit/request.js'
import type { CallError } from '../../core/CallError.js'
import type { BackoffOptions } from './options.js'
import { parseTime, text } from './protocol/parseDialStackEvent.js'
import { createSseParser, type SseMessage } from './protocol/parseSse.js'
import { dialStackErrors } from './protocol/toDialStackError.js'
import type { DialStackClientSecret } from './protocol/types.js'

/** DialStack's SSE endpoint; the browser reaches it with a short-lived client secret only. */
export const DIALSTACK_EVENTS_URL = 'https://api.dialstack.ai/v1/events'

export interface EventStreamOptions {
  /** Default `DIALSTACK_EVENTS_URL`. */
  url?: string | undefined
  getClientSecret: () => DialStackClientSecret | Promise<DialStackClientSecret>
  fetch?: typeof fetch
  backoff?: BackoffOptions
  /** Consecutive 401/403 answers before giving up. Default 3, as DialStack's SDK. */
  maxAuthFailures?: number
  /** Every SSE message. */
  onMessage(message: SseMessage): void
  /** The stream is (again) open. `reconnected` is false on the very first open. */
  onOpen(reconnected: boolean): void
  /** The stream dropped or could not open; it will retry. */
  onDown(error: CallError): void
  /** The stream gave up for good (too many auth failures). */
  onGiveUp(error: CallError): void
  log: ClientLogger
}

export interface EventStream {
  /** Stops the stream and every pending retry. Idempotent. */
  close(): void
}

interface Secret {
  value: string
  expiresAt?: number | undefined
}

/** A secret this close to its expiry is fetched anew before connecting. */
const REFRESH_MARGIN_MS = 60_000

/** The secret out of either shape `getClientSecret` may return. */
function readSecret(input: DialStackClientSecret): Secret {
  if (typeof input === 'string') return { value: input }
  const session = input as {
    client_secret?: unknown
    clientSecret?: unknown
    expires_at?: unknown
    expiresAt?: unknown
  }
  const value = text(session.client_secret ?? session.clientSecret)
  if (!value)
    throw dialStackErrors.error(
      'unauthorized',
      'Live call status could not start: no DialStack session was given.',
    )
  return { value, expiresAt: parseTime(session.expires_at ?? session.expiresAt) }
}

/**
 * Reads DialStack's SSE stream (`GET /v1/events`, `Authorization: Bearer <client_secret>`) with
 * `fetch` and a ReadableStream, since `EventSource` cannot send headers. Reconnects with backoff;
 * on 401/403 fetches a new secret at once and gives up after `maxAuthFailures` in a row (a
 * refusal of the app's own session route counts too).
 */
export function connectEventStream(options: EventStreamOptions): EventStream {
  const { url = DIALSTACK_EVENTS_URL, log } = options
  const backoff = createBackoff({
    initialMs: options.backoff?.initialMs ?? 1000,
    maxMs: options.backoff?.maxMs ?? 30_000,
  })
  const maxAuthFailures = options.maxAuthFailures ?? 3
  const controller = new AbortController()
  const { signal } = controller
  let secret: Secret | undefined
  let opened = false
  /** Ends the backoff wait at once (on `close()`). */
  let wake = () => {}

  async function read(body: ReadableStream<Uint8Array>): Promise<void> {
    const feed = createSseParser(options.onMessage)
    const reader = body.getReader()
    const decoder = new TextDecoder()
    try {
      for (let chunk; !(chunk = await reader.read()).done;)
        feed(decoder.decode(chunk.value, { stream: true }))
    } finally {
      reader.releaseLock()
    }
  }

  async function run(): Promise<void> {
    let authFailures = 0
    while (!signal.aborted) {
      let error: CallError
      /** DialStack or the app's session route refused the session. */
      let refused = false
      let gettingSecret = true
      try {
        if (
          !secret ||
          (secret.expiresAt !== undefined && secret.expiresAt - Date.now() < REFRESH_MARGIN_MS)
        ) {
          secret = readSecret(await options.getClientSecret())
        }
        if (signal.aborted) return
        gettingSecret = false
        // Only these two, as DialStack's own SDK sends: any header outside the CORS safelist
        // (`Cache-Control` …) must be allowed by api.dialstack.ai's preflight, which is not documented.
        const response = await (options.fetch ?? fetch)(url, {
          headers: { Authorization: `Bearer ${secret.value}`, Accept: 'text/event-stream' },
          signal,
        })
        if (response.ok && response.body) {
          authFailures = 0
          backoff.reset()
          options.onOpen(opened)
          opened = true
          await read(response.body)
          error = dialStackErrors.error(
            'network_error',
            'The live call status stream closed. Reconnecting…',
          )
        } else {
          await response.body?.cancel().catch(() => {})
          error = httpError('dialstack', response)
          refused = response.status === 401 || response.status === 403
          if (refused) secret = undefined
        }
      } catch (caught) {
        if (signal.aborted) return
        error = dialStackErrors.normalize(caught)
        refused = gettingSecret && (error.code === 'unauthorized' || error.code === 'forbidden')
      }
      if (refused && ++authFailures >= maxAuthFailures) {
        options.onGiveUp(
          dialStackErrors.error(
            'unauthorized',
            `Live call status stopped: DialStack refused the session ${authFailures} times. Reload the page or sign in again.`,
            error.provider,
          ),
        )
        return
      }
      if (gettingSecret) log.warn('getClientSecret failed; retrying with backoff.', error)
      if (signal.aborted) return
      options.onDown(error)
      // A refused secret is replaced at once; waiting would not make it valid.
      if (refused && !gettingSecret) {
        log.debug(`events answered ${error.provider?.status}; fetching a new client secret.`)
        continue
      }
      const delay = backoff.current
      backoff.fail()
      log.debug(`events stream down (${error.code}); reconnecting in ${delay} ms.`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  }

  void run()
  return {
    close() {
      controller.abort()
      wake()
    },
  }
}
