import { CallError, type CallErrorCode, type ProviderErrorInfo } from '../../core/CallError.js'
import type { ResultError } from '../../core/types.js'
import { RESULT_ERROR_CODES, SERVER_ERROR_CODES, type ServerErrorData } from './AdApi.js'

/** The client's name, kept on every error it makes. */
export const PROVIDER = 'bright-pattern'

/** A `CallError` of this client: `detail` (the widget's code, name, message) goes to `error.provider`. */
export function bpError(code: CallErrorCode, message: string, detail?: Omit<ProviderErrorInfo, 'provider'>, cause?: unknown): CallError {
  return new CallError(code, message, { provider: { provider: PROVIDER, ...detail }, cause })
}

/** What a thrown value says, for `error.provider.message`. */
export const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown))

/** What a signed-out agent reads. */
export const SIGNED_OUT = 'You are signed out of Bright Pattern. Sign in in the widget, then try again.'

const NOT_ALLOWED = 'Your Bright Pattern account may not do this. Ask your administrator.'
const SIGN_IN_AGAIN = ' Sign in again in the widget.'
const ASK_ADMIN = ' Ask your administrator.'
const PICK_ANOTHER = ' Pick another in the widget.'

/**
 * The `CallError` code of each widget error code (`ResultError` 1–99, `ON_SERVER_ERROR` 100 and
 * up); every other code is a `provider_error`.
 */
const CALL_CODES: Partial<Record<CallErrorCode, number[]>> = {
  forbidden: [1, 19, 105, 107, 114],
  unauthorized: [2, 109, 111],
  invalid_argument: [3],
  not_ready: [4, 100, 101, 103],
  timeout: [8],
  invalid_number: [10, 12, 104],
  not_found: [13],
  not_supported: [14],
  invalid_state: [15],
  conflict: [108, 110, 113],
}

/** What a person reads for each widget error code, and what they can do about it. */
export const MESSAGES: Readonly<Record<number, string>> = {
  1: NOT_ALLOWED,
  2: SIGNED_OUT,
  3: 'Bright Pattern refused the call details. Check the number and the record.',
  4: 'You are signed in to Bright Pattern without a phone. Choose a phone device in the widget, then try again.',
  5: 'Bright Pattern blocked this request.' + ASK_ADMIN,
  6: 'The Bright Pattern widget did not answer. Reload the page.',
  7: 'Bright Pattern refused the request. Reload the page.',
  8: 'Bright Pattern did not answer in time. Try again.',
  9: 'This service has no chat.' + PICK_ANOTHER,
  10: 'There is no number to dial. Enter one.',
  11: 'No service can take this call.' + PICK_ANOTHER,
  12: 'You cannot call your own number.',
  13: 'Bright Pattern has no such call. It may have ended.',
  14: 'This Bright Pattern widget cannot do that.',
  15: 'That is not possible in the call’s current state.',
  16: 'Set a disposition in the widget first.',
  17: 'Bright Pattern could not find the record.',
  18: 'You may not send texts from this number.',
  19: 'You are not allowed to call from the selected caller ID.' + PICK_ANOTHER,
  20: 'This service has no channel for this.' + PICK_ANOTHER,
  100: 'You signed in elsewhere, so you were signed out here.' + SIGN_IN_AGAIN,
  101: 'A supervisor signed you out.' + SIGN_IN_AGAIN,
  103: 'Your phone is not registered. Check the phone device in the widget.',
  104: 'That number is not in your dial plan.',
  105: 'This Bright Pattern tenant is disabled.' + ASK_ADMIN,
  106: 'The person you called is not signed in.',
  107: 'Your Bright Pattern user is disabled or deleted.' + ASK_ADMIN,
  108: 'You are already signed in elsewhere.',
  109: 'Your sign-in was refused.' + SIGN_IN_AGAIN,
  110: 'Another user is signed in with your phone. Choose another phone in the widget.',
  111: 'Your session expired.' + SIGN_IN_AGAIN,
  112: 'Too many users are signed in. Try again later.',
  113: 'You are already signed in in this session.',
  114: NOT_ALLOWED,
  200: 'The phone server reported a problem. Try again in a moment.',
}

/** Server errors that end the agent's session: the connection is then closed. */
const SESSION_ENDING = [100, 101, 105, 107, 109, 111]

/** A `CallError` for a widget error, keeping its code, name and message in `error.provider`. */
function widgetError(names: Readonly<Record<string, number>>, error: Partial<ResultError> = {}): CallError {
  const { name, message } = error
  const code = typeof error.code === 'number' ? error.code : names[name!]
  const callCode = (Object.keys(CALL_CODES) as CallErrorCode[]).find((key) => CALL_CODES[key]!.includes(code!))
  return bpError(callCode ?? 'provider_error', MESSAGES[code!] ?? 'Bright Pattern reported an error. Try again.', {
    ...(code !== undefined && { code }),
    ...(typeof name === 'string' && { name }),
    ...(typeof message === 'string' && { message }),
  })
}

/**
 * A `CallError` for a `ResultError` from any `adApi` method (by code, or by name when a widget
 * sends only the name), keeping the widget's code, name and message in `error.provider`.
 */
export const resultErrorToCallError = (error?: Partial<ResultError>): CallError => widgetError(RESULT_ERROR_CODES, error)

/** A `CallError` for an `ON_SERVER_ERROR` payload, and whether it ended the session (forced logout, expired token …). */
export function serverErrorToCallError(data: Partial<ServerErrorData>): { error: CallError; sessionEnded: boolean } {
  const error = widgetError(SERVER_ERROR_CODES, data as Partial<ResultError>)
  return { error, sessionEnded: SESSION_ENDING.includes(error.provider!.code as number) }
}
