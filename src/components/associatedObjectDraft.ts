import type { InteractionAssociatedObject } from '../core/types.js'
import { validateAssociatedObject } from '../core/validateAssociatedObject.js'
import type { AssociatedObjectTextField, CallMessages } from '../react/messages.js'

/** The four text fields, in the order the editor shows them. */
export const TEXT_FIELDS: readonly AssociatedObjectTextField[] = [
  'id',
  'type',
  'displayName',
  'displayType',
]

/** One custom field row. `key` is the row's identity for React; names may be empty or repeated while editing. */
export interface CustomFieldRow {
  key: string
  name: string
  value: string
}

/** What the form edits: the text fields, and the custom fields as ordered rows. */
export interface AssociatedObjectDraft extends Record<AssociatedObjectTextField, string> {
  rows: CustomFieldRow[]
}

/**
 * Errors keyed by where they show: `id`, `type`, `displayName`, `displayType`, `customFields`,
 * `customFields.<name>` (a value that is not text), `row:<key>` (a row's name), `json` (syntax),
 * `unknown:<key>` (a key an associated object does not have).
 */
export type AssociatedObjectErrors = Record<string, string>

/** What `AssociatedObjectEditor` tells with every value. */
export interface AssociatedObjectValidation {
  /** The value is a complete `InteractionAssociatedObject` (every required field filled). */
  valid: boolean
  /** Messages for each problem, keyed as in `AssociatedObjectErrors`. */
  errors: AssociatedObjectErrors
}

let rowCount = 0
/** A fresh row key: unique within the page, stable for the row's life. */
export const nextRowKey = () => `row-${++rowCount}`

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : isEmpty(value)
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)

/** The four text fields of a record, in order, each as text (missing ones empty). */
const textFields = (source: object) =>
  Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, asText((source as Record<string, unknown>)[field])]),
  ) as Record<AssociatedObjectTextField, string>

/**
 * The closest associated object to a parsed JSON object (exactly it, when it is a valid one):
 * missing fields become empty (and show as required), other values become their text, unknown
 * keys are dropped.
 */
function coerceAssociatedObject(raw: Record<string, unknown>): InteractionAssociatedObject {
  const customFields: Record<string, string> = {}
  if (isPlainObject(raw.customFields)) {
    for (const [name, value] of Object.entries(raw.customFields)) customFields[name] = asText(value)
  }
  return { ...textFields(raw), customFields }
}

/** The empty associated object: every text field empty, no custom fields. */
export const EMPTY_OBJECT = /* @__PURE__ */ coerceAssociatedObject({})

export function toDraft(value: InteractionAssociatedObject | undefined): AssociatedObjectDraft {
  return {
    ...textFields(value ?? {}),
    rows: Object.entries(value?.customFields ?? {}).map(([name, fieldValue]) => ({
      key: nextRowKey(),
      name,
      value: fieldValue,
    })),
  }
}

/** The object a draft stands for. Unnamed rows are left out; of two rows with one name, the first wins. */
export function fromDraft(draft: AssociatedObjectDraft): InteractionAssociatedObject {
  const customFields: Record<string, string> = {}
  for (const row of draft.rows) {
    const name = row.name.trim()
    if (name !== '' && !(name in customFields)) customFields[name] = row.value
  }
  return { ...textFields(draft), customFields }
}

/** Problems of the form: empty required fields, rows with a value and no name, repeated names. */
export function draftErrors(
  draft: AssociatedObjectDraft,
  messages: CallMessages,
): AssociatedObjectErrors {
  const errors: AssociatedObjectErrors = {}
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim() === '')
      errors[field] = messages.fieldRequired(messages.associatedObjectFields[field])
  }
  const seen = new Set<string>()
  for (const row of draft.rows) {
    const name = row.name.trim()
    const error =
      name === ''
        ? row.value !== '' && messages.customFieldNameRequired
        : seen.has(name) && messages.customFieldNameDuplicate(name)
    if (error) errors[`row:${row.key}`] = error
    seen.add(name)
  }
  return errors
}

/**
 * What the JSON text says: `errors` (empty when it is exactly an associated object: then `value`
 * is it) and, whenever the text is a JSON object, `value`, the closest associated object to it.
 * Not JSON, or JSON but not an object: no `value`.
 */
export interface JsonDraft {
  value?: InteractionAssociatedObject
  errors: AssociatedObjectErrors
}

/** Reads the JSON mode's text: syntax first, then the exact shape of an associated object. */
export function parseJsonDraft(text: string, messages: CallMessages): JsonDraft {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { errors: { json: messages.invalidJson } }
  }
  if (!isPlainObject(raw)) return { errors: { json: messages.notAnObject } }
  const errors: AssociatedObjectErrors = {}
  const checked = validateAssociatedObject(raw)
  if (!checked.ok) {
    for (const path of Object.keys(checked.fields)) {
      // Only the four text fields and `customFields` have a label; `customFields.<name>` has none.
      const label =
        path === 'customFields'
          ? messages.customFields
          : messages.associatedObjectFields[path as AssociatedObjectTextField]
      errors[path] =
        label !== undefined && isEmpty(raw[path])
          ? messages.fieldRequired(label)
          : path === 'customFields'
            ? messages.customFieldsNotObject
            : messages.fieldNotText(path)
    }
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'customFields' && !(TEXT_FIELDS as readonly string[]).includes(key))
      errors[`unknown:${key}`] = messages.unknownField(key)
  }
  return { value: coerceAssociatedObject(raw), errors }
}

/** The JSON mode's text for a value. */
export const toJson = (value: InteractionAssociatedObject) => JSON.stringify(value, null, 2)
