import type { InteractionAssociatedObject } from '../core/types.js'
import {
  validateAssociatedObject,
  type AssociatedObjectProblem,
} from '../core/validateAssociatedObject.js'
import type { AssociatedObjectTextField, CallMessages } from '../react/messages.js'
import { readJsonEntries } from './readJsonEntries.js'

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
 * `unknown:<key>` (a key an associated object does not have), `repeated:<key>` (a field given twice).
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

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : isEmpty(value)
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)

/**
 * Sets `name` as an own field, whatever the name: `record[name] = value` would set the prototype
 * for `__proto__`, and `name in record` is true for `constructor` or `toString` on any object.
 */
const setOwn = (record: Record<string, string>, name: string, value: string) =>
  Object.defineProperty(record, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })

/** The four text fields of a record, in order, each as text (missing ones empty). */
const textFields = (source: object) =>
  Object.fromEntries(
    TEXT_FIELDS.map((field) => [
      field,
      asText(Object.hasOwn(source, field) ? (source as Record<string, unknown>)[field] : ''),
    ]),
  ) as Record<AssociatedObjectTextField, string>

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
  const named = new Set<string>()
  for (const row of draft.rows) {
    const name = row.name.trim()
    if (name === '' || named.has(name)) continue
    named.add(name)
    setOwn(customFields, name, row.value)
  }
  return { ...textFields(draft), customFields }
}

/**
 * The JSON mode's text for a draft: every row as a member of `customFields`, in order and as
 * typed, even unnamed ones and repeated names (JSON text may repeat a name; this editor reads
 * every member back), so switching to JSON and back loses no row.
 */
export function draftJson(draft: AssociatedObjectDraft): string {
  const member = (indent: string, name: string, value: string) =>
    `${indent}${JSON.stringify(name)}: ${JSON.stringify(value)}`
  const rows = draft.rows.map((row) => member('    ', row.name, row.value))
  return [
    '{',
    ...TEXT_FIELDS.map((field) => `${member('  ', field, draft[field])},`),
    `  "customFields": ${rows.length ? `{\n${rows.join(',\n')}\n  }` : '{}'}`,
    '}',
  ].join('\n')
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
 * What the JSON text says. `errors` is empty when it is exactly an associated object. `draft`:
 * the form's rows and fields for it whenever it is a JSON object (values that are not text become
 * their text). `keepsAll`: the form can show everything the text holds; it cannot show a key an
 * associated object does not have, a field given twice, or `customFields` that is not an object.
 */
export interface JsonDraft {
  draft?: AssociatedObjectDraft
  keepsAll: boolean
  errors: AssociatedObjectErrors
}

/** A problem `validateAssociatedObject` found, in the editor's words (the person's language). */
function problemMessage(
  path: string,
  problem: AssociatedObjectProblem,
  messages: CallMessages,
): string {
  if (problem === 'not-object') return messages.customFieldsNotObject
  if (problem === 'not-text') return messages.fieldNotText(path)
  return messages.fieldRequired(
    path === 'customFields'
      ? messages.customFields
      : messages.associatedObjectFields[path as AssociatedObjectTextField],
  )
}

/**
 * Reads the JSON mode's text: syntax first, then the exact shape of an associated object, by the
 * rules every start is checked with (`validateAssociatedObject`).
 */
export function parseJsonDraft(text: string, messages: CallMessages): JsonDraft {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { keepsAll: false, errors: { json: messages.invalidJson } }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { keepsAll: false, errors: { json: messages.notAnObject } }
  const errors: AssociatedObjectErrors = {}
  const checked = validateAssociatedObject(raw)
  if (!checked.ok) {
    for (const [path, problem] of Object.entries(checked.problems))
      if (problem) errors[path] = problemMessage(path, problem, messages)
  }
  // What the form can show: every member, as text, in order (JSON.parse keeps only the last of
  // a repeated name, and the form has no place for a key an associated object does not have).
  const draft = toDraft(undefined)
  const given = new Set<string>()
  let keepsAll = true
  for (const [key, json] of readJsonEntries(text)) {
    const value: unknown = JSON.parse(json)
    const known = key === 'customFields' || (TEXT_FIELDS as readonly string[]).includes(key)
    if (!known || given.has(key)) {
      keepsAll = false
      errors[`${known ? 'repeated' : 'unknown'}:${key}`] = known
        ? messages.customFieldNameDuplicate(key)
        : messages.unknownField(key)
      continue
    }
    given.add(key)
    if (key !== 'customFields') {
      draft[key as AssociatedObjectTextField] = asText(value)
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [name, fieldJson] of readJsonEntries(json))
        draft.rows.push({ key: nextRowKey(), name, value: asText(JSON.parse(fieldJson)) })
    } else if (!isEmpty(value)) {
      keepsAll = false
    }
  }
  // The form's own rules too (required fields, unnamed and repeated rows), worded as the form words them.
  return { draft, keepsAll, errors: { ...draftErrors(draft, messages), ...errors } }
}
