/**
 * Where unlogged calls wait across reloads: the three methods of the Web Storage API, so
 * `localStorage`, `sessionStorage` or an app's own store (encrypted, per tenant …) fit.
 */
export type CallLogStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/**
 * The key of one queue: one per provider client and per signed-in user, so two agents sharing a
 * browser never see each other's calls.
 */
export function callLogStorageKey(clientName: string, userId: string): string {
  return `react-click-to-call:call-log:${encodeURIComponent(clientName)}:${encodeURIComponent(userId)}`
}

/**
 * The browser's `localStorage`, or `undefined` where there is none or it refuses access (server
 * rendering, some privacy modes): the queue then lives in memory only.
 */
export function browserCallLogStorage(): CallLogStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}

/**
 * The storage a call log uses for its `storage` option: the browser's by default (`undefined`),
 * none for `null` (memory only), else the app's own.
 */
export function resolveCallLogStorage(
  storage: CallLogStorage | null | undefined,
): CallLogStorage | undefined {
  return storage === undefined ? browserCallLogStorage() : (storage ?? undefined)
}

/** A storage in memory, for tests and for apps that persist elsewhere. */
export function createMemoryCallLogStorage(): CallLogStorage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  }
}
