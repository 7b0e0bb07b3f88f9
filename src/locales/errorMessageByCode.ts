import type { CallErrorCode, CallErrorInfo } from '../core/CallError.js'

/**
 * A locale's `errorMessage`: the error's code in the locale's words. The library's own messages
 * are English and often name the number; a translation says what happened and what to do.
 */
export const errorMessageByCode =
  (words: Record<CallErrorCode, string>) =>
  (error: CallErrorInfo): string =>
    words[error.code] ?? error.message
