/**
 * Bright Pattern Communicator Widget SDK's own types (`startCall`), kept verbatim:
 * they are the library's vocabulary for every provider.
 */

/** The CRM record that travels with a call (a contact, a case, a task …). */
export type InteractionAssociatedObject = {
  /** The ID of the object to be associated with the phone number. */
  id: string
  /** The type of object (e.g. contact, case, task). */
  type: string
  /** The object's display name, e.g. "Ada Lovelace". */
  displayName: string
  /** The object's display type, e.g. "Contact". */
  displayType: string
  /** Any additional information about the object. Values are strings. */
  customFields: Record<string, string>
}

/**
 * What a start returns. `id` is the new interaction's ID; `null` without `error` is a
 * deferred dial (the number was only prefilled), not a failure.
 */
export type InitiateResult = {
  id: string | null
  /** The only documented value is `"Timeout error"`. */
  error?: string
}

/** Bright Pattern's error shape: a numeric code and its name. */
export type ResultError = {
  code: number
  name: string
  message?: string
}

/**
 * Bright Pattern's result envelope. `E` is the error's shape: Bright Pattern's `ResultError` by
 * default; every `CallClient` resolves with a `CallError` there.
 */
export type OperationResult<
  T = null,
  E extends { code: unknown; name: string; message?: string } = ResultError,
> = { status: 'success'; data: T } | { status: 'error'; error: E }
