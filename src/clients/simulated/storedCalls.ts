import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { SimulatedTracked } from './callTimeline.js'

/** Where the simulated phone system keeps its calls: the Web Storage methods (`localStorage`). */
export type SimulatedCallStorage = Pick<Storage, 'getItem' | 'setItem'>

/** The default key of the stored calls. */
const KEY = 'react-click-to-call:simulated-calls'

/** A call as stored: what the simulator knows of it, without its timers. */
type StoredCall = Omit<SimulatedTracked, 'timer' | 'endTimer' | 'last'>

/** What `createSimulatedClient` does with its calls when they are kept in a storage. */
export interface StoredSimulatedCalls {
  /** Writes every call (after each event). */
  save(): void
  /** Takes in the stored calls this simulator does not know (on `snapshot()`); returns them. */
  adopt(): SimulatedTracked[]
}

/** The `callStorage` option of `createSimulatedClient`: made by `simulatedCallStorage`. */
export type SimulatedCallStorageOption = (
  calls: CallRegistry<SimulatedTracked>,
) => StoredSimulatedCalls

/**
 * Keeps a simulator's calls in `storage` (e.g. `localStorage`) after every event, as a phone
 * system's server keeps them beyond any one page, so another simulator on the same storage
 * (another tab's, after it took over shared tabs) adopts the calls it does not know on
 * `snapshot()`. An adopted live call goes on with its script where it left off (it rings, is
 * answered or ends when it was due to; a step that fell due while no page held it runs at once),
 * with the outcome and duration it was placed with. Its own function, so a simulator that keeps
 * its calls in memory pays nothing for it.
 *
 * @example
 * const client = createSimulatedClient({ callStorage: simulatedCallStorage(localStorage) })
 */
export function simulatedCallStorage(
  storage: SimulatedCallStorage,
  key = KEY,
): SimulatedCallStorageOption {
  return (calls) => ({
    save() {
      const stored: StoredCall[] = calls
        .all()
        .map(({ timer: _timer, endTimer: _endTimer, last: _last, ...call }) => call)
      try {
        storage.setItem(key, JSON.stringify(stored))
      } catch {
        // Full or refused: this page's calls still work, only a takeover cannot adopt them.
      }
    },
    adopt() {
      let stored: unknown
      try {
        stored = JSON.parse(storage.getItem(key) ?? '[]')
      } catch {
        return []
      }
      if (!Array.isArray(stored)) return []
      const adopted: SimulatedTracked[] = []
      for (const call of stored as StoredCall[]) {
        if (typeof call?.id !== 'string' || calls.get(call.id)) continue
        const tracked = calls.add({ ...call, ended: false })
        if (call.ended) calls.end(tracked)
        else adopted.push(tracked)
      }
      return adopted
    },
  })
}
