import { createStore, type StoreApi } from 'zustand/vanilla'
import type { InteractionAssociatedObject } from './types.js'
import type { CallCapabilities } from './CallClient.js'
import type { CallEvent } from './CallEvent.js'
import type { Interaction } from './reduceInteraction.js'
import {
  DEFAULT_HISTORY_LIMIT,
  associateInteraction,
  dismissInteraction,
  findInteraction,
  initialCallState,
  placeInteraction,
  reduceCallState,
  type CallState,
  type DialpadSource,
} from './reduceCallState.js'

/** The store's actions. State changes only through these. */
export interface CallStoreActions {
  /** Applies a client event through the reducer. */
  dispatch(event: CallEvent): void
  /** Sets the dialpad draft (`typed` by default). */
  setDraft(value: string, source?: DialpadSource): void
  /**
   * Fills the dialpad from a deferred dial: a new `pendingDial` holds the number and the start's
   * record, so the dialpad's Call sends it along (and a dialpad announces each one).
   */
  prefill(value: string, associatedObject?: InteractionAssociatedObject): void
  /** Removes an interaction from the banner; it stays in history. */
  dismiss(interactionId: string): void
  /** Makes a known interaction the one the banner shows (a person chose it). */
  activate(interactionId: string): void
  /**
   * Gives a call the record chosen for it (a screen pop's match, a person's choice) without
   * waiting for the provider; the wrap-up logs it.
   */
  associate(interactionId: string, associatedObject: InteractionAssociatedObject): void
  /** Records a call the client just placed, before its first event arrives. */
  placed(
    interactionId: string,
    phoneNumber: string,
    associatedObject?: InteractionAssociatedObject,
    from?: string,
  ): void
  /** Chooses the caller ID of the next calls; `null` for the provider's default. */
  selectCallerId(number: string | null): void
}

export type CallStore = CallState & CallStoreActions
export type CallStoreApi = StoreApi<CallStore>

export interface CallStoreOptions {
  /** The client's capabilities at start. */
  capabilities: CallCapabilities
  /** How many ended calls to keep. Older ones are dropped, so memory stays flat over a shift. Default 50. */
  historyLimit?: number
}

/**
 * Creates one interaction store (zustand/vanilla). `CallProvider` makes one per provider; it is
 * never a module singleton, so two providers on a page never share calls.
 */
export function createCallStore({
  capabilities,
  historyLimit = DEFAULT_HISTORY_LIMIT,
}: CallStoreOptions): CallStoreApi {
  if (!Number.isInteger(historyLimit) || historyLimit < 1) {
    throw new RangeError(
      `historyLimit must be a whole number of at least 1, got ${String(historyLimit)}.`,
    )
  }
  return createStore<CallStore>()((set) => ({
    ...initialCallState(capabilities),
    // The reducer returns the whole next state (or the same one): replacing spares zustand a
    // second copy of the state on every event.
    dispatch: (event) => set((state) => reduceCallState(state, event, historyLimit), true),
    setDraft: (value, source = 'typed') =>
      set((state) => {
        if (state.dialpad.value === value && state.dialpad.source === source) return state
        // A number typed over is no longer the deferred dial's number: it and its record stay behind.
        const pendingDial = source === 'prefill' ? state.dialpad.pendingDial : null
        return { dialpad: { value, source, pendingDial } }
      }),
    prefill: (value, associatedObject) =>
      set({
        dialpad: {
          value,
          source: 'prefill',
          pendingDial: { phoneNumber: value, ...(associatedObject && { associatedObject }) },
        },
      }),
    dismiss: (interactionId) => set((state) => dismissInteraction(state, interactionId)),
    activate: (interactionId) =>
      set((state) => reduceCallState(state, { type: 'activated', interactionId }, historyLimit)),
    associate: (interactionId, associatedObject) =>
      set((state) => associateInteraction(state, interactionId, associatedObject)),
    placed: (id, phoneNumber, associatedObject, from) =>
      set((state) =>
        placeInteraction(
          state,
          { id, phoneNumber, ...(associatedObject && { associatedObject }), ...(from && { from }) },
          Date.now(),
        ),
      ),
    selectCallerId: (callerId) =>
      set((state) => (state.callerId === callerId ? state : { callerId })),
  }))
}

/** Selects one interaction; the same object until that interaction changes. */
export const selectInteraction = (id: string | null | undefined) => (state: CallState) =>
  id == null ? undefined : findInteraction(state, id)

/** Selects the interaction the banner shows. */
export const selectActiveInteraction = (state: CallState) =>
  state.activeId === null ? undefined : findInteraction(state, state.activeId)

/** Newest first; the id breaks ties, so the order is the same on every call. */
const newestFirst = (a: Interaction, b: Interaction) =>
  b.createdAt - a.createdAt || (b.id > a.id ? 1 : -1)

/** The last list made for a `live` record, with the `ended` record it was made with. */
const lists = new WeakMap<object, { ended: object; list: Interaction[] }>()

/**
 * Every call the store keeps (live and ended), newest first. The same array until a call changes,
 * so every `useInteractions` on a page shares one sort per change of the calls instead of sorting
 * once per subscriber on every store change (typing on the dialpad included).
 */
export function selectInteractions({ live, ended }: CallState): readonly Interaction[] {
  const last = lists.get(live)
  if (last?.ended === ended) return last.list
  const list = [...Object.values(live), ...Object.values(ended)].sort(newestFirst)
  lists.set(live, { ended, list })
  return list
}
