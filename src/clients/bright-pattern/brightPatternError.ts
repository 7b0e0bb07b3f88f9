import { CallError, type CallErrorCode } from '../../core/CallError.js'
import type { ResultError } from '../../core/types.js'
import { RESULT_ERROR_CODES, SERVER_ERROR_CODES, type ServerErrorData } from './AdApi.js'

/** The client's name, kept on every error it makes. */
export const PROVIDER = 'bright-pattern'

type Mapping = readonly [CallErrorCode, string]

/** `ResultError` codes to `CallError` codes, with what a person can do about each. */
const RESULT_ERRORS: Readonly<Record<number, Mapping>> = {
  1: ['forbidden', 'Your Bright Pattern account is not allowed to do this. Ask your administrator for the privilege.'],
  2: ['unauthorized', 'You are not signed in to the Bright Pattern phone widget. Sign in there, then try again.'],
  3: ['invalid_argument', 'Bright Pattern refused the call details. Check the number and the linked record, then try again.'],
  4: ['not_ready', 'You are signed in to Bright Pattern without a phone. Choose a phone device in the widget, then try again.'],
  5: ['provider_error', 'Bright Pattern has blocked this request. Ask your administrator.'],
  6: ['provider_error', 'The Bright Pattern widget did not answer. Reload the page and try again.'],
  7: ['provider_error', 'Bright Pattern refused the request as invalid. Reload the page and try again.'],
  8: ['timeout', 'Bright Pattern did not answer in time. Try again.'],
  9: ['provider_error', 'The selected Bright Pattern service has no chat. Pick another service in the widget.'],
  10: ['invalid_number', 'Bright Pattern received no number to dial. Enter a phone number.'],
  11: ['provider_error', 'No Bright Pattern service is available for this call. Pick a service in the widget, then try again.'],
  12: ['invalid_number', 'That is your own number: Bright Pattern cannot call it.'],
  13: ['not_found', 'Bright Pattern has no such call any more. It may have ended.'],
  14: ['not_supported', 'This version of the Bright Pattern widget cannot do that.'],
  15: ['invalid_state', 'That is not possible in the call’s current state.'],
  16: ['provider_error', 'Bright Pattern needs a disposition first. Set one in the widget, then try again.'],
  17: ['provider_error', 'Bright Pattern could not find the record.'],
  18: ['provider_error', 'You are not allowed to send text messages from the selected number.'],
  19: ['forbidden', 'You are not allowed to call from the selected caller ID. Pick another number in the widget or ask your administrator.'],
  20: ['provider_error', 'The selected Bright Pattern service has no channel for this. Pick another service in the widget.'],
  99: ['provider_error', 'Bright Pattern reported an unknown error. Try again.'],
}

const FALLBACK: Mapping = ['provider_error', 'Bright Pattern reported an error. Try again.']

/** `ResultError.code`, or the code its `name` stands for when a widget sends only the name. */
function resultCode(error: Partial<ResultError>): number | undefined {
  if (typeof error.code === 'number') return error.code
  return typeof error.name === 'string' ? RESULT_ERROR_CODES[error.name as keyof typeof RESULT_ERROR_CODES] : undefined
}

/**
 * A `CallError` for a `ResultError` from any `adApi` method, keeping the widget's code, name and
 * message in `error.provider`.
 */
export function resultErrorToCallError(error: Partial<ResultError> | undefined): CallError {
  const code = error ? resultCode(error) : undefined
  const [callCode, message] = (code !== undefined && RESULT_ERRORS[code]) || FALLBACK
  return new CallError(callCode, message, {
    provider: {
      provider: PROVIDER,
      ...(code !== undefined && { code }),
      ...(typeof error?.name === 'string' && { name: error.name }),
      ...(typeof error?.message === 'string' && { message: error.message }),
    },
  })
}

/** Server errors that end the agent's session: the connection is then closed. */
const SESSION_ENDING = new Set<number>([100, 101, 105, 107, 109, 111])

const SERVER_ERRORS: Readonly<Record<number, Mapping>> = {
  100: ['not_ready', 'You were signed out of Bright Pattern because you signed in somewhere else. Sign in again in the widget.'],
  101: ['not_ready', 'A supervisor signed you out of Bright Pattern. Sign in again in the widget.'],
  103: ['not_ready', 'Your phone is not registered with Bright Pattern. Check the phone device in the widget.'],
  104: ['invalid_number', 'That number is not in your Bright Pattern dial plan.'],
  105: ['forbidden', 'This Bright Pattern tenant is disabled. Contact your administrator.'],
  106: ['provider_error', 'The person you called is not signed in to Bright Pattern.'],
  107: ['forbidden', 'Your Bright Pattern user is disabled or deleted. Contact your administrator.'],
  108: ['conflict', 'You are already signed in to Bright Pattern elsewhere.'],
  109: ['unauthorized', 'Bright Pattern refused your sign-in. Sign in again in the widget.'],
  110: ['conflict', 'Another user is signed in with your phone. Choose another phone device in the widget.'],
  111: ['unauthorized', 'Your Bright Pattern session expired. Sign in again in the widget.'],
  112: ['provider_error', 'Bright Pattern has reached its limit of signed-in users. Try again later or ask your administrator.'],
  113: ['conflict', 'You are already signed in to Bright Pattern in this session.'],
  114: ['forbidden', 'Your Bright Pattern account is not allowed to do this. Ask your administrator for the privilege.'],
  200: ['provider_error', 'The Bright Pattern phone server reported a problem. Try again in a moment.'],
}

/** What an `ON_SERVER_ERROR` means for the connection. */
export interface ServerErrorMeaning {
  error: CallError
  /** The session ended (forced logout, disabled user, expired token …). */
  sessionEnded: boolean
}

/** A `CallError` for an `ON_SERVER_ERROR` payload. */
export function serverErrorToCallError(data: Partial<ServerErrorData>): ServerErrorMeaning {
  const code =
    typeof data.code === 'number'
      ? data.code
      : SERVER_ERROR_CODES[data.name as keyof typeof SERVER_ERROR_CODES] as number | undefined
  const [callCode, message] = (code !== undefined && SERVER_ERRORS[code]) || [
    'provider_error',
    'Bright Pattern reported a server error. Try again in a moment.',
  ]
  const error = new CallError(callCode, message, {
    provider: {
      provider: PROVIDER,
      ...(code !== undefined && { code }),
      ...(typeof data.name === 'string' && { name: data.name }),
      ...(typeof data.message === 'string' && { message: data.message }),
    },
  })
  return { error, sessionEnded: code !== undefined && SESSION_ENDING.has(code) }
}

/** A `CallError` for something the SDK threw instead of resolving an envelope. */
export function thrownToCallError(thrown: unknown, method: string): CallError {
  const message = thrown instanceof Error ? thrown.message : String(thrown)
  return new CallError('provider_error', 'The Bright Pattern widget failed. Reload the page and try again.', {
    provider: { provider: PROVIDER, name: method, message },
    cause: thrown,
  })
}
