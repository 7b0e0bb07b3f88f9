import type { InteractionAssociatedObject } from '../../../core/types.js'

/**
 * The associated object as `userData`, flattened under `prefix`: `id`, `type`, `displayName`,
 * `displayType` and each custom field (GWS `userData` is flat key/value data).
 */
export function toUserData(
  object: InteractionAssociatedObject | undefined,
  prefix: string,
): Record<string, string> {
  if (!object) return {}
  const { customFields, id, type, displayName, displayType } = object
  const fields = { ...customFields, id, type, displayName, displayType }
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [prefix + key, value]))
}
