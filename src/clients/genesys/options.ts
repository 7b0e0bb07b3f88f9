import type { CallLogger } from '../../client-kit/logger.js'
import { positiveMs } from '../../client-kit/timeOptions.js'
import type { CallerId } from '../../core/CallClient.js'
import type { DialString, DialStringOptions } from '../../core/parseDialString.js'
import type { GenesysAfterCallWork } from './afterCallWork.js'
import type { GenesysBasicAuth } from './gwsApi.js'
import type { NotificationSource } from './NotificationSource.js'

/** Options of `createGenesysClient`. */
export interface GenesysClientOptions {
  /**
   * The GWS origin, e.g. `https://gws.example.com`; `''` for the page's own origin. GWS needs its
   * `JSESSIONID` cookie on every request: serve it on the CRM's site or behind a reverse proxy on
   * the CRM's origin (see docs/providers/genesys.md, "Cookies").
   */
  baseUrl: string
  /**
   * `'session'` when the page already holds the `JSESSIONID` cookie (SSO, a login page): no secret
   * in the app. `{ username, password }` sends HTTP Basic on every request. Requests always use
   * `credentials: 'include'` so the cookie travels.
   */
  auth: GenesysBasicAuth | 'session'
  /** The device to dial from. @default the first of `GET /api/v2/me` `user.devices` (logged) */
  deviceId?: string
  /** The CometD endpoint under `baseUrl` (community knowledge, not in the docs). @default '/api/v2/notifications' */
  notificationsPath?: string
  /** The CometD transport (GWS 8.5 documents no WebSocket support). @default 'long-polling' */
  transport?: 'long-polling' | 'websocket'
  /** Where notifications come from. @default CometD at `baseUrl + notificationsPath` */
  notifications?: NotificationSource
  /**
   * The `userData` key carrying the client's tracking id, matched in the `Dialing` notification.
   * That GWS echoes `userData` there is shown by the docs' samples only; without it the client
   * falls back to the dialed number (logged).
   * @default 'X-Client-Correlation'
   */
  correlationKey?: string
  /**
   * Prefix of the `userData` keys the associated object is flattened into: `id`, `type`,
   * `displayName`, `displayType` and each custom field; `''` for bare keys.
   * @default 'crm_'
   */
  userDataPrefix?: string
  /** `POST /api/v2/me` `StartContactCenterSession` (voice) during bootstrap. @default false */
  startContactCenterSession?: boolean
  /** Fail a dial with `timeout` when no notification reports it within this long, in ms. @default 15000 */
  firstEventTimeoutMs?: number
  /** HTTP time-out, and the longest wait for the first CometD connect, in ms. @default 10000 */
  timeoutMs?: number
  /** Ended calls kept for snapshots and late notifications. @default 50 */
  historyLimit?: number
  /** What goes into `destination.phoneNumber`. @default the number as parsed (E.164 keeps its `+`) */
  formatDestination?: (dialString: DialString) => string
  /** Dial-string rules. @default local numbers pass as digits, for the deployment's dial plan */
  dialString?: DialStringOptions
  /** `location` sent with `Dial` (T-Server location). @default undefined */
  location?: string
  /**
   * `outboundCallerId` sent with `Dial` when a start gives no `from` of its own ("used by Web
   * Services to set the outbound caller Id attribute for the corresponding T-Server requests").
   * @default undefined
   */
  outboundCallerId?: string
  /**
   * The caller IDs agents may choose (`listCallerIds`, `useCallerIds`). GWS has no endpoint that
   * lists them, so they come from your configuration; the switch may still ignore or reject one.
   * @default `outboundCallerId` alone, as the default, when set; else none
   */
  callerIds?: CallerId[]
  /**
   * After-call work: calls end with `afterCallWork`, `attachWrapUp` writes the disposition and
   * notes to the live call with `UpdateUserData`, and `completeWrapUp` takes the agent out of
   * GWS's `AfterCallWork` with `Ready` (see docs/providers/genesys.md, "After-call work"):
   * `genesysAfterCallWork({ dispositionKey, notesKey })`.
   * @default undefined (off: the wrap-up stays in the app's call log)
   */
  afterCallWork?: GenesysAfterCallWork
  /** A `fetch` to use instead of the global one. @default globalThis.fetch */
  fetch?: typeof fetch
  /**
   * Where assumptions and dropped messages are logged, every line prefixed `[genesys] `.
   * Debug lines exist in development builds only.
   * @default console
   */
  logger?: CallLogger
}

const FACTORY = 'createGenesysClient'

/** The time options checked, with their defaults. */
export function resolveGenesysTimes(options: GenesysClientOptions) {
  return {
    timeoutMs: positiveMs(FACTORY, 'timeoutMs', options.timeoutMs, 10_000),
    firstEventTimeoutMs: positiveMs(
      FACTORY,
      'firstEventTimeoutMs',
      options.firstEventTimeoutMs,
      15_000,
    ),
  }
}
