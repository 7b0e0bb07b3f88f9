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
  /** A follower takes the leader's part into its own store. */
  apply(value: Record<string, unknown>): void
  /** Starts what only the leader does (the event stream, the writes); returns its stop. */
  lead?(): () => void
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
  /** What the leader does with a follower's request. Returns the stop function. */
  handle(method: string, handler: (payload: never) => unknown): () => void
  /**
   * Runs a request where the client is: here when this tab leads, else in the leader, which
   * answers. Rejects with a `CallError` when the handler throws, or when the leader went away
   * before answering.
   */
  request<T>(method: string, payload?: unknown): Promise<T>
  /** Joins the election and the channel. Returns the leave function (the lock is released). */
  connect(): () => void
}
