import type { CallRequestRules } from '../clients/dialstack/protocol/validateCallRequest.js'

/** What a request to the handler asks for; `authorize` decides on it. */
export type DialStackAction =
  /**
   * Start a click-to-call. `userId`/`dialString` are as sent (trimmed), not yet validated:
   * compare `userId` with the signed-in person's DialStack user.
   */
  | { type: 'call'; userId: string | undefined; dialString: string | undefined }
  /**
   * Mint a client secret for DialStack's event stream. The stream is account-wide: its holder
   * sees the call events of every user of the account, so allow it only to people who may.
   */
  | { type: 'session' }
  /** List the call logs of `userId` (the polling fallback). */
  | { type: 'calls.list'; userId: string | undefined }
  /**
   * Read one call log. `userId` is its owner: the `user_id` the request named (checked against
   * the log's owner afterwards, 404 when it differs), or else the owner DialStack reports (then
   * `authorize` runs after the log is read, and a refusal answers 404).
   */
  | { type: 'calls.retrieve'; callId: string; userId: string | undefined }

/** `true` allows; `false` refuses with 403; a `Response` (e.g. a 401) is sent as it is. */
export type AuthorizeResult = boolean | Response

/** DialStack's embedded components a client secret may use (`POST /v1/account_sessions`). */
export type DialStackSessionComponents = Record<string, { enabled: boolean }>

export interface DialStackHandlerOptions extends Omit<CallRequestRules, 'logger'> {
  /** DialStack's platform secret key (`sk_live_…`). Read it from the environment; it never leaves the server. */
  apiKey: string
  /** The DialStack account (`acct_…`) calls are placed in, sent as the account header. */
  accountId?: string
  /** The account per request (multi-tenant apps). Wins over `accountId`. */
  resolveAccount?: (
    request: Request,
    action: DialStackAction,
  ) => string | undefined | Promise<string | undefined>
  /**
   * Decides who may do what: return `true` to allow, `false` to refuse with 403, or your own
   * `Response` (e.g. a 401 for a missing session). Anything else refuses. Compare every
   * `action.userId` with the signed-in person's DialStack user, and allow `session` only to
   * people who may see the whole account's call events.
   */
  authorize: (
    request: Request,
    action: DialStackAction,
  ) => AuthorizeResult | Promise<AuthorizeResult>
  /**
   * Origins whose pages may use the handler (e.g. `['https://crm.example.com']`). Any other
   * `Origin`, and `Sec-Fetch-Site: cross-site` from an unlisted one, is refused with 403.
   * @default the request's own origin (same host)
   */
  allowedOrigins?: readonly string[]
  /** @default 'https://api.dialstack.ai' */
  baseUrl?: string
  /**
   * The body key of the user in `POST /v1/calls`: `'user_id'` as DialStack's click-to-call
   * guide, or `'user'` as its server SDK v3 sends. The call-log filter stays `user_id` either way
   * (DialStack ignores unknown filters silently).
   * @default 'user_id'
   */
  bodyKey?: 'user_id' | 'user'
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
  /**
   * Give up on DialStack after this long with 504: the whole response, body included.
   * @default 10000
   */
  timeoutMs?: number
  /**
   * The largest DialStack response read, in bytes after decompression; past it, 502.
   * @default 1048576
   */
  maxResponseBytes?: number
  /** Which routes besides starting calls are served. Default: both. */
  routes?: {
    /** `POST …/session` mints a client secret (`POST /v1/account_sessions`). @default true */
    session?: boolean
    /** `GET …/calls` and `GET …/calls/{id}` proxy the call log, for polling and resync. @default true */
    callLogs?: boolean
  }
  /**
   * The `components` a client secret may use; DialStack requires at least one enabled.
   * @default { call_logs: { enabled: true } }
   */
  sessionComponents?: DialStackSessionComponents
  /** Extra fields for `POST /v1/account_sessions`; `account` and `components` are the handler's. */
  sessionParams?: Record<string, unknown>
  /**
   * The largest request body accepted, in bytes; the stream is cancelled past it (413).
   * @default 16384
   */
  maxBodyBytes?: number
  /** Told about refusals and upstream failures (status and code only, never the key). Default: silent. */
  logger?: Pick<Console, 'warn' | 'debug'>
}

/** A standard Fetch handler: Next.js route handlers, Hono, Deno, Bun, Workers, or Node through `toNodeHandler`. */
export type FetchHandler = (request: Request) => Promise<Response>
