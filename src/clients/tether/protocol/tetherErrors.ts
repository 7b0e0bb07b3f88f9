import { createProviderErrors } from '../../../client-kit/createProviderErrors.js'
import type { ClientLogger } from '../../../client-kit/logger.js'
import { isRecord, isText } from '../../../client-kit/text.js'

export const PROVIDER = 'tether'

/** Every error of the Tether client: `error.provider.provider` is `tether`. */
export const tetherErrors = createProviderErrors(PROVIDER)

/** The provider's words from an error body. */
export interface TetherErrorDetails {
  message?: string
  code?: string | number
}

/** Reads Tether's error body (already parsed as JSON, or the raw text when it is not JSON). */
export type TetherErrorReader = (body: unknown, status: number) => TetherErrorDetails | undefined

/**
 * Reads `{ success:false, message | error, code? }`. Only 401 `{ error }` is documented
 * (https://docs.tetherai.ca/authentication); the rest of the shape is assumed, hence the
 * `readError` option. Plain text bodies (a proxy's 502 page) are kept when short.
 */
export function createTetherErrorReader(log: ClientLogger): TetherErrorReader {
  return (body, status) => {
    if (typeof body === 'string') return body.length <= 200 ? { message: body.trim() } : undefined
    if (!isRecord(body)) return undefined
    if (status !== 401)
      log.once(
        'error-body',
        'debug',
        `reading the ${status} error body as { success:false, message|error } (assumed shape).`,
      )
    const { code } = body
    return {
      message: [body.error, body.message].find(isText),
      code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    }
  }
}
