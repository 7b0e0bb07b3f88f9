import type { InteractionAssociatedObject } from '../core/types.js'
import { validateAssociatedObject } from '../core/validateAssociatedObject.js'
import type { AssociatedObjectTextField, CallMessages } from '../react/messages.js'

/** The four text fields, in the order the editor shows them. */
export const TEXT_FIELDS: readonly AssociatedObjectTextField[] = ['id', 'type', 'displayName', 'displayType']
const KNOWN_KEYS = new Set<string>([...TEXT_FIELDS, 'customFields'])

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

export const EMPTY_OBJECT: InteractionAssociatedObject = Object.freeze({
  id: '',
  type: '',
  displayName: '',
  displayType: '',
  customFields: Object.freeze({}) as Record<string, string>,
}) as InteractionAssociatedObject

export function toDraft(value: InteractionAssociatedObject | undefined): AssociatedObjectDraft {
  const source = value ?? EMPTY_OBJECT
  return {
    id: source.id ?? '',
    type: source.type ?? '',
    displayName: source.displayName ?? '',
    displayType: source.displayType ?? '',
    rows: Object.entries(source.customFields ?? {}).map(([name, fieldValue]) => ({
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
  return {
    id: draft.id,
    type: draft.type,
    displayName: draft.displayName,
    displayType: draft.displayType,
    customFields,
  }
}

/** Problems of the form: empty required fields, rows with a value and no name, repeated names. */
export function draftErrors(draft: AssociatedObjectDraft, messages: CallMessages): AssociatedObjectErrors {
  const errors: AssociatedObjectErrors = {}
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim() === '') errors[field] = messages.fieldRequired(messages.associatedObjectFields[field])
  }
  const seen = new Set<string>()
  for (const row of draft.rows) {
    const name = row.name.trim()
    if (name === '') {
      if (row.value !== '') errors[`row:${row.key}`] = messages.customFieldNameRequired
    } else if (seen.has(name)) {
      errors[`row:${row.key}`] = messages.customFieldNameDuplicate(name)
    } else {
      seen.add(name)
    }
  }
  return errors
}

/** What the JSON text says. */
export type JsonDraft =
  | { kind: 'valid'; value: InteractionAssociatedObject }
  /** Parsed, but not exactly an associated object: `errors` says where. `raw` is what was parsed. */
  | { kind: 'invalid'; raw: unknown; errors: AssociatedObjectErrors }
  /** Not JSON at all. */
  | { kind: 'syntax'; errors: AssociatedObjectErrors }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

/** Reads the JSON mode's text: syntax first, then the exact shape of an associated object. */
export function parseJsonDraft(text: string, messages: CallMessages): JsonDraft {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { kind: 'syntax', errors: { json: messages.invalidJson } }
  }
  if (!isPlainObject(raw)) return { kind: 'invalid', raw, errors: { json: messages.notAnObject } }
  const errors: AssociatedObjectErrors = {}
  const checked = validateAssociatedObject(raw)
  if (!checked.ok) {
    for (const path of Object.keys(checked.fields)) {
      if ((TEXT_FIELDS as readonly string[]).includes(path)) {
        const field = path as AssociatedObjectTextField
        errors[path] = isEmpty(raw[path])
          ? messages.fieldRequired(messages.associatedObjectFields[field])
          : messages.fieldNotText(path)
      } else if (path === 'customFields') {
        errors[path] = isEmpty(raw.customFields)
          ? messages.fieldRequired(messages.customFields)
          : messages.customFieldsNotObject
      } else {
        errors[path] = messages.fieldNotText(path)
      }
    }
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) errors[`unknown:${key}`] = messages.unknownField(key)
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', raw, errors }
  const value = raw as InteractionAssociatedObject
  return {
    kind: 'valid',
    value: {
      id: value.id,
      type: value.type,
      displayName: value.displayName,
      displayType: value.displayType,
      customFields: { ...value.customFields },
    },
  }
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : isEmpty(value) ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/**
 * The closest associated object to a parsed JSON object, for the form: missing fields become
 * empty (and show as required), other values become their text, unknown keys are dropped.
 */
export function coerceAssociatedObject(raw: Record<string, unknown>): InteractionAssociatedObject {
  const customFields: Record<string, string> = {}
  if (isPlainObject(raw.customFields)) {
    for (const [name, value] of Object.entries(raw.customFields)) customFields[name] = asText(value)
  }
  return {
    id: asText(raw.id),
    type: asText(raw.type),
    displayName: asText(raw.displayName),
    displayType: asText(raw.displayType),
    customFields,
  }
}

export const isParsedObject = isPlainObject

/** The JSON mode's text for a value. */
export const toJson = (value: InteractionAssociatedObject) => JSON.stringify(value, null, 2)
