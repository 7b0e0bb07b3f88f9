import type { CallClient } from '../CallClient.js'
import type { CallRuntime } from '../createCallRuntime.js'
import { findInteraction, type CallState } from '../reduceCallState.js'
import type { Interaction } from '../reduceInteraction.js'
import { toWire, type TabControlRequest, type TabStartRequest } from './createTabClient.js'
import type { TabLink } from './TabLink.js'
import type { InteractionAssociatedObject } from '../types.js'

interface TabAssociateRequest {
  interactionId: string
  associatedObject: InteractionAssociatedObject
}

/** The part of the store every tab shows alike: the calls, their history and the client's state. */
type SharedCalls = Pick<
  CallState,
  'live' | 'ended' | 'history' | 'evicted' | 'capabilities' | 'connection' | 'activeId'
>

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index])

/**
 * Shares a runtime's calls across tabs: the leader runs `runtime.connect()` (the provider's events
 * and snapshot) and the starts and controls followers send; followers take the leader's calls into
 * their store. A call that did not change keeps its object, so a follower's banner re-renders only
 * for the calls that changed, as the leader's does. The dialpad, the chosen caller ID and which
 * call the banner shows stay each tab's own (a new call, or the leader's provider switching calls,
 * still shows in every tab). Returns the stop function.
 */
export function shareCallRuntime(link: TabLink, runtime: CallRuntime, client: CallClient) {
  const { store } = runtime
  let leaderActive: string | null | undefined

  function apply(value: SharedCalls) {
    const local = store.getState()
    // A call that did not change keeps this tab's object, so its selectors do not re-render.
    const keep = (incoming: Interaction) => {
      const mine = findInteraction(local, incoming.id)
      return mine && sameJson(mine, incoming) ? mine : incoming
    }
    const incomingLive = value.live.map(keep)
    const live =
      incomingLive.length === local.live.length &&
      incomingLive.every((call, index) => call === local.live[index])
        ? local.live
        : incomingLive
    const ended = Object.create(null) as Record<string, Interaction>
    let endedChanged = Object.keys(local.ended).length !== Object.keys(value.ended).length
    for (const id in value.ended) {
      ended[id] = keep(value.ended[id]!)
      if (ended[id] !== local.ended[id]) endedChanged = true
    }
    const known = (id: string) => live.some((call) => call.id === id) || id in ended
    let { activeId } = local
    if (value.activeId !== leaderActive || (activeId !== null && !known(activeId)))
      activeId = value.activeId
    leaderActive = value.activeId
    store.setState({
      live,
      ended: endedChanged ? ended : local.ended,
      history: sameList(local.history, value.history) ? local.history : value.history,
      evicted: sameList(local.evicted, value.evicted) ? local.evicted : value.evicted,
      capabilities: sameJson(local.capabilities, value.capabilities)
        ? local.capabilities
        : value.capabilities,
      connection: sameJson(local.connection, value.connection)
        ? local.connection
        : value.connection,
      activeId,
    })
  }

  // A record chosen in a follower (a screen pop's match) is the leader's too, so the log has it.
  const { associate } = store.getState()
  store.setState({
    associate(interactionId, associatedObject) {
      associate(interactionId, associatedObject)
      if (link.role === 'follower')
        link.request('associate', { interactionId, associatedObject }).catch(() => {
          // The leader went away: the next leader keeps what this tab mirrored.
        })
    },
  })

  const stops = [
    link.share<CallState>('calls', {
      store,
      pick: ({ live, ended, history, evicted, capabilities, connection, activeId }) => ({
        live,
        ended,
        history,
        evicted,
        capabilities,
        connection,
        activeId,
      }),
      apply: (value) => apply(value as unknown as SharedCalls),
      lead: () => runtime.connect(),
    }),
    link.handle('start', async ({ phoneNumber, initialObject, from }: TabStartRequest) => {
      const result = await client.startCall(phoneNumber, initialObject, from ? { from } : {})
      // The leader's store knows the call before its first event, as the follower's does.
      if (result.status === 'success' && result.data.id)
        store.getState().placed(result.data.id, phoneNumber, initialObject, from)
      return toWire(result)
    }),
    link.handle('control', async ({ method, args }: TabControlRequest) => {
      const run = client[method] as ((...values: unknown[]) => Promise<unknown>) | undefined
      return toWire(await run?.apply(client, args))
    }),
    link.handle('associate', ({ interactionId, associatedObject }: TabAssociateRequest) =>
      store.getState().associate(interactionId, associatedObject),
    ),
  ]
  return () => {
    for (const stop of stops) stop()
    store.setState({ associate })
  }
}
