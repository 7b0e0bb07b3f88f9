import { isText } from '../../../client-kit/text.js'
import type { InteractionAssociatedObject } from '../../../core/types.js'
import type { InteractionData } from './AdApi.js'

const text = (value: unknown) => (isText(value) ? value : undefined)

/** An interaction's id: `interactionId` as typed, or `id` as some doc examples read it. */
export const interactionIdOf = (
  data: { interactionId?: unknown; id?: unknown } | null | undefined,
): string | undefined => text(data?.interactionId) ?? text(data?.id)

/**
 * The interaction's selected associated object (or its first one), without the widget's own
 * `source` field. `selected` is `string | null` in 5.19 and `string[]` later.
 */
export function selectedObjectOf(
  data: Pick<InteractionData, 'associatedObjects'>,
): InteractionAssociatedObject | undefined {
  const { list, selected } = data.associatedObjects ?? {}
  const selectedId = Array.isArray(selected) ? selected[0] : selected
  const found = list?.find((object) => object.id === selectedId) ?? list?.[0]
  if (!found) return undefined
  const { source: _source, ...object } = found
  return object
}
