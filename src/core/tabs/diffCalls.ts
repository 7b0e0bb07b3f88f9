import type { CallState } from '../reduceCallState.js'
import type { Interaction } from '../reduceInteraction.js'
import { sameItems } from '../sameItems.js'

/** The part of the store every tab shows alike: the calls, their history and the client's state. */
export type SharedCalls = Pick<
  CallState,
  'live' | 'ended' | 'history' | 'evicted' | 'capabilities' | 'connection' | 'activeId'
>

/** A list of ids after a change: the oldest `drop` gone and `add` appended, or all of it anew. */
type IdsChange = { drop: number; add: string[] } | { all: readonly string[] }

/**
 * What changed in the calls between two parts the leader sent: only the calls that changed (by
 * reference, as the reducer makes a new object for a call that changes), so an event on a live
 * call costs a follower the same however many ended calls the history holds.
 */
export interface CallsChange {
  /** The live calls' ids in order, and those of them that are new or changed. */
  live?: { ids: string[]; changed: Interaction[] }
  /** The ended calls that are new or changed, and the ids the history dropped. */
  ended?: { changed: Interaction[]; removed: string[] }
  history?: IdsChange
  evicted?: IdsChange
  capabilities?: SharedCalls['capabilities']
  connection?: SharedCalls['connection']
  activeId?: string | null
}

/** `next` as a change of `previous`: ids drop off the front and arrive at the end. */
function diffIds(previous: readonly string[], next: readonly string[]): IdsChange {
  let drop = next.length === 0 ? previous.length : previous.indexOf(next[0]!)
  if (drop < 0) drop = previous.length
  const kept = previous.length - drop
  for (let index = 0; index < kept; index++) {
    if (previous[drop + index] !== next[index]) return { all: next }
  }
  return kept > next.length ? { all: next } : { drop, add: next.slice(kept) }
}

function patchIds(local: readonly string[], change: IdsChange): readonly string[] {
  if ('all' in change) return change.all
  return change.drop === 0 && change.add.length === 0
    ? local
    : [...local.slice(change.drop), ...change.add]
}

/** The change from `previous` to `next`, both parts the leader picked from its store. */
export function diffCalls(previous: SharedCalls, next: SharedCalls): CallsChange {
  const change: CallsChange = {}
  if (previous.live !== next.live) {
    const before = new Map(previous.live.map((call) => [call.id, call]))
    change.live = {
      ids: next.live.map((call) => call.id),
      changed: next.live.filter((call) => before.get(call.id) !== call),
    }
  }
  if (previous.ended !== next.ended) {
    const changed: Interaction[] = []
    for (const id in next.ended)
      if (previous.ended[id] !== next.ended[id]) changed.push(next.ended[id]!)
    const removed = Object.keys(previous.ended).filter((id) => !(id in next.ended))
    change.ended = { changed, removed }
  }
  if (previous.history !== next.history) change.history = diffIds(previous.history, next.history)
  if (previous.evicted !== next.evicted) change.evicted = diffIds(previous.evicted, next.evicted)
  if (previous.capabilities !== next.capabilities) change.capabilities = next.capabilities
  if (previous.connection !== next.connection) change.connection = next.connection
  if (previous.activeId !== next.activeId) change.activeId = next.activeId
  return change
}

/**
 * A follower's calls with the leader's `change` taken in: the calls that did not change keep this
 * tab's objects (so their selectors do not re-render). `undefined` when this tab lacks a call the
 * change builds on (it then asks for the whole part).
 */
export function patchCalls(
  local: SharedCalls,
  change: CallsChange,
): Omit<SharedCalls, 'activeId'> | undefined {
  let { live, ended } = local
  if (change.live) {
    const changed = new Map(change.live.changed.map((call) => [call.id, call]))
    const next: Interaction[] = []
    for (const id of change.live.ids) {
      const call = changed.get(id) ?? local.live.find((mine) => mine.id === id)
      if (!call) return undefined
      next.push(call)
    }
    if (!sameItems(next, live)) live = next
  }
  if (change.ended) {
    const next = Object.assign(Object.create(null) as Record<string, Interaction>, ended)
    for (const id of change.ended.removed) delete next[id]
    for (const call of change.ended.changed) next[call.id] = call
    ended = next
  }
  return {
    live,
    ended,
    history: change.history ? patchIds(local.history, change.history) : local.history,
    evicted: change.evicted ? patchIds(local.evicted, change.evicted) : local.evicted,
    capabilities: change.capabilities ?? local.capabilities,
    connection: change.connection ?? local.connection,
  }
}
