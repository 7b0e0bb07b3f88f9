/** What a notification source hands to the Genesys client. */
export interface NotificationHandlers {
  /** A message arrived on a channel: the Bayeux message's `data` (a `CallStateChangeMessage` on `/v2/me/calls`). */
  message(channel: string, data: unknown): void
  /**
   * The subscriptions are in place: on the first connect, and again each time a lost session is
   * restored. The client resyncs from `GET /api/v2/me/calls` on every call after the first.
   */
  open(): void
  /** The stream dropped; the source restores it by itself and calls `open` again. */
  lost(reason?: string): void
}

/**
 * Where the Genesys client's live notifications come from. The default is CometD
 * (`createCometdNotifications`); stories and tests may pass their own source that calls the
 * handlers directly.
 *
 * @example
 * // A source a story drives by hand.
 * let handlers: NotificationHandlers | undefined
 * const notifications: NotificationSource = {
 *   open: (_channels, h) => { handlers = h; h.open() },
 *   close: () => { handlers = undefined },
 * }
 * handlers?.message('/v2/me/calls', { messageType: 'CallStateChangeMessage', call })
 */
export interface NotificationSource {
  /** Connects and subscribes to `channels`. May be called again after `close`. */
  open(channels: readonly string[], handlers: NotificationHandlers): void
  /** Disconnects. No handler is called afterwards. */
  close(): void
}
