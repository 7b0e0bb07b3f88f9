import { requestJson } from '../../client-kit/request.js'
import { PROVIDER, toDialStackError } from './protocol/toDialStackError.js'
import type { DialStackCallLog } from './protocol/types.js'

/** The app's backend (`createDialStackHandler`): the only way the browser reaches DialStack's API. */
export interface BackendApi {
  /** `POST {endpoint}` `{ user_id, dial_string }`: DialStack answers 202 with no body. */
  startCall(userId: string, dialString: string, signal?: AbortSignal): Promise<void>
  /** The user's outbound call logs since `since` (`GET {poll.url}?user_id=…`), never another user's. */
  listLogs(userId: string, since: number): Promise<DialStackCallLog[]>
  /** One call log (`GET {poll.url}/{id}?user_id=…`): naming the user lets the backend authorize first. */
  readLog(userId: string, callId: string): Promise<DialStackCallLog | undefined>
}

export interface BackendApiOptions {
  endpoint: string
  /** The call-log route (`poll.url`); the log reads need it. */
  logsUrl: string | undefined
  headers?: () => HeadersInit | Promise<HeadersInit>
  fetch?: typeof fetch
  timeoutMs: number
}

/** A log of `userId`, or of no stated user: never another user's, should the backend not filter. */
function ownedBy(log: DialStackCallLog, userId: string): boolean {
  const user = log.user ?? log.user_id
  return !user || user === userId
}

export function createBackendApi(options: BackendApiOptions): BackendApi {
  /** A JSON request to the app's backend; a non-2xx answer throws its `CallError`. */
  async function request(url: string, init: RequestInit = {}, signal?: AbortSignal) {
    const headers = new Headers(await options.headers?.())
    headers.set('Accept', 'application/json')
    if (init.body) headers.set('Content-Type', 'application/json')
    const { response, body } = await requestJson(
      url,
      { ...init, headers },
      { provider: PROVIDER, timeoutMs: options.timeoutMs, signal, fetch: options.fetch },
    )
    if (!response.ok) throw toDialStackError(response, body)
    return body
  }
  const logsUrl = () => (options.logsUrl ?? '').replace(/\/$/, '')

  return {
    async startCall(userId, dialString, signal) {
      await request(
        options.endpoint,
        { method: 'POST', body: JSON.stringify({ user_id: userId, dial_string: dialString }) },
        signal,
      )
    },
    async listLogs(userId, since) {
      const query = new URLSearchParams({
        // The filter is `user_id` whatever the create body says: DialStack ignores unknown filters.
        user_id: userId,
        direction: 'outbound',
        from_date: new Date(since).toISOString(),
        limit: '20',
      })
      const url = options.logsUrl ?? ''
      const list = (
        (await request(`${url}${url.includes('?') ? '&' : '?'}${query}`)) as
          { data?: unknown } | undefined
      )?.data
      return Array.isArray(list)
        ? list.filter(
            (log: DialStackCallLog) => typeof log?.id === 'string' && ownedBy(log, userId),
          )
        : []
    },
    async readLog(userId, callId) {
      const log = (await request(
        `${logsUrl()}/${encodeURIComponent(callId)}?user_id=${encodeURIComponent(userId)}`,
      )) as DialStackCallLog | undefined
      return typeof log?.id === 'string' ? log : undefined
    },
  }
}
