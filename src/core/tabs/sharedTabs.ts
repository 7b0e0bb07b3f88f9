import type { CallClient } from '../CallClient.js'
import type { CallLogStorage } from '../CallLogStorage.js'
import type { CallLog } from '../createCallLog.js'
import type { CallRuntime, CallRuntimeRoute } from '../createCallRuntime.js'
import { createTabClient } from './createTabClient.js'
import { createTabLink, type TabChannel, type TabLockManager } from './createTabLink.js'
import { leaderOnlyStorage, shareCallLog } from './shareCallLog.js'
import { shareCallRuntime, tabRoute } from './shareCallRuntime.js'
import { shareScreenPops } from './shareScreenPops.js'
import type { TabLink } from './TabLink.js'

export interface SharedTabsOptions {
  /**
   * The signed-in agent's id in your app: tabs share one phone per user, so two agents on one
   * browser never share calls. Required: scoping by origin and `channel` alone would let two
   * people signed in on one browser see and control each other's calls and write each other's
   * call log.
   */
  userId: string
  /**
   * Your app's name, for two apps on one origin (each shares with its own tabs only). Default
   * `"react-click-to-call"`.
   */
  channel?: string
  /** The Web Locks API. Default `navigator.locks`. */
  locks?: TabLockManager
  /** Opens a channel. Default `new BroadcastChannel(name)`. */
  openChannel?: (name: string) => TabChannel
}

/** One provider's place among the tabs: used by `CallProvider` and the providers below it. */
export interface TabSession {
  readonly link: TabLink
  /** The client the runtime uses: each method runs where the provider's client leads. */
  readonly client: CallClient
  /** The runtime's route: starts placed and records chosen in the leading tab. */
  readonly route: CallRuntimeRoute
  /** Shares the runtime's calls and joins the election. Returns the leave function. */
  connect(runtime: CallRuntime): () => void
  /** The call log's storage, written by the leader only. */
  callLogStorage(storage: CallLogStorage | null | undefined): CallLogStorage | null
  /** The call log as every tab uses it: written by the leader only. */
  shareCallLog(log: CallLog): CallLog
  /** Shares which calls the screen pop opened. */
  shareScreenPops(popped: Set<string>): ReturnType<typeof shareScreenPops>
}

/** What `CallProvider`'s `tabs` takes to share one phone across the tabs of one app and user. */
export interface TabSharing {
  /** The names the lock and the channel are made from. */
  readonly key: string
  /** This client's session, or `null` where the browser has no Web Locks or `BroadcastChannel`. */
  join(client: CallClient): TabSession | null
}

/**
 * Shares one phone across the tabs of one app and one user: one tab (the leader, chosen with the
 * Web Locks API) holds the provider's client, its event stream and controls, screen pops and the
 * call log's writes; the others mirror its calls over a `BroadcastChannel` and send it their
 * starts and controls. When the leader closes or crashes, the next tab takes over at once and
 * resyncs from the provider. Where the browser lacks either API, each tab stays independent.
 * Exported by `react-click-to-call/tabs`.
 *
 * @example
 * const tabs = sharedTabs({ userId: user.id })
 * <CallProvider client={client} tabs={tabs}>…</CallProvider>
 */
export function sharedTabs(options: SharedTabsOptions): TabSharing {
  const { userId, channel = 'react-click-to-call' } = options
  if (typeof userId !== 'string' || userId === '')
    throw new TypeError(
      'sharedTabs needs the signed-in user’s id (`userId`), so that agents sharing a browser never share calls.',
    )
  const key = `${encodeURIComponent(channel)}:${encodeURIComponent(userId)}`
  return {
    key,
    join(client) {
      const locks =
        options.locks ??
        (globalThis.navigator as { locks?: TabLockManager } | undefined)?.locks ??
        undefined
      const openChannel =
        options.openChannel ??
        (typeof BroadcastChannel === 'function'
          ? (name: string) => new BroadcastChannel(name) as unknown as TabChannel
          : undefined)
      if (!locks || !openChannel) return null
      const link = createTabLink({
        name: `react-click-to-call:tabs:${key}:${encodeURIComponent(client.name)}`,
        locks,
        openChannel,
      })
      return {
        link,
        client: createTabClient(client, link),
        route: tabRoute(link),
        connect(runtime) {
          const stop = shareCallRuntime(link, runtime, client)
          const leave = link.connect()
          return () => {
            leave()
            stop()
          }
        },
        callLogStorage: (storage) => leaderOnlyStorage(link, storage),
        shareCallLog: (log) => shareCallLog(link, log),
        shareScreenPops: (popped) => shareScreenPops(link, popped),
      }
    },
  }
}
