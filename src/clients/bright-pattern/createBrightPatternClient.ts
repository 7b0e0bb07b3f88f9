import { createCallRegistry } from '../../client-kit/createCallRegistry.js'
import { createEventHub } from '../../client-kit/createEventHub.js'
import { createClientLogger } from '../../client-kit/logger.js'
import { ALL_CAPABILITIES, type CallCapabilities } from '../../core/CallClient.js'
import { isCallError } from '../../core/CallError.js'
import type { CallEvent } from '../../core/CallEvent.js'
import { failure } from '../../core/result.js'
import type { BrightPatternClient } from './BrightPatternClient.js'
import { callAdApi } from './callAdApi.js'
import { readSnapshot } from './readSnapshot.js'
import { createControls } from './controls.js'
import { createDeferredDials } from './deferredDials.js'
import { createWidgetLoader } from './loadWidget.js'
import {
  resolveBrightPatternOptions,
  type AnyBrightPatternOptions,
  type BrightPatternClientOptions,
} from './options.js'
import { createPlaceCall } from './placeCall.js'
import { bpErrors, PROVIDER } from './protocol/brightPatternErrors.js'
import { createInteractionTracker, type BrightPatternCall } from './trackInteractions.js'
import { createWidgetConnection } from './widgetConnection.js'
import { createWidgetHandlers } from './widgetHandlers.js'

/**
 * A `CallClient` for the Bright Pattern Communicator Widget SDK (`adApi`). Calls start with
 * `adApi.startCall(phone, object)`; live state comes from the widget's callbacks; the controls
 * map to `leaveInteraction`, `setCallHold`, `setCallMute`, `sendDtmf` and
 * `addInteractionAssociatedObject`; after-call work to `getDispositionsList` and
 * `leaveAndCompleteInteraction`. The widget holds the agent's session: no credentials here.
 *
 * @example
 * // The app already has the widget:
 * const client = createBrightPatternClient({ adApi })
 *
 * // Or let the client load it from the tenant:
 * const client = createBrightPatternClient({
 *   scriptUrl: 'https://acme.brightpattern.com/agent/communicator/adapters/api.js',
 *   initOptions: { mountRoot: document.getElementById('bp-widget')! },
 * })
 * <CallProvider client={client}>…</CallProvider>
 */
