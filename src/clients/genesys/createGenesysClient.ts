import { createCallRegistry } from '../../client-kit/createCallRegistry.js'
import { createEventHub } from '../../client-kit/createEventHub.js'
import { createClientLogger } from '../../client-kit/logger.js'
import type { CallEvent } from '../../core/CallEvent.js'
import { createCallOperations } from './callOperations.js'
import type { ClientParts } from './ClientParts.js'
import { createCometdNotifications } from './createCometdNotifications.js'
import type { GenesysClient } from './GenesysClient.js'
import { createGwsApi } from './gwsApi.js'
import { createInboundControls } from './inboundCalls.js'
import { createSession } from './openSession.js'
import { resolveGenesysTimes, type GenesysClientOptions } from './options.js'
import { createPlaceDial } from './placeDial.js'
import type { GenesysCall } from './protocol/GenesysCall.js'
import { gwsErrors, PROVIDER } from './protocol/gwsErrors.js'
import { failure } from '../../core/result.js'
import { createResync } from './resyncCalls.js'
import { createGenesysTracker, type GenesysTracked } from './trackGenesysCalls.js'

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
  const tracker = createGenesysTracker({
    calls,
    log,
    correlationKey,
    afterCallWork: Boolean(options.afterCallWork),
  })
  let agentNumber: string | undefined
  let disposed = false
  const isDisposed = () => disposed
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
        emit(tracker.notify(message.call, message.phoneNumber ?? agentNumber))
      else log.debug('ignored notification', data)
    },
    onDeviceMessage: (data) => afterCallWork?.onDeviceMessage(data),
    onConnection: emit,
    onRestored: () => void resyncs.resync(),
  })
  const parts: ClientParts = {
    api,
    calls,
    log,
    emit,
    disposed: isDisposed,
    async ready() {
      const session = await sessions.ready()
      agentNumber = session.agentNumber
      return session
    },
  }
  const resyncs = createResync({ ...parts, tracker })
  const operations = createCallOperations({ ...parts, userDataPrefix })
  const afterCallWork = options.afterCallWork?.({ ...parts, operate: operations.operate })
  const noAfterCallWork = async () =>
    failure(
      gwsErrors.error(
        'not_supported',
        'This Genesys client leaves after-call work to Workspace: pass `afterCallWork: genesysAfterCallWork()` to createGenesysClient to do it from here.',
      ),
    )

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
      afterCallWork: Boolean(afterCallWork),
    },
    startCall: createPlaceDial({
      ...parts,
      correlationKey,
      userDataPrefix,
      firstEventTimeoutMs,
      dialString: options.dialString,
      formatDestination: options.formatDestination,
      location: options.location,
      outboundCallerId: options.outboundCallerId,
    }),
    // GWS lists no caller IDs: they come from the app's configuration.
    listCallerIds: async () =>
      options.callerIds?.map((callerId) => ({ ...callerId })) ??
      (options.outboundCallerId ? [{ number: options.outboundCallerId, default: true }] : []),
    subscribe: hub.subscribe,
    ...createInboundControls(operations.operate, (id) => calls.get(id)),
    hangup: operations.hangup,
    hold: operations.hold,
    resume: operations.resume,
    sendDtmf: operations.sendDtmf,
    updateAssociatedObject: operations.updateAssociatedObject,
    attachWrapUp: afterCallWork?.attachWrapUp ?? noAfterCallWork,
    completeWrapUp: afterCallWork?.completeWrapUp ?? noAfterCallWork,
    async snapshot() {
      await resyncs.readCalls()
      return calls.snapshot()
    },
    dispose() {
      if (disposed) return
      for (const entry of calls.all()) clearTimeout(entry.timer)
      resyncs.stop()
      sessions.close()
      emit({ type: 'connection', status: 'closed' })
      disposed = true
      hub.clear()
    },
  }
}
