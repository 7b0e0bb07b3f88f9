import { CallError, type CallErrorCode, type CallErrorOptions } from './CallError.js'
import type { OperationResult } from './types.js'

/** A success envelope. */
export function success<T>(data: T): OperationResult<T, CallError> {
  return { status: 'success', data }
}

/** An error envelope around a `CallError`. */
export function failure<T = never>(
  code: CallErrorCode | CallError,
  message = '',
  options?: CallErrorOptions,
): OperationResult<T, CallError> {
  return {
    status: 'error',
    error: code instanceof CallError ? code : new CallError(code, message, options),
  }
}