export function createBrightPatternClient(
  clientOptions: BrightPatternClientOptions,
): BrightPatternClient {
  const options: AnyBrightPatternOptions = clientOptions
  const settings = resolveBrightPatternOptions(options)
  const log = createClientLogger(PROVIDER, options.logger)
  const hub = createEventHub<CallEvent>(log)
  const calls = createCallRegistry<BrightPatternCall>({ historyLimit: options.historyLimit })
  // The widget answers and turns down offered calls. It keeps the agent in after-call work when
  // the service has it (`wrap_up`): completed from here with the afterCallWork option, else in the
  // widget. It calls from the agent's DIDs: chosen from here with the callerId option.
  let capabilities: CallCapabilities = {
    ...ALL_CAPABILITIES,
    afterCallWork: Boolean(options.afterCallWork),
    answer: true,
    decline: true,
    callerId: Boolean(options.callerId),
  }
  let disposed = false
  const isDisposed = () => disposed
  const emit = (event: CallEvent | undefined) => {
    if (event && !disposed) hub.emit(event)
  }

  const connection = createWidgetConnection(log, emit)
  const deferrals = createDeferredDials({
    calls,
    log,
    emit,
    correlationMs: settings.deferredCorrelationMs,
    attach(object, widgetId) {
      void widget.ready().then(async (api) => {
        if (isCallError(api)) return
        const result = await callAdApi('addInteractionAssociatedObject', () =>
          api.addInteractionAssociatedObject(object, widgetId),
        )
        if (isCallError(result))
          log.warn(`could not attach ${object.id} to interaction ${widgetId}`, result)
      })
    },
  })
  const tracker = createInteractionTracker({
    calls,
    log,
    stateMap: settings.stateMap,
    answerSignal: options.answerSignal,
    timeUnit: settings.timeUnit,
    takeOver: deferrals.takeOver,
  })

  const resync = () => readSnapshot({ ready: () => widget.ready(), connection, tracker, log })

  /** The connection is open again: say so, then catch up on what the widget did meanwhile. */
  function reopen(why: string) {
    connection.reopen()
    resync().then(
      (events) => events.forEach(emit),
      (error: unknown) => log.warn(`resync after ${why} failed`, error),
    )
  }

  const wire = createWidgetHandlers({
    tracker,
    connection,
    log,
    emit,
    onLogin: () => reopen('login'),
    onPhoneCapabilities(phone) {
      capabilities = { ...capabilities, ...phone }
      emit({ type: 'capabilities', capabilities: phone })
    },
    onSaveActivityRecord: options.onSaveActivityRecord,
    disposed: isDisposed,
  })
  const widget = createWidgetLoader({
    adApi: options.adApi,
    scriptUrl: options.scriptUrl,
    initOptions: options.initOptions,
    scriptTimeoutMs: settings.scriptTimeoutMs,
    scriptRetryDelayMs: settings.scriptRetryDelayMs,
    log,
    disposed: isDisposed,
    onBuilt(adApi) {
      wire(adApi, 'on')
      if (connection.loadFailed) reopen('loading the widget')
    },
    onFailure(error, retryInMs) {
      log.warn(`${error.message} Retrying in ${retryInMs} ms.`, error.provider)
      connection.loadFailure(error)
    },
  })
  const parts = { tracker, deferrals, widget, log, emit, disposed: isDisposed }
  const controls = createControls({ ...parts, hangupMethod: options.hangupMethod })
  const callerIds = options.callerId?.(parts) ?? {
    listCallerIds: () => Promise.reject(noCallerId()),
    select: async () => noCallerId(),
  }
  const noCallerId = () =>
    bpErrors.error(
      'not_supported',
      'This Bright Pattern client calls from the number chosen in the widget: pass `callerId: brightPatternCallerId()` to createBrightPatternClient to choose it from here.',
    )
  const leftToWidget = async () =>
    failure(
      bpErrors.error(
        'not_supported',
        'This Bright Pattern client leaves the wrap-up to the widget: pass `afterCallWork: brightPatternAfterCallWork()` to createBrightPatternClient to do it from here.',
      ),
    )
  const afterCallWork = options.afterCallWork?.({ ...parts, control: controls.control }) ?? {
    listDispositions: leftToWidget,
    completeWrapUp: leftToWidget,
  }

  const client: BrightPatternClient = {
    name: PROVIDER,
    get capabilities() {
      return capabilities
    },
    startCall: createPlaceCall({
      ...parts,
      firstEventTimeoutMs: settings.firstEventTimeoutMs,
      selectCallerId: callerIds.select,
    }),
    subscribe: hub.subscribe,
    hangup: controls.hangup,
    hold: controls.hold,
    resume: controls.resume,
    mute: controls.mute,
    sendDtmf: controls.sendDtmf,
    updateAssociatedObject: controls.updateAssociatedObject,
    answer: controls.answer,
    decline: controls.decline,
    listCallerIds: callerIds.listCallerIds,
    completeWrapUp: afterCallWork.completeWrapUp,
    listDispositions: afterCallWork.listDispositions,
    snapshot: async () => (disposed ? [] : resync()),
    getAdApi: widget.get,
    dispose() {
      if (disposed) return
      disposed = true
      widget.dispose()
      for (const call of calls.all()) clearTimeout(call.timer)
      const adApi = widget.current()
      if (adApi) wire(adApi, 'remove')
      hub.clear()
    },
  }

  if (options.adApi) wire(options.adApi, 'on')
  else if (typeof document !== 'undefined') widget.preload()
  return client
}
