import type { CallErrorInfo } from './CallError.js'

/**
 * The part of a message catalog that words errors: `CallMessages` (what `CallProvider` takes),
 * `CallLogMessages`, or a locale pack such as `fr` from `react-click-to-call/locales/fr`.
 */
export interface ErrorMessages {
  /** The text a person reads for `error`, translated by its `code`. */
  errorMessage?: (error: CallErrorInfo) => string
}

/**
 * The text a person reads for an error, for apps that show errors themselves (headless hooks,
 * `runtime.startCall`): the catalog's words for its `code` when a catalog is given, else the
 * error's own English `message`. The components show errors through the same catalog.
 *
 * @example
 * // `fr` is the French pack, from react-click-to-call/locales/fr
 * const { startCall, error } = useStartCall()
 * {error && <p role="alert">{describeError(error, fr)}</p>}
 */
export function describeError(error: CallErrorInfo, messages?: ErrorMessages): string {
  return messages?.errorMessage?.(error) ?? error.message
}
