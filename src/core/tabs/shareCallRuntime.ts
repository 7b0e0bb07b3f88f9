import type { CallClient } from '../CallClient.js'
import type {
  CallRuntime,
  CallRuntimeRoute,
  PlaceCallRequest,
  StartCallData,
} from '../createCallRuntime.js'
import { findInteraction, type CallState } from '../reduceCallState.js'
import type { Interaction } from '../reduceInteraction.js'
import type { InteractionAssociatedObject } from '../types.js'
import { toWire, type TabControlRequest, type TabStartRequest } from './createTabClient.js'
import { diffCalls, patchCalls, type CallsChange, type SharedCalls } from './diffCalls.js'
import type { TabLink } from './TabLink.js'
import { sameItems } from '../sameItems.js'

interface TabAssociateRequest {
  interactionId: string
  associatedObject: InteractionAssociatedObject
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

const pickCalls = ({
  live,
  ended,
  history,
  evicted,
  capabilities,
  connection,
  activeId,
}: CallState): SharedCalls => ({
  live,
  ended,
  history,
  evicted,
  capabilities,
  connection,
  activeId,
})

/**
 * Where a tab's runtime places its starts and sends the records chosen in it: in the leading tab,
 * so the live-call rule is applied once, atomically, where every tab's calls and starts in flight
 * are known (two tabs calling one number at the same instant place one call). A follower's
 * `signal` crosses to the leader.
 */
export function tabRoute(link: TabLink): CallRuntimeRoute {
  return {
    place(request, here) {
      if (link.role === 'leader') return here(request)
      const { signal, ...payload } = request
      return link.request<StartCallData>('place', payload, signal && { signal })
    },
    associated(interactionId, associatedObject) {
      if (link.role === 'follower')
        link.request('associate', { interactionId, associatedObject }).catch(() => {
          // The leader went away: the next leader keeps what this tab mirrored.
        })
    },
  }
}

/**
 * Shares a runtime's calls across tabs: the leader runs `runtime.connect()` (the provider's events
 * and snapshot) and the starts and controls followers send; followers take the leader's calls into
 * their store, whole when they join and then call by call as they change. A call that did not
 * change keeps its object, so a follower's banner re-renders only for the calls that changed, as
 * the leader's does. The dialpad, the chosen caller ID and which call the banner shows stay each
 * tab's own (a new call, or the leader's provider switching calls, still shows in every tab).
 * Returns the stop function.
 */
export function shareCallRuntime(link: TabLink, runtime: CallRuntime, client: CallClient) {
  const { store } = runtime
  let leaderActive: string | null | undefined

  /** Takes the leader's calls, keeping which call the banner shows unless the leader's changed. */
  function take(calls: Omit<SharedCalls, 'activeId'>, active: string | null) {
    const local = store.getState()
    const { live, ended } = calls
    const known = (id: string) => live.some((call) => call.id === id) || id in ended
    let { activeId } = local
    if (active !== leaderActive || (activeId !== null && !known(activeId))) activeId = active
    leaderActive = active
    store.setState({ ...calls, activeId })
  }

  /** The leader's whole part (a join, a takeover, a resync). */
  function apply(value: SharedCalls) {
    const local = store.getState()
    // A call that did not change keeps this tab's object, so its selectors do not re-render.
    const keep = (incoming: Interaction) => {
      const mine = findInteraction(local, incoming.id)
      return mine && sameJson(mine, incoming) ? mine : incoming
    }
    const incomingLive = value.live.map(keep)
    const live = sameItems(incomingLive, local.live) ? local.live : incomingLive
    const ended = Object.create(null) as Record<string, Interaction>
    let endedChanged = Object.keys(local.ended).length !== Object.keys(value.ended).length
    for (const id in value.ended) {
      ended[id] = keep(value.ended[id]!)
      if (ended[id] !== local.ended[id]) endedChanged = true
    }
    take(
      {
        live,
        ended: endedChanged ? ended : local.ended,
        history: sameItems(local.history, value.history) ? local.history : value.history,
        evicted: sameItems(local.evicted, value.evicted) ? local.evicted : value.evicted,
        capabilities: sameJson(local.capabilities, value.capabilities)
          ? local.capabilities
          : value.capabilities,
        connection: sameJson(local.connection, value.connection)
          ? local.connection
          : value.connection,
      },
      value.activeId,
    )
  }

  /** What changed at the leader since the last part: `false` when this tab lacks its base. */
  function patch(change: CallsChange) {
    const calls = patchCalls(store.getState(), change)
    if (!calls) return false
    take(calls, change.activeId === undefined ? (leaderActive ?? null) : change.activeId)
    return true
  }

  const stops = [
    link.share<CallState>('calls', {
      store,
      pick: (state) => pickCalls(state) as unknown as Record<string, unknown>,
      apply: (value) => apply(value as unknown as SharedCalls),
      diff: (previous, next) =>
        diffCalls(previous as unknown as SharedCalls, next as unknown as SharedCalls) as Record<
          string,
          unknown
        >,
      patch: (change) => patch(change as CallsChange),
      lead: () => runtime.connect(),
    }),
    // A follower's start, checked in the leader under the live-call rule with every tab's calls.
    link.handle('place', (request: Omit<PlaceCallRequest, 'signal'>, { signal }) =>
      runtime.place({ ...request, signal }),
    ),
    // A start sent to the provider's client itself (`runtime.client.startCall`), as in one tab.
    link.handle(
      'start',
      async ({ phoneNumber, initialObject, from }: TabStartRequest, { signal }) => {
        const result = await client.startCall(phoneNumber, initialObject, {
          signal,
          ...(from && { from }),
        })
        // The leader's store knows the call before its first event, as the follower's does.
        if (result.status === 'success' && result.data.id)
          store.getState().placed(result.data.id, phoneNumber, initialObject, from)
        return toWire(result)
      },
    ),
    link.handle('control', async ({ method, args }: TabControlRequest) => {
      const run = client[method] as ((...values: unknown[]) => Promise<unknown>) | undefined
      return toWire(await run?.apply(client, args))
    }),
    // A record chosen in a follower (a screen pop's match) is the leader's too, so the log has it.
    link.handle('associate', ({ interactionId, associatedObject }: TabAssociateRequest) =>
      store.getState().associate(interactionId, associatedObject),
    ),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}
