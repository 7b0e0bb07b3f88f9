import type { ClientLogger } from '../../client-kit/logger.js'
import type { CallError } from '../../core/CallError.js'
import type { CallEvent, ConnectionStatus } from '../../core/CallEvent.js'
import type { PhoneCapabilities, ServerErrorData } from './protocol/AdApi.js'
import { bpErrors, serverErrorToCallError, SIGNED_OUT } from './protocol/brightPatternErrors.js'

/** What can keep the agent's phone from placing calls, each reported by its own callback. */
type PhoneBlock = 'softphone' | 'canDial'

/**
 * The connection as the widget tells it: the agent's session (`ON_LOGIN`, `ON_LOGOUT`,
 * `ON_SERVER_ERROR`), the widget script's load, and the phone's readiness (`canDial`,
 * `ON_SOFTPHONE_STATUS_CHANGE`). While the phone cannot dial, the connection is `closed` with
 * the reason, so a call button shows calls as unavailable instead of failing on click. No initial
 * readiness is documented: the phone is taken as ready until told.
 */
export function createWidgetConnection(log: ClientLogger, emit: (event: CallEvent) => void) {
  let status: ConnectionStatus = 'open'
  /** Why the session ended (a forced logout …), kept for the logout that follows. */
  let sessionError: CallError | undefined
  /** The widget reported `ON_LOGOUT` and no `ON_LOGIN` since. */
  let signedOut = false
  /** The widget script failed to load and no later load worked yet. */
  let loadFailed = false
  const phoneBlocks = new Map<PhoneBlock, CallError>()

  /** A connection event; its status is also the one later errors report. */
  function connection(next: ConnectionStatus, error?: CallError): CallEvent {
    status = next
    return { type: 'connection', status: next, ...(error && { error: error.toJSON() }) }
  }

  function phoneConnection(): CallEvent {
    const [blocked] = phoneBlocks.values()
    return blocked ? connection('closed', blocked) : connection('open')
  }

  function setPhoneBlock(source: PhoneBlock, blocked: CallError | undefined) {
    if (phoneBlocks.get(source)?.message === blocked?.message) return
    if (blocked) phoneBlocks.set(source, blocked)
    else phoneBlocks.delete(source)
    // While the session is down (signed out, widget not loaded) it says so itself; `reopen`
    // reports the phone's state when it is back.
    if (!signedOut && !loadFailed) emit(phoneConnection())
  }

  return {
    /** The current status, with an error (a snapshot that could not be read). */
    event: (error?: CallError) => connection(status, error),
    /** Closed with `error` (a snapshot refused for a signed-out agent). */
    closed: (error: CallError) => connection('closed', error),
    /** Open again (a login, a load that worked after failures): reports the phone's state. */
    reopen() {
      sessionError = undefined
      signedOut = false
      loadFailed = false
      emit(phoneConnection())
    },
    signOut() {
      signedOut = true
      emit(
        connection(
          'closed',
          sessionError ?? bpErrors.error('unauthorized', SIGNED_OUT, { name: 'ON_LOGOUT' }),
        ),
      )
    },
    serverError(data: Partial<ServerErrorData> | undefined) {
      const { error, sessionEnded } = serverErrorToCallError(data ?? {})
      log.warn(`server error ${data?.code} ${data?.name}`, data)
      if (sessionEnded) sessionError = error
      emit(connection(sessionEnded ? 'closed' : status, error))
    },
    /** The widget script failed to load: `reconnecting` until a later load works. */
    loadFailure(error: CallError) {
      loadFailed = true
      emit(connection('reconnecting', error))
    },
    /** Whether loads failed before this one worked. */
    get loadFailed() {
      return loadFailed
    },
    /** `canDial: false` (no registered phone …): calls cannot start, so say so before a click. */
    capabilities(caps: Partial<PhoneCapabilities> | undefined) {
      setPhoneBlock(
        'canDial',
        caps?.canDial === false
          ? bpErrors.error(
              'not_ready',
              'Your Bright Pattern phone cannot place calls right now. Check the phone device in the widget.',
              { name: 'ON_PHONE_CAPABILITIES_CHANGE', message: 'canDial: false' },
            )
          : undefined,
      )
    },
    softphone(ready: boolean, error?: string) {
      const why = typeof error === 'string' && error ? ` (${error})` : ''
      setPhoneBlock(
        'softphone',
        ready === false
          ? bpErrors.error(
              'not_ready',
              `Your phone is not ready to call${why}. Check the phone device in the Bright Pattern widget.`,
              { name: 'ON_SOFTPHONE_STATUS_CHANGE', ...(why && { message: error }) },
            )
          : undefined,
      )
    },
  }
}

export type WidgetConnection = ReturnType<typeof createWidgetConnection>
