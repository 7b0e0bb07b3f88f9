import { CallError } from './CallError.js'
import { quoteInput } from './quoteInput.js'
import type { InteractionAssociatedObject } from './types.js'

const REQUIRED = ['id', 'type', 'displayName', 'displayType'] as const

/** Field paths an associated object can be wrong at: `id`, `customFields`, `customFields.<key>` … */
export type AssociatedObjectField =
  (typeof REQUIRED)[number] | 'customFields' | `customFields.${string}`

export type AssociatedObjectResult =
  | { ok: true; value: InteractionAssociatedObject }
  | { ok: false; error: CallError; fields: Partial<Record<AssociatedObjectField, string>> }

/** An object literal or `Object.create(null)`: what JSON sends field by field. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** What a value that is not a plain object is, in a message: "a Map", "an array", "a Contact". */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value !== 'object') return typeof value === 'string' ? 'text' : `a ${typeof value}`
  const name = quoteInput((value as object).constructor?.name || 'object')
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`
}

/**
 * Checks that a value is exactly an `InteractionAssociatedObject`: the four required strings
 * and `customFields` with string values. Field errors are keyed by path for inline messages.
 */
export function validateAssociatedObject(value: unknown): AssociatedObjectResult {
  const fields: Partial<Record<AssociatedObjectField, string>> = {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: new CallError(
        'invalid_argument',
        'The associated object must be an object with id, type, displayName, displayType and customFields.',
      ),
      fields,
    }
  }
  const record = value as Record<string, unknown>
  for (const key of REQUIRED) {
    const field = record[key]
    if (field === undefined || field === null || field === '') fields[key] = `${key} is required.`
    else if (typeof field !== 'string') fields[key] = `${key} must be text.`
  }
  const custom = record.customFields
  if (custom === undefined || custom === null) {
    fields.customFields = 'customFields is required (use {} for none).'
  } else if (!isPlainObject(custom)) {
    // A Map, an array or a class instance would travel as `{}` (JSON keeps only own fields of a
    // plain object): its data would be lost without a word.
    fields.customFields = `customFields must be a plain object of text values, e.g. {"crmUrl": "https://…"}, not ${kindOf(custom)}.`
  } else {
    for (const [key, field] of Object.entries(custom)) {
      if (typeof field !== 'string')
        fields[`customFields.${key}`] = `customFields.${quoteInput(key)} must be text.`
    }
  }
  const problems = Object.values(fields)
  if (problems.length === 0) return { ok: true, value: value as InteractionAssociatedObject }
  return {
    ok: false,
    error: new CallError(
      'invalid_argument',
      `The associated object is not valid: ${problems.join(' ')}`,
    ),
    fields,
  }
}
