import type { CallRegistry } from '../../client-kit/createCallRegistry.js'
import type { SimulatedTracked } from './callTimeline.js'

/** Where the simulated phone system keeps its calls: the Web Storage methods (`localStorage`). */
export type SimulatedCallStorage = Pick<Storage, 'getItem' | 'setItem'>

/** The default key of the stored calls. */
const KEY = 'react-click-to-call:simulated-calls'

/** A call as stored: what the simulator knows of it, without its timers. */
type StoredCall = Omit<SimulatedTracked, 'timer' | 'endTimer' | 'last'>

/**
 * Keeps the simulator's calls in `storage` after every event, as a phone system's server keeps
 * them beyond any one page, and lets another simulator on the same storage (another tab's, after
 * it took over shared tabs) adopt the calls it does not know, on `snapshot()`. An adopted live
 * call keeps its state and waits to be controlled: its scripted steps stayed with the page that
 * placed it.
 */
export function createStoredCalls(
  calls: CallRegistry<SimulatedTracked>,
  storage: SimulatedCallStorage,
  key = KEY,
) {
  return {
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
        return
      }
      if (!Array.isArray(stored)) return
      for (const call of stored as StoredCall[]) {
        if (typeof call?.id !== 'string' || calls.get(call.id)) continue
        const adopted = calls.add({ ...call, ended: false })
        if (call.ended) calls.end(adopted)
      }
    },
  }
}
