import { CallError, type CallErrorCode, type ProviderErrorInfo } from '../../core/CallError.js'

/** A `CallError` from the Genesys client, with `provider: 'genesys'` and the provider's details. */
export const gwsError = (
  code: CallErrorCode,
  message: string,
  provider?: Omit<ProviderErrorInfo, 'provider'>,
) => new CallError(code, message, { provider: { provider: 'genesys', ...provider } })

/** GWS `statusCode` (the documented GWS status codes) → library code. Codes not listed are `provider_error`. */
const CODES: Record<number, CallErrorCode> = {
  1: 'invalid_argument',
  2: 'invalid_state',
  3: 'forbidden',
  5: 'forbidden',
  6: 'not_found',
  10: 'invalid_argument',
  11: 'invalid_argument',
  20: 'unauthorized',
}

const MESSAGES: Partial<Record<CallErrorCode, string>> = {
  invalid_argument: 'Genesys refused the request.',
  invalid_state: 'Genesys cannot do this in the call’s current state.',
  forbidden: 'Genesys does not allow this for your user.',
  not_found: 'Genesys could not find the device or call.',
  unauthorized: 'Sign in to Genesys again.',
  provider_error: 'Genesys had a problem. Try again.',
}

/**
 * The `CallError` for a GWS reply with `statusCode ≠ 0`. The `statusMessage` is kept verbatim in
 * `error.provider.message` and appended to the message a person sees.
 */
export function genesysError(
  statusCode: number,
  statusMessage?: string,
  status?: number,
): CallError {
  const code = CODES[statusCode] ?? 'provider_error'
  return gwsError(code, `${MESSAGES[code]}${statusMessage ? ` (${statusMessage})` : ''}`, {
    code: statusCode,
    message: statusMessage,
    status,
  })
}
