import type { CometD, Configuration, Message } from 'cometd'
import type { NotificationSource } from './NotificationSource.js'

/** Options of the default, CometD-based notification source. */
export interface CometdNotificationsOptions {
  /** The Bayeux endpoint, e.g. `https://gws.example.com/api/v2/notifications`. */
  url: string
  /**
   * `'long-polling'` (default: an 8.5.2 note says GWS "does not currently support web sockets")
   * or `'websocket'` (tried first, long-polling as the fallback). Browsers send no
   * `Authorization` header on a WebSocket: use it with the session cookie.
   */
  transport?: 'long-polling' | 'websocket'
  /** Headers on every Bayeux request over HTTP (the client passes `Authorization` for Basic auth). */
  headers?: Record<string, string>
  /** More CometD settings (`backoffIncrement`, `maxBackoff`, `maxNetworkDelay`, `logLevel` …). */
  configure?: Partial<Configuration>
}

/**
 * The default notification source: the CometD project's own Bayeux client (`cometd`, loaded on
 * first `open`). Subscriptions are made in the `/meta/handshake` listener, because CometD drops
 * them on every re-handshake; `open` is reported once they are all acknowledged.
 *
 * @example
 * createGenesysClient({ baseUrl, auth: 'session', notifications: createCometdNotifications({ url, configure: { maxBackoff: 10_000 } }) })
 */
export function createCometdNotifications(options: CometdNotificationsOptions): NotificationSource {
  let cometd: CometD | undefined
  let generation = 0
  return {
    open(channels, handlers) {
      const mine = ++generation
      const live = () => mine === generation
      let up = false
      let subscribed = false
      const down = (reason?: string) => {
        if (live() && up) {
          up = false
          handlers.lost(reason)
        }
      }
      const markUp = () => {
        if (live() && !up) {
          up = true
          handlers.open()
        }
      }
      import('cometd')
        .then(({ CometD }) => {
          if (!live()) return
          const client = (cometd = new CometD())
          // JSONP needs a document and is never what GWS offers.
          client.unregisterTransport('callback-polling')
          if (options.transport !== 'websocket') client.unregisterTransport('websocket')
          client.configure({
            url: options.url,
            logLevel: 'warn',
            requestHeaders: options.headers,
            ...options.configure,
          })
          const reason = (m: Message) =>
            m.error ?? (m as { failure?: { reason?: string } }).failure?.reason
          client.addListener('/meta/handshake', (m) => {
            subscribed = false
            // Any handshake after the first means the old session and its subscriptions are gone.
            down(reason(m))
            if (!m.successful) return
            let acked = 0
            client.batch(() => {
              for (const channel of channels) {
                client.subscribe(
                  channel,
                  (message) => live() && handlers.message(message.channel, message.data),
                  (reply) => {
                    if (reply.successful && ++acked === channels.length) {
                      subscribed = true
                      markUp()
                    }
                  },
                )
              }
            })
          })
          client.addListener('/meta/connect', (m) => {
            if (client.isDisconnected()) return
            if (!m.successful) down(reason(m))
            else if (subscribed) markUp()
          })
          client.handshake()
        })
        .catch((error: unknown) => down(String(error)))
    },
    close() {
      generation++
      cometd?.disconnect()
      cometd = undefined
    },
  }
}
