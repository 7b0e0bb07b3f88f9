import { createBackoff } from '../../client-kit/backoff.js'
import { checkStart } from '../../client-kit/checkStart.js'
import { createCallRegistry } from '../../client-kit/createCallRegistry.js'
import { createEventHub } from '../../client-kit/createEventHub.js'
import { createClientLogger } from '../../client-kit/logger.js'
import { isDtmf } from '../../client-kit/standardErrors.js'
import { formatDuration } from '../../client-kit/text.js'
import type { CallClient, ControlResult, StartCallResult } from '../../core/CallClient.js'
import type { CallEvent, InteractionEvent } from '../../core/CallEvent.js'
import { failure, success } from '../../core/result.js'
import type { InteractionAssociatedObject } from '../../core/types.js'
import { validateAssociatedObject } from '../../core/validateAssociatedObject.js'
import { createCometdNotifications } from './createCometdNotifications.js'
import { createGwsApi } from './gwsApi.js'
import { createInboundControls } from './inboundCalls.js'
import { createSession, type GenesysSession } from './openSession.js'
import { resolveGenesysTimes, type GenesysClientOptions } from './options.js'
import type { GenesysCall } from './protocol/GenesysCall.js'
import { gwsErrors, PROVIDER } from './protocol/gwsErrors.js'
import { toUserData } from './protocol/toUserData.js'
import { createGenesysTracker, type GenesysTracked } from './trackGenesysCalls.js'

/** A `CallClient` for Genesys, with every control GWS offers (each gated by `call.capabilities`). */
export interface GenesysClient extends CallClient {
  answer(interactionId: string): Promise<ControlResult>
  decline(interactionId: string): Promise<ControlResult>
  hangup(interactionId: string): Promise<ControlResult>
  hold(interactionId: string): Promise<ControlResult>
  resume(interactionId: string): Promise<ControlResult>
  sendDtmf(interactionId: string, digits: string): Promise<ControlResult>
  updateAssociatedObject(
    interactionId: string,
    object: InteractionAssociatedObject,
  ): Promise<ControlResult>
  snapshot(): Promise<CallEvent[]>
}

