import type { InteractionAssociatedObject } from '../../core/types.js'
import type { InteractionData } from './AdApi.js'

/** An interaction's id: `interactionId` as typed, or `id` as some doc examples read it. */
export function interactionIdOf(data: InteractionData): { id: string; fallback: boolean } | undefined {
  if (typeof data.interactionId === 'string' && data.interactionId) return { id: data.interactionId, fallback: false }
  if (typeof data.id === 'string' && data.id) return { id: data.id, fallback: true }
  return undefined
}

/**
 * The interaction's selected associated object (or its first one), without the widget's own
 * `source` field. `selected` is `string | null` in 5.19 and `string[]` later.
 */
export function selectedObjectOf(data: InteractionData): InteractionAssociatedObject | undefined {
  const list = data.associatedObjects?.list
  const selected = data.associatedObjects?.selected
  const selectedId = Array.isArray(selected) ? selected[0] : selected
  const found = list?.find((object) => object.id === selectedId) ?? list?.[0]
  if (!found) return undefined
  const { source: _source, ...object } = found
  return object
}
