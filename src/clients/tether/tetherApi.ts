import { httpError, requestJson } from '../../client-kit/request.js'
import { isRecord, isText, preview } from '../../client-kit/text.js'
import { PROVIDER, tetherErrors, type TetherErrorReader } from './protocol/tetherErrors.js'
import type { TetherCall, TetherInboundBody, TetherInitiateBody } from './protocol/TetherCall.js'

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

export interface TetherApiOptions {
  baseUrl: string
  getToken: TetherTokenGetter
  timeoutMs: number
  fetch?: typeof fetch
  readError: TetherErrorReader
}

/** The endpoints the client uses, authenticated, with Tether's answers checked. */
export interface TetherApi {
  /** `POST /api/calls/sdk/initiate`: records the call and returns its Call document. */
  initiate(body: TetherInitiateBody, signal?: AbortSignal): Promise<TetherCall>
  /** `GET /api/calls/{callId}`: the Call document as Tether has it now. */
  getCall(callId: string, signal?: AbortSignal): Promise<TetherCall>
  /** `POST /api/calls/sdk/inbound`: records an inbound call from `callerNumber`. */
  inbound(body: { callerNumber: string }): Promise<TetherCall>
  /** `POST /api/calls/<path>` for an inbound call: `sdk/answer`, or the reject path. */
  inboundUpdate(path: string, body: TetherInboundBody): Promise<TetherCall>
}

/** The Call document of a `{ success, call }` answer. */
function readCall(body: unknown): TetherCall {
  const call = isRecord(body) && isRecord(body.call) ? body.call : {}
  // `callId` is documented; `_id` holds the same value for SDK calls.
  const callId = [call.callId, call._id].find(isText)
  if (callId === undefined) {
    throw tetherErrors.error('provider_error', 'Tether sent an unexpected answer. Try again.', {
      message: `no call with a callId in ${preview(body)}`,
    })
  }
  return { ...call, callId }
}

const JSON_TYPE = 'application/json'

/** The Tether calls API over `fetch`, with a Bearer token, one retry after a 401, and time-outs. */
export function createTetherApi({
  baseUrl,
  getToken,
  timeoutMs,
  fetch,
  readError,
}: TetherApiOptions): TetherApi {
  const calls = `${baseUrl.replace(/\/+$/, '')}/api/calls/`

  async function token(refresh: boolean): Promise<string> {
    let value: unknown
    try {
      value = await getToken({ refresh })
    } catch (error) {
      throw tetherErrors.fromThrown(error, 'Could not get your Tether sign-in. Sign in again.', {
        code: 'unauthorized',
      })
    }
    if (isText(value)) return value
    throw tetherErrors.error(
      'unauthorized',
      'You are not signed in to Tether. Sign in and try again.',
    )
  }

  /** GET (or POST `body`) under `/api/calls/`, and the Call document of the answer. */
  async function send(path: string, signal?: AbortSignal, body?: object): Promise<TetherCall> {
    const attempt = async (refresh: boolean) =>
      requestJson(
        calls + path,
        {
          method: body ? 'POST' : 'GET',
          headers: {
            Accept: JSON_TYPE,
            Authorization: `Bearer ${await token(refresh)}`,
            ...(body && { 'Content-Type': JSON_TYPE }),
          },
          body: body && JSON.stringify(body),
        },
        { provider: PROVIDER, timeoutMs, signal, fetch },
      )
    let result = await attempt(false)
    // An expired JWT is the common case: ask once for a fresh one, then give up.
    if (result.response.status === 401) result = await attempt(true)
    const { response, body: answer } = result
    const { ok, status } = response
    if (ok && (answer as { success?: unknown } | undefined)?.success !== false)
      return readCall(answer)
    const { message, code } = readError(answer, status) ?? {}
    // `{ success: false }` on a 2xx is a refusal, not a fault that trying again would fix.
    if (ok)
      throw tetherErrors.error(
        'provider_error',
        `Tether refused the request.${message ? ` (${message})` : ''}`,
        { status, message, code },
      )
    throw httpError(PROVIDER, response, message, code)
  }

  return {
    initiate: (body, signal) => send('sdk/initiate', signal, body),
    getCall: (callId, signal) => send(encodeURIComponent(callId), signal),
    inbound: (body) => send('sdk/inbound', undefined, body),
    inboundUpdate: (path, body) => send(path, undefined, body),
  }
}