/**
 * A client for Genesys Web Services API v2: `Dial` over HTTP, live state over CometD
 * (`/v2/me/calls`), per-call capabilities from `call.capabilities`, and the calls' state read from
 * `GET /api/v2/me/calls?fields=*` on `snapshot()` and after a lost Bayeux session.
 *
 * @example
 * const client = createGenesysClient({ baseUrl: 'https://gws.example.com', auth: 'session' })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createGenesysClient(options: GenesysClientOptions): GenesysClient {
  const { baseUrl, correlationKey = 'X-Client-Correlation', userDataPrefix = 'crm_' } = options
  const { timeoutMs, firstEventTimeoutMs } = resolveGenesysTimes(options)
  const log = createClientLogger(PROVIDER, options.logger)
  const api = createGwsApi({ baseUrl, auth: options.auth, timeoutMs, fetch: options.fetch, log })
  const notificationsUrl = baseUrl + (options.notificationsPath ?? '/api/v2/notifications')
  if (!options.notifications)
    log.debug(`CometD (${options.transport ?? 'long-polling'}) at ${notificationsUrl}`)
  const hub = createEventHub<CallEvent>(log)
  const calls = createCallRegistry<GenesysTracked>({ historyLimit: options.historyLimit })
  const tracker = createGenesysTracker({ calls, log, correlationKey })
  const resyncBackoff = createBackoff({ initialMs: 1_000, maxMs: 30_000 })
  let session: GenesysSession | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  const emit = (event: CallEvent | undefined) => {
    if (event && !disposed) hub.emit(event)
  }
  const sessions = createSession({
    api,
    log,
    timeoutMs,
    deviceId: options.deviceId,
    startContactCenterSession: options.startContactCenterSession,
    notifications:
      options.notifications ??
      createCometdNotifications({
        url: notificationsUrl,
        transport: options.transport,
        headers: api.authorization ? { Authorization: api.authorization } : undefined,
      }),
    onCallMessage(data) {
      const message = data as { call?: GenesysCall; phoneNumber?: string } | null
      if (typeof message?.call?.id === 'string')
        emit(tracker.notify(message.call, message.phoneNumber ?? session?.agentNumber))
      else log.debug('ignored notification', data)
    },
    onConnection: emit,
    onRestored: () => void resync(),
  })
  const ready = async () => (session = await sessions.ready())

  /** Reads the calls' state; `undefined` when GWS's answer does not say (nothing is ended then). */
  async function readCalls(): Promise<InteractionEvent[] | undefined> {
    await ready()
    return tracker.readList(await api.get('/calls?fields=*'), session?.agentNumber)
  }

  /** After a lost Bayeux session: notifications may be lost, so read the calls, retrying with backoff. */
  async function resync() {
    clearTimeout(retry)
    const events = await readCalls().catch((error: unknown) => {
      log.warn('reading the calls after a reconnect failed; trying again.', error)
      return undefined
    })
    if (disposed) return
    if (events) {
      resyncBackoff.reset()
      events.forEach(emit)
    } else retry = setTimeout(() => void resync(), resyncBackoff.fail())
  }

  async function operate(id: string, operationName: string, extra?: object) {
    const entry = calls.get(id)
    if (!entry) return failure(gwsErrors.error('not_found', `There is no Genesys call ${id}.`))
    if (entry.ended) return failure(gwsErrors.error('invalid_state', 'The call has already ended.'))
    if (!entry.providerId)
      return failure(gwsErrors.error('invalid_state', 'The call has not reached Genesys yet.'))
    try {
      await api.post(`/calls/${encodeURIComponent(entry.providerId)}`, { operationName, ...extra })
      return success(null)
    } catch (error) {
      return failure(gwsErrors.normalize(error))
    }
  }

  /** No notification reported the dial in time: fail it, so nothing stays "calling" for ever. */
  function failUnreported(entry: GenesysTracked) {
    if (entry.providerId || entry.ended) return
    log.warn(`no Dialing notification for ${entry.id}`)
    const error = gwsErrors.error(
      'timeout',
      `Genesys did not report the call within ${formatDuration(firstEventTimeoutMs)}. Check your phone before calling again.`,
    )
    emit(calls.record(entry, { type: 'failed', error: error.toJSON() }))
  }

  async function startCall(
    phoneNumber: string,
    initialObject?: unknown,
    startOptions?: unknown,
  ): Promise<StartCallResult> {
    const checked = checkStart(
      { phoneNumber, initialObject, options: startOptions },
      {
        errors: gwsErrors,
        disposed,
        dialString: {
          ...options.dialString,
          policy: { unnormalizedLocal: 'pass', ...options.dialString?.policy },
        },
      },
    )
    if (!checked.ok) return checked.result
    const { dialString, associatedObject: object, signal } = checked
    const id = `gws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
    const entry: GenesysTracked = { id, at: 0, ended: false, phone: dialString.value, object }
    try {
      const { deviceId } = await ready()
      if (signal?.aborted) throw gwsErrors.aborted()
      entry.dest = options.formatDestination?.(dialString) ?? dialString.value
      // Tracked before the POST: the Dialing notification may beat the HTTP reply.
      calls.add(entry)
      // Empty `location` and `outboundCallerId` are left out (JSON drops `undefined`).
      const dial = {
        operationName: 'Dial',
        destination: { phoneNumber: entry.dest },
        userData: { ...toUserData(object, userDataPrefix), [correlationKey]: id },
        location: options.location || undefined,
        // Per call (a start's `from`), else the client-wide default.
        outboundCallerId: fromOf(startOptions) || options.outboundCallerId || undefined,
      }
      await api.post(`/devices/${encodeURIComponent(deviceId)}/calls`, dial, signal)
    } catch (thrown) {
      const reason = signal?.aborted ? gwsErrors.aborted(thrown) : gwsErrors.normalize(thrown)
      if (entry.providerId) emit(calls.record(entry, { type: 'failed', error: reason.toJSON() }))
      else calls.remove(entry)
      return failure(reason)
    }
    if (!entry.providerId) {
      const initiating = { phoneNumber: entry.phone, associatedObject: object }
      emit(
        calls.record(entry, {
          type: 'status',
          status: 'initiating',
          direction: 'outbound',
          ...initiating,
        }),
      )
      entry.timer = setTimeout(() => failUnreported(entry), firstEventTimeoutMs)
    }
    return success({ id })
  }

  return {
    name: PROVIDER,
    capabilities: {
      deferredDial: false,
      hangup: true,
      hold: true,
      mute: false,
      dtmf: true,
      updateAssociatedObject: true,
      // Per call, as the call's `capabilities` list `Answer` and `Reject` (queue-delivered calls only).
      answer: true,
      decline: true,
      callerId: true,
    },
    startCall,
    // GWS lists no caller IDs: they come from the app's configuration.
    listCallerIds: async () =>
      options.callerIds?.map((callerId) => ({ ...callerId })) ??
      (options.outboundCallerId ? [{ number: options.outboundCallerId, default: true }] : []),
    subscribe: hub.subscribe,
    ...createInboundControls(operate, (id) => calls.get(id)),
    hangup: (id) => operate(id, 'Hangup'),
    hold: (id) => operate(id, 'Hold'),
    resume(id) {
      log.once('retrieve', 'debug', 'Retrieve is sent with no body, like Hold (community usage).')
      return operate(id, 'Retrieve')
    },
    async sendDtmf(id, digits) {
      if (!isDtmf(digits)) return failure(gwsErrors.badDtmf(digits))
      return operate(id, 'SendDtmf', { digits })
    },
    async updateAssociatedObject(id, object) {
      const checked = validateAssociatedObject(object)
      if (!checked.ok) return failure(checked.error)
      const result = await operate(id, 'UpdateUserData', {
        userData: toUserData(object, userDataPrefix),
      })
      const entry = calls.get(id)
      if (result.status === 'success' && entry) {
        entry.object = object
        emit(calls.record(entry, { type: 'updated', associatedObject: object }))
      }
      return result
    },
    async snapshot() {
      await readCalls()
      return calls.snapshot()
    },
    dispose() {
      if (disposed) return
      for (const entry of calls.all()) clearTimeout(entry.timer)
      clearTimeout(retry)
      sessions.close()
      emit({ type: 'connection', status: 'closed' })
      disposed = true
      hub.clear()
    },
  }
}

/** A start's `from` (its caller ID), when it is text. */
function fromOf(startOptions: unknown): string | undefined {
  const from = (startOptions as { from?: unknown } | undefined)?.from
  return typeof from === 'string' ? from : undefined
}
