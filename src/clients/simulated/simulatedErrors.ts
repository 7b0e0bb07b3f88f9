import { createProviderErrors } from '../../client-kit/createProviderErrors.js'

/** The simulated client's name, on its errors and log lines. */
export const PROVIDER = 'simulated'

/** Every error the simulated client makes, with `error.provider.provider === 'simulated'`. */
export const simulatedErrors = createProviderErrors(PROVIDER)
