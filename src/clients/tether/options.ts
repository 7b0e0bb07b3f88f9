import type { PollOptions } from '../../client-kit/createPoller.js'
import type { CallLogger } from '../../client-kit/logger.js'
import type { PageVisibility } from '../../client-kit/pageVisibility.js'
import { positiveMs, resolvePollOptions } from '../../client-kit/timeOptions.js'
import { CallError } from '../../core/CallError.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import type { TetherStatusMap } from './protocol/mapTetherCall.js'
import type { TetherCall } from './protocol/TetherCall.js'
import type { TetherErrorReader } from './protocol/tetherErrors.js'
import type { TetherInboundCalls } from './inboundCalls.js'
import type { TetherTokenGetter } from './tetherApi.js'

/** What the app's voice SDK gets to place the audio leg. */
export interface TetherPlaceCallRequest {
  /** The number to dial, E.164. */
  phoneNumber: string
  /**
   * Tether's `callId` (record-first order only). Tether documents it as "also used as
   * providerCallId" for SDK calls, but documents no header, custom-data key or endpoint that ties
   * a Sinch or Twilio call to the record: hand it over the way your Tether deployment expects, if
   * it expects one. See docs/providers/tether.md, "How the record and the voice call are linked".
   */
  callId?: string
  /** The Call document Tether recorded (record-first order only). */
  call?: TetherCall
  /** The CRM record the call is for, if any. */
  associatedObject?: InteractionAssociatedObject
  /** The start's abort signal. */
  signal?: AbortSignal
}

/**
 * Delivers one live update from the app's own Tether socket. `payload` is the Call document or
 * `{ call }` (both accepted: the payload shape is not documented); `eventName` is the socket
 * event's name, e.g. `"call_answered"`. An update without a `status` makes the client poll now.
 */
export type TetherEventEmitter = (payload: unknown, eventName?: string) => void

/**
 * Subscribes to live updates of one call from the app's own Tether socket (its transport is not
 * documented, so the library ships no socket client). Returns the unsubscribe function.
 */
export type TetherEventSource = (callId: string, emit: TetherEventEmitter) => (() => void) | void

