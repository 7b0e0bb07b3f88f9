import { createParser } from 'eventsource-parser'
import { CallError, toCallError } from '../../core/CallError.js'
import { httpError } from '../shared/request.js'
import type { SseMessage } from './parseDialStackEvent.js'
import { parseTime } from './parseDialStackEvent.js'
import type { DialStackClientSecret } from './types.js'

/** Reconnect delays: `initialMs`, doubled on every failure, at most `maxMs`. */
export interface BackoffOptions {
  /** Default 1000 (DialStack's SDK: 1 s, 2 s, 4 s …). */
  initialMs?: number
  /** Default 30000. */
  maxMs?: number
}

export interface EventStreamOptions {
  url: string
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
  logger?: Pick<Console, 'warn' | 'debug'>
}

export interface EventStream {
  /** Stops the stream and every pending retry. Idempotent. */
  close(): void
}

interface Secret {
  value: string
  expiresAt?: number
}

/** A secret this close to its expiry is fetched anew before connecting. */
const REFRESH_MARGIN_MS = 60_000

function readSecret(input: DialStackClientSecret): Secret {
  if (typeof input === 'string') return { value: input }
  const value = 'client_secret' in input ? input.client_secret : input.clientSecret
  if (typeof value !== 'string' || value === '') {
    throw new CallError('unauthorized', 'The live call status could not start: no DialStack session was given.', {
      provider: { provider: 'dialstack' },
    })
  }
  const expiresAt = parseTime('expires_at' in input ? input.expires_at : 'expiresAt' in input ? input.expiresAt : undefined)
  return expiresAt === undefined ? { value } : { value, expiresAt }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

/**
 * Reads DialStack's SSE stream (`GET /v1/events`, `Authorization: Bearer <client_secret>`) with
 * `fetch` and a ReadableStream, since `EventSource` cannot send headers. Reconnects with backoff;
 * on 401/403 fetches a new secret and gives up after `maxAuthFailures` in a row.
 */
export function connectEventStream(options: EventStreamOptions): EventStream {
  const { url, logger } = options
  const initialMs = options.backoff?.initialMs ?? 1000
  const maxMs = options.backoff?.maxMs ?? 30_000
  const maxAuthFailures = options.maxAuthFailures ?? 3
  const controller = new AbortController()
  const { signal } = controller
  let secret: Secret | undefined
  let opened = false

  async function read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = createParser({
      onEvent(message) {
        try {
          options.onMessage(message)
        } catch (error) {
          logger?.warn('[dialstack] an event listener threw; the stream goes on.', error)
        }
      },
    })
    const reader = body.getReader()
    const decoder = new TextDecoder()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } finally {
      reader.releaseLock()
    }
  }

  function giveUp(failures: number, last: CallError) {
    options.onGiveUp(
      new CallError(
        'unauthorized',
        `Live call status stopped: DialStack refused the session ${failures} times. Reload the page or sign in again.`,
        last.provider ? { provider: last.provider } : {},
      ),
    )
  }

  async function run(): Promise<void> {
    let attempt = 0
    let authFailures = 0
    while (!signal.aborted) {
      let error: CallError
      let stage: 'secret' | 'stream' = 'secret'
      try {
        if (!secret || (secret.expiresAt !== undefined && secret.expiresAt - Date.now() < REFRESH_MARGIN_MS)) {
          secret = readSecret(await options.getClientSecret())
        }
        if (signal.aborted) return
        stage = 'stream'
        const doFetch = options.fetch ?? globalThis.fetch
        const response = await doFetch(url, {
          headers: { Authorization: `Bearer ${secret.value}`, Accept: 'text/event-stream', 'Cache-Control': 'no-cache' },
          signal,
        })
        if (response.status === 401 || response.status === 403) {
          await response.body?.cancel().catch(() => {})
          secret = undefined
          authFailures += 1
          const refused = httpError('dialstack', response)
          if (authFailures >= maxAuthFailures) {
            giveUp(authFailures, refused)
            return
          }
          logger?.debug(`[dialstack] events answered ${response.status}; fetching a new client secret.`)
          options.onDown(refused)
          // A refused secret is replaced at once; waiting would not make it valid.
          continue
        }
        if (!response.ok || !response.body) {
          await response.body?.cancel().catch(() => {})
          error = httpError('dialstack', response)
        } else {
          authFailures = 0
          attempt = 0
          const reconnected = opened
          opened = true
          options.onOpen(reconnected)
          await read(response.body)
          error = new CallError('network_error', 'The live call status stream closed. Reconnecting…', {
            provider: { provider: 'dialstack' },
          })
        }
      } catch (caught) {
        if (signal.aborted) return
        error = toCallError(caught, 'dialstack')
        if (stage === 'secret') {
          // The app's session route refused (signed out?): that counts as an auth failure too.
          if (error.code === 'unauthorized' || error.code === 'forbidden') {
            authFailures += 1
            if (authFailures >= maxAuthFailures) {
              giveUp(authFailures, error)
              return
            }
          }
          logger?.warn('[dialstack] getClientSecret failed; retrying with backoff.', caught)
        }
      }
      if (signal.aborted) return
      options.onDown(error)
      const delay = Math.min(maxMs, initialMs * 2 ** attempt)
      attempt += 1
      logger?.debug(`[dialstack] events stream down (${error.code}); reconnecting in ${delay} ms.`)
      await sleep(delay, signal)
    }
  }

  void run()
  return {
    close() {
      controller.abort()
    },
  }
}
