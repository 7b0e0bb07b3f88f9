import type { CallLogger } from '../shared/logger.js'
import { CallError, isCallError } from '../../core/CallError.js'
import { httpError, requestJson } from '../shared/request.js'
import type { TetherCall, TetherInitiateBody } from './TetherCall.js'

const PROVIDER = 'tether'

/** What `getToken` is asked for. */
export interface TetherTokenContext {
  /**
   * `true` after Tether answered 401 to the last token: return a fresh one (refresh the session),
   * not the cached one. The request is retried once with it.
   */
  refresh: boolean
}

/**
 * Returns the signed-in user's Tether JWT (from `POST /api/auth/login` or your own session),
 * sync or async. Called before every request, so keep it cheap (return a cached token); return
 * nothing when nobody is signed in.
 */
export type TetherTokenGetter = (
  context: TetherTokenContext,
) => string | null | undefined | Promise<string | null | undefined>

/** The provider's words from an error body. */
export interface TetherErrorDetails {
  message?: string
  code?: string | number
}

/** Reads Tether's error body (already parsed as JSON, or the raw text when it is not JSON). */
export type TetherErrorReader = (body: unknown, status: number) => TetherErrorDetails | undefined

/** Logger for the assumptions the client makes (PROVIDERS.md B). */
/** Where the client logs assumptions (debug) and problems (warn). Default: the console. */
export type TetherLogger = CallLogger

export interface TetherApiOptions {
  baseUrl: string
  getToken: TetherTokenGetter
  timeoutMs: number
  fetch?: typeof fetch
  readError: TetherErrorReader
}

/** The two endpoints the client uses, authenticated, with Tether's answers checked. */
export interface TetherApi {
  /** `POST /api/calls/sdk/initiate`: records the call and returns its Call document. */
  initiate(body: TetherInitiateBody, signal?: AbortSignal): Promise<TetherCall>
  /** `GET /api/calls/{callId}`: the Call document as Tether has it now. */
  getCall(callId: string, signal?: AbortSignal): Promise<TetherCall>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads `{ success:false, message | error, code? }`. Only 401 `{ error }` is documented; the rest
 * of the shape is an ASSUMPTION (PROVIDERS.md B.7), hence `readError`. Plain text bodies (a proxy's
 * 502 page) are kept when short.
 */
export function createTetherErrorReader(logger: TetherLogger): TetherErrorReader {
  return (body, status) => {
    if (typeof body === 'string') return body.length <= 200 ? { message: body.trim() } : undefined
    if (!isRecord(body)) return undefined
    const message = [body.error, body.message].find((value): value is string => typeof value === 'string' && value !== '')
    const code = typeof body.code === 'string' || typeof body.code === 'number' ? body.code : undefined
    if (status !== 401) logger.debug(`[tether] reading the ${status} error body as { success:false, message|error } (assumed shape).`)
    return { ...(message !== undefined && { message }), ...(code !== undefined && { code }) }
  }
}

function unexpected(what: string, body: unknown): CallError {
  return new CallError('provider_error', 'Tether answered with something the library does not understand. Try again.', {
    provider: { provider: PROVIDER, message: `${what}: ${JSON.stringify(body)?.slice(0, 200) ?? String(body)}` },
  })
}

/** The Call document of a `{ success, call }` answer. */
function readCall(body: unknown): TetherCall {
  if (!isRecord(body)) throw unexpected('not a JSON object', body)
  if (body.success === false) {
    const message = [body.error, body.message].find((value): value is string => typeof value === 'string')
    throw new CallError('provider_error', `Tether refused the request.${message ? ` (${message})` : ''}`, {
      provider: { provider: PROVIDER, ...(message !== undefined && { message }) },
    })
  }
  const call = body.call
  if (!isRecord(call)) throw unexpected('no call in the answer', body)
  // `callId` is documented; `_id` holds the same value for SDK calls.
  const callId = typeof call.callId === 'string' && call.callId !== '' ? call.callId : call._id
  if (typeof callId !== 'string' || callId === '') throw unexpected('the call has no callId', body)
  return { ...call, callId }
}

/** The Tether calls API over `fetch`, with a Bearer token, one retry after a 401, and time-outs. */
export function createTetherApi(options: TetherApiOptions): TetherApi {
  const base = options.baseUrl.replace(/\/+$/, '')

  async function token(refresh: boolean): Promise<string> {
    let value: string | null | undefined
    try {
      value = await options.getToken({ refresh })
    } catch (error) {
      if (isCallError(error)) throw error
      throw new CallError('unauthorized', 'Could not get your Tether sign-in. Sign in again.', {
        provider: { provider: PROVIDER, message: error instanceof Error ? error.message : String(error) },
        cause: error,
      })
    }
    if (typeof value !== 'string' || value === '') {
      throw new CallError('unauthorized', 'You are not signed in to Tether. Sign in and try again.', {
        provider: { provider: PROVIDER },
      })
    }
    return value
  }

  async function send(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    const attempt = async (refresh: boolean) => {
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${await token(refresh)}` }
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      const init: RequestInit = { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }
      return requestJson(`${base}${path}`, init, {
        provider: PROVIDER,
        timeoutMs: options.timeoutMs,
        ...(signal && { signal }),
        ...(options.fetch && { fetch: options.fetch }),
      })
    }
    let result = await attempt(false)
    // An expired JWT is the common case: ask once for a fresh one, then give up.
    if (result.response.status === 401) result = await attempt(true)
    const { response } = result
    if (!response.ok) {
      const details = options.readError(result.body, response.status)
      throw httpError(PROVIDER, response, details?.message, details?.code)
    }
    return result.body
  }

  return {
    async initiate(body, signal) {
      return readCall(await send('POST', '/api/calls/sdk/initiate', body, signal))
    },
    async getCall(callId, signal) {
      return readCall(await send('GET', `/api/calls/${encodeURIComponent(callId)}`, undefined, signal))
    },
  }
}