/** Options of `createTetherClient`. */
export interface TetherClientOptions {
  /**
   * Your Tether instance's origin, e.g. `https://tether.example.com` (self-hosted) or
   * `http://localhost:2212`; or a path on the page's origin (`''`, `'/tether'`) when your app
   * serves Tether or proxies it.
   */
  baseUrl: string
  /**
   * The signed-in user's Tether JWT, sync or async, called before every request. After a 401 it
   * is called once more with `{ refresh: true }` and the request is retried once; a second 401 is
   * an `unauthorized` error. Never put an API secret here: this runs in the browser.
   */
  getToken: TetherTokenGetter
  /** A `fetch` to use instead of the global one. @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * Places the audio leg with your voice SDK (Tether's `/sdk/initiate` only records the call), e.g.
   * `({ phoneNumber }) => sinchClient.callClient.callPhoneNumber(phoneNumber)`. If it throws, the
   * start fails with a `CallError` (the thrown one, or `provider_error`).
   * @default undefined: the call is only recorded (your app dials by itself)
   */
  placeCall?: (request: TetherPlaceCallRequest) => unknown
  /**
   * Record the call in Tether before or after `placeCall` dials; the docs do not say.
   * `'record-first'` can give the voice SDK Tether's `callId`; `'dial-first'` starts the audio
   * sooner but the SDK never sees the `callId`.
   * @default 'record-first'
   */
  order?: 'record-first' | 'dial-first'
  /**
   * Hangs up with your voice SDK (Tether has no hang-up endpoint), e.g.
   * `(callId) => sinchCalls.get(callId)?.hangup()`. Without it `capabilities.hangup` is `false`
   * and `hangup()` resolves `not_supported`. Tether then updates its record (from the voice
   * provider's callback), which the client polls for at once.
   * @default undefined
   */
  hangup?: (callId: string) => unknown
  /**
   * Mutes or unmutes with your voice SDK (Twilio `call.mute(muted)`). Without it
   * `capabilities.mute` is `false` and `mute()` resolves `not_supported`.
   * @default undefined
   */
  mute?: (callId: string, muted: boolean) => unknown
  /**
   * Sends DTMF tones with your voice SDK (Twilio `call.sendDigits(digits)`). Without it
   * `capabilities.dtmf` is `false` and `sendDtmf()` resolves `not_supported`.
   * @default undefined
   */
  sendDtmf?: (callId: string, digits: string) => unknown
  /**
   * Inbound calls, rung by your voice SDK and recorded in Tether: `tetherInboundCalls({ answer,
   * decline })`. Without it `incoming()` resolves `not_supported` and `capabilities.answer` /
   * `decline` are `false`; an app whose agents take no calls here pays nothing for them.
   * @default undefined
   */
  inbound?: TetherInboundCalls
  /**
   * Holds (`true`) or resumes (`false`) with your voice SDK. Tether's record has no hold state,
   * so the client reports `held` / `connected` itself once this resolves. Without it
   * `capabilities.hold` is `false` and `hold()` / `resume()` resolve `not_supported`.
   * @default undefined
   */
  hold?: (callId: string, onHold: boolean) => unknown
  /**
   * The contact to link the record to, from the call's associated object: Tether then dials the
   * contact's number and files the call under it. Wins over `contactIdField`.
   * @default undefined: no contactId is sent
   * @example contactId: (object) => (object.type === 'contact' ? object.id : undefined)
   */
  contactId?: (associatedObject: InteractionAssociatedObject) => string | null | undefined
  /**
   * Where the associated object keeps the Tether contact id: `'id'` or `'customFields.<key>'`.
   * @default undefined: no contactId is sent
   */
  contactIdField?: 'id' | `customFields.${string}`
  /**
   * Polling of `GET /api/calls/{callId}`, in ms. Polling stops when the call ends, after
   * `maxDurationMs`, rests in hidden pages, and gives way to `events` while it delivers.
   * @default { intervalMs: 2500, maxIntervalMs: 30000, maxDurationMs: 14400000 } (4 h)
   */
  poll?: Partial<PollOptions>
  /** Time-out of each request, in ms. @default 10000 */
  timeoutMs?: number
  /** Ended calls kept for snapshots and late updates. @default 50 */
  historyLimit?: number
  /**
   * Raw `Call.status` → normalized state, merged over the defaults (the table in the Tether
   * reference). The enum is not fully documented: unmapped values keep the state and show as
   * `rawState`.
   * @default the documented statuses: `initiated`/`queued` dialing, `ringing`, `in-progress` connected …
   */
  statusMap?: TetherStatusMap
  /**
   * Live updates from your own Tether socket. While it delivers a call's changes, polling only
   * checks for silence (one poll after `poll.maxIntervalMs` without an update).
   * @default undefined: polling only
   */
  events?: TetherEventSource
  /**
   * Reads an error body. The default reads `{ success:false, message | error, code? }`, an
   * assumption beyond the documented 401 `{ error }`.
   */
  readError?: TetherErrorReader
  /**
   * Whether the page is hidden; polling rests while it is. `null` polls in hidden pages too.
   * @default the document's visibility, where there is a document
   */
  visibility?: PageVisibility | null
  /** Where assumptions (debug, development builds only) and problems (warn) are logged. @default console */
  logger?: CallLogger
}

/** The poll defaults: every 2.5 s, backing off to 30 s on errors, for at most 4 hours. */
export const DEFAULT_TETHER_POLL: PollOptions = Object.freeze({
  intervalMs: 2_500,
  maxIntervalMs: 30_000,
  maxDurationMs: 4 * 60 * 60 * 1000,
})

const FACTORY = 'createTetherClient'

/** The options checked, with their defaults. Throws `invalid_argument` for a developer mistake. */
export function resolveTetherOptions(options: TetherClientOptions) {
  const { baseUrl, getToken } = options
  // A path ('' or '/tether') is for apps that serve Tether, or a proxy to it, on their own origin.
  if (typeof baseUrl !== 'string' || !/^(https?:\/\/|\/|$)/i.test(baseUrl))
    throw new CallError(
      'invalid_argument',
      `${FACTORY}: baseUrl must be your Tether instance's http(s) origin or a path on this origin, got ${JSON.stringify(baseUrl)}.`,
    )
  if (typeof getToken !== 'function')
    throw new CallError(
      'invalid_argument',
      `${FACTORY}: getToken must return the signed-in user’s Tether JWT.`,
    )
  return {
    poll: resolvePollOptions(FACTORY, options.poll, DEFAULT_TETHER_POLL),
    timeoutMs: positiveMs(FACTORY, 'timeoutMs', options.timeoutMs, 10_000),
    dialFirst: options.order === 'dial-first',
    /** Plain http to another host: the user's JWT would travel unencrypted. */
    insecure: /^http:\/\/(?!(localhost|127\.0\.0\.1|\[::1\])(:|\/|$))/i.test(baseUrl),
  }
}
