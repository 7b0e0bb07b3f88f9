import { CallError } from './CallError.js'
import { quoteInput } from './quoteInput.js'
import type { InteractionAssociatedObject } from './types.js'

const REQUIRED = ['id', 'type', 'displayName', 'displayType'] as const

/** Field paths an associated object can be wrong at: `id`, `customFields`, `customFields.<key>` … */
export type AssociatedObjectField =
  (typeof REQUIRED)[number] | 'customFields' | `customFields.${string}`

/**
 * What is wrong at a field: `required` (missing or empty), `not-text` (a field or custom field
 * that is not a string), `not-object` (`customFields` that is not a plain object). The same rules
 * word the `CallError` here and the `AssociatedObjectEditor`'s messages in each language.
 */
export type AssociatedObjectProblem = 'required' | 'not-text' | 'not-object'

export type AssociatedObjectResult =
  | { ok: true; value: InteractionAssociatedObject }
  | {
      ok: false
      error: CallError
      /** Each problem's message, by field path. */
      fields: Partial<Record<AssociatedObjectField, string>>
      /** Each problem, by field path, for a UI to word in its own language. */
      problems: Partial<Record<AssociatedObjectField, AssociatedObjectProblem>>
    }

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
  const problems: Partial<Record<AssociatedObjectField, AssociatedObjectProblem>> = {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: new CallError(
        'invalid_argument',
        'The associated object must be an object with id, type, displayName, displayType and customFields.',
      ),
      fields,
      problems,
    }
  }
  const problem = (path: AssociatedObjectField, kind: AssociatedObjectProblem, message: string) => {
    problems[path] = kind
    fields[path] = message
  }
  const record = value as Record<string, unknown>
  for (const key of REQUIRED) {
    const field = record[key]
    if (field === undefined || field === null || field === '')
      problem(key, 'required', `${key} is required.`)
    else if (typeof field !== 'string') problem(key, 'not-text', `${key} must be text.`)
  }
  const custom = record.customFields
  if (custom === undefined || custom === null) {
    problem('customFields', 'required', 'customFields is required (use {} for none).')
  } else if (!isPlainObject(custom)) {
    // A Map, an array or a class instance would travel as `{}` (JSON keeps only own fields of a
    // plain object): its data would be lost without a word.
    problem(
      'customFields',
      'not-object',
      `customFields must be a plain object of text values, e.g. {"crmUrl": "https://…"}, not ${kindOf(custom)}.`,
    )
  } else {
    for (const [key, field] of Object.entries(custom)) {
      if (typeof field !== 'string')
        problem(`customFields.${key}`, 'not-text', `customFields.${quoteInput(key)} must be text.`)
    }
  }
  const messages = Object.values(fields)
  if (messages.length === 0) return { ok: true, value: value as InteractionAssociatedObject }
  return {
    ok: false,
    error: new CallError(
      'invalid_argument',
      `The associated object is not valid: ${messages.join(' ')}`,
    ),
    fields,
    problems,
  }
}
