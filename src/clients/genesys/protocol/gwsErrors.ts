import { createProviderErrors, type ErrorTable } from '../../../client-kit/createProviderErrors.js'

export const PROVIDER = 'genesys'

/** Every error of the Genesys client: `error.provider.provider` is `genesys`. */
export const gwsErrors = createProviderErrors(PROVIDER)

/**
 * GWS `statusCode` → library code, and what a person reads
 * (https://enu.docs.genesys.com/Documentation:GWS:API:ReturnValues:8.6.0). Codes not listed are
 * `provider_error`; GWS's `statusMessage` is appended and kept in `error.provider.message`.
 */
export const GWS_ERRORS: ErrorTable = {
  codes: {
    1: 'invalid_argument',
    2: 'invalid_state',
    3: 'forbidden',
    5: 'forbidden',
    6: 'not_found',
    10: 'invalid_argument',
    11: 'invalid_argument',
    20: 'unauthorized',
  },
  messages: {
    invalid_argument: 'Genesys refused the request.',
    invalid_state: 'Genesys cannot do this in the call’s current state.',
    forbidden: 'Genesys does not allow this for your user.',
    not_found: 'Genesys could not find the device or call.',
    unauthorized: 'Sign in to Genesys again.',
  },
  fallback: 'Genesys had a problem. Try again.',
}
