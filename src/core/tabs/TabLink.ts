import type { StoreApi } from 'zustand/vanilla'

/**
 * What this tab does for the tabs of one app and one user:
 * - `leader`: it holds the provider's client (event stream, polling, controls) and writes the
 *   call log; the other tabs mirror its store.
 * - `follower`: it mirrors the leader's store and sends its starts and controls to the leader.
 * - `independent`: it shares nothing (`tabs="independent"`, or a browser without Web Locks or
 *   `BroadcastChannel`).
 */
export type TabRole = 'leader' | 'follower' | 'independent'

/** A store the leader shares with the other tabs. */
export interface SharedTopic<S> {
  store: StoreApi<S>
  /**
   * The part of the state the followers get (structured-cloneable). The same fields by reference
   * as last time means nothing to send.
   */
  pick(state: S): Record<string, unknown>
  /** A follower takes the leader's whole part into its own store. */
  apply(value: Record<string, unknown>): void
  /**
   * What changed from `previous` to `next` (both from `pick`), as structured-cloneable data: the
   * leader sends it instead of the whole part, so a follower's work per change does not grow
   * with what did not change. Default: the fields that are not the same by reference.
   */
  diff?(previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown>
  /**
   * A follower takes a change from `diff` into its own store. Returns `false` when it lacks what
   * the change builds on; the follower then asks the leader for the whole part. Default: the
   * changed fields over the last part applied.
   */
  patch?(change: Record<string, unknown>): boolean
  /** Starts what only the leader does (the event stream, the writes); returns its stop. */
  lead?(): () => void
}

/** What a handler is given besides the request. */
export interface TabRequestContext {
  /** Aborted when the tab that sent the request cancels it (or this tab leaves). */
  signal: AbortSignal
}

/**
 * The tabs of one app and one user, seen from one tab: which one leads, the stores the leader
 * shares, and requests the followers send to it. Framework-free.
 */
export interface TabLink {
  /** This tab's role now. */
  readonly role: Exclude<TabRole, 'independent'>
  /** Called when `role` changes. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Shares a store: the leader sends its state, followers apply it. Returns the stop function. */
  share<S>(topic: string, shared: SharedTopic<S>): () => void
  /**
   * What the leader does with a follower's request. `signal` aborts when the follower cancels
   * it. Returns the stop function.
   */
  handle(
    method: string,
    handler: (payload: never, context: TabRequestContext) => unknown,
  ): () => void
  /**
   * Runs a request where the client is: here when this tab leads, else in the leader, which
   * answers. Rejects with a `CallError` when the handler throws, or when the leader went away
   * before answering. Aborting `signal` aborts the handler's signal in the leader, which answers
   * as it would in one tab; a request not sent yet rejects with an `aborted` `CallError`.
   */
  request<T>(method: string, payload?: unknown, options?: { signal?: AbortSignal }): Promise<T>
  /** Joins the election and the channel. Returns the leave function (the lock is released). */
  connect(): () => void
}
