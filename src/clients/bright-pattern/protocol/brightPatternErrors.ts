import { createProviderErrors } from '../../../client-kit/createProviderErrors.js'
import type { CallError, CallErrorCode } from '../../../core/CallError.js'
import type { ResultError } from '../../../core/types.js'
import type { ServerErrorData } from './AdApi.js'
import { RESULT_ERROR_CODES, SERVER_ERROR_CODES } from './errorCodes.js'

/** The client's name, kept on every error it makes. */
export const PROVIDER = 'bright-pattern'

/** Every error of the Bright Pattern client: `error.provider.provider` is `bright-pattern`. */
export const bpErrors = createProviderErrors(PROVIDER)

/** What a signed-out agent reads. */
export const SIGNED_OUT =
  'You are signed out of Bright Pattern. Sign in in the widget, then try again.'
/** What a person reads when the widget did not answer in time (`timeout`, 8). */
export const TOO_SLOW = 'Bright Pattern did not answer in time. Try again.'
/** What a person reads when the widget lacks a method (`api_method_not_implemented`, 14). */
export const CANNOT_DO = 'This Bright Pattern widget cannot do that.'

const NOT_ALLOWED = 'Your Bright Pattern account may not do this. Ask your administrator.'
const SIGN_IN_AGAIN = ' Sign in again in the widget.'
const ASK_ADMIN = ' Ask your administrator.'
const PICK_ANOTHER = ' Pick another in the widget.'

/**
 * Each widget error code (`ResultError` 1–99, `ON_SERVER_ERROR` 100 and up): the `CallError` code
 * it becomes, and what a person reads, with what they can do about it. A code not listed here
 * (102, 99, 300 …) is a `provider_error` reading "Bright Pattern reported an error. Try again."
 */
const ERRORS: Readonly<Record<number, readonly [CallErrorCode, string]>> = {
  1: ['forbidden', NOT_ALLOWED],
  2: ['unauthorized', SIGNED_OUT],
  3: [
    'invalid_argument',
    'Bright Pattern refused the call details. Check the number and the record.',
  ],
  4: [
    'not_ready',
    'You are signed in to Bright Pattern without a phone. Choose a phone device in the widget, then try again.',
  ],
  5: ['provider_error', 'Bright Pattern blocked this request.' + ASK_ADMIN],
  6: ['provider_error', 'The Bright Pattern widget did not answer. Reload the page.'],
  7: ['provider_error', 'Bright Pattern refused the request. Reload the page.'],
  8: ['timeout', TOO_SLOW],
  9: ['provider_error', 'This service has no chat.' + PICK_ANOTHER],
  10: ['invalid_number', 'There is no number to dial. Enter one.'],
  11: [
    'provider_error',
    'No Bright Pattern service is available for this call. Pick a service in the widget.',
  ],
  12: ['invalid_number', 'You cannot call your own number.'],
  13: ['not_found', 'Bright Pattern has no such call. It may have ended.'],
  14: ['not_supported', CANNOT_DO],
  15: ['invalid_state', 'That is not possible in the call’s current state.'],
  16: ['provider_error', 'Choose a disposition first: this Bright Pattern service requires one.'],
  17: ['provider_error', 'Bright Pattern could not find the record.'],
  18: ['provider_error', 'You may not send texts from this number.'],
  19: ['forbidden', 'You are not allowed to call from the selected caller ID.' + PICK_ANOTHER],
  20: ['provider_error', 'This service has no channel for this.' + PICK_ANOTHER],
  100: ['not_ready', 'You signed in elsewhere, so you were signed out here.' + SIGN_IN_AGAIN],
  101: ['not_ready', 'A supervisor signed you out.' + SIGN_IN_AGAIN],
  103: ['not_ready', 'Your phone is not registered. Check the phone device in the widget.'],
  104: ['invalid_number', 'That number is not in your dial plan.'],
  105: ['forbidden', 'This Bright Pattern tenant is disabled.' + ASK_ADMIN],
  106: ['provider_error', 'The person you called is not signed in.'],
  107: ['forbidden', 'Your Bright Pattern user is disabled or deleted.' + ASK_ADMIN],
  108: ['conflict', 'You are already signed in to Bright Pattern elsewhere.'],
  109: ['unauthorized', 'Your sign-in was refused.' + SIGN_IN_AGAIN],
  110: [
    'conflict',
    'Another user is signed in with your phone. Choose another phone in the widget.',
  ],
  111: ['unauthorized', 'Your Bright Pattern session expired.' + SIGN_IN_AGAIN],
  112: ['provider_error', 'Too many users are signed in to Bright Pattern. Try again later.'],
  113: ['conflict', 'You are already signed in in this session.'],
  114: ['forbidden', NOT_ALLOWED],
  200: ['provider_error', 'The Bright Pattern server reported a problem. Try again in a moment.'],
}

/** Server errors that end the agent's session: the connection is then closed. */
const SESSION_ENDING = [100, 101, 105, 107, 109, 111]

/** A `CallError` for a widget error, keeping its code, name and message in `error.provider`. */
function widgetError(
  names: Readonly<Record<string, number>>,
  error: Partial<ResultError> = {},
): CallError {
  const { name, message } = error
  const code =
    typeof error.code === 'number'
      ? error.code
      : name !== undefined && Object.hasOwn(names, name)
        ? names[name]
        : undefined
  const [callCode, text] = ERRORS[code!] ?? [
    'provider_error',
    'Bright Pattern reported an error. Try again.',
  ]
  return bpErrors.error(callCode, text, {
    ...(code !== undefined && { code }),
    ...(typeof name === 'string' && { name }),
    ...(typeof message === 'string' && { message }),
  })
}

/**
 * A `CallError` for a `ResultError` from any `adApi` method (by code, or by name when a widget
 * sends only the name), keeping the widget's code, name and message in `error.provider`.
 */
export const resultErrorToCallError = (error?: Partial<ResultError>): CallError =>
  widgetError(RESULT_ERROR_CODES, error)

/** A `CallError` for an `ON_SERVER_ERROR` payload, and whether it ended the session (forced logout, expired token …). */
export function serverErrorToCallError(data: Partial<ServerErrorData>): {
  error: CallError
  sessionEnded: boolean
} {
  const error = widgetError(SERVER_ERROR_CODES, data as Partial<ResultError>)
  return { error, sessionEnded: SESSION_ENDING.includes(error.provider!.code as number) }
}
